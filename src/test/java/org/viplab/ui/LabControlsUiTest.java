package org.viplab.ui;

import org.viplab.app.AppRoot;
import javafx.application.Application;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.viplab.core.model.Mode;
import org.viplab.core.model.Presets;
import org.viplab.core.timeline.LabEvent;
import org.viplab.ui.settings.Prefs;
import org.viplab.ui.settings.PrefsStore;
import org.viplab.ui.settings.Theme;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Toolbar, shortcuts, link menus, theme and font scale on the real window (headless, paused). */
@ExtendWith(ApplicationExtension.class)
class LabControlsUiTest {
    static {
        System.setProperty("headless.geometry", "2400x1400-32");
    }

    private AppRoot session;
    private Stage stage;
    private Path configDir;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        configDir = TestSessions.configDir("controls");
        session = TestSessions.openPaused(stage, Presets.mode1(), configDir, TestSessions.seen());
    }

    @AfterEach
    void close() {
        session.close();
        WaitForAsyncUtils.asyncFx(() -> Theme.LIGHT.apply());
    }

    private static void waitUntil(String what, Callable<Boolean> condition) throws Exception {
        FxWait.until(what, 10, condition);
    }

    private <T> T fx(Callable<T> c) throws Exception { return FxWait.fx(c, 5); }

    @Test
    void theModeSwitchStartsMode2WithHaproxyBadgesAndConfig(FxRobot robot) throws Exception {
        waitUntil("first run drawn", () -> fx(() -> session.viewModel.vipHolders().equals(List.of("db1"))));
        robot.clickOn("#mode2");
        waitUntil("mode 2 runs", () -> fx(() -> session.viewModel.topologyProperty().get().mode == Mode.HAPROXY_TRACKING
                && session.viewModel.vipHolders().equals(List.of("db1"))));
        assertTrue(robot.lookup("#badge-db1-haproxy").tryQuery().isPresent());
        assertTrue(robot.lookup("#badge-db2-haproxy").query().getStyleClass().contains("state-running"));
        assertTrue(stage.getTitle().startsWith("VIP Lab") && stage.getTitle().contains("HAProxy"), stage.getTitle());
        assertTrue(robot.lookup("#vrrp-db1").queryAs(Label.class).getText().contains("10"), "mode 2's db1 has priority 10");
        String conf = fx(() -> session.window.configView().text("db1").getText());
        assertTrue(conf.contains("# /etc/haproxy/haproxy.cfg") && conf.contains("bind *:6039"), conf);
        assertTrue(conf.contains("server db2 10.9.8.223:3306 check"), conf);
        assertTrue(fx(() -> session.window.settingsPanel().item("db1.haproxy.inter").isPresent()));
    }

    @Test
    void stepAndSpeedButtonsDriveTheClock(FxRobot robot) throws Exception {
        waitUntil("first run drawn", () -> fx(() -> !session.viewModel.events().isEmpty()));
        long next = session.live.submit(lab -> lab.nextEventTime()).get(5, TimeUnit.SECONDS);
        robot.clickOn("#step");
        // "Next event" runs to the next event the list shows (hidden adverts and probes pass by) and selects it
        var table = session.window.eventList().table();
        waitUntil("the event stepped to is selected", () -> fx(() -> table.getSelectionModel().getSelectedItem() != null));
        org.viplab.core.timeline.LabEvent at = fx(() -> table.getSelectionModel().getSelectedItem());
        assertTrue(at.timeUs() >= next, at + " at or after " + next);
        assertTrue(fx(() -> session.window.eventList().filter().test(at)), "a shown event: " + at);
        long stepped = session.live.now();
        waitUntil("the clock shows where it stepped", () -> fx(() -> session.viewModel.clockProperty().get() == stepped));
        assertTrue(fx(() -> session.window.topologyView().timeTravel().viewingProperty().get() != null), "the drawing shows it");
        assertTrue(robot.lookup("#virtual-clock").queryAs(Label.class).getText().startsWith("t +00:00:0"));
        robot.clickOn("#speed-10");
        waitUntil("speed 10", () -> session.live.speed() == 10);
        assertTrue(session.live.paused(), "changing speed does not start a paused lab");
        robot.clickOn("#play-pause");
        waitUntil("running", () -> !session.live.paused());
        assertTrue(fx(() -> session.window.topologyView().timeTravel().isLive()), "play brings the drawing back to live");
        // lab time flows (at 10x of the wall clock: LiveSimulationTest checks the rate on an injected clock)
        long t0 = session.live.now();
        waitUntil("lab time flows", () -> session.live.submit(lab -> lab.now()).get(5, TimeUnit.SECONDS) > t0);
        robot.clickOn("#play-pause");
        waitUntil("paused again", () -> session.live.paused());
        assertTrue(robot.lookup("#status-engine").queryAs(Label.class).getText().contains("10"));
    }

    @Test
    void ctrlMStopsMysqldOnTheVipHolder(FxRobot robot) throws Exception {
        waitUntil("db1 holds the VIP", () -> fx(() -> session.viewModel.vipHolders().equals(List.of("db1"))));
        robot.press(KeyCode.CONTROL).press(KeyCode.M).release(KeyCode.M).release(KeyCode.CONTROL);
        waitUntil("the action is in the timeline", () -> fx(() -> session.viewModel.events().stream()
                .anyMatch(e -> e instanceof LabEvent.ActionApplied a && a.action().equals("stop") && a.target().equals("db1/mysqld"))));
    }

    @Test
    void blockingVrrpOneWayFromTheLinkMenuSplitsOnlyWhenTheMastersAdvertsAreLost(FxRobot robot) throws Exception {
        waitUntil("db1 holds the VIP", () -> fx(() -> session.viewModel.vipHolders().equals(List.of("db1"))));
        robot.rightClickOn("#link-db1-db2");
        robot.clickOn("#menu-menu-blockVrrpOneWay-db2-db1");
        waitUntil("VRRP blocked from db2 to db1", () -> fx(() -> session.viewModel.vrrpBlockedProperty("db1", "db2").get()));
        session.live.runFastUntil(10_000_000).get(10, TimeUnit.SECONDS);
        assertEquals(List.of("db1"), fx(() -> List.copyOf(session.viewModel.vipHolders())), "db2 still hears db1: nothing moves");
        robot.rightClickOn("#link-db1-db2");
        WaitForAsyncUtils.waitForFxEvents();
        snapshotPopup("link-menu-one-way.png");
        robot.clickOn("#menu-menu-blockVrrpOneWay-db1-db2");
        session.live.runFastUntil(16_000_000).get(10, TimeUnit.SECONDS);
        waitUntil("split brain drawn", () -> fx(() -> session.viewModel.vipHolders().size() == 2));
        assertTrue(robot.lookup("#link-db1-db2").query().getStyleClass().contains("link-vrrp-blocked"));
        snapshot("one-way-vrrp-split.png");
    }

    @Test
    void blockingVrrpFromTheLinkMenuDrawsTheVipOnBothHosts(FxRobot robot) throws Exception {
        waitUntil("db1 holds the VIP", () -> fx(() -> session.viewModel.vipHolders().equals(List.of("db1"))));
        robot.rightClickOn("#link-db1-db2");
        robot.clickOn("#menu-menu-blockVrrp");
        waitUntil("VRRP blocked", () -> fx(() -> session.viewModel.vrrpBlockedProperty().get()));
        assertTrue(robot.lookup("#link-db1-db2").query().getStyleClass().contains("link-vrrp-blocked"));
        session.live.runFastUntil(10_000_000).get(10, TimeUnit.SECONDS);
        waitUntil("split brain drawn", () -> fx(() -> session.viewModel.vipHolders().size() == 2));
        assertTrue(robot.lookup("#vip-db1").query().isVisible() && robot.lookup("#vip-db2").query().isVisible(), "VIP on both when split");

        robot.rightClickOn("#link-clients-db2");
        robot.clickOn("#menu-verb-cut");
        waitUntil("client path cut", () -> fx(() -> session.viewModel.host("db2").clientPathCutProperty().get()));
        assertTrue(robot.lookup("#link-clients-db2").query().getStyleClass().contains("link-cut"));
        snapshot("split-brain.png");
    }

    @Test
    void aVipMovePopsUpANotificationWhenEnabled(FxRobot robot) throws Exception {
        waitUntil("db1 holds the VIP", () -> fx(() -> session.viewModel.vipHolders().equals(List.of("db1"))));
        session.window.setNotificationsEnabled(true);
        session.live.apply(new org.viplab.lab.Action(org.viplab.lab.Verb.STOP,
                new org.viplab.lab.Target.Process("db1", org.viplab.core.model.ProcessKind.KEEPALIVED)), org.viplab.core.timeline.Actor.USER).get(5, TimeUnit.SECONDS);
        session.live.runFastUntil(5_000_000).get(10, TimeUnit.SECONDS);
        // the notice sits in the drawing's corner, inside the window (not a pop-up over the toolbar)
        waitUntil("a notification shows", () -> fx(() -> session.window.scene().lookup("#vip-notice").isVisible()));
        String text = fx(() -> ((Label) session.window.scene().lookup("#vip-notice")).getText());
        assertTrue(text.contains("VIP moved from db1 to db2"), text);
    }

    @Test
    void scrollZoomsDragPansAndDoubleClickFits(FxRobot robot) throws Exception {
        waitUntil("drawn", () -> robot.lookup("#host-db1").tryQuery().isPresent());
        var view = session.window.topologyView();
        double fitted = fx(view::zoomFactor);
        // Which wheel direction is "up" differs between glass platforms: check the factor and the way back.
        robot.moveTo("#topology").scroll(3, javafx.geometry.VerticalDirection.UP);
        double z1 = fx(view::zoomFactor);
        assertEquals(Math.pow(1.1, 3), Math.max(z1, fitted) / Math.min(z1, fitted), 1e-6, "three wheel steps of 10 %");
        robot.scroll(3, javafx.geometry.VerticalDirection.DOWN);
        assertEquals(fitted, fx(view::zoomFactor), 1e-9, "and back");

        javafx.scene.Node db2 = robot.lookup("#host-db2").query();
        javafx.geometry.Bounds before = fx(() -> db2.localToScreen(db2.getBoundsInLocal()));
        robot.drag("#topology", javafx.scene.input.MouseButton.PRIMARY).moveBy(-80, 30).drop();
        javafx.geometry.Bounds after = fx(() -> db2.localToScreen(db2.getBoundsInLocal()));
        assertEquals(-80, after.getMinX() - before.getMinX(), 2, "dragging pans the drawing with the pointer");
        assertEquals(30, after.getMinY() - before.getMinY(), 2);
        robot.doubleClickOn("#topology");
        javafx.geometry.Bounds fittedAgain = fx(() -> db2.localToScreen(db2.getBoundsInLocal()));
        assertEquals(before.getMinX(), fittedAgain.getMinX(), 1, "double-click fits the drawing again");
    }

    @Test
    void selectNearestPicksTheEventClosestInTime(FxRobot robot) throws Exception {
        session.live.runFastUntil(10_000_000).get(10, TimeUnit.SECONDS);
        waitUntil("events", () -> fx(() -> session.viewModel.clockProperty().get() >= 9_900_000));
        LabEvent picked = fx(() -> session.window.eventList().selectNearest(0));
        List<LabEvent> shown = fx(() -> List.copyOf(session.window.eventList().shown()));
        long best = shown.stream().mapToLong(e -> Math.abs(e.timeUs())).min().orElseThrow();
        assertEquals(best, Math.abs(picked.timeUs()));
        assertEquals(picked, fx(() -> session.window.eventList().table().getSelectionModel().getSelectedItem()));
    }

    @Test
    void closingTheWindowKeepsItsGeometryAndTheChosenLanguage(FxRobot robot) throws Exception {
        fx(() -> {
            session.window.setLanguage(org.viplab.ui.common.I18n.CHINESE);
            stage.setX(40);
            stage.setY(30);
            stage.setWidth(1100);
            stage.setHeight(760);
            stage.hide();
            return null;
        });
        Path file = configDir.resolve("prefs.json");
        waitUntil("prefs written", () -> Files.exists(file) && Files.readString(file).contains("1100"));
        Prefs back = new PrefsStore(configDir).load();
        assertEquals(1100, back.width);
        assertEquals(760, back.height);
        assertEquals(40.0, back.x);
        assertEquals("zh-CN", back.language);
        try (var files = Files.list(configDir)) {
            assertEquals(1, files.count(), "written atomically: no temporary file left");
        }
    }

    @Test
    void f1ShowsEveryShortcut(FxRobot robot) throws Exception {
        robot.press(KeyCode.F1).release(KeyCode.F1);
        waitUntil("the dialog shows", () -> robot.lookup("#shortcuts-grid").tryQuery().isPresent());
        GridPane grid = robot.lookup("#shortcuts-grid").queryAs(GridPane.class);
        int shortcuts = session.window.shortcuts().all().size();
        assertTrue(shortcuts >= 15);
        assertEquals(2 * shortcuts, grid.getChildren().size(), "one row (keys, description) per shortcut");
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
    }

    @Test
    void darkThemeAndPresenterScale(FxRobot robot) throws Exception {
        double before = robot.lookup("#virtual-clock").queryAs(Label.class).getFont().getSize();
        robot.clickOn("#theme-toggle");
        assertTrue(fx(() -> Application.getUserAgentStylesheet()).toLowerCase().contains("dark"));
        assertEquals("dark", session.prefs.theme);
        fx(() -> {
            session.window.setFontScale(1.5);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        double after = robot.lookup("#virtual-clock").queryAs(Label.class).getFont().getSize();
        assertEquals(1.5, after / before, 0.05, "the clock is sized in em of the root font: " + before + " -> " + after);
        snapshot("main-window-dark-150.png");
        fx(() -> {
            session.window.setFontScale(1.0);
            return null;
        });
    }

    /** The context menu that is showing (a popup window of its own, outside the stage's scene). */
    private void snapshotPopup(String name) throws Exception {
        WritableImage img = fx(() -> javafx.stage.Window.getWindows().stream().filter(w -> w instanceof javafx.scene.control.ContextMenu && w.isShowing())
                .findFirst().orElseThrow().getScene().snapshot(null));
        Files.createDirectories(MainWindowTest.SCREENSHOTS);
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", MainWindowTest.SCREENSHOTS.resolve(name).toFile());
    }

    private void snapshot(String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage img = fx(() -> stage.getScene().snapshot(null));
        Files.createDirectories(MainWindowTest.SCREENSHOTS);
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", MainWindowTest.SCREENSHOTS.resolve(name).toFile());
    }
}
