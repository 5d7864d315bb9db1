package org.viplab.ui.main;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.viplab.app.AppRoot;
import org.viplab.core.model.Presets;
import org.viplab.core.model.ProcessKind;
import org.viplab.core.timeline.LabEvent;
import org.viplab.lab.Target;
import org.viplab.lab.Verb;
import org.viplab.ui.FxWait;
import org.viplab.ui.TestSessions;
import org.viplab.ui.common.I18n;
import org.viplab.ui.settings.Prefs;
import org.viplab.ui.settings.PrefsStore;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * View > Pause on a VIP change and Lab > Jump to the last failover, in the whole app at 100x: the run stops at the
 * VIP's arrival on db2 (the engine's clock at that event's own time), a notice says why in the UI's language and
 * goes when the run plays again, a split brain pauses it too; the jump selects the last VIP change, the drawing
 * travels back to it and the why panel states its chain. Screenshots: target/screenshots/autopause-*.png, jump-*.png.
 */
@ExtendWith(ApplicationExtension.class)
class VipChangeInAppTest {
    static {
        System.setProperty("headless.geometry", "2400x1400-32");
    }

    private AppRoot session;
    private Stage stage;
    private Path configDir;

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        configDir = TestSessions.configDir("vipchange");
        Prefs prefs = TestSessions.seen();
        prefs.width = 1400;
        prefs.height = 900;
        session = TestSessions.openPaused(stage, Presets.mode1(), configDir, prefs);
        session.window.setNotificationsEnabled(false);
    }

    @AfterEach
    void close() { session.close(); }

    private <T> T fx(Callable<T> c) throws Exception { return FxWait.fx(c, 10); }

    @Test
    void pausesOnTheVipMoveAndOnASplitBrainSaysWhyAndResumes() throws Exception {
        FxWait.until("db1 holds the VIP", 20, () -> fx(() -> session.viewModel.vipHolders().equals(List.of("db1"))));
        CheckMenuItem option = fx(() -> (CheckMenuItem) viewItem("menu-view-pauseOnVip"));
        assertFalse(fx(option::isSelected), "off by default");
        fx(() -> { option.setSelected(true); return null; });
        assertTrue(session.prefs.pauseOnVipChange, "remembered in the preferences");
        FxWait.until("the preferences are saved", 10, () -> new PrefsStore(configDir).load().pauseOnVipChange);

        assertEquals(60, fx(() -> session.window.charts().liveWindowSecondsProperty().get()), 1e-9, "1x: the charts show a minute");
        fx(() -> { session.controls.setSpeed(100); session.controls.play(); return null; });
        assertEquals(3000, fx(() -> session.window.charts().liveWindowSecondsProperty().get()), 1e-9,
                "100x: 50 minutes, so a failover stays on the charts for 30 wall seconds");
        fx(() -> session.controls.apply(Verb.STOP, new Target.Process("db1", ProcessKind.MYSQLD))).get(10, TimeUnit.SECONDS);
        FxWait.until("paused with the VIP on db2", 30, () -> fx(() -> session.controls.pausedProperty().get()
                && session.viewModel.vipHolders().equals(List.of("db2"))));
        LabEvent.VipChanged onDb2 = fx(() -> session.viewModel.events().stream()
                .filter(e -> e instanceof LabEvent.VipChanged v && v.added() && v.host().equals("db2"))
                .map(e -> (LabEvent.VipChanged) e).findFirst().orElseThrow());
        assertTrue(session.live.paused());
        assertEquals(onDb2.timeUs(), session.live.now(), "the lab stopped at the VIP's arrival, not a batch later");
        Label notice = fx(() -> (Label) stage.getScene().lookup("#auto-pause-notice"));
        assertTrue(fx(notice::isVisible));
        String at = org.viplab.core.text.TimeText.seconds(onDb2.timeUs());
        assertEquals("Paused: the VIP moved from db1 to db2 at t = " + at + " s. Play (Ctrl+P) continues.", fx(notice::getText));
        snapshot("autopause-moved-en.png");
        fx(() -> { session.window.setLanguage(I18n.CHINESE); return null; });
        assertEquals("已暂停：VIP 于 t = " + at + " 秒从 db1 漂移到 db2。按播放（Ctrl+P）继续。", fx(notice::getText));
        snapshot("autopause-moved-zh.png");
        fx(() -> { session.window.setLanguage(I18n.ENGLISH); return null; });

        // play again: the notice goes, the lab runs on until the next change, a split brain (db1 comes back as a
        // second holder is impossible here: keepalived stopped on db1; cut VRRP after a restore instead)
        fx(() -> { session.controls.play(); return null; });
        assertFalse(fx(notice::isVisible), "play takes the notice away");
        FxWait.until("the lab runs on", 10, () -> session.live.now() > onDb2.timeUs());
        fx(() -> session.controls.restore()).get(10, TimeUnit.SECONDS);
        FxWait.until("paused with the VIP back on db1", 30, () -> fx(() -> session.controls.pausedProperty().get()
                && session.viewModel.vipHolders().equals(List.of("db1"))));
        assertEquals("Paused: the VIP moved from db2 to db1 at t = "
                + org.viplab.core.text.TimeText.seconds(session.live.now()) + " s. Play (Ctrl+P) continues.", fx(notice::getText));
        fx(() -> { session.controls.play(); return null; });
        fx(() -> session.controls.apply(Verb.CUT, new Target.PeerPath("db1", "db2", true))).get(10, TimeUnit.SECONDS);
        FxWait.until("paused in a split brain", 30, () -> fx(() -> session.controls.pausedProperty().get()
                && session.viewModel.vipHolders().size() == 2));
        assertEquals("Paused: a split brain began at t = " + org.viplab.core.text.TimeText.seconds(session.live.now())
                + " s, the VIP is on db1 and db2. Play (Ctrl+P) continues.", fx(notice::getText));
        snapshot("autopause-split-en.png");
        Label blocked = fx(() -> (Label) stage.getScene().lookup(".vrrp-blocked-marker"));
        assertEquals("VRRP blocked", fx(blocked::getText));
        fx(() -> { session.window.setLanguage(I18n.CHINESE); return null; });
        assertEquals("VRRP 已阻断", fx(blocked::getText), "the drawing's words follow the language switch");
        assertTrue(fx(notice::getText).startsWith("已暂停：t = "), fx(notice::getText));
        snapshot("autopause-split-zh.png");

        // switched off: the next change does not pause
        fx(() -> { option.setSelected(false); session.controls.play(); return null; });
        assertFalse(fx(notice::isVisible));
        fx(() -> session.controls.apply(Verb.HEAL, new Target.PeerPath("db1", "db2", true))).get(10, TimeUnit.SECONDS);
        long healedAt = session.live.now();
        FxWait.until("the lab runs 20 s past the heal", 30, () -> session.live.now() > healedAt + 20_000_000);
        assertFalse(fx(() -> session.controls.pausedProperty().get()));
    }

    @Test
    void jumpsToTheLastFailoverWithItsMomentAndWhyChain() throws Exception {
        FxWait.until("db1 holds the VIP", 20, () -> fx(() -> session.viewModel.vipHolders().equals(List.of("db1"))));
        assertNull(fx(() -> session.window.jumpToLastFailover()), "nothing to jump to before a change");
        assertEquals("The VIP has not moved yet in this run", fx(() -> session.controls.statusProperty().get()));
        session.live.apply(new org.viplab.lab.Action(Verb.STOP, new Target.Process("db1", ProcessKind.MYSQLD)),
                org.viplab.core.timeline.Actor.USER).get(10, TimeUnit.SECONDS);
        session.live.runFastUntil(30_000_000).get(60, TimeUnit.SECONDS);
        FxWait.until("db2 holds the VIP", 30, () -> fx(() -> session.viewModel.vipHolders().equals(List.of("db2"))));
        // the shortcut, as a trainer presses it, in presenter mode where the tabs are hidden
        fx(() -> { session.window.setPresenter(true); return null; });
        MenuItem item = fx(() -> labItem("shortcut.lastFailover"));
        assertEquals(javafx.scene.input.KeyCombination.valueOf("Shortcut+J"), item.getAccelerator());
        fx(() -> { item.fire(); return null; });

        LabEvent selected = fx(() -> session.window.eventList().table().getSelectionModel().getSelectedItem());
        LabEvent.VipChanged v = assertInstanceOf(LabEvent.VipChanged.class, selected);
        assertEquals("db2", v.host());
        assertTrue(v.added());
        assertSame(selected, fx(() -> session.window.topologyView().timeTravel().viewingProperty().get()), "the drawing shows that moment");
        assertNotNull(fx(() -> session.window.bottomTabs().getScene()), "the tabs came back in presenter mode");
        assertEquals("tab-events", fx(() -> session.window.bottomTabs().getSelectionModel().getSelectedItem().getId()));
        List<String> why = fx(() -> session.window.eventList().whyPanel().texts());
        assertTrue(why.size() >= 5, String.join("\n", why));
        assertTrue(why.get(0).contains("stop db1/mysqld"), why.get(0));
        assertSame(selected, fx(() -> session.window.eventList().whyPanel().lines().get(why.size() - 1).event()), "the chain ends at the VIP change");
        snapshot("jump-last-failover-en.png");
        fx(() -> { session.window.setLanguage(I18n.CHINESE); return null; });
        snapshot("jump-last-failover-zh.png");
        fx(() -> { session.window.setPresenter(false); session.window.setLanguage(I18n.ENGLISH); return null; });
    }

    private MenuItem viewItem(String id) {
        return session.window.menus().getMenus().stream().filter(m -> "menu-view".equals(m.getId())).findFirst().orElseThrow()
                .getItems().stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
    }

    private MenuItem labItem(String key) {
        return session.window.menus().getMenus().get(1).getItems().stream()
                .filter(i -> i.getId() != null && i.getId().equals(key.replace('.', '-'))).findFirst().orElseThrow();
    }

    private void snapshot(String name) throws Exception {
        for (int i = 0; i < 2; i++) {
            fx(() -> { stage.getScene().getRoot().applyCss(); stage.getScene().getRoot().layout(); return null; });
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        }
        WritableImage img = fx(() -> stage.getScene().snapshot(null));
        Files.createDirectories(MainWindowLayoutTest.SCREENSHOTS);
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", MainWindowLayoutTest.SCREENSHOTS.resolve(name).toFile());
    }
}
