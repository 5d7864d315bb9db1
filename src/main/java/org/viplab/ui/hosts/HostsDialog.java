package org.viplab.ui.hosts;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.Validator;
import org.controlsfx.validation.decoration.StyleClassValidationDecoration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.viplab.core.model.Presets;
import org.viplab.lab.hosts.Inventory;
import org.viplab.ui.common.I18n;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * "Connect to hosts…": edits the inventory of the two real hosts (how to log in, how their services are
 * driven), shows every command VIP Lab would run on them, opens and saves inventory files, and hands the
 * inventory plus the passwords typed (memory only, never in the file) to the caller on Connect. Connect stays
 * disabled, with the reason shown, while anything is wrong.
 */
public final class HostsDialog {
    /** What the user connects to; {@code file} is null when the inventory was never opened or saved. */
    public record Result(Inventory inventory, Map<String, char[]> passwords, Path file) { }

    private final I18n i18n;
    private final HostsModel model;
    private final Dialog<Result> dialog = new Dialog<>();
    private final ValidationSupport validation = new ValidationSupport();
    private final List<HostPane> panes = new ArrayList<>();
    private final TabPane tabs = new TabPane();
    private final TextArea preview = new TextArea();
    private final ReadOnlyStringWrapper errorText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper("");
    private final Button connect;
    /** Problem field ("vip", "h1.address", …) to its control, to take the user there. */
    private final Map<String, Control> controls = new java.util.HashMap<>();
    private final InventoryFileActions files;

    /** Shows the dialog and waits; empty when cancelled. */
    public static Optional<Result> show(Window owner, I18n i18n, HostsContext context, Inventory initial, Path initialFile) {
        return new HostsDialog(owner, i18n, context, initial, initialFile).dialog().showAndWait();
    }

