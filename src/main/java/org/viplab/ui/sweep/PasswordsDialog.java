package org.viplab.ui.sweep;

import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.viplab.lab.hosts.Inventory;
import org.viplab.ui.common.I18n;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Asks for the passwords of the hosts an inventory authenticates by password, before a real-host sweep connects.
 * They stay in memory for that sweep only. FX thread; null when the user cancels.
 */
public final class PasswordsDialog {
    private PasswordsDialog() { }

    /** The asker a {@link SweepModel.RealAccess} takes. */
    public static java.util.function.Function<List<Inventory.Host>, Map<String, char[]>> asker(I18n i18n, Supplier<Window> owner) {
        return hosts -> ask(hosts, i18n, owner);
    }

    static Map<String, char[]> ask(List<Inventory.Host> hosts, I18n i18n, Supplier<Window> owner) {
        Dialog<ButtonType> d = new Dialog<>();
        Window w = owner == null ? null : owner.get();
        if (w != null) d.initOwner(w);
        d.setTitle(i18n.get("sweep.password.title"));
        d.setHeaderText(i18n.get("sweep.password.header"));
        d.getDialogPane().setId("sweep-passwords");
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        Map<String, PasswordField> fields = new HashMap<>();
        int row = 0;
        for (Inventory.Host h : hosts) {
            PasswordField f = new PasswordField();
            f.setId("sweep-password-" + h.name);
            fields.put(h.name, f);
            g.addRow(row++, new Label(h.user + "@" + h.address + " (" + h.name + ")"), f);
        }
        d.getDialogPane().setContent(g);
        Optional<ButtonType> b = d.showAndWait();
        if (b.isEmpty() || b.get() != ButtonType.OK) return null;
        Map<String, char[]> out = new HashMap<>();
        fields.forEach((name, f) -> out.put(name, f.getText().toCharArray()));
        return out;
    }
}
