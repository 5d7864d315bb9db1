package org.viplab.ui.hosts;

import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.viplab.lab.Verb;
import org.viplab.core.model.ProcessKind;
import org.viplab.ui.common.I18n;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The form for one host: how to log in on the left, how its services are driven on the right. Every control
 * is bound both ways to a {@link HostModel}; ids are {@code hosts-hN-FIELD} for tests and for the validation
 * marks (the field names match the model's problem fields).
 */
final class HostPane {
    static final List<String> AUTHS = List.of("key", "agent", "password");
    static final List<String> STYLES = List.of("systemd", "sysv", "custom");

    private final I18n i18n;
    private final HostModel model;
    private final String prefix;
    private final GridPane root = new GridPane();
    /** Field name (as in the model's problems) to its control, for the validation marks. */
    final Map<String, Control> fields = new LinkedHashMap<>();
    final TableView<HostModel.Override> overrides = new TableView<>();
    final ComboBox<String> overrideAction = new ComboBox<>();
    final TextField overrideCommand = new TextField();

    /**
     * @param haproxy true while the preset runs haproxy: its fields are disabled otherwise (nothing uses them)
     */
    HostPane(I18n i18n, HostModel model, int index, javafx.beans.value.ObservableBooleanValue haproxy) {
        this.i18n = i18n;
        this.model = model;
        this.prefix = "hosts-h" + index + "-";
        root.getStyleClass().add("hosts-host");
        root.setHgap(16);
        root.setPadding(new Insets(10, 4, 4, 4));
        GridPane login = grid();
        GridPane services = grid();
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        half.setHgrow(Priority.ALWAYS);
        ColumnConstraints half2 = new ColumnConstraints();
        half2.setPercentWidth(50);
        half2.setHgrow(Priority.ALWAYS);
        root.getColumnConstraints().addAll(half, half2);
        root.add(section("hosts.section.login", login), 0, 0);
        root.add(section("hosts.section.services", services), 1, 0);

        // ---- login --------------------------------------------------------------------------------------
        int r = 0;
        row(login, r++, "hosts.field.name", text("name", model.name, 10));
        row(login, r++, "hosts.field.address", text("address", model.address, 16));
        TextField port = text("port", model.port, 6);
        port.setTextFormatter(new TextFormatter<String>(c -> c.getControlNewText().matches("[0-9]{0,6}") ? c : null));
        port.setMaxWidth(Region.USE_PREF_SIZE);
        row(login, r++, "hosts.field.port", port);
        row(login, r++, "hosts.field.user", text("user", model.user, 10));

        ToggleGroup authGroup = new ToggleGroup();
        HBox auths = new HBox(12);
        for (String a : AUTHS) {
            RadioButton b = new RadioButton();
            b.setId(prefix + "auth-" + a);
            b.textProperty().bind(i18n.bind("hosts.auth." + a));
            b.setUserData(a);
            b.setToggleGroup(authGroup);
            b.setMnemonicParsing(true);
            auths.getChildren().add(b);
        }
        selectAuth(authGroup, model.auth.get());
        authGroup.selectedToggleProperty().addListener((o, a, b) -> {
            if (b != null) model.auth.set((String) b.getUserData());
        });
        model.auth.addListener((o, a, b) -> selectAuth(authGroup, b));
        Label authLabel = label("hosts.field.auth");
        login.addRow(r++, authLabel, auths);

        TextField key = text("keyFile", model.keyFile, 20);
        key.disableProperty().bind(model.auth.isNotEqualTo("key"));
        key.promptTextProperty().bind(i18n.bind("hosts.field.keyFile.prompt"));
        Button browseKey = new Button();
        browseKey.setId(prefix + "keyFile-browse");
        browseKey.setGraphic(new FontIcon(Material2AL.FOLDER_OPEN));
        browseKey.setTooltip(tooltip("hosts.browse.key"));
        browseKey.disableProperty().bind(key.disableProperty());
        browseKey.setOnAction(e -> browseKey(key));
        HBox keyRow = new HBox(6, key, browseKey);
        HBox.setHgrow(key, Priority.ALWAYS);
        Label keyLabel = label("hosts.field.keyFile");
        keyLabel.setLabelFor(key);
        login.addRow(r++, keyLabel, keyRow);

        PasswordField password = new PasswordField();
        password.setId(prefix + "password");
        password.textProperty().bindBidirectional(model.password);
        password.disableProperty().bind(model.auth.isNotEqualTo("password"));
        password.promptTextProperty().bind(i18n.bind("hosts.field.password.prompt"));
        fields.put("password", password);
        row(login, r++, "hosts.field.password", password);

        row(login, r++, "hosts.field.iface", text("iface", model.iface, 8));
        CheckBox sudo = new CheckBox();
        sudo.setId(prefix + "sudo");
        sudo.textProperty().bind(i18n.bind("hosts.field.sudo"));
        sudo.selectedProperty().bindBidirectional(model.sudo);
        sudo.setTooltip(tooltip("hosts.field.sudo.tip"));
        login.add(sudo, 1, r++);

        // ---- services -----------------------------------------------------------------------------------
        r = 0;
        ComboBox<String> style = new ComboBox<>(FXCollections.observableArrayList(STYLES));
        style.setId(prefix + "services");
        style.valueProperty().bindBidirectional(model.services);
        style.setConverter(converter("hosts.style."));
        style.setButtonCell(new ConvertingCell(style.getConverter()));
        i18n.localeProperty().addListener((o, a, b) -> {
            style.setButtonCell(new ConvertingCell(style.getConverter()));
        });
        row(services, r++, "hosts.field.services", style);
        for (ProcessKind k : ProcessKind.values()) {
            var prop = switch (k) {
                case MYSQLD -> model.mysqldService;
                case HAPROXY -> model.haproxyService;
                case KEEPALIVED -> model.keepalivedService;
            };
            TextField f = text(k.id() + "Service", prop, 10);
            // A custom style names no service: its commands are the overrides below.
            f.disableProperty().bind(k == ProcessKind.HAPROXY ? model.services.isEqualTo("custom").or(Bindings.not(haproxy))
                    : model.services.isEqualTo("custom"));
            Label l = new Label();
            l.textProperty().bind(i18n.bind("hosts.field.serviceName", k.id()));
            l.setLabelFor(f);
            l.setMinWidth(Region.USE_PREF_SIZE);
            services.addRow(r++, l, f);
        }
        TextField log = text("keepalivedLog", model.keepalivedLog, 16);
        log.setTooltip(tooltip("hosts.field.keepalivedLog.tip"));
        row(services, r++, "hosts.field.keepalivedLog", log);
        TextField stats = text("haproxyStats", model.haproxyStats, 16);
        stats.disableProperty().bind(Bindings.not(haproxy));
        row(services, r++, "hosts.field.haproxyStats", stats);

        Label ovLabel = label("hosts.field.overrides");
        GridPane.setValignment(ovLabel, javafx.geometry.VPos.TOP);
        services.add(ovLabel, 0, r);
        services.add(overridesEditor(), 1, r++);
    }

    Node node() { return root; }

    private Node overridesEditor() {
        List<String> actions = new ArrayList<>();
        for (ProcessKind k : ProcessKind.values()) for (Verb v : CommandPreview.VERBS) actions.add(v.id() + " " + k.id());
        overrideAction.getItems().setAll(actions);
        overrideAction.setId(prefix + "override-action");
        overrideAction.getSelectionModel().select("stop mysqld");
        overrideAction.setVisibleRowCount(12);
        overrideCommand.setId(prefix + "override-command");
        overrideCommand.promptTextProperty().bind(i18n.bind("hosts.override.prompt"));
        HBox.setHgrow(overrideCommand, Priority.ALWAYS);
        // Enter in the command field sets the override (and must not reach the dialog's default button).
        overrideCommand.setOnAction(e -> {
            addOverride();
            e.consume();
        });
        Button set = new Button();
        set.setId(prefix + "override-set");
        set.textProperty().bind(i18n.bind("hosts.override.set"));
        set.disableProperty().bind(overrideCommand.textProperty().isEmpty());
        set.setOnAction(e -> addOverride());
        set.setMinWidth(Region.USE_PREF_SIZE);
        HBox add = new HBox(6, overrideAction, overrideCommand, set);

        overrides.setId(prefix + "overrides");
        overrides.setItems(model.overrides);
        overrides.setEditable(true);
        overrides.setPrefHeight(110);
        overrides.setMinHeight(80);
        overrides.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label empty = new Label();
        empty.textProperty().bind(i18n.bind("hosts.override.none"));
        empty.getStyleClass().add("hosts-placeholder");
        overrides.setPlaceholder(empty);
        overrides.setTooltip(tooltip("hosts.override.tip"));
        overrideCommand.setTooltip(tooltip("hosts.override.tip"));
        TableColumn<HostModel.Override, String> action = new TableColumn<>();
        action.textProperty().bind(i18n.bind("hosts.override.action"));
        action.setCellValueFactory(c -> c.getValue().action);
        action.setEditable(false);
        action.setPrefWidth(110);
        action.setMaxWidth(140);
        TableColumn<HostModel.Override, String> command = new TableColumn<>();
        command.textProperty().bind(i18n.bind("hosts.override.command"));
        command.setCellValueFactory(c -> c.getValue().command);
        command.setCellFactory(TextFieldTableCell.forTableColumn());
        overrides.getColumns().setAll(List.of(action, command));

        Button remove = new Button();
        remove.setId(prefix + "override-remove");
        remove.textProperty().bind(i18n.bind("hosts.override.remove"));
        remove.disableProperty().bind(overrides.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> {
            HostModel.Override o = overrides.getSelectionModel().getSelectedItem();
            if (o != null) model.overrides.remove(o);
        });
        HBox removeRow = new HBox(remove);
        VBox box = new VBox(6, add, overrides, removeRow);
        return box;
    }

    /** Sets the override picked in the editor row (replacing one for the same action). */
    void addOverride() {
        String a = overrideAction.getValue();
        String c = overrideCommand.getText();
        if (a == null || c == null || c.isBlank()) return;
        model.setOverride(a, c.strip());
        overrideCommand.clear();
    }

    private void browseKey(TextField key) {
        FileChooser fc = new FileChooser();
        fc.setTitle(i18n.get("hosts.browse.key"));
        Path current = key.getText().isBlank() ? null : HostsModel.expand(key.getText().trim());
        Path dir = current != null && current.getParent() != null && Files.isDirectory(current.getParent()) ? current.getParent()
                : Path.of(System.getProperty("user.home"), ".ssh");
        if (Files.isDirectory(dir)) fc.setInitialDirectory(dir.toFile());
        File f = fc.showOpenDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (f != null) key.setText(f.getPath());
    }

    private static void selectAuth(ToggleGroup g, String auth) {
        g.getToggles().stream().filter(t -> t.getUserData().equals(auth)).findFirst().ifPresent(t -> t.setSelected(true));
    }

    private TextField text(String field, javafx.beans.property.StringProperty prop, int columns) {
        TextField f = new TextField();
        f.setId(prefix + field);
        f.setPrefColumnCount(columns);
        f.textProperty().bindBidirectional(prop);
        fields.put(field, f);
        return f;
    }

    private GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setHalignment(HPos.RIGHT);
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints grow = new ColumnConstraints();
        grow.setHgrow(Priority.ALWAYS);
        grow.setFillWidth(true);
        g.getColumnConstraints().addAll(labels, grow);
        return g;
    }

    private Node section(String key, GridPane content) {
        Label title = new Label();
        title.textProperty().bind(i18n.bind(key));
        title.getStyleClass().add("hosts-section");
        return new VBox(8, title, content);
    }

    private void row(GridPane g, int r, String key, Control field) {
        Label l = label(key);
        l.setLabelFor(field);
        g.addRow(r, l, field);
    }

    private Label label(String key) {
        Label l = new Label();
        l.textProperty().bind(i18n.bind(key));
        l.setMnemonicParsing(true);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private Tooltip tooltip(String key) {
        Tooltip t = new Tooltip();
        t.textProperty().bind(i18n.bind(key));
        t.setWrapText(true);
        t.setMaxWidth(420);
        return t;
    }

    private StringConverter<String> converter(String keyPrefix) {
        return new StringConverter<>() {
            public String toString(String id) { return id == null ? "" : i18n.get(keyPrefix + id); }

            public String fromString(String s) { return s; }
        };
    }

    /** A combo box cell showing the converter's (translated) text. */
    static final class ConvertingCell extends ListCell<String> {
        private final StringConverter<String> c;

        ConvertingCell(StringConverter<String> c) { this.c = c; }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : c.toString(item));
        }
    }

    /** Calls {@code f} with each field's name and control. */
    void forEachField(BiConsumer<String, Control> f) { fields.forEach(f); }
}
