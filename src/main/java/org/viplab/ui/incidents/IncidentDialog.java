package org.viplab.ui.incidents;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.viplab.replay.IncidentRequest;
import org.viplab.replay.InputSummary;
import org.viplab.ui.common.I18n;
import org.viplab.ui.common.TaskExecutor;

import java.io.File;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * File > Open incident…: the inputs of {@code viplab replay} (each host's logs, captures, the hosts' config
 * directories, the zone of stamps that carry none, clock offsets). Replay reads and rebuilds them off the FX
 * thread with a progress bar, then lists what each file gave (format found, lines read and used, or the
 * file:line that could not be read); Open shows the incident read-only like a recorded session.
 */
public final class IncidentDialog {
    /** The hosts, in drawing order (as the import dialog's nodes). */
    public static final List<String> HOSTS = List.of("db1", "db2");

    /** One row of the sources table. */
    public record Row(String file, String host, String format, String read, String used, String what) { }

    private final I18n i18n;
    private final TaskExecutor tasks;
    private final IncidentOpening opening;
    private final Consumer<IncidentOpening.Opened> onOpen;
    private final Dialog<Void> dialog = new Dialog<>();
    private final Map<String, TextField> logs = new LinkedHashMap<>();
    private final Map<String, TextField> configs = new LinkedHashMap<>();
    private final TextField captures = new TextField();
    private final TextField clients = new TextField();
    private final TextField zone = new TextField();
    private final TextField offsets = new TextField();
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ProgressBar progress = new ProgressBar(0);
    private final Label progressText = new Label();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper errorText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private Supplier<String> errorWords = () -> "";
    private IncidentOpening.Opened ready;

    public IncidentDialog(Window owner, I18n i18n, TaskExecutor tasks, IncidentOpening opening, Consumer<IncidentOpening.Opened> onOpen) {
        this.i18n = i18n;
        this.tasks = tasks;
        this.opening = opening;
        this.onOpen = onOpen;
        if (owner != null) dialog.initOwner(owner);
        dialog.titleProperty().bind(i18n.bind("incident.title"));
        dialog.setResizable(true);
        dialog.getDialogPane().setId("incident-dialog");
        dialog.getDialogPane().getStylesheets().add(IncidentDialog.class.getResource("/org/viplab/ui/incidents/incident.css").toExternalForm());

        Label intro = new Label();
        intro.textProperty().bind(i18n.bind("incident.intro"));
        intro.setWrapText(true);
        intro.setMinHeight(Region.USE_PREF_SIZE);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        ColumnConstraints grow = new ColumnConstraints();
        grow.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(new ColumnConstraints(), grow, new ColumnConstraints());
        int row = 0;
        for (String h : HOSTS) {
            TextField f = field("incident-logs-" + h, "incident.logs.prompt");
            logs.put(h, f);
            grid.addRow(row++, label("incident.logs", h), f, addFiles("incident-add-logs-" + h, f, h));
        }
        captures.setId("incident-captures");
        captures.promptTextProperty().bind(i18n.bind("incident.captures.prompt"));
        grid.addRow(row++, label("incident.captures"), captures, addFiles("incident-add-captures", captures, null));
        clients.setId("incident-clients");
        clients.promptTextProperty().bind(i18n.bind("incident.clients.prompt"));
        grid.addRow(row++, label("incident.clients"), clients, addFiles("incident-add-clients", clients, null));
        for (String h : HOSTS) {
            TextField f = field("incident-config-" + h, "incident.config.prompt");
            configs.put(h, f);
            Button b = button("incident-browse-config-" + h, "incident.browse", Material2AL.FOLDER_OPEN);
            b.setOnAction(e -> browseDir(h, f));
            grid.addRow(row++, label("incident.config", h), f, b);
        }
        zone.setId("incident-tz");
        zone.setText(ZoneId.systemDefault().getId());
        grid.addRow(row++, label("incident.tz"), zone);
        offsets.setId("incident-offsets");
        offsets.promptTextProperty().bind(i18n.bind("incident.offsets.prompt"));
        grid.addRow(row, label("incident.offsets"), offsets);
        for (TextField f : allFields()) f.textProperty().addListener((o, a, b) -> inputsChanged());

        Button replay = button("incident-replay", "incident.replay", Material2AL.BUILD);
        replay.disableProperty().bind(busy);
        replay.setDefaultButton(false);
        replay.setOnAction(e -> replay());
        progress.setId("incident-progress");
        progress.setPrefWidth(220);
        progress.visibleProperty().bind(busy);
        progressText.setId("incident-progress-text");
        progressText.visibleProperty().bind(busy);
        HBox actions = new HBox(10, replay, progress, progressText);

        TableView<Row> table = new TableView<>(rows);
        table.setId("incident-sources");
        table.setPrefHeight(190);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("incident.col.file", r -> fileName(r.file()), 215)); // the name; the full path is in the fields above
        table.getColumns().add(column("incident.col.host", Row::host, 50));
        table.getColumns().add(column("incident.col.format", Row::format, 210));
        table.getColumns().add(column("incident.col.read", Row::read, 85));
        table.getColumns().add(column("incident.col.used", Row::used, 60));
        table.getColumns().add(column("incident.col.what", Row::what, 200));
        Label placeholder = new Label();
        placeholder.textProperty().bind(i18n.bind("incident.sources.empty"));
        table.setPlaceholder(placeholder);

