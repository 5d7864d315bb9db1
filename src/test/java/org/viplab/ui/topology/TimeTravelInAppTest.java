package org.viplab.ui.topology;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.viplab.app.AppRoot;
import org.viplab.core.model.Presets;
import org.viplab.core.model.ProcessKind;
import org.viplab.core.model.VrrpState;
import org.viplab.core.timeline.Actor;
import org.viplab.core.timeline.LabEvent;
import org.viplab.lab.Action;
import org.viplab.lab.Target;
import org.viplab.lab.Verb;
import org.viplab.ui.FxWait;
import org.viplab.ui.TestSessions;
import org.viplab.ui.live.LabViewModel;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In the app, mode 1, mysqld stopped on db1: selecting an event in the list shows the drawing at its moment with
 * the bar; Next walks the list's shown events, selects each, moves the drawing and flashes what it touches; Back
 * to live clears the selection. Screenshots: docs/node-card.png (live), docs/time-travel.png.
 */
@ExtendWith(ApplicationExtension.class)
class TimeTravelInAppTest {
    static {
        System.setProperty("headless.geometry", "1600x1000-32");
    }

    private AppRoot app;
    private Stage stage;

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        app = TestSessions.openPaused(stage, Presets.mode1(), "time-travel", 1500, 950);
    }

    @AfterEach
    void close() { app.close(); }

    private <T> T fx(Callable<T> c) throws Exception { return FxWait.fx(c, 5); }

    @Test
    void theListsSelectionMovesTheDrawingNextFlashesAndBackToLiveClearsIt(FxRobot robot) throws Exception {
        // the screenshots show a settled drawing: the VIP pill not mid-move, no dots mid-flight
        fx(() -> { app.window.topologyView().wire().setPlaying(false); return null; });
        app.live.runFastUntil(app.live.now() + 3_000_000).get(10, TimeUnit.SECONDS);
        app.live.apply(new Action(Verb.STOP, new Target.Process("db1", ProcessKind.MYSQLD)), Actor.USER).get(5, TimeUnit.SECONDS);
        app.live.runFastUntil(app.live.now() + 8_000_000).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> app.viewModel.vipHolders().equals(List.of("db2"))));
        TopologyView view = fx(() -> app.window.topologyView());
        LabViewModel shown = view.timeTravel().shown();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> shown.vipHolders().equals(List.of("db2"))));
        assertTrue(fx(view.timeTravel()::isLive));
        assertTrue(fx(() -> view.captionText()).startsWith("db2 took the VIP: db1 sent priority 0"), fx(view::captionText));
        fx(() -> { view.wire().clear(); return null; });
        snapshot(view, "node-card.png");

        var list = fx(() -> app.window.eventList());
        LabEvent zero = fx(() -> app.viewModel.events().stream()
                .filter(e -> e instanceof LabEvent.AdvertSent a && a.priority() == 0).findFirst().orElseThrow());
        fx(() -> list.select(zero));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(zero, fx(() -> view.timeTravel().viewingProperty().get()));
        assertEquals(VrrpState.STOPPED, fx(() -> shown.host("db1").vrrpProperty().get()));
        assertEquals(VrrpState.BACKUP, fx(() -> shown.host("db2").vrrpProperty().get()), "db2 waits Skew(90) at that moment");
        assertTrue(fx(() -> view.lookup("#time-travel-bar").isVisible()));
        assertTrue(fx(() -> view.cardTexts("db1")).contains("last advert sent: priority 0 at " + org.viplab.core.text.TimeText.seconds(zero.timeUs()) + " s"));
        snapshot(stage.getScene().getRoot(), "time-travel.png");

        // Next: the list's next shown event (adverts of priority > 0 and probes are filtered out), selected, drawn, flashed
        Object[] step = fx(() -> {
            LabEvent next = list.selectNext();
            LabEvent viewing = view.timeTravel().viewingProperty().get();
            Node card = view.lookup("#host-" + next.host());
            boolean flashed = card != null && card.getPseudoClassStates().contains(Flash.FLASH);
            return new Object[] {next, viewing, flashed, list.table().getSelectionModel().getSelectedItem()};
        });
        LabEvent next = (LabEvent) step[0];
        assertNotNull(next);
        assertTrue(next.timeUs() >= zero.timeUs());
        assertFalse(next instanceof LabEvent.AdvertSent a && a.priority() > 0, "hidden kinds are skipped: " + next);
        assertFalse(next instanceof LabEvent.ClientProbe, "hidden kinds are skipped: " + next);
        assertEquals(next, step[1], "the drawing follows the step");
        assertEquals(next, step[3], "the step is selected");
        if (!next.host().equals(LabEvent.LAB) && !next.host().equals(LabEvent.CLIENT)) assertTrue((Boolean) step[2], "flashes " + next.host());

        robot.clickOn("#back-to-live");
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(fx(() -> list.table().getSelectionModel().getSelectedItem()), "back to live clears the selection");
        assertTrue(fx(view.timeTravel()::isLive));
        assertFalse(fx(() -> view.lookup("#time-travel-bar").isVisible()));
        assertEquals(List.of("db2"), fx(() -> List.copyOf(shown.vipHolders())));
    }

    @Test
    void mode2InChineseAndDarkExplainsTheHaproxyKillAndDrawsTheClientsPath() throws Exception {
        fx(() -> {
            app.controls.switchMode(org.viplab.core.model.Mode.HAPROXY_TRACKING);
            return null;
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> app.viewModel.topologyProperty().get().mode == org.viplab.core.model.Mode.HAPROXY_TRACKING));
        fx(() -> {
            app.window.setLanguage(org.viplab.ui.common.I18n.CHINESE);
            app.window.setTheme(org.viplab.ui.settings.Theme.DARK);
            return null;
        });
        app.live.runFastUntil(app.live.now() + 3_000_000).get(10, TimeUnit.SECONDS);
        app.live.apply(new Action(Verb.KILL, new Target.Process("db1", ProcessKind.HAPROXY)), Actor.USER).get(5, TimeUnit.SECONDS);
        app.live.runFastUntil(app.live.now() + 10_000_000).get(10, TimeUnit.SECONDS);
        TopologyView view = fx(() -> app.window.topologyView());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> view.timeTravel().shown().vipHolders().equals(List.of("db2"))));
        WaitForAsyncUtils.waitForFxEvents();
        String caption = fx(view::captionText);
        assertTrue(caption.startsWith("db2 \u63a5\u7ba1\u4e86 VIP\uff1adb1 \u53d1\u51fa\u4e86\u4f18\u5148\u7ea7 0 \u7684\u901a\u544a"), caption);
        List<String> db1 = fx(() -> view.cardTexts("db1"));
        assertEquals("\u5df2\u505c\u6b62", db1.get(0), "stopped, in Chinese");
        assertTrue(db1.get(db1.size() - 1).startsWith("\u6700\u8fd1\u53d1\u51fa\u7684\u901a\u544a\uff1a\u4f18\u5148\u7ea7 0"), db1.toString());
        assertTrue(fx(() -> view.wire().clientPathPoints()).size() >= 4, "the client's path is drawn");
        String client = fx(() -> ((javafx.scene.control.Label) view.lookup("#client-result")).getText());
        assertTrue(client.contains("db2 \u4e0a\u7684 haproxy \u2192"), "the client says which haproxy chose the backend: " + client);
        WritableImage img = fx(() -> stage.getScene().snapshot(null));
        Path out = Files.createDirectories(Path.of("target", "screenshots")).resolve("mode2-zh-dark.png");
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", out.toFile());
    }

    private void snapshot(Node n, String name) throws Exception {
        WritableImage img = fx(() -> {
            javafx.scene.SnapshotParameters p = new javafx.scene.SnapshotParameters();
            if (n instanceof TopologyView) p.setTransform(new javafx.scene.transform.Scale(2, 2)); // the drawing alone, sharp
            return n.snapshot(p, null);
        });
        Path out = Files.createDirectories(Path.of("docs")).resolve(name);
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", out.toFile());
    }
}
