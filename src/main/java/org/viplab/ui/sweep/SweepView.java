package org.viplab.ui.sweep;

import javafx.geometry.Insets;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.jfree.chart.fx.ChartViewer;
import org.viplab.charts.ChartText;
import org.viplab.charts.DistributionCharts;
import org.viplab.report.RealTable;
import org.viplab.sweep.RealComparison;
import org.viplab.sweep.CombinationStats;
import org.viplab.sweep.Metric;
import org.viplab.sweep.SweepResult;
import org.viplab.ui.common.I18n;
import org.viplab.ui.common.RunControls;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The Sweep tab: the form (drill, seeds, settings; the engine, and for real hosts the run count and the inventory),
 * Run / Cancel with a progress bar, the client downtime's CDF per combination and the worst runs, each openable as
 * an ordinary drill run. After a real-host sweep: each real run's line, the summary, the KS table and each metric's
 * two CDFs (simulator and real hosts) on one chart, as sweep.html shows them. Bound to {@link SweepModel}; no logic.
 */
public final class SweepView extends BorderPane {
    private final SweepModel model;
    private final I18n i18n;
    private final ChartViewer chart = new ChartViewer(null);
    private final TableView<SweepModel.WorstRun> worst = new TableView<>();
    private final Label resultEngine = new Label();
    private final VBox realResult = new VBox(8);
    private final ScrollPane realScroll = new ScrollPane(realResult);
    private final ListView<Supplier<String>> realLog = new ListView<>();