        Label sum = new Label();
        sum.setId("incident-summary");
        sum.setWrapText(true);
        sum.setMinHeight(Region.USE_PREF_SIZE);
        sum.textProperty().bind(summary);
        Label error = new Label();
        error.setId("incident-error");
        error.getStyleClass().add("incident-error");
        error.setWrapText(true);
        error.setMinHeight(Region.USE_PREF_SIZE);
        error.textProperty().bind(errorText);
        error.managedProperty().bind(errorText.isNotEmpty());
        error.visibleProperty().bind(errorText.isNotEmpty());
        i18n.localeProperty().addListener((o, a, b) -> errorText.set(errorWords.get()));

        VBox content = new VBox(10, intro, grid, actions, table, sum, error);
        content.setPadding(new Insets(8));
        content.setPrefWidth(900);
        dialog.getDialogPane().setContent(content);
        ButtonType openType = new ButtonType(i18n.get("incident.open"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancelType = new ButtonType(i18n.get("import.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().addAll(openType, cancelType);
        Button open = (Button) dialog.getDialogPane().lookupButton(openType);
        open.setId("incident-open");
        open.textProperty().bind(i18n.bind("incident.open"));
        open.setDisable(true);
        open.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            open();
        });
        Button cancel = (Button) dialog.getDialogPane().lookupButton(cancelType);
        cancel.setId("incident-cancel");
        cancel.textProperty().bind(i18n.bind("import.cancel"));
        busy.addListener((o, a, b) -> open.setDisable(b || ready == null));
        summary.addListener((o, a, b) -> open.setDisable(busy.get() || ready == null));
        dialog.setResultConverter(b -> null);
    }

    // ---- API for the window and tests ---------------------------------------------------------------

    public Dialog<Void> dialog() { return dialog; }

    public void show() { dialog.show(); }

    public void setLogs(String host, Path... files) { logs.get(host).setText(join(files)); }

    public void setCaptures(Path... files) { captures.setText(join(files)); }

    public void setClients(Path... files) { clients.setText(join(files)); }

    public void setConfig(String host, Path dir) { configs.get(host).setText(dir == null ? "" : dir.toString()); }

    public void setZone(String id) { zone.setText(id); }

    public void setOffsets(String text) { offsets.setText(text); }

    /** What each file gave, after the last replay (also when it failed: the files read before the bad one). */
    public ObservableList<Row> rows() { return rows; }

    /** The last error (empty when none): file:line and what is wrong, or which field is wrong. */
    public ReadOnlyStringProperty errorProperty() { return errorText.getReadOnlyProperty(); }

    /** The incident in a line once replayed (failovers, span), empty before. */
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }

