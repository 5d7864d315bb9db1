package org.viplab.ui.tune;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.jfree.chart.fx.ChartViewer;
import org.viplab.core.util.Durations;
import org.viplab.report.TuneChart;
import org.viplab.tune.Evaluation;
import org.viplab.tune.TuneResult;
import org.viplab.ui.common.I18n;
import org.viplab.ui.common.RunControls;

import java.util.Locale;
import java.util.function.Function;

/**
 * Tools > Tune…: the target and the stress, Run / Cancel with progress and ETA, the candidates (recommended first),
 * the trade-off plot, the selected candidate's config diff and Apply to lab. Enter runs, Escape cancels a running
 * search (or closes), Ctrl+Enter applies the selected candidate. Bound to {@link TuneModel}; no logic.
 */
public final class TuneDialog {
    private final TuneModel model;
    private final I18n i18n;
    private final Stage stage = new Stage();
    private final ChartViewer chart = new ChartViewer(null);
    private final TableView<Evaluation> table = new TableView<>();

    public TuneDialog(TuneModel model, I18n i18n, Window owner) {
        this.model = model;
        this.i18n = i18n;
        stage.initOwner(owner);
        stage.titleProperty().bind(i18n.bind("tune.title"));
        TextField target = field("tune-target", model.targetProperty(), 6);
        TextField stall = field("tune-stall", model.stallProperty(), 6);
        TextField loss = field("tune-loss", model.lossProperty(), 5);
        TextField seeds = field("tune-seeds", model.seedsProperty(), 8);
        RunControls controls = new RunControls(i18n, "tune", model.runningProperty(), model.progressProperty(), model.stateProperty(),
                model::run, model::cancel);
        controls.run.setDefaultButton(true);

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, label("tune.target"), target, label("tune.stall"), stall, label("tune.loss"), loss, label("tune.seeds"), seeds);
        Label explain = label("tune.explain");
        explain.setWrapText(true);
        VBox top = new VBox(8, form, explain, controls.row(), controls.state);
        top.setPadding(new Insets(8));

        TextArea diff = new TextArea();
        diff.setId("tune-diff");
        diff.setEditable(false);
        diff.setStyle("-fx-font-family: monospace;");
        diff.textProperty().bind(model.diffProperty());
        Button apply = button("tune.apply", "tune-apply");
        apply.disableProperty().bind(model.selectedProperty().isNull().or(model.runningProperty()));
        apply.setOnAction(e -> model.applySelected());
        Label diffTitle = label("tune.diffTitle");
        VBox right = new VBox(6, chart, diffTitle, diff, apply);
        right.setPadding(new Insets(0, 8, 8, 0));
        VBox.setVgrow(chart, Priority.ALWAYS);
        VBox.setVgrow(diff, Priority.SOMETIMES);
        chart.setId("tune-chart");
        chart.setPrefHeight(320);
        chart.setVisible(false);
        SplitPane split = new SplitPane(table(), right);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.6);

        BorderPane root = new BorderPane(split, top, null, null, null);
        root.setId("tune-dialog");
        Scene scene = new Scene(root, 1500, 800);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), () -> {
            if (model.runningProperty().get()) model.cancel(); else stage.close();
        });
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN), () -> {
            if (!apply.isDisabled()) model.applySelected();
        });
        stage.setScene(scene);
        model.resultProperty().addListener((o, a, r) -> draw(r));
        i18n.localeProperty().addListener((o, a, b) -> {
            draw(model.resultProperty().get());
            table.refresh(); // the verdicts are words of the language
        });
        model.selectedProperty().addListener((o, a, e) -> { if (e != null && table.getSelectionModel().getSelectedItem() != e) table.getSelectionModel().select(e); });
    }

    public Stage stage() { return stage; }

    public void show() {
        stage.show();
        stage.toFront();
    }

    public TableView<Evaluation> table() {
        if (!table.getColumns().isEmpty()) return table;
        table.setId("tune-table");
        table.setItems(model.rows());
        TableColumn<Evaluation, String> n = column("tune.col.n", e -> Integer.toString(e.order()));
        TableColumn<Evaluation, String> settings = column("tune.col.settings", e -> e.candidate().label());
        TableColumn<Evaluation, String> p50 = column("tune.col.p50", e -> ms(e.downtime().p50()));
        TableColumn<Evaluation, String> p99 = column("tune.col.p99", e -> ms(e.downtime().p99()));
        TableColumn<Evaluation, String> ff = column("tune.col.false", e -> e.falseFailovers() + "/" + e.noFaultRuns());
        TableColumn<Evaluation, String> verdict = column("tune.col.verdict",
                e -> i18n.get("tune.verdict." + e.verdict().name().toLowerCase(Locale.ROOT)) + (e.screenedOut() ? " *" : ""));
        n.setPrefWidth(40);
        settings.setPrefWidth(420);
        p50.setPrefWidth(72);
        p99.setPrefWidth(72);
        ff.setPrefWidth(100);
        verdict.setPrefWidth(150);
        table.getColumns().add(n);
        table.getColumns().add(settings);
        table.getColumns().add(p50);
        table.getColumns().add(p99);
        table.getColumns().add(ff);
        table.getColumns().add(verdict);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, e) -> { if (e != null) model.select(e); });
        table.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(Evaluation e, boolean empty) {
                super.updateItem(e, empty);
                setStyle(empty || e == null ? "" : e.meets() ? "-fx-background-color: #e8f5e9;" : "");
            }
        });
        Label none = new Label();
        none.textProperty().bind(i18n.bind("tune.table.none"));
        table.setPlaceholder(none);
        return table;
    }

    private void draw(TuneResult r) {
        chart.setVisible(r != null && !r.evaluations().isEmpty());
        if (r == null || r.evaluations().isEmpty()) return;
        chart.setChart(TuneChart.of(r, i18n.locale()));
    }

    private static String ms(long us) { return us == Long.MAX_VALUE ? "∞" : String.format(Locale.ROOT, "%.0f", Durations.ms(us)); }

    private TableColumn<Evaluation, String> column(String key, Function<Evaluation, String> value) {
        TableColumn<Evaluation, String> c = new TableColumn<>();
        c.textProperty().bind(i18n.bind(key));
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        return c;
    }

    private TextField field(String id, javafx.beans.property.StringProperty p, int columns) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(columns);
        f.textProperty().bindBidirectional(p);
        return f;
    }

    private Label label(String key) {
        Label l = new Label();
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
