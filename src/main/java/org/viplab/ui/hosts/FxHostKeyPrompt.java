package org.viplab.ui.hosts;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.viplab.lab.hosts.HostKeyPrompt;
import org.viplab.ui.common.I18n;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Trust on first use, asked in the app: the SSH engine calls {@link #trustNewKey} on its own thread when a host
 * presents a key known_hosts lacks; the user sees the host, key type and fingerprint and decides. The calling
 * thread waits for the answer. Anything but an explicit "trust" (Esc, closing the window, an interrupt, the app
 * shutting down) refuses the key.
 */
public final class FxHostKeyPrompt implements HostKeyPrompt {
    /** How long the FX thread may stay silent while we wait before we assume the toolkit is gone. */
    static final long FX_SILENCE_NS = TimeUnit.SECONDS.toNanos(10);

    private final Supplier<Window> owner;
    private final I18n i18n;

    public FxHostKeyPrompt(Supplier<Window> owner, I18n i18n) {
        this.owner = owner;
        this.i18n = i18n;
    }

    @Override
    public boolean trustNewKey(String host, String keyType, String fingerprint) {
        // Per call: two hosts may ask at once, and an interrupt closes only its own question.
        AtomicReference<Alert> showing = new AtomicReference<>();
        AtomicBoolean abandoned = new AtomicBoolean();
        if (Platform.isFxApplicationThread()) return ask(host, keyType, fingerprint, showing, abandoned);
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        if (!runLater(() -> {
            try {
                answer.complete(ask(host, keyType, fingerprint, showing, abandoned));
            } catch (Throwable t) {
                answer.complete(false);
            }
        })) {
            return false;
        }
        // Platform.runLater silently drops work once the toolkit exits, so the answer might never come: a probe
        // through the FX queue tells a busy-but-alive toolkit (the dialog's nested loop runs it) from a dead one.
        AtomicLong lastAlive = new AtomicLong(System.nanoTime());
        try {
            while (true) {
                try {
                    return answer.get(500, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    if (System.nanoTime() - lastAlive.get() > FX_SILENCE_NS) return false;
                    if (!runLater(() -> lastAlive.set(System.nanoTime()))) return false;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abandoned.set(true); // not shown yet: never show it
            runLater(() -> {
                Alert a = showing.get();
                if (a != null) a.close();
            });
            return false;
        } catch (ExecutionException e) {
            return false;
        }
    }

    private static boolean runLater(Runnable r) {
        try {
            Platform.runLater(r);
            return true;
        } catch (IllegalStateException e) {
            return false; // the toolkit is not running
        }
    }

    /** On the FX thread: shows the question and waits for the user. */
    private boolean ask(String host, String keyType, String fingerprint, AtomicReference<Alert> showing, AtomicBoolean abandoned) {
        if (abandoned.get()) return false;
        Alert alert = build(host, keyType, fingerprint);
        showing.set(alert);
        try {
            Optional<ButtonType> b = alert.showAndWait();
            return b.isPresent() && b.get().getButtonData() == ButtonData.YES;
        } finally {
            showing.compareAndSet(alert, null);
        }
    }

    Alert build(String host, String keyType, String fingerprint) {
        ButtonType trust = new ButtonType(i18n.get("hosts.key.trust"), ButtonData.YES);
        ButtonType cancel = new ButtonType(i18n.get("hosts.key.cancel"), ButtonData.CANCEL_CLOSE);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "", trust, cancel);
        Window w = owner == null ? null : owner.get();
        if (w != null) a.initOwner(w);
        a.setTitle(i18n.get("hosts.key.title"));
        a.setHeaderText(i18n.get("hosts.key.header", host));
        a.getDialogPane().setId("hostkey-dialog");
        a.getDialogPane().getStylesheets().add(FxHostKeyPrompt.class.getResource("/org/viplab/ui/hosts/hosts.css").toExternalForm());
        Label intro = new Label(i18n.get("hosts.key.intro"));
        intro.setWrapText(true);
        intro.setMinHeight(Region.USE_PREF_SIZE);
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        g.addRow(0, new Label(i18n.get("hosts.key.host")), selectable("hostkey-host", host));
        g.addRow(1, new Label(i18n.get("hosts.key.type")), selectable("hostkey-type", keyType));
        TextField fp = selectable("hostkey-fingerprint", fingerprint);
        GridPane.setHgrow(fp, Priority.ALWAYS);
        g.addRow(2, new Label(i18n.get("hosts.key.fingerprint")), fp);
        Label check = new Label(i18n.get("hosts.key.check"));
        check.setWrapText(true);
        check.setMinHeight(Region.USE_PREF_SIZE);
        check.getStyleClass().add("hosts-status");
        VBox box = new VBox(10, intro, g, check);
        box.setPadding(new Insets(4));
        box.setPrefWidth(620);
        a.getDialogPane().setContent(box);
        Button t = (Button) a.getDialogPane().lookupButton(trust);
        t.setId("hostkey-trust");
        t.setMnemonicParsing(false); // "known_hosts" is not a mnemonic
        Button c = (Button) a.getDialogPane().lookupButton(cancel);
        c.setId("hostkey-cancel");
        // Enter must not trust a key by accident: the safe answer is the default.
        t.setDefaultButton(false);
        c.setDefaultButton(true);
        a.setOnShown(e -> c.requestFocus());
        return a;
    }

    private static TextField selectable(String id, String text) {
        TextField f = new TextField(text);
        f.setId(id);
        f.setEditable(false);
        f.getStyleClass().add("hosts-mono");
        f.setPrefColumnCount(Math.max(12, text.length()));
        return f;
    }
}
