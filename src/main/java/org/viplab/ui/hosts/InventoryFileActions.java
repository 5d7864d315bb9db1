package org.viplab.ui.hosts;

import org.viplab.lab.LabText;
import org.viplab.core.util.Failures;
import javafx.beans.property.StringProperty;
import javafx.scene.control.TextField;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.viplab.lab.hosts.Inventory;
import org.viplab.ui.common.I18n;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * Open…, Save as… and Browse for the hosts dialog: inventory files in and out of the form. On any problem the form
 * stays as it was and {@code errorText} names the file and what is wrong; success says so in {@code statusText}.
 */
final class InventoryFileActions {
    private final I18n i18n;
    private final HostsModel model;
    private final StringProperty errorText;
    private final StringProperty statusText;
    private final Supplier<Window> window;

    InventoryFileActions(I18n i18n, HostsModel model, StringProperty errorText, StringProperty statusText, Supplier<Window> window) {
        this.i18n = i18n;
        this.model = model;
        this.errorText = errorText;
        this.statusText = statusText;
        this.window = window;
    }

    void chooseOpen() {
        File f = chooser("hosts.open.title").showOpenDialog(window.get());
        if (f != null) open(f.toPath());
    }

    void chooseSave() {
        FileChooser fc = chooser("hosts.save.title");
        if (model.file.get() == null) fc.setInitialFileName("inventory.json");
        File f = fc.showSaveDialog(window.get());
        if (f != null) saveAs(f.toPath());
    }

    /** Replaces the form with the inventory in {@code file}; passwords typed stay (they are never in a file). */
    boolean open(Path file) {
        Inventory inv;
        try {
            inv = Inventory.read(file);
        } catch (IOException | RuntimeException e) {
            errorText.set(openError(file, e));
            statusText.set("");
            return false;
        }
        model.load(inv);
        model.file.set(file);
        errorText.set("");
        statusText.set(i18n.get("hosts.opened", file));
        return true;
    }

    /** Writes the inventory (never a password) atomically to {@code file}. */
    boolean saveAs(Path file) {
        Inventory inv = model.toInventory();
        List<LabText> p = inv.problems();
        if (!p.isEmpty()) return saveFailed(file, LabText.joined(p));
        try {
            inv.write(file);
        } catch (IOException | RuntimeException e) {
            return saveFailed(file, Failures.text(e));
        }
        model.file.set(file);
        errorText.set("");
        statusText.set(i18n.get("hosts.saved", file));
        return true;
    }

    String openError(Path file, Exception e) {
        String m = Failures.message(e, i18n.locale());
        // Inventory.read already starts its messages with the file (then ": " or, in Chinese, "："); say it once.
        if (m.startsWith(file + ": ") || m.startsWith(file + "\uff1a")) m = m.substring(file.toString().length()).replaceFirst("^(: |\uff1a)", "");
        if (e instanceof java.nio.file.NoSuchFileException) m = i18n.get("hosts.error.noFile");
        return i18n.get("hosts.error.open", file, m);
    }

    void browseKnownHosts(TextField known) {
        FileChooser fc = new FileChooser();
        fc.setTitle(i18n.get("hosts.browse.knownHosts"));
        Path dir = known.getText().isBlank() ? Path.of(System.getProperty("user.home"), ".ssh")
                : HostsModel.expand(known.getText().trim()).getParent();
        if (dir != null && Files.isDirectory(dir)) fc.setInitialDirectory(dir.toFile());
        File f = fc.showOpenDialog(window.get());
        if (f != null) known.setText(f.getPath());
    }

    private boolean saveFailed(Path file, Object why) {
        errorText.set(i18n.get("hosts.error.save", file, why));
        statusText.set("");
        return false;
    }

    private FileChooser chooser(String titleKey) {
        FileChooser fc = new FileChooser();
        fc.setTitle(i18n.get(titleKey));
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter(i18n.get("hosts.file.json"), "*.json"),
                new FileChooser.ExtensionFilter(i18n.get("hosts.file.all"), "*"));
        Path f = model.file.get();
        if (f != null && f.getParent() != null && Files.isDirectory(f.getParent())) {
            fc.setInitialDirectory(f.getParent().toFile());
            fc.setInitialFileName(f.getFileName().toString());
        }
        return fc;
    }
}