    /**
     * Reads and rebuilds the incident from the fields off the FX thread; the future completes on the FX thread
     * with what is ready to open, or fails with the error also shown in the dialog.
     */
    public CompletableFuture<IncidentOpening.Opened> replay() {
        IncidentOpening.Inputs in;
        try {
            in = inputs();
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            setError(() -> m);
            return CompletableFuture.failedFuture(e);
        }
        busy.set(true);
        ready = null;
        rows.clear();
        summary.set("");
        setError(() -> "");
        progress.setProgress(0);
        CompletableFuture<IncidentOpening.Opened> done = new CompletableFuture<>();
        tasks.supply(() -> opening.open(in, (fraction, file) -> tasks.ui().execute(() -> {
            progress.setProgress(fraction);
            progressText.setText(file == null ? i18n.get("incident.building") : i18n.get("incident.reading", Path.of(file).getFileName()));
        }))).whenCompleteAsync((opened, err) -> {
            Throwable cause = err instanceof java.util.concurrent.CompletionException && err.getCause() != null ? err.getCause() : err;
            if (cause instanceof IncidentRequest.Failed f) {
                show(f.inputs());
                setError(() -> i18n.get("incident.error", f.getMessage()));
                busy.set(false);
                done.completeExceptionally(f);
                return;
            }
            if (cause != null) {
                String m = cause.getMessage() != null ? cause.getMessage() : cause.toString();
                setError(() -> i18n.get("incident.error", m));
                busy.set(false);
                done.completeExceptionally(cause);
                return;
            }
            show(opened.inputs());
            ready = opened;
            summary.set(i18n.get("incident.summary", opened.failovers(), opened.splitBrains(), String.format(java.util.Locale.ROOT, "%.1f", opened.endUs() / 1e6),
                    opened.events().size(), opened.findings().isEmpty() ? i18n.get("incident.findings.none") : String.join(" · ", opened.findings()))
                    + "\n" + clocks(opened)
                    + (opened.configs() == null ? "" : "\n" + i18n.get("incident.summary.configs", String.join(", ", opened.configs().dirs().keySet()),
                    opened.topology().mode.shortName(), opened.topology().vip)));
            busy.set(false);
            done.complete(opened);
        }, tasks.ui());
        return done;
    }

    /** Opens what the last replay built, read-only, and closes the dialog. */
    public boolean open() {
        if (ready == null) return false;
        onOpen.accept(ready);
        dialog.setResult(null);
        dialog.close();
        return true;
    }

    // ---- inside ----------------------------------------------------------------------------------

    private IncidentOpening.Inputs inputs() {
        Map<String, List<Path>> files = new LinkedHashMap<>();
        for (Map.Entry<String, TextField> e : logs.entrySet()) {
            List<Path> l = IncidentRequest.files(e.getValue().getText());
            if (!l.isEmpty()) files.put(e.getKey(), l);
        }
        if (files.isEmpty()) throw new IllegalArgumentException(i18n.get("incident.invalid.noLogs"));
        ZoneId z;
        try {
            z = ZoneId.of(zone.getText().strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(i18n.get("incident.invalid.tz", zone.getText().strip()));
        }
        Map<String, Long> off = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, String> e : IncidentRequest.pairs(offsets.getText()).entrySet()) {
                off.put(e.getKey(), IncidentRequest.parseOffsetUs(e.getValue()));
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(i18n.get("incident.invalid.offsets", offsets.getText().strip(), e.getMessage()));
        }
        Map<String, Path> dirs = new LinkedHashMap<>();
        for (Map.Entry<String, TextField> e : configs.entrySet()) {
            if (!e.getValue().getText().isBlank()) dirs.put(e.getKey(), Path.of(e.getValue().getText().strip()));
        }
        if (dirs.size() == 1) throw new IllegalArgumentException(i18n.get("incident.invalid.oneConfig"));
        return new IncidentOpening.Inputs(new IncidentRequest(files, IncidentRequest.files(captures.getText()), IncidentRequest.files(clients.getText()), z, off), dirs);
    }

