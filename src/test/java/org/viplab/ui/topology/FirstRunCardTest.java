package org.viplab.ui.topology;

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
import org.viplab.core.timeline.Actor;
import org.viplab.lab.Action;
import org.viplab.lab.Target;
import org.viplab.lab.Verb;
import org.viplab.ui.FxWait;
import org.viplab.ui.TestSessions;
import org.viplab.ui.common.I18n;
import org.viplab.ui.settings.Prefs;
import org.viplab.ui.settings.PrefsStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A first run shows two things to try; the first action (or a look at the Drills tab) puts the card away for good. */
@ExtendWith(ApplicationExtension.class)
class FirstRunCardTest {
    static {
        System.setProperty("headless.geometry", "1600x1000-32");
    }

    private AppRoot app;
    private Stage stage;
    private Path config;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        config = TestSessions.configDir("first-run");
        Prefs fresh = new Prefs();
        fresh.width = 1400;
        fresh.height = 900;
        app = TestSessions.openPaused(stage, Presets.mode1(), config, fresh);
    }

    @AfterEach
    void close() { app.close(); }

    private <T> T fx(Callable<T> c) throws Exception { return FxWait.fx(c, 5); }

    @Test
    void theFirstActionPutsTheCardAwayAndThePrefsRememberIt(FxRobot robot) throws Exception {
        assertTrue(fx(() -> robot.lookup("#first-run-card").query().isVisible()));
        String tip = fx(() -> ((javafx.scene.control.Label) robot.lookup("#first-run-stop").query()).getText());
        assertTrue(tip.contains("db1") && tip.contains("mysqld") && tip.contains("Stop"), tip);
        fx(() -> { app.window.setLanguage(I18n.CHINESE); return null; });
        tip = fx(() -> ((javafx.scene.control.Label) robot.lookup("#first-run-stop").query()).getText());
        assertTrue(tip.contains("\u505c\u6b62"), tip);
        fx(() -> { app.window.setLanguage(I18n.ENGLISH); return null; });
        Path shot = Files.createDirectories(Path.of("target", "screenshots")).resolve("first-run.png");
        javafx.scene.image.WritableImage img = fx(() -> stage.getScene().snapshot(null));
        javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(img, null), "png", shot.toFile());

        app.live.apply(new Action(Verb.STOP, new Target.Process("db1", ProcessKind.MYSQLD)), Actor.USER).get(5, TimeUnit.SECONDS);
        app.live.runFastUntil(app.live.now() + 500_000).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> !robot.lookup("#first-run-card").query().isVisible()));
        assertTrue(app.prefs.firstRunDone);
        Path file = new PrefsStore(config).file();
        FxWait.until("the prefs are saved", 10, () -> Files.exists(file) && Files.readString(file).contains("\"firstRunDone\": true"));
        assertTrue(new PrefsStore(config).load().firstRunDone, "the next start shows no card");
    }

    @Test
    void openingTheDrillsTabFromTheCardPutsItAway(FxRobot robot) throws Exception {
        robot.clickOn("#first-run-drills");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx(() -> app.window.bottomTabs().getSelectionModel().getSelectedItem().getId()).equals("tab-drills"));
        assertFalse(fx(() -> robot.lookup("#first-run-card").query().isVisible()));
        assertTrue(app.prefs.firstRunDone);
    }

    @Test
    void aUserPastTheCardNeverSeesIt() throws Exception {
        int overlays = fx(() -> app.window.topologyView().getChildren().size());
        assertNull(fx(() -> FirstRunCard.install(app.window.topologyView(), app.viewModel, app.i18n, TestSessions.seen(), p -> { }, null)));
        assertTrue(overlays == fx(() -> app.window.topologyView().getChildren().size()), "nothing added");
    }
}
