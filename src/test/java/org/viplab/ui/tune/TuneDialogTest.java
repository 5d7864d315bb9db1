package org.viplab.ui.tune;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.viplab.core.model.Presets;
import org.viplab.core.model.Topology;
import org.viplab.engine.sim.SimulatedLab;
import org.viplab.tune.Evaluation;
import org.viplab.tune.Knob;
import org.viplab.tune.TuneRequest;
import org.viplab.ui.FxWait;
import org.viplab.ui.common.FxTaskExecutor;
import org.viplab.ui.common.I18n;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tools > Tune… in a window: a small search off the FX thread fills the table (recommended first), the trade-off
 * plot and the best one's diff; Apply hands the lab that candidate's topology; the texts switch to Chinese.
 */
@ExtendWith(ApplicationExtension.class)
class TuneDialogTest {
    static {
        System.setProperty("headless.geometry", "1600x1000-32");
    }

    private final ExecutorService work = Executors.newSingleThreadExecutor();
    private final AtomicReference<Topology> applied = new AtomicReference<>();
    private I18n i18n;
    private TuneModel model;
    private TuneDialog dialog;

    @Start
    void start(Stage stage) {
        i18n = new I18n(Locale.ENGLISH);
        model = new TuneModel(new FxTaskExecutor(work), (d, t) -> SimulatedLab.steadyState(d.topology(), d.seed(), t), i18n,
                Presets::mode1, (t, why) -> applied.set(t), 2);
        Map<Knob, List<String>> grid = new EnumMap<>(Knob.class);
        for (String g : List.of("advert_int=1,2,3", "interval=1,2", "fall=1", "weight=-5,0", "preempt=preempt", "rise=1,2")) {
            Map.Entry<Knob, List<String>> e = TuneRequest.gridEntry(g);
            grid.put(e.getKey(), e.getValue());
        }
        model.setGrid(grid);
        model.targetProperty().set("3s");
        model.stallProperty().set("3.7s");
        model.lossProperty().set("");
        model.seedsProperty().set("1-8");
        org.viplab.ui.settings.Theme.LIGHT.apply();
        dialog = new TuneDialog(model, i18n, stage);
        dialog.stage().getScene().getStylesheets().add(TuneDialog.class.getResource("/org/viplab/ui/viplab.css").toExternalForm());
        dialog.show();
    }

    @AfterEach
    void stop() { work.shutdownNow(); }

    @Test
    void aSearchFillsTheTableThePlotAndTheDiffAndApplyGoesToTheLab(FxRobot robot) throws Exception {
        robot.clickOn("#tune-run");
        FxWait.until("the search to finish", 180, () -> model.resultProperty().get() != null);
        TableView<?> table = robot.lookup("#tune-table").queryAs(TableView.class);
        int rows = FxWait.fx(() -> table.getItems().size(), 5);
        assertEquals(model.resultProperty().get().evaluations().size(), rows);
        Evaluation first = (Evaluation) FxWait.fx(() -> table.getItems().get(0), 5);
        assertTrue(first.meets(), "recommended first: " + first);
        assertEquals("2", first.candidate().value(Knob.ADVERT_INT), "advert_int 1 flaps on a 3.7 s stall; 2 is the shortest that does not");
        ChartViewer chart = robot.lookup("#tune-chart").queryAs(ChartViewer.class);
        assertNotNull(FxWait.fx(chart::getChart, 5), "the trade-off is drawn");
        String diff = FxWait.fx(() -> robot.lookup("#tune-diff").queryAs(TextArea.class).getText(), 5);
        assertTrue(diff.contains("-    advert_int 1") && diff.contains("+    advert_int 2"), diff);
        assertTrue(FxWait.fx(() -> robot.lookup("#tune-state").queryAs(Label.class).getText(), 5).contains("meet the target"));
        snapshot("tune-dialog.png");
        robot.clickOn("#tune-apply");
        FxWait.until("the lab to get the settings", 10, () -> applied.get() != null);
        for (var n : applied.get().nodes) assertEquals(2.0, n.keepalived.advertIntSec, n.name);
        FxWait.fx(() -> { i18n.setLocale(I18n.CHINESE); return null; }, 5);
        assertTrue(FxWait.fx(() -> robot.lookup("#tune-state").queryAs(Label.class).getText(), 5).startsWith("已应用到实验室"));
        snapshot("tune-dialog-zh.png");
    }

    private void snapshot(String name) throws Exception {
        WritableImage img = FxWait.fx(() -> dialog.stage().getScene().snapshot(null), 10);
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", dir.resolve(name).toFile());
    }
}