    /**
     * Builds the dialog without showing it. With no {@code initial} inventory it starts from
     * {@code initialFile} when readable, else the running one-machine lab's inventory, else the tutorial's hosts.
     */
    public HostsDialog(Window owner, I18n i18n, HostsContext context, Inventory initial, Path initialFile) {
        this.i18n = i18n;
        this.model = new HostsModel(i18n, context);
        this.files = new InventoryFileActions(i18n, model, errorText, statusText, this::window);
        Path file = initialFile;
        Inventory start = initial;
        if (start == null && initialFile != null) {
            try {
                start = Inventory.read(initialFile);
            } catch (IOException | RuntimeException e) {
                errorText.set(files.openError(initialFile, e));
                file = null; // what the form shows did not come from it
            }
        }
        if (start == null) {
            Path lab = context.labInventory();
            start = HostsModel.defaultInventory(context);
            if (lab != null && file == null) file = lab;
        }
        model.load(start);
        model.file.set(file);

        if (owner != null) dialog.initOwner(owner);
        dialog.setResizable(true);
        dialog.titleProperty().bind(i18n.bind("hosts.title"));
        var pane = dialog.getDialogPane();
        pane.setId("hosts-dialog");
        pane.getStylesheets().add(HostsDialog.class.getResource("/org/viplab/ui/hosts/hosts.css").toExternalForm());
        // Style classes, not graphic decorations: those wrap the dialog pane and break Dialog.show.
        validation.setValidationDecorator(new StyleClassValidationDecoration());

        VBox previewBox = previewBox();
        VBox content = new VBox(10, general(), hostTabs(), previewBox, messages());
        content.setPadding(new Insets(4, 8, 4, 8));
        content.setPrefWidth(1040);
        // The preview takes what height there is: messages appearing below it must not push the buttons off.
        VBox.setVgrow(previewBox, Priority.ALWAYS);
        VBox.setVgrow(preview, Priority.ALWAYS);
        pane.setContent(content);

        ButtonType open = new ButtonType(i18n.get("hosts.open"), ButtonData.LEFT);
        ButtonType save = new ButtonType(i18n.get("hosts.save"), ButtonData.LEFT);
        ButtonType connectType = new ButtonType(i18n.get("hosts.connect"), ButtonData.OK_DONE);
        ButtonType cancelType = new ButtonType(i18n.get("hosts.cancel"), ButtonData.CANCEL_CLOSE);
        pane.getButtonTypes().addAll(open, save, connectType, cancelType);
        Button openButton = button(open, "hosts-open", "hosts.open");
        openButton.setGraphic(new FontIcon(Material2AL.FOLDER_OPEN));
        Button saveButton = button(save, "hosts-save", "hosts.save");
        connect = button(connectType, "hosts-connect", "hosts.connect");
        button(cancelType, "hosts-cancel", "hosts.cancel");
        // Open and Save keep the dialog open.
        openButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            files.chooseOpen();
        });
        saveButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            files.chooseSave();
        });
        connect.disableProperty().bind(Bindings.createBooleanBinding(() -> !model.problems().isEmpty(), model.problemsProperty()));
        dialog.setResultConverter(b -> b == connectType && model.problems().isEmpty()
                ? new Result(model.toInventory(), model.passwords(), model.file.get()) : null);
        // The result holds its own copies: no password stays in the form once it is closed.
        dialog.setOnHidden(e -> model.hosts.forEach(h -> h.password.set("")));
        // Re-check every mark on any change: whether a field is wrong often depends on another (auth, preset).
        model.problemsProperty().addListener((o, a, b) -> validation.revalidate());
    }

    // ---- the parts of the form ----------------------------------------------------------------------

    private GridPane general() {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        ComboBox<String> preset = new ComboBox<>(FXCollections.observableArrayList(Presets.names()));
        preset.setId("hosts-preset");
        preset.valueProperty().bindBidirectional(model.preset);
        StringConverter<String> names = new StringConverter<>() {
            public String toString(String p) {
                if (p == null) return "";
                return i18n.has("hosts.preset." + p) ? i18n.get("hosts.preset." + p) : p;
            }

            public String fromString(String s) { return s; }
        };
        preset.setConverter(names);
        preset.setButtonCell(new HostPane.ConvertingCell(names));
        i18n.localeProperty().addListener((o, a, b) -> preset.setButtonCell(new HostPane.ConvertingCell(names)));
        TextField vip = new TextField();
        vip.setId("hosts-vip");
        vip.setPrefColumnCount(12);
        vip.textProperty().bindBidirectional(model.vip);
        TextField port = new TextField();
        port.setId("hosts-client-port");
        port.setPrefColumnCount(6);
        port.setTextFormatter(new TextFormatter<String>(c -> c.getControlNewText().matches("[0-9]{0,6}") ? c : null));
        port.textProperty().bindBidirectional(model.clientPort);
        TextField known = new TextField();
        known.setId("hosts-known-hosts");
        known.textProperty().bindBidirectional(model.knownHosts);
        known.promptTextProperty().bind(i18n.bind("hosts.field.knownHosts.prompt"));
        Button browse = new Button();
        browse.setId("hosts-known-hosts-browse");
        browse.setGraphic(new FontIcon(Material2AL.FOLDER_OPEN));
        browse.setOnAction(e -> files.browseKnownHosts(known));
        HBox knownRow = new HBox(6, known, browse);
        HBox.setHgrow(known, Priority.ALWAYS);

        g.addRow(0, label("hosts.field.preset", preset), preset, label("hosts.field.vip", vip), vip,
                label("hosts.field.clientPort", port), port);
        g.add(label("hosts.field.knownHosts", known), 0, 1);
        g.add(knownRow, 1, 1, 5, 1);
        ColumnConstraints grow = new ColumnConstraints();
        grow.setHgrow(Priority.ALWAYS);
        g.getColumnConstraints().addAll(new ColumnConstraints(), new ColumnConstraints(), new ColumnConstraints(),
                new ColumnConstraints(), new ColumnConstraints(), grow);
        validate(preset, "preset");
        validate(vip, "vip");
        validate(port, "clientPort");
        validate(known, "knownHosts");
        return g;
    }

    private TabPane hostTabs() {
        var haproxy = Bindings.createBooleanBinding(() -> HostsModel.usesHaproxy(model.preset.get()), model.preset);
        tabs.setId("hosts-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        for (int i = 0; i < model.hosts.size(); i++) {
            HostModel h = model.hosts.get(i);
            HostPane p = new HostPane(i18n, h, i, haproxy);
            panes.add(p);
            Tab t = new Tab();
            t.setId("hosts-tab-" + i);
            int n = i + 1;
            t.textProperty().bind(Bindings.createStringBinding(() -> h.name.get().isBlank() ? i18n.get("hosts.host.n", n)
                    : i18n.get("hosts.tab", n, h.name.get().trim()), h.name, i18n.localeProperty()));
            t.setContent(p.node());
            String at = "h" + i + ".";
            // A mark on the tab, so a problem on the host not shown is not missed.
            FontIcon mark = new FontIcon(Material2AL.ERROR_OUTLINE);
            mark.getStyleClass().add("hosts-tab-problem");
            t.graphicProperty().bind(Bindings.createObjectBinding(() -> model.problems().stream()
                    .anyMatch(pr -> pr.field().startsWith(at)) ? mark : null, model.problemsProperty()));
            p.forEachField((field, control) -> validate(control, at + field));
            tabs.getTabs().add(t);
        }
        return tabs;
    }

    private VBox previewBox() {
        Label title = new Label();
        title.textProperty().bind(i18n.bind("hosts.preview.title"));
        title.getStyleClass().add("hosts-section");
        title.setLabelFor(preview);
        Label missing = new Label();
        missing.setId("hosts-preview-missing");
        missing.getStyleClass().add("hosts-warning");
        missing.setWrapText(true);
        missing.textProperty().bind(Bindings.createStringBinding(() -> {
            long m = model.previewProperty().get().missing();
            return m == 0 ? "" : i18n.get("hosts.preview.missingCount", m);
        }, model.previewProperty(), i18n.localeProperty()));
        missing.managedProperty().bind(missing.textProperty().isNotEmpty());
        missing.visibleProperty().bind(missing.textProperty().isNotEmpty());
        preview.setId("hosts-preview");
        preview.getStyleClass().add("hosts-preview");
        preview.setEditable(false);
        preview.setWrapText(false);
        preview.setPrefRowCount(9);
        preview.setFocusTraversable(true);
        preview.textProperty().bind(Bindings.createStringBinding(() -> model.previewProperty().get().text(i18n.get("hosts.preview.missing"), i18n.get("hosts.preview.watching"), i18n.locale()),
                model.previewProperty(), i18n.localeProperty()));
        HBox head = new HBox(12, title, missing);
        return new VBox(4, head, preview);
    }

    private VBox messages() {
        Label problem = new Label();
        problem.setId("hosts-problem");
        problem.getStyleClass().add("hosts-problem");
        problem.setWrapText(true);
        problem.setMinHeight(Region.USE_PREF_SIZE);
        // Clicking the reason takes the user to the field (on its host's tab).
        problem.setCursor(javafx.scene.Cursor.HAND);
        problem.setOnMouseClicked(e -> focusFirstProblem());
        problem.textProperty().bind(Bindings.createStringBinding(() -> {
            List<HostsModel.Problem> p = model.problems();
            if (p.isEmpty()) return "";
            String first = i18n.get("hosts.problem.cannotConnect", p.get(0).text());
            return p.size() == 1 ? first : i18n.get("hosts.problem.more", first, p.size() - 1);
        }, model.problemsProperty(), i18n.localeProperty()));
        Label error = new Label();
        error.setId("hosts-error");
        error.getStyleClass().add("hosts-problem");
        error.setWrapText(true);
        error.setMinHeight(Region.USE_PREF_SIZE);
        error.textProperty().bind(errorText);
        Label status = new Label();
        status.setId("hosts-status");
        status.getStyleClass().add("hosts-status");
        status.textProperty().bind(statusText);
        for (Label l : List.of(problem, error, status)) {
            l.managedProperty().bind(l.textProperty().isNotEmpty());
            l.visibleProperty().bind(l.textProperty().isNotEmpty());
        }
        return new VBox(4, problem, error, status);
    }

    /** Selects the tab and focuses the field of the first problem; false when there is none. */
    boolean focusFirstProblem() {
        if (model.problems().isEmpty()) return false;
        String field = model.problems().get(0).field();
        if (field.matches("h[0-9]+\\..*")) tabs.getSelectionModel().select(Integer.parseInt(field.substring(1, field.indexOf('.'))));
        Control c = controls.get(field);
        if (c == null) return false;
        c.requestFocus();
        return true;
    }

    private void validate(Control c, String field) {
        controls.put(field, c);
        validation.registerValidator(c, false, (Validator<Object>) (control, value) -> {
            String p = model.problem(field);
            return p == null ? new ValidationResult() : ValidationResult.fromError(control, p);
        });
    }

    private Label label(String key, Control field) {
        Label l = new Label();
        l.textProperty().bind(i18n.bind(key));
        l.setMnemonicParsing(true);
        l.setLabelFor(field);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private Button button(ButtonType type, String id, String key) {
        Button b = (Button) dialog.getDialogPane().lookupButton(type);
        b.setId(id);
        b.textProperty().bind(i18n.bind(key));
        b.setMnemonicParsing(true);
        return b;
    }

    private Window window() {
        return dialog.getDialogPane().getScene() == null ? null : dialog.getDialogPane().getScene().getWindow();
    }

    /**
     * Replaces the form with the inventory in {@code file}. On any problem nothing changes and the error names
     * the file and what is wrong. Passwords typed stay: they are never in a file.
     */
    public boolean open(Path file) { return files.open(file); }

    /** Writes the inventory (never a password) atomically to {@code file}. */
    public boolean saveAs(Path file) { return files.saveAs(file); }

    // ---- API for the app and tests ------------------------------------------------------------------

    public Dialog<Result> dialog() { return dialog; }

    /** The inventory as the form has it now (no passwords). */
    public Inventory inventory() { return model.toInventory(); }

    /** Host name to password, for the hosts with password authentication. */
    public Map<String, char[]> passwords() { return model.passwords(); }

    /** What keeps Connect disabled, worded for the user; empty when the inventory can be used. */
    public List<String> problems() { return model.problems().stream().map(HostsModel.Problem::text).toList(); }

    /** The file last opened or saved, or null. */
    public Path file() { return model.file.get(); }

    /** The last error from Open or Save (empty when none). */
    public ReadOnlyStringProperty errorProperty() { return errorText.getReadOnlyProperty(); }

    /** The command preview as shown. */
    public String previewText() { return preview.getText(); }

    /** Selects the tab of host {@code index} (0 or 1). */
    public void selectHost(int index) { tabs.getSelectionModel().select(index); }

    HostsModel model() { return model; }

    HostPane pane(int index) { return panes.get(index); }
}
