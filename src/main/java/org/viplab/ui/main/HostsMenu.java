package org.viplab.ui.main;

import org.viplab.core.util.Localized;
import org.viplab.core.util.Failures;
import javafx.scene.control.Alert;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCombination;
import org.viplab.lab.hosts.HostsEngine;
import org.viplab.lab.hosts.Inventory;
import org.viplab.ui.common.I18n;
import org.viplab.ui.controls.HostsConnection;
import org.viplab.ui.controls.LabControls;
import org.viplab.ui.hosts.FxHostKeyPrompt;
import org.viplab.ui.hosts.HostsContext;
import org.viplab.ui.hosts.HostsDialog;
import org.viplab.ui.hosts.RealActionConfirm;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Lab > Connect to hosts… and Disconnect: the inventory dialog, then the connection off the FX thread with
 * the status bar busy; an unknown host key is asked about, a failure is shown in a dialog naming the host,
 * and while connected every action outside a drill shows its commands and asks first.
 */
public final class HostsMenu {
    public static final String CONNECT_KEYS = "Shortcut+Shift+H";
    public static final String DISCONNECT_KEYS = "Shortcut+Shift+D";

    private final MainWindow window;
    private final LabControls controls;
    private final HostsConnection connection;
    private final I18n i18n;
    private final RealActionConfirm confirm;
    private final HostsContext context;
    /** The last inventory connected to (or typed), offered again next time; passwords are never kept here. */
    private Inventory lastInventory;
    private Path lastFile;

    public HostsMenu(MainWindow window, LabControls controls, HostsConnection connection, HostsContext context, I18n i18n) {
        this.window = window;
        this.context = context;
        this.controls = controls;
        this.connection = connection;
        this.i18n = i18n;
        this.confirm = new RealActionConfirm(i18n);
        controls.setRealActionConfirm((action, commands) -> confirm.confirm(window.stage(), action, commands));

        var drillRunning = window.drillPanel() != null ? window.drillPanel().model().runningProperty()
                : new javafx.beans.property.SimpleBooleanProperty(false);
        MenuItem connect = item("connect.menu.connect", CONNECT_KEYS, this::chooseAndConnect);
        connect.disableProperty().bind(connection.connectingProperty().or(drillRunning));
        MenuItem disconnect = item("connect.menu.disconnect", DISCONNECT_KEYS, this::disconnect);
        // a drill on the hosts needs them until its restore has run
        disconnect.disableProperty().bind(controls.onHostsProperty().not().or(drillRunning)); // real hosts or a recorded run
        window.menuSections().add(MenuSections.Section.LAB_HOSTS, connect, disconnect);
        // listed in Help > Keyboard shortcuts; the menu items carry the accelerators
        window.shortcuts().add(CONNECT_KEYS, "connect.menu.connect", this::chooseAndConnect);
        window.shortcuts().add(DISCONNECT_KEYS, "connect.menu.disconnect", this::disconnect);
        connection.connectingProperty().addListener((o, a, busy) -> window.statusBarControl().setProgress(busy ? -1 : 0));
    }

    /** What the dialog starts from next time (e.g. an inventory given on the command line). */
    public void setInitial(Inventory inventory, Path file) {
        lastInventory = inventory;
        lastFile = file;
    }

    /**
     * {@code app --inventory FILE} opens Lab > Connect to hosts… on that inventory; {@code app --connect FILE}
     * connects to it at once (host keys still checked, an unknown one asked about). A bad file is reported in the
     * status bar and the simulator stays.
     */
    public void fromArguments(java.util.List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String value = a.contains("=") ? a.substring(a.indexOf('=') + 1) : i + 1 < args.size() ? args.get(i + 1) : null;
            boolean connect = a.startsWith("--connect");
            if (!connect && !a.startsWith("--inventory")) continue;
            if (value == null) {
                controls.status("status.needsInventory", a);
                return;
            }
            java.nio.file.Path file = java.nio.file.Path.of(value);
            org.viplab.lab.hosts.Inventory inv;
            try {
                inv = org.viplab.lab.hosts.Inventory.read(file);
            } catch (java.io.IOException | RuntimeException e) {
                // the inventory's own refusals name the file already
                controls.status("status.error", e instanceof Localized ? Failures.text(e) : file + ": " + e.getMessage());
                return;
            }
            setInitial(inv, file);
            if (connect && inv.hosts.stream().noneMatch(h -> h.auth.equals("password"))) {
                connect(inv, java.util.Map.of());
            } else {
                javafx.application.Platform.runLater(this::chooseAndConnect); // passwords are asked there
            }
            return;
        }
    }

    /** The dialog, then the connection. */
    public void chooseAndConnect() {
        if (connection.connectingProperty().get()) return;
        Optional<HostsDialog.Result> r = HostsDialog.show(window.stage(), i18n, context, lastInventory, lastFile);
        r.ifPresent(res -> {
            lastInventory = res.inventory();
            lastFile = res.file();
            connect(res.inventory(), res.passwords());
        });
    }

    /** Connects (the dialog's answer, or a test's); a failure is shown in a dialog and the simulation stays. */
    public CompletableFuture<HostsEngine> connect(Inventory inventory, java.util.Map<String, char[]> passwords) {
        confirm.reset();
        CompletableFuture<HostsEngine> f = connection.connect(inventory, passwords, new FxHostKeyPrompt(window::stage, i18n), c -> { });
        f.whenComplete((h, err) -> {
            if (err != null) javafx.application.Platform.runLater(() -> showFailure(err));
        });
        return f;
    }

    public CompletableFuture<Void> disconnect() {
        confirm.reset();
        return connection.disconnect();
    }

    private void showFailure(Throwable err) {
        Alert a = new Alert(Alert.AlertType.ERROR);
        a.initOwner(window.stage());
        a.setTitle(i18n.get("connect.failed.title"));
        a.setHeaderText(i18n.get("connect.failed.title"));
        a.setContentText(Failures.message(err, i18n.locale()));
        a.getDialogPane().setId("connect-failed");
        a.show();
    }

    private MenuItem item(String key, String keys, Runnable action) {
        MenuItem i = new MenuItem();
        i.textProperty().bind(i18n.bind(key));
        i.setId(key.replace('.', '-'));
        i.setAccelerator(KeyCombination.valueOf(keys));
        i.setOnAction(e -> action.run());
        return i;
    }
}
