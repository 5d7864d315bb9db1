package org.viplab.ui;

import org.viplab.app.AppRoot;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.TextArea;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.viplab.core.model.Presets;
import org.viplab.engine.ssh.InProcessHosts;
import org.viplab.core.timeline.LabEvent;
import org.viplab.ui.settings.Prefs;
import org.viplab.ui.settings.PrefsStore;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lab > Connect to hosts… driven as a user would: the shortcut opens the dialog, Connect, the unknown host
 * key is shown and trusted, a right-click stops mysqld after the confirmation lists the exact command, and the
 * other shortcut disconnects. The "hosts" are an in-process SSH server on 127.0.0.1 (harmless custom commands).
 */
@ExtendWith(ApplicationExtension.class)
class HostsMenuUiTest {
    static {
        System.setProperty("headless.geometry", "2400x1400-32");
    }

    @TempDir
    Path dir;
    private AppRoot session;
    private Stage stage;
    private InProcessHosts hosts;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        session = TestSessions.openPaused(stage, Presets.mode1(), "hostsmenu");
    }

    @AfterEach
    void close() throws Exception {
        session.close();
        if (hosts != null) hosts.close();
    }

    private <T> T fx(Callable<T> c) throws Exception { return FxWait.fx(c, 5); }

    private static void waitUntil(String what, Callable<Boolean> condition) throws Exception { FxWait.until(what, 20, condition); }

    @Test
    void connectTrustTheKeyActWithConfirmationAndDisconnectFromTheKeyboardAndMenus(FxRobot robot) throws Exception {
        hosts = InProcessHosts.start(dir);
        fx(() -> {
            session.hostsMenu.setInitial(hosts.inventory, null);
            return null;
        });
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.H).release(KeyCode.H, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil("the dialog opens", () -> robot.lookup("#hosts-dialog").tryQuery().isPresent());
        robot.clickOn("#hosts-connect");
        waitUntil("the unknown host key is asked about", () -> robot.lookup("#hostkey-dialog").tryQuery().isPresent());
        String fingerprint = fx(() -> robot.lookup("#hostkey-fingerprint").queryAs(javafx.scene.control.TextField.class).getText());
        assertTrue(fingerprint.startsWith("SHA256:"), fingerprint);
        robot.clickOn("#hostkey-trust");
        waitUntil("the views switch to the hosts", () -> fx(() -> session.controls.onHostsProperty().get()
                && session.viewModel.topologyProperty().get().vip.equals(hosts.inventory.vip)));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Files.readString(Path.of(hosts.inventory.knownHosts)).contains("127.0.0.1"), "the trusted key went to known_hosts");

        robot.rightClickOn("#badge-db1-mysqld");
        robot.clickOn("#menu-verb-stop");
        waitUntil("the confirmation lists the command", () -> robot.lookup("#confirm-commands").tryQuery().isPresent());
        String commands = fx(() -> robot.lookup("#confirm-commands").queryAs(TextArea.class).getText());
        assertTrue(commands.contains("db1$ echo stopping mysqld"), commands);
        screenshot("confirm-on-hosts.png");
        robot.clickOn("#confirm-ok");
        waitUntil("the action ran and reached the timeline", () -> session.lab.timeline().snapshot().stream().anyMatch(e ->
                e instanceof LabEvent.LogLine l && l.text().contains("echo stopping mysqld")));
        screenshot("app-on-hosts.png");

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D).release(KeyCode.D, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil("back on the simulator", () -> fx(() -> !session.controls.onHostsProperty().get() && session.lab.engine() == org.viplab.lab.Engine.SIM));
    }

    @Test
    void appConnectFileConnectsAtOnceAndABadFileIsReported() throws Exception {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{ \"hosts\": [ ");
        fx(() -> {
            session.hostsMenu.fromArguments(java.util.List.of("--connect", broken.toString()));
            return null;
        });
        String status = fx(() -> session.controls.statusProperty().get());
        assertTrue(status.startsWith("Error") && status.contains("broken.json"), status);
        assertTrue(fx(() -> !session.controls.onHostsProperty().get()), "the simulator stays");

        hosts = InProcessHosts.start(dir);
        Path inv = dir.resolve("inventory.json");
        hosts.inventory.write(inv);
        fx(() -> {
            session.hostsMenu.fromArguments(java.util.List.of("--connect=" + inv));
            return null;
        });
        // the key is unknown: asked about as in the dialog
        FxRobot robot = new FxRobot();
        waitUntil("the unknown host key is asked about", () -> fx(() -> robot.lookup("#hostkey-trust").tryQuery()
                .map(n -> n.getScene() != null && n.getScene().getWindow() != null && n.getScene().getWindow().isShowing()).orElse(false)));
        robot.clickOn("#hostkey-trust");
        waitUntil("connected from the command line", () -> fx(() -> session.controls.onHostsProperty().get()
                && session.viewModel.topologyProperty().get().vip.equals(hosts.inventory.vip)));
    }

    private void screenshot(String name) throws Exception {
        WritableImage img = fx(() -> stage.getScene().snapshot(null));
        Path out = Files.createDirectories(Path.of("target", "screenshots")).resolve(name);
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", out.toFile());
    }
}
