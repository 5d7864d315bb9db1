package org.viplab.ui.hosts;

import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.viplab.ui.common.I18n;

import java.util.List;
import java.util.Optional;

/**
 * Asks before an action runs on real hosts outside a drill (real hosts are production machines), showing the
 * exact commands ({@code db1$ service mysql stop}). "Don't ask again until I disconnect" holds for this
 * instance until {@link #reset()}. FX thread only.
 */
public final class RealActionConfirm {
    private final I18n i18n;
    private boolean dontAsk;

    public RealActionConfirm(I18n i18n) { this.i18n = i18n; }

    /**
     * @param actionDescription what the user asked for, e.g. "stop db1/mysqld"
     * @param commands          the command lines as they will run, e.g. "db1$ service mysql stop"
     * @return true to run them
     */
    public boolean confirm(Window owner, String actionDescription, List<String> commands) {
        if (dontAsk) return true;
        ButtonType ok = new ButtonType(i18n.get("hosts.confirm.ok"), ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(i18n.get("hosts.confirm.cancel"), ButtonData.CANCEL_CLOSE);
        Alert a = new Alert(Alert.AlertType.WARNING, "", ok, cancel);
        if (owner != null) a.initOwner(owner);
        a.setTitle(i18n.get("hosts.confirm.title"));
        a.setHeaderText(actionDescription);
        a.getDialogPane().setId("confirm-dialog");
        a.getDialogPane().getStylesheets().add(RealActionConfirm.class.getResource("/org/viplab/ui/hosts/hosts.css").toExternalForm());
        Label intro = new Label(i18n.get("hosts.confirm.intro"));
        intro.setMinHeight(Region.USE_PREF_SIZE);
        TextArea text = new TextArea(String.join("\n", commands));
        text.setId("confirm-commands");
        text.setEditable(false);
        text.getStyleClass().add("hosts-preview");
        text.setPrefRowCount(Math.max(2, Math.min(commands.size(), 10)));
        text.setPrefColumnCount(70);
        CheckBox again = new CheckBox(i18n.get("hosts.confirm.dontAsk"));
        again.setId("confirm-dont-ask");
        VBox box = new VBox(8, intro, text, again);
        box.setPadding(new Insets(4));
        a.getDialogPane().setContent(box);
        ((Button) a.getDialogPane().lookupButton(ok)).setId("confirm-ok");
        ((Button) a.getDialogPane().lookupButton(cancel)).setId("confirm-cancel");
        Optional<ButtonType> b = a.showAndWait();
        boolean yes = b.isPresent() && b.get() == ok;
        // Only a confirmed "don't ask" counts: cancelling with the box ticked must not silence the next action.
        if (yes && again.isSelected()) dontAsk = true;
        return yes;
    }

    /** True while "don't ask again" holds. */
    public boolean skipping() { return dontAsk; }

    /** Asks again from now on (on disconnect). */
    public void reset() { dontAsk = false; }
}