    private void show(List<InputSummary> inputs) {
        rows.clear();
        for (InputSummary s : inputs) {
            String what = String.join(", ", s.kinds().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(k -> k.getValue() + " " + k.getKey()).toList());
            rows.add(new Row(s.file(), s.host() == null ? "" : s.host(), s.format(), Integer.toString(s.read()), Integer.toString(s.used()), what));
        }
    }

    /** Each host's clock offset and the client's, with their bounds, as {@code viplab replay} prints them. */
    private String clocks(IncidentOpening.Opened opened) {
        java.util.Locale l = i18n.locale();
        List<String> parts = new java.util.ArrayList<>();
        for (org.viplab.replay.ClockOffset c : opened.incident().offsets().values()) {
            String offset = (c.offsetUs() > 0 ? "+" : "") + org.viplab.core.text.TimeText.length(c.offsetUs(), l);
            if (c.given()) parts.add(i18n.get("incident.clock.given", c.host(), offset));
            else if (!c.known()) parts.add(i18n.get("incident.clock.unknown", c.host()));
            else parts.add(i18n.get(c.applied() ? "incident.clock.applied" : "incident.clock", c.host(), offset,
                    org.viplab.core.text.TimeText.length(c.uncertaintyUs(), l)));
        }
        return i18n.get("incident.clocks", String.join(" · ", parts));
    }

    private void inputsChanged() {
        if (busy.get()) return;
        ready = null;
        summary.set("");
        setError(() -> "");
    }

    private void setError(Supplier<String> words) {
        errorWords = words;
        errorText.set(words.get());
    }

    private List<TextField> allFields() {
        List<TextField> l = new java.util.ArrayList<>(logs.values());
        l.add(captures);
        l.add(clients);
        l.addAll(configs.values());
        l.add(zone);
        l.add(offsets);
        return l;
    }

    private TextField field(String id, String promptKey) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(40);
        f.promptTextProperty().bind(i18n.bind(promptKey));
        return f;
    }

    private Label label(String key, Object... args) {
        Label l = new Label();
        l.textProperty().bind(i18n.bind(key, args));
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private Button button(String id, String key, org.kordamp.ikonli.Ikon icon) {
        Button b = new Button();
        b.setId(id);
        b.textProperty().bind(i18n.bind(key));
        b.setGraphic(new FontIcon(icon));
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }

    private Button addFiles(String id, TextField target, String host) {
        Button b = button(id, "incident.add", Material2AL.ADD);
        b.setOnAction(e -> {
            FileChooser c = new FileChooser();
            c.setTitle(host == null ? i18n.get("incident.captures") : i18n.get("incident.logs", host));
            List<File> picked = c.showOpenMultipleDialog(dialog.getDialogPane().getScene().getWindow());
            if (picked == null) return;
            String more = String.join(",", picked.stream().map(File::getPath).toList());
            target.setText(target.getText().isBlank() ? more : target.getText() + "," + more);
        });
        return b;
    }

    private void browseDir(String host, TextField f) {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle(i18n.get("incident.config", host));
        File d = dc.showDialog(dialog.getDialogPane().getScene().getWindow());
        if (d != null) f.setText(d.getPath());
    }

    private TableColumn<Row, String> column(String key, java.util.function.Function<Row, String> value, double width) {
        TableColumn<Row, String> c = new TableColumn<>();
        c.textProperty().bind(i18n.bind(key));
        c.setCellValueFactory(r -> new SimpleStringProperty(value.apply(r.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private static String fileName(String file) {
        Path p = Path.of(file).getFileName();
        return p == null ? file : p.toString();
    }

    private static String join(Path... files) { return String.join(",", java.util.Arrays.stream(files).map(Path::toString).toList()); }
}
