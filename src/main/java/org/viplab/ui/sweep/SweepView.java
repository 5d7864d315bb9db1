package org.viplab.ui.sweep;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.jfree.chart.fx.ChartViewer;
import org.viplab.charts.ChartText;
import org.viplab.charts.DistributionCharts;
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
 * The Sweep tab: the form (drill, seeds, settings), Run / Cancel with a progress bar, the client downtime's CDF
 * per combination and the worst runs, each openable as an ordinary drill run. Bound to {@link SweepModel}; no logic.
 */
public final class SweepView extends BorderPane {
    private final SweepModel model;
    private final I18n i18n;
    private final ChartViewer chart = new ChartViewer(null);
    private final TableView<SweepModel.WorstRun> worst = new TableView<>();

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
        RunControls controls = new RunControls(i18n, "sweep", model.runningProperty(), model.progressProperty(), model.stateProperty(),
                model::run, model::cancel);

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, label("sweep.drill"), file, browse);
        form.addRow(1, label("sweep.seeds"), seeds);
        form.addRow(2, label("sweep.settings"), settings);
        GridPane.setHgrow(file, Priority.ALWAYS);
        GridPane.setColumnSpan(settings, 2);
        VBox left = new VBox(8, form, controls.row(), controls.state, worstTable());
        left.setPadding(new Insets(8));
        left.setPrefWidth(560);
        VBox.setVgrow(worst, Priority.ALWAYS);
        setLeft(left);
        chart.setId("sweep-chart");
        chart.setVisible(false);
        setCenter(chart);
        model.resultProperty().addListener((o, a, r) -> draw(r));
        i18n.localeProperty().addListener((o, a, b) -> draw(model.resultProperty().get()));
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
        if (r == null) return;
        List<DistributionCharts.Sample> samples = new ArrayList<>();
        for (CombinationStats c : r.stats()) {
            long[] v = r.runsOf(c.combination().index()).stream().filter(f -> f.has(Metric.CLIENT_DOWNTIME))
                    .mapToLong(f -> f.us(Metric.CLIENT_DOWNTIME)).toArray();
            if (v.length > 0) samples.add(new DistributionCharts.Sample(c.combination().label(), v));
        }
        chart.setChart(DistributionCharts.cdf(new ChartText(i18n.locale()), i18n.get("sweep.chart.downtime"), samples));
    }

    private <T> TableColumn<T, String> column(String key, java.util.function.Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>();
        c.textProperty().bind(i18n.bind(key));
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        return c;
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
