package org.viplab.ui.charts;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.viplab.core.timeline.Timeline;
import org.viplab.drill.DrillResult;
import org.viplab.testing.Drills;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The app's charts for the readwrite sample: a VIP plot per instance, in Chinese too. */
@ExtendWith(ApplicationExtension.class)
class InstanceLanesPaneTest {
    private Stage stage;

    @Start
    void start(Stage stage) { this.stage = stage; }

    @Test
    void theReadwriteSampleShowsAVipPlotPerInstance(FxRobot robot) throws Exception {
        DrillResult r = Drills.runFile(Path.of("samples/drills/32-readwrite-sync-group-read-follows-write.json"));
        ChartsPane[] pane = new ChartsPane[1];
        robot.interact(() -> {
            pane[0] = new ChartsPane(r.drill().topology(), Locale.SIMPLIFIED_CHINESE);
            stage.setScene(new Scene(pane[0], 1280, 820));
            stage.show();
            pane[0].attach(new Timeline(r.events()));
            pane[0].showWindow(0, r.endUs());
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, pane[0].charts().vipPlots().size());
        assertEquals("VI_READ 所在", pane[0].charts().vipPlots().get(1).getRangeAxis().getLabel());
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = stage.getScene().snapshot(null));
        Path out = Path.of("target", "screenshots", "charts-readwrite-app-zh.png");
        Files.createDirectories(out.getParent());
        ImageIO.write(SwingFXUtils.fromFXImage(shot[0], null), "png", out.toFile());
        assertTrue(Files.size(out) > 10_000, "a real picture, not a blank one");
    }
}
