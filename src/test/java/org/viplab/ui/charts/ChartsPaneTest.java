package org.viplab.ui.charts;

import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.viplab.drill.DrillResult;
import org.viplab.core.model.Presets;
import org.viplab.testing.Drills;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Timeline;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ApplicationExtension.class)
class ChartsPaneTest {
    private ChartsPane pane;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        pane = new ChartsPane(Presets.mode1(), Locale.ENGLISH);
        stage.setScene(new Scene(pane, 1280, 760));
        stage.show();
    }

    @Test
    void showsADrillClickSelectsThePriorityZeroAdvertAndSnapshots(FxRobot robot) throws Exception {
        DrillResult r = Drills.run("stop", Drills.KEEPALIVED_STOP);
        robot.interact(() -> {
            pane.attach(new Timeline(r.events()));
            pane.showWindow(0, r.endUs());
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(pane.followLiveProperty().get());
        assertTrue(pane.charts().pointCount() > 100, "datasets filled: " + pane.charts().pointCount());

        // click on the advert plot at 5 s, near priority 0: the priority-0 advert of db1 is selected
        Point2D[] p = new Point2D[1];
        robot.interact(() -> p[0] = pane.viewer().localToScreen(pane.pointOf(5_000_000, pane.charts().advertPlot(), 0.9)));
        robot.clickOn(p[0]);
        WaitForAsyncUtils.waitForFxEvents();
        LabEvent selected = pane.getSelectedEvent();
        LabEvent.AdvertSent advert = assertInstanceOf(LabEvent.AdvertSent.class, selected);
        assertEquals(0, advert.priority());
        assertEquals("db1", advert.host());
        assertEquals(advert.timeUs(), pane.charts().highlightUs(), "the click marks the event's time");

        // selecting from elsewhere (the event list) highlights that time on the charts
        LabEvent vipToDb2 = r.events().stream().filter(e -> e instanceof LabEvent.VipChanged v && v.added() && v.host().equals("db2")
                && v.timeUs() > 0).findFirst().orElseThrow();
        robot.interact(() -> pane.select(vipToDb2));
        assertEquals(vipToDb2.timeUs(), pane.charts().highlightUs());
        for (var plot : java.util.List.of(pane.charts().vipPlot(), pane.charts().advertPlot(), pane.charts().clientPlot())) {
            var marks = plot.getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND);
            assertEquals(1, marks.size(), "one highlight per plot, the old one gone");
            assertEquals(vipToDb2.timeUs() / 1e6, ((org.jfree.chart.plot.ValueMarker) marks.iterator().next()).getValue(), 1e-9);
        }

        // switching the language keeps the window and the highlight
        long from = pane.viewFromUs();
        robot.interact(() -> pane.setLocale(Locale.SIMPLIFIED_CHINESE));
        assertEquals("时间（秒）", pane.charts().timeAxis().getLabel());
        assertEquals(from, pane.charts().shownFromUs());
        assertEquals(vipToDb2.timeUs(), pane.charts().highlightUs());
        robot.interact(() -> pane.setLocale(Locale.ENGLISH));

        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = stage.getScene().snapshot(null));
        Path out = Path.of("target", "screenshots", "charts.png");
        Files.createDirectories(out.getParent());
        ImageIO.write(SwingFXUtils.fromFXImage(shot[0], null), "png", out.toFile());
        assertTrue(Files.size(out) > 10_000, "a real picture, not a blank one");
    }

    @Test
    void followsTheLiveEndOfAGrowingTimeline(FxRobot robot) throws Exception {
        DrillResult r = Drills.run("stop", Drills.KEEPALIVED_STOP);
        Timeline live = new Timeline();
        robot.interact(() -> {
            pane.liveWindowSecondsProperty().set(10);
            pane.attach(live);
        });
        // an engine thread appends the first 12 s
        Thread engine = new Thread(() -> r.events().stream().filter(e -> e.timeUs() <= 12_000_000).forEach(live::accept));
        engine.start();
        engine.join();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> pane.data().lastUs() >= 11_900_000 && pane.viewToUs() >= 11_900_000);
        assertTrue(pane.followLiveProperty().get());
        assertEquals(10_000_000, pane.viewToUs() - pane.viewFromUs(), "the last 10 s");
        assertEquals(pane.data().lastUs(), pane.viewToUs());

        // the user zooms (the axis changes without the pane asking): live mode ends, the window is kept
        robot.interact(() -> pane.charts().timeAxis().setRange(2, 6));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(pane.followLiveProperty().get());
        robot.interact(() -> { });
        WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> pane.charts().shownFromUs() == 2_000_000 && pane.charts().shownToUs() == 6_000_000);
    }

    /**
     * A timeline cleared while the charts follow it (the SSH engine at a drill's t = 0) starts the charts over:
     * the old run's events go, the new run is read from its first event, not from the old run's index.
     */
    @Test
    void aTimelineClearedWhileAttachedStartsTheChartsOver(FxRobot robot) throws Exception {
        DrillResult old = Drills.run("stop", Drills.KEEPALIVED_STOP);
        DrillResult next = Drills.run("split", Drills.SPLIT_BRAIN);
        List<LabEvent> oldRun = old.events().stream().filter(e -> e.timeUs() <= 12_000_000).toList();
        List<LabEvent> newStart = next.events().stream().filter(e -> e.timeUs() <= 3_000_000).toList();
        List<LabEvent> newRun = next.events();
        assertTrue(newStart.size() < oldRun.size() && newRun.size() > oldRun.size(), "shorter, then longer than the old run");
        Timeline live = new Timeline();
        robot.interact(() -> pane.attach(live));
        Thread engine = new Thread(() -> oldRun.forEach(live::accept));
        engine.start();
        engine.join();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> pane.data().eventsSeen() == oldRun.size());
        LabEvent priorityZero = oldRun.stream().filter(e -> e instanceof LabEvent.AdvertSent a && a.priority() == 0).findFirst().orElseThrow();
        robot.interact(() -> {
            pane.select(priorityZero);
            pane.showWindow(4_000_000, 8_000_000); // the user zoomed in on the old run
        });

        // t = 0 of a drill: the engine starts a new run on a new timeline, fewer events than the charts had read
        Timeline second = new Timeline();
        robot.interact(() -> pane.attach(second));
        engine = new Thread(() -> newStart.forEach(second::accept));
        engine.start();
        engine.join();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> pane.data().eventsSeen() == newStart.size());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(newStart.get(newStart.size() - 1).timeUs(), pane.data().lastUs(), "the new run only");
        assertEquals(null, pane.getSelectedEvent(), "the old run's selection is gone");
        assertTrue(pane.followLiveProperty().get(), "following the new run live");
        // the new run outgrows the old one: still read from its own start, never from the old index
        engine = new Thread(() -> newRun.subList(newStart.size(), newRun.size()).forEach(second::accept));
        engine.start();
        engine.join();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> pane.data().eventsSeen() == newRun.size());
        WaitForAsyncUtils.waitForFxEvents();
        org.viplab.charts.ChartData expected = org.viplab.charts.ChartData.of(Presets.mode1(), newRun);
        assertEquals(expected.eventsSeen(), pane.data().eventsSeen());
        assertEquals(expected.firstUs(), pane.data().firstUs());
        assertEquals(expected.lastUs(), pane.data().lastUs());
        assertEquals(expected.outages(next.endUs()), pane.data().outages(next.endUs()), "the same picture as the new run drawn alone");
        assertEquals(expected.nearest(8_500_000, org.viplab.charts.ChartData.Part.VIP), pane.data().nearest(8_500_000, org.viplab.charts.ChartData.Part.VIP));
    }
}
