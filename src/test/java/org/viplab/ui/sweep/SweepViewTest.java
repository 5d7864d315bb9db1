package org.viplab.ui.sweep;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.viplab.engine.sim.SimulatedLab;
import org.viplab.ui.FxWait;
import org.viplab.ui.common.FxTaskExecutor;
import org.viplab.ui.common.I18n;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Sweep tab in a window: Run fills the chart and the worst runs, and the texts switch to Chinese. */
@ExtendWith(ApplicationExtension.class)
class SweepViewTest {
    static {
        // as the other window tests: whichever runs first in the JVM sets Monocle's screen (1280x800 by default)
        System.setProperty("headless.geometry", "1600x1000-32");
    }

    private final ExecutorService work = Executors.newSingleThreadExecutor();
    private I18n i18n;
    private SweepModel model;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        i18n = new I18n(Locale.ENGLISH);
        model = new SweepModel(new FxTaskExecutor(work), (d, t) -> SimulatedLab.steadyState(d.topology(), d.seed(), t), i18n, d -> { }, 2);
        model.fileProperty().set("samples/drills/01-mode1-basic-failover.json");
        model.seedsProperty().set("1-60");
        model.settingsProperty().set("db2.keepalived.priority=90,99");
        org.viplab.ui.settings.Theme.LIGHT.apply();
        Scene scene = new Scene(new SweepView(model, i18n, () -> stage), 1200, 650);
        scene.getStylesheets().add(SweepView.class.getResource("/org/viplab/ui/viplab.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() { work.shutdownNow(); }

    @Test
    void runFillsTheChartAndTheWorstRuns(FxRobot robot) throws Exception {
        // a language switch before any sweep (nothing drawn yet) must not fail
        FxWait.fx(() -> { i18n.setLocale(I18n.CHINESE); i18n.setLocale(I18n.ENGLISH); return null; }, 5);
        robot.clickOn("#sweep-run");
        FxWait.until("the sweep to finish", 120, () -> model.resultProperty().get() != null);
        TableView<?> worst = robot.lookup("#sweep-worst").queryAs(TableView.class);
        assertEquals(10, FxWait.fx(() -> worst.getItems().size(), 5));
        ChartViewer chart = robot.lookup("#sweep-chart").queryAs(ChartViewer.class);
        assertNotNull(FxWait.fx(chart::getChart, 5), "the CDF is drawn");
        assertEquals(2, FxWait.fx(() -> chart.getChart().getXYPlot().getDataset().getSeriesCount(), 5), "one line per combination");
        assertTrue(FxWait.fx(() -> robot.lookup("#sweep-state").queryAs(Label.class).getText(), 5).startsWith("120 runs, 120 passed."));
        snapshot("sweep-tab.png");
        FxWait.fx(() -> { i18n.setLocale(I18n.CHINESE); return null; }, 5);
        assertTrue(FxWait.fx(() -> robot.lookup("#sweep-state").queryAs(Label.class).getText(), 5).startsWith("共 120 次运行"));
        snapshot("sweep-tab-zh.png");
    }

    private void snapshot(String name) throws Exception {
        WritableImage img = FxWait.fx(() -> stage.getScene().snapshot(null), 10);
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", dir.resolve(name).toFile());
    }
}
