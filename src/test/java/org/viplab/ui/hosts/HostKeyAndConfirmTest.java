package org.viplab.ui.hosts;

import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.viplab.ui.FxWait;
import org.viplab.ui.common.I18n;
import org.viplab.ui.settings.Theme;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The host-key question asked from the SSH engine's thread, and the confirmation before real actions. */
@ExtendWith(ApplicationExtension.class)
class HostKeyAndConfirmTest {
    static {
        System.setProperty("headless.geometry", "2400x1400-32");
    }

    static final String FP = "SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU";
    private Stage stage;
    private final I18n i18n = new I18n(I18n.ENGLISH);

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Theme.LIGHT.apply();
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        fx(() -> {
            for (Window w : List.copyOf(Window.getWindows())) if (w != stage && w instanceof Stage s) s.close();
            return null;
        });
    }

    private <T> T fx(Callable<T> c) throws Exception { return FxWait.fx(c, 10); }

    /** Asks on a thread of its own, as the SSH engine does. */
    private CompletableFuture<Boolean> askInBackground(FxHostKeyPrompt p) {
        CompletableFuture<Boolean> f = new CompletableFuture<>();
        Thread t = new Thread(() -> f.complete(p.trustNewKey("db1 (10.9.8.201:22)", "ssh-ed25519", FP)), "ssh-engine");
        t.setDaemon(true);
        t.start();
        return f;
    }

    private void waitForDialog(String id) throws Exception {
        FxWait.until(id + " is shown", 10, () -> fx(() -> Window.getWindows().stream()
                .anyMatch(w -> w.isShowing() && w.getScene() != null && w.getScene().lookup(id) != null)));
    }

    @Test
    void trustingFromTheEngineThreadReturnsTrueAndShowsTheFingerprint(FxRobot robot) throws Exception {
        FxHostKeyPrompt p = new FxHostKeyPrompt(() -> stage, i18n);
        CompletableFuture<Boolean> answer = askInBackground(p);
        waitForDialog("#hostkey-trust");
        TextField fp = robot.lookup("#hostkey-fingerprint").queryAs(TextField.class);
        assertEquals(FP, fx(fp::getText));
        assertFalse(fx(fp::isEditable), "shown, selectable, not editable");
        assertEquals("ssh-ed25519", fx(() -> robot.lookup("#hostkey-type").queryAs(TextField.class).getText()));
        assertEquals("db1 (10.9.8.201:22) presented a host key that is not in known_hosts",
                fx(() -> robot.lookup(".dialog-pane .header-panel .label").queryAs(Labeled.class).getText()));
        assertFalse(answer.isDone(), "the engine waits for the user");
        Files.createDirectories(HostsDialogTest.SCREENSHOTS);
        snapshot("#hostkey-dialog", "host-key-prompt.png");
        robot.clickOn("#hostkey-trust");
        assertTrue(answer.get(10, TimeUnit.SECONDS));
    }

    @Test
    void cancellingOrPressingEnterRefusesTheKey(FxRobot robot) throws Exception {
        FxHostKeyPrompt p = new FxHostKeyPrompt(() -> stage, i18n);
        CompletableFuture<Boolean> answer = askInBackground(p);
        waitForDialog("#hostkey-cancel");
        robot.clickOn("#hostkey-cancel");
        assertFalse(answer.get(10, TimeUnit.SECONDS));

        // Enter takes the safe default: a key is never trusted by a stray keypress.
        CompletableFuture<Boolean> again = askInBackground(p);
        waitForDialog("#hostkey-cancel");
        robot.type(KeyCode.ENTER);
        assertFalse(again.get(10, TimeUnit.SECONDS));
    }

    @Test
    void askedOnTheFxThreadItselfItShowsAndWaitsThere(FxRobot robot) throws Exception {
        FxHostKeyPrompt p = new FxHostKeyPrompt(() -> stage, i18n);
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        AtomicBoolean onFx = new AtomicBoolean();
        Platform.runLater(() -> {
            onFx.set(Platform.isFxApplicationThread());
            answer.complete(p.trustNewKey("db2", "ecdsa-sha2-nistp256", FP));
        });
        waitForDialog("#hostkey-trust");
        robot.clickOn("#hostkey-trust");
        assertTrue(answer.get(10, TimeUnit.SECONDS));
        assertTrue(onFx.get());
    }

    @Test
    void anInterruptedWaitRefusesTheKeyAndClosesTheQuestion() throws Exception {
        FxHostKeyPrompt p = new FxHostKeyPrompt(() -> stage, i18n);
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        Thread t = new Thread(() -> answer.complete(p.trustNewKey("db1", "ssh-ed25519", FP)), "ssh-engine");
        t.setDaemon(true);
        t.start();
        waitForDialog("#hostkey-trust");
        t.interrupt();
        assertFalse(answer.get(10, TimeUnit.SECONDS));
        FxWait.until("the question is closed", 10, () -> fx(() -> Window.getWindows().stream()
                .noneMatch(w -> w.isShowing() && w.getScene() != null && w.getScene().lookup("#hostkey-trust") != null)));
    }

    @Test
    void realActionConfirmListsTheCommandsAndRemembersDontAskAgain(FxRobot robot) throws Exception {
        RealActionConfirm c = new RealActionConfirm(i18n);
        List<String> cmds = List.of("db1$ service mysql stop", "db2$ sudo -n pkill -STOP -x haproxy");
        CompletableFuture<Boolean> first = confirmLater(c, cmds);
        waitForDialog("#confirm-commands");
        TextArea text = robot.lookup("#confirm-commands").queryAs(TextArea.class);
        assertEquals("db1$ service mysql stop\ndb2$ sudo -n pkill -STOP -x haproxy", fx(text::getText));
        assertTrue(fx(() -> robot.lookup(".dialog-pane .content .label").queryAll().stream()
                .anyMatch(n -> ((Labeled) n).getText().equals("This will run on real hosts:"))));
        snapshot("#confirm-dialog", "real-action-confirm.png");
        // Ticked but cancelled: nothing is remembered.
        robot.clickOn("#confirm-dont-ask");
        robot.clickOn("#confirm-cancel");
        assertFalse(first.get(10, TimeUnit.SECONDS));
        assertFalse(c.skipping());

        CompletableFuture<Boolean> second = confirmLater(c, cmds);
        waitForDialog("#confirm-dont-ask");
        assertFalse(fx(() -> robot.lookup("#confirm-dont-ask").queryAs(CheckBox.class).isSelected()), "each question starts unticked");
        robot.clickOn("#confirm-dont-ask");
        robot.clickOn("#confirm-ok");
        assertTrue(second.get(10, TimeUnit.SECONDS));
        assertTrue(c.skipping());

        // From now on no question: true at once, no window.
        assertTrue(fx(() -> c.confirm(stage, "stop db2/mysqld", cmds)));
        assertTrue(fx(() -> Window.getWindows().stream().noneMatch(w -> w.isShowing() && w.getScene().lookup("#confirm-dialog") != null)));

        c.reset();
        CompletableFuture<Boolean> third = confirmLater(c, cmds);
        waitForDialog("#confirm-cancel");
        robot.type(KeyCode.ESCAPE);
        assertFalse(third.get(10, TimeUnit.SECONDS), "after a disconnect it asks again, and Esc cancels");
    }

    private CompletableFuture<Boolean> confirmLater(RealActionConfirm c, List<String> cmds) {
        CompletableFuture<Boolean> f = new CompletableFuture<>();
        Platform.runLater(() -> f.complete(c.confirm(stage, "stop db1/mysqld", cmds)));
        return f;
    }

    private void snapshot(String id, String name) throws Exception {
        WritableImage img = fx(() -> Window.getWindows().stream().filter(w -> w.isShowing() && w.getScene().lookup(id) != null)
                .findFirst().orElseThrow().getScene().snapshot(null));
        Path dir = Files.createDirectories(HostsDialogTest.SCREENSHOTS);
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", dir.resolve(name).toFile());
    }
}
