package org.viplab.ui.main;

import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.viplab.ui.common.I18n;

/** Help > Shortcuts: every shortcut and what it does, from the same list the menus use. */
public final class ShortcutsDialog {
    private ShortcutsDialog() { }

    public static Dialog<Void> create(Window owner, Shortcuts shortcuts, I18n i18n) {
        Dialog<Void> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(i18n.get("help.shortcuts.title"));
        d.setHeaderText(i18n.get("help.shortcuts.header"));
        GridPane grid = new GridPane();
        grid.setId("shortcuts-grid");
        grid.setHgap(24);
        grid.setVgap(6);
        int row = 0;
        for (Shortcuts.Shortcut s : shortcuts.all()) {
            Label keys = new Label(s.keys().getDisplayText());
            keys.getStyleClass().add("shortcut-keys");
            grid.addRow(row++, keys, new Label(i18n.get(s.descriptionKey())));
        }
        d.getDialogPane().setContent(grid);
        d.getDialogPane().getButtonTypes().add(new ButtonType(i18n.get("dialog.close"), javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE));
        return d;
    }
}