    public SweepView(SweepModel model, I18n i18n, Supplier<Window> owner) {
        this.model = model;
        this.i18n = i18n;
        setId("sweep-view");
        TextField file = new TextField();
        file.setId("sweep-file");
        file.textProperty().bindBidirectional(model.fileProperty());
        Button browse = button("sweep.browse", "sweep-browse");
        browse.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("drill (*.json)", "*.json"));
            File f = fc.showOpenDialog(owner.get());
            if (f != null) model.fileProperty().set(f.getPath());
        });
        TextField seeds = new TextField();
        seeds.setId("sweep-seeds");
        seeds.setPrefColumnCount(10);
        seeds.textProperty().bindBidirectional(model.seedsProperty());
        TextArea settings = new TextArea();
        settings.setId("sweep-settings");
        settings.setPrefRowCount(3);
        settings.promptTextProperty().bind(i18n.bind("sweep.settings.prompt"));
        settings.textProperty().bindBidirectional(model.settingsProperty());
        ToggleGroup engines = new ToggleGroup();
        RadioButton sim = radio("sweep.engine.sim", "sweep-engine-sim", engines, SweepModel.Engine.SIMULATOR);
        RadioButton realHosts = radio("sweep.engine.real", "sweep-engine-real", engines, SweepModel.Engine.REAL_HOSTS);
        engines.selectToggle(model.engineProperty().get() == SweepModel.Engine.REAL_HOSTS ? realHosts : sim);
        engines.selectedToggleProperty().addListener((o, a, t) -> { if (t != null) model.engineProperty().set((SweepModel.Engine) t.getUserData()); });
        model.engineProperty().addListener((o, a, e) -> engines.selectToggle(e == SweepModel.Engine.REAL_HOSTS ? realHosts : sim));
        realHosts.setDisable(!model.realHostsAvailable());
        BooleanBinding onReal = Bindings.createBooleanBinding(() -> model.engineProperty().get() == SweepModel.Engine.REAL_HOSTS, model.engineProperty());
        Spinner<Integer> runs = new Spinner<>();
        runs.setId("sweep-runs");
        runs.setEditable(true);
        runs.setPrefWidth(100);
        SpinnerValueFactory.IntegerSpinnerValueFactory runValues = new SpinnerValueFactory.IntegerSpinnerValueFactory(1, SweepModel.MAX_REAL_RUNS,
                model.realRunsProperty().get());
        runs.setValueFactory(runValues);
        runValues.valueProperty().addListener((o, a, v) -> { if (v != null) model.realRunsProperty().set(v); });
        model.realRunsProperty().addListener((o, a, v) -> runValues.setValue(v.intValue()));
        TextField inventory = new TextField();
        inventory.setId("sweep-inventory");
        inventory.textProperty().bindBidirectional(model.inventoryProperty());
        String defaultInventory = model.defaultInventory() == null ? "" : model.defaultInventory().toString();
        inventory.promptTextProperty().bind(i18n.bind("sweep.inventory.prompt", defaultInventory));
        Button browseInventory = button("sweep.browse", "sweep-inventory-browse");
        browseInventory.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("inventory (*.json)", "*.json"));
            File f = fc.showOpenDialog(owner.get());
            if (f != null) model.inventoryProperty().set(f.getPath());
        });
        RunControls controls = new RunControls(i18n, "sweep", model.runningProperty(), model.progressProperty(), model.stateProperty(),
                model::run, model::cancel);

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, label("sweep.drill"), file, browse);
        form.addRow(1, label("sweep.seeds"), seeds);
        form.addRow(2, label("sweep.settings"), settings);
        javafx.scene.layout.HBox engineChoice = new javafx.scene.layout.HBox(12, sim, realHosts);
        form.addRow(3, label("sweep.engine"), engineChoice);
        GridPane.setColumnSpan(engineChoice, 2);
        Label runsLabel = label("sweep.runs");
        Label inventoryLabel = label("sweep.inventory");
        form.addRow(4, runsLabel, runs);
        form.addRow(5, inventoryLabel, inventory, browseInventory);
        for (Node n : List.of(runsLabel, runs, inventoryLabel, inventory, browseInventory)) {
            n.visibleProperty().bind(onReal);
            n.managedProperty().bind(onReal);
        }
        GridPane.setHgrow(file, Priority.ALWAYS);
        GridPane.setColumnSpan(settings, 2);
        realLog.setId("sweep-real-log");
        realLog.setItems(model.realLog());
        realLog.setPrefHeight(150);
        realLog.setCellFactory(v -> new ListCell<>() {
            {
                setWrapText(true); // long commands wrap within the list instead of scrolling it sideways
                setPrefWidth(0);
            }

            @Override protected void updateItem(Supplier<String> line, boolean empty) {
                super.updateItem(line, empty);
                setText(empty || line == null ? null : line.get());
            }
        });
        realLog.visibleProperty().bind(onReal);
        realLog.managedProperty().bind(onReal);
        model.realLog().addListener((javafx.collections.ListChangeListener<Supplier<String>>) c -> {
            // after the new cells are laid out (wrapped lines differ in height): the latest line stays in view
            if (!model.realLog().isEmpty()) org.viplab.ui.common.UiThread.later(() -> realLog.scrollTo(model.realLog().size() - 1));
        });
        Label worstTitle = label("sweep.worst.title");
        VBox left = new VBox(8, form, controls.row(), controls.state, realLog, worstTitle, worstTable());
        left.setPadding(new Insets(8));
        VBox.setVgrow(worst, Priority.ALWAYS);
        realLog.setMinHeight(110);
        worst.setMinHeight(140);
        // the app's bottom pane can be short: the form, the runs' lines and the worst runs scroll rather than overlap
        ScrollPane leftScroll = new ScrollPane(left);
        leftScroll.setId("sweep-form-scroll");
        leftScroll.setFitToWidth(true);
        leftScroll.setFitToHeight(true);
        leftScroll.setPrefWidth(580);
        leftScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        setLeft(leftScroll);
        chart.setId("sweep-chart");
        chart.setVisible(false);
        resultEngine.setId("sweep-result-engine");
        resultEngine.setWrapText(true);
        resultEngine.setPadding(new Insets(8, 8, 0, 8));
        realResult.setId("sweep-real-result");
        realResult.setPadding(new Insets(8));
        realScroll.setFitToWidth(true);
        BorderPane center = new BorderPane(chart);
        center.setTop(resultEngine);
        setCenter(center);
        model.resultProperty().addListener((o, a, r) -> draw(r));
        model.comparisonProperty().addListener((o, a, c) -> draw(model.resultProperty().get()));
        i18n.localeProperty().addListener((o, a, b) -> {
            draw(model.resultProperty().get());
            realLog.refresh();
        });
    }

    private RadioButton radio(String key, String id, ToggleGroup group, SweepModel.Engine engine) {
        RadioButton b = new RadioButton();
        b.setId(id);
        b.textProperty().bind(i18n.bind(key));
        b.setToggleGroup(group);
        b.setUserData(engine);
        return b;
    }

    private TableView<SweepModel.WorstRun> worstTable() {
        worst.setId("sweep-worst");
        worst.setItems(model.worst());
        TableColumn<SweepModel.WorstRun, String> combo = column("sweep.col.combination", r -> r.combination().isEmpty() ? "–" : r.combination());
        TableColumn<SweepModel.WorstRun, String> seed = column("sweep.col.seed", r -> Long.toString(r.seed()));
        TableColumn<SweepModel.WorstRun, String> ms = column("sweep.col.downtime", r -> String.format(Locale.ROOT, "%.1f", r.downtimeMs()));
        combo.setPrefWidth(260);
        ms.setPrefWidth(170);
        worst.getColumns().add(combo);
        worst.getColumns().add(seed);
        worst.getColumns().add(ms);
        worst.setRowFactory(t -> {
            var row = new javafx.scene.control.TableRow<SweepModel.WorstRun>();
            row.setOnMouseClicked(e -> { if (e.getClickCount() == 2 && row.getItem() != null) model.open(row.getItem()); });
            return row;
        });
        worst.placeholderProperty().set(new Label());
        ((Label) worst.getPlaceholder()).textProperty().bind(i18n.bind("sweep.worst.none"));
        return worst;
    }

    /** Opens the selected worst run as an ordinary drill run (the table's double-click does the same). */
    public void openSelected() {
        SweepModel.WorstRun r = worst.getSelectionModel().getSelectedItem();
        if (r != null) model.open(r);
    }

    private void draw(SweepResult r) {
        chart.setVisible(r != null); // ChartViewer takes no null chart: nothing to draw before the first sweep
        resultEngine.setText(r == null ? "" : i18n.get("sweep.result.sim", r.plan().seeds().toString(), r.plan().runs()));
        BorderPane center = (BorderPane) getCenter();
        RealComparison real = model.comparisonProperty().get();
        if (r != null && real != null) {
            drawReal(real);
            center.setCenter(realScroll);
            return;
        }
        center.setCenter(chart);
        if (r == null) return;
        List<DistributionCharts.Sample> samples = new ArrayList<>();
        for (CombinationStats c : r.stats()) {
            long[] v = r.runsOf(c.combination().index()).stream().filter(f -> f.has(Metric.CLIENT_DOWNTIME))
                    .mapToLong(f -> f.us(Metric.CLIENT_DOWNTIME)).toArray();
            if (v.length > 0) samples.add(new DistributionCharts.Sample(c.combination().label(), v));
        }
        chart.setChart(DistributionCharts.cdf(new ChartText(i18n.locale()), i18n.get("sweep.chart.downtime"), samples));
    }

    /** Real hosts against the simulator: the summary, the KS table, and each metric's two CDFs, as sweep.html has them. */
    private void drawReal(RealComparison c) {
        RealTable t = new RealTable(c, i18n.locale());
        String summary = t.summary() + (c.cancelled() ? " " + i18n.get("sweep.result.partial", c.real().size(), c.runsAsked()) : "");
        resultEngine.setText(summary);
        TableView<RealTable.Row> ks = new TableView<>();
        ks.setId("sweep-ks");
        ks.getItems().setAll(t.rows());
        ks.getColumns().add(fixed(t.text("sweep.col.metric"), RealTable.Row::name, 200));
        ks.getColumns().add(fixed(t.text("sweep.real.col.runs"), RealTable.Row::runs, 90));
        ks.getColumns().add(fixed(t.text("sweep.real.col.simP50"), RealTable.Row::simP50, 70));
        ks.getColumns().add(fixed(t.text("sweep.real.col.realP50"), RealTable.Row::realP50, 70));
        ks.getColumns().add(fixed(t.text("sweep.real.col.realRange"), RealTable.Row::realRange, 120));
        ks.getColumns().add(fixed("D", RealTable.Row::d, 60));
        ks.getColumns().add(fixed("p", RealTable.Row::p, 60));
        ks.getColumns().add(fixed(t.text("sweep.real.col.crit"), RealTable.Row::crit, 120));
        ks.getColumns().add(fixed(t.text("sweep.real.col.verdict"), RealTable.Row::verdict, 170));
        ks.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        ks.setFixedCellSize(26);
        ks.setPrefHeight(26 * t.rows().size() + 40); // every row, no scrolling: the header is about 30 px
        ks.setMinHeight(Region.USE_PREF_SIZE);
        Label title = new Label(i18n.get("sweep.real.ks"));
        title.getStyleClass().add("sweep-section");
        realResult.getChildren().setAll(title, ks);
        int i = 0;
        for (RealTable.Chart ch : t.charts()) {
            ChartViewer v = new ChartViewer(ch.chart());
            v.setId("sweep-real-chart-" + i++);
            v.setPrefHeight(300);
            v.setMinHeight(300);
            realResult.getChildren().add(v);
        }
    }

    private static <T> TableColumn<T, String> fixed(String heading, java.util.function.Function<T, String> value, double width) {
        TableColumn<T, String> c = new TableColumn<>(heading);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setPrefWidth(width);
        if (width <= 60) c.setMinWidth(width); // D and p: three decimals stay whole when the table is narrow
        return c;
    }

    private <T> TableColumn<T, String> column(String key, java.util.function.Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>();
        c.textProperty().bind(i18n.bind(key));
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        return c;
    }

    private Label label(String key) {
        Label l = new Label();
        l.setMinWidth(Region.USE_PREF_SIZE); // the form's labels are never cut short
        l.textProperty().bind(i18n.bind(key));
        return l;
    }

    private Button button(String key, String id) {
        Button b = new Button();
        b.setId(id);
        b.textProperty().bind(i18n.bind(key));
        return b;
    }
}
