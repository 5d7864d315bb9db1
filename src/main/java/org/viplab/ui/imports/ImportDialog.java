package org.viplab.ui.imports;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.Validator;
import org.controlsfx.validation.decoration.StyleClassValidationDecoration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.viplab.config.ConfigImporter;
import org.viplab.config.ConfigParseException;
import org.viplab.core.model.Topology;
import org.viplab.core.model.TopologyJson;
import org.viplab.ui.common.I18n;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.viplab.ui.common.TaskExecutor;
import java.util.function.Consumer;

/**
 * File > Import configs…: one directory per node (keepalived.conf, optional haproxy.cfg and the check
 * scripts). The files are parsed off the FX thread; the dialog stays open with the error (file:line:column
 * and what is wrong) when they cannot be read, and closes handing the import to {@code onImported} when they
 * can. Nothing changes in the lab until an import succeeds.
 */
public final class ImportDialog {
    /** The nodes, in drawing order: the first two are needed, the others (a third to a fifth node) optional. */
    public static final List<String> NODES = List.of("db1", "db2", "db3", "db4", "db5");
    private static final int REQUIRED = 2;

    private final I18n i18n;
    private final TaskExecutor tasks;
    private final Consumer<ImportedConfigs.Imported> onImported;
    private final Dialog<ImportedConfigs.Imported> dialog = new Dialog<>();
    private final Map<String, TextField> fields = new LinkedHashMap<>();
    private final ValidationSupport validation = new ValidationSupport();
    private final Label error = new Label();
    private final ProgressIndicator progress = new ProgressIndicator();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper errorText = new ReadOnlyStringWrapper("");
    private boolean shown;
    /** What the error line says, worded again in the new language on a switch (the parse error's reason too). */
    private java.util.function.Supplier<String> errorWords = () -> "";

    public ImportDialog(Window owner, I18n i18n, TaskExecutor tasks, Consumer<ImportedConfigs.Imported> onImported) {
        this.i18n = i18n;
        this.tasks = tasks;
        this.onImported = onImported;
        if (owner != null) dialog.initOwner(owner);
        dialog.titleProperty().bind(i18n.bind("import.title"));
        dialog.setResizable(true);
        dialog.getDialogPane().setId("import-dialog");
        dialog.getDialogPane().getStylesheets().add(ImportDialog.class.getResource("/org/viplab/ui/imports/import.css").toExternalForm());
        // Style classes rather than the default graphic decoration, which wraps the dialog pane in a pane of
        // its own and so breaks Dialog.show ("already inside a scene-graph").
        validation.setValidationDecorator(new StyleClassValidationDecoration());

        Label intro = new Label();
        intro.textProperty().bind(i18n.bind("import.intro"));
        intro.setWrapText(true);
        intro.setMinHeight(Region.USE_PREF_SIZE);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        ColumnConstraints grow = new ColumnConstraints();
        grow.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(new ColumnConstraints(), grow, new ColumnConstraints());
        int row = 0;
        for (String node : NODES) {
            Label l = new Label();
            boolean optional = NODES.indexOf(node) >= REQUIRED;
            l.textProperty().bind(i18n.bind(optional ? "import.node.optional" : "import.node", node));
            TextField f = new TextField();
            f.setId("import-dir-" + node);
            f.setPrefColumnCount(36);
            f.promptTextProperty().bind(i18n.bind("import.dir.prompt"));
            f.textProperty().addListener((o, a, b) -> clearError());
            Button browse = new Button();
            browse.setId("import-browse-" + node);
            browse.textProperty().bind(i18n.bind("import.browse"));
            browse.setGraphic(new FontIcon(Material2AL.FOLDER_OPEN));
            browse.setOnAction(e -> browse(node, f));
            l.setMinWidth(Region.USE_PREF_SIZE);
            browse.setMinWidth(Region.USE_PREF_SIZE);
            grid.addRow(row++, l, f, browse);
            fields.put(node, f);
            validation.registerValidator(f, !optional, (Validator<String>) (c, v) -> {
                String problem = problem(node, v);
                return problem == null ? new ValidationResult() : ValidationResult.fromError(c, i18n.get("import.error.field", node, problem));
            });
        }
        Label hint = new Label();
        hint.setId("import-hint");
        hint.getStyleClass().add("import-hint");
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        hint.managedProperty().bind(hint.textProperty().isNotEmpty());
        hint.visibleProperty().bind(hint.textProperty().isNotEmpty());
        // Worded from the fields each time rather than from the validator's messages, so it follows a language switch.
        hint.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            for (Map.Entry<String, TextField> e : fields.entrySet()) {
                String problem = problem(e.getKey(), e.getValue().getText());
                if (problem != null) return i18n.get("import.error.field", e.getKey(), problem);
            }
            return "";
        }, validation.validationResultProperty(), i18n.localeProperty()));
        error.setId("import-error");
        error.getStyleClass().add("import-error");
        error.setWrapText(true);
        error.setMinHeight(Region.USE_PREF_SIZE);
        error.textProperty().bind(errorText);
        error.managedProperty().bind(errorText.isNotEmpty());
        error.visibleProperty().bind(errorText.isNotEmpty());
        progress.setId("import-progress");
        progress.setPrefSize(24, 24);
        progress.visibleProperty().bind(busy);
        Label working = new Label();
        working.textProperty().bind(i18n.bind("import.working"));
        working.visibleProperty().bind(busy);
        HBox status = new HBox(8, progress, working);
        status.managedProperty().bind(busy);
        status.visibleProperty().bind(busy);
        VBox content = new VBox(12, intro, grid, hint, status, error);
        content.setPadding(new Insets(8));
        content.setPrefWidth(720);
        dialog.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        // Grow the window when a message appears or goes, so that it is never cut off.
        errorText.addListener((o, a, b) -> resize());
        i18n.localeProperty().addListener((o, a, b) -> errorText.set(errorWords.get()));
        hint.textProperty().addListener((o, a, b) -> resize());
        busy.addListener((o, a, b) -> resize());
        dialog.getDialogPane().setContent(content);

        ButtonType importType = new ButtonType(i18n.get("import.ok"), javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        ButtonType cancelType = new ButtonType(i18n.get("import.cancel"), javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().addAll(importType, cancelType);
        Button ok = (Button) dialog.getDialogPane().lookupButton(importType);
        ok.textProperty().bind(i18n.bind("import.ok"));
        Button cancel = (Button) dialog.getDialogPane().lookupButton(cancelType);
        cancel.setId("import-cancel");
        cancel.textProperty().bind(i18n.bind("import.cancel"));
        ok.setId("import-ok");
        ok.disableProperty().bind(validation.invalidProperty().or(busy));
        // The dialog closes only once the import succeeded: the user fixes the file and tries again.
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            submit();
        });
        dialog.setResultConverter(b -> null);
        dialog.setOnShown(e -> shown = true);
    }

    /** Why {@code text} cannot be imported as a node directory, or null when it can. */
    /** An optional node (db3..db5) may stay empty: it is left out. */
    private String problem(String node, String text) {
        if (NODES.indexOf(node) >= REQUIRED && (text == null || text.isBlank())) return null;
        return dirProblem(text);
    }

    String dirProblem(String text) {
        if (text == null || text.isBlank()) return i18n.get("import.invalid.empty");
        Path p;
        try {
            p = Path.of(text.trim());
        } catch (RuntimeException e) {
            return i18n.get("import.invalid.path", text);
        }
        if (!Files.isDirectory(p)) return i18n.get("import.invalid.notDir", p);
        if (!Files.isRegularFile(p.resolve("keepalived.conf"))) return i18n.get("import.invalid.noKeepalived", p);
        return null;
    }

    private void browse(String node, TextField f) {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle(i18n.get("import.browse.title", node));
        if (!f.getText().isBlank() && Files.isDirectory(Path.of(f.getText().trim()))) dc.setInitialDirectory(new File(f.getText().trim()));
        File d = dc.showDialog(dialog.getDialogPane().getScene().getWindow());
        if (d != null) f.setText(d.getPath());
    }

    private void clearError() { setError(() -> ""); }

    private void setError(java.util.function.Supplier<String> words) {
        errorWords = words;
        errorText.set(words.get());
    }

    private void resize() {
        javafx.stage.Window w = dialog.getDialogPane().getScene() == null ? null : dialog.getDialogPane().getScene().getWindow();
        if (w != null && w.isShowing()) Platform.runLater(w::sizeToScene);
    }

    // ---- API for the window and tests ---------------------------------------------------------------

    public Dialog<ImportedConfigs.Imported> dialog() { return dialog; }

    public void show() { dialog.show(); }

    public void setDir(String node, Path dir) { fields.get(node).setText(dir == null ? "" : dir.toString()); }

    public void setDirs(Path db1, Path db2) {
        setDir(NODES.get(0), db1);
        setDir(NODES.get(1), db2);
    }

    /** The last error shown (empty when none): file:line:column and what is wrong. */
    public ReadOnlyStringProperty errorProperty() { return errorText.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }

    /**
     * Imports the directories in the fields off the FX thread. On success hands the import to the window
     * (which resets the lab to it) and closes the dialog; on failure shows the error and keeps the dialog open.
     * The future completes on the FX thread after either.
     */
    public CompletableFuture<ImportedConfigs.Imported> submit() {
        Map<String, Path> dirs = new LinkedHashMap<>();
        for (Map.Entry<String, TextField> e : fields.entrySet()) {
            String node = e.getKey();
            String text = e.getValue().getText();
            String problem = problem(node, text);
            if (problem != null) {
                setError(() -> i18n.get("import.error.field", node, problem(node, text)));
                return CompletableFuture.failedFuture(new IllegalArgumentException(problem));
            }
            if (text != null && !text.isBlank()) dirs.put(node, Path.of(text.trim()));
        }
        busy.set(true);
        clearError();
        CompletableFuture<ImportedConfigs.Imported> done = new CompletableFuture<>();
        tasks.supply(() -> importNow(dirs)).whenCompleteAsync((imported, err) -> {
            busy.set(false);
            if (shown && !dialog.isShowing()) {
                // Cancelled while the files were read: the user no longer wants them.
                done.completeExceptionally(new java.util.concurrent.CancellationException("import cancelled"));
                return;
            }
            if (err != null) {
                Throwable cause = err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
                setError(() -> describe(cause));
                done.completeExceptionally(cause);
                return;
            }
            onImported.accept(imported);
            dialog.setResult(imported); // closes the dialog
            done.complete(imported);
        }, tasks.ui());
        return done;
    }

    /** Off the FX thread: parse, build the topology, and refuse one the simulator cannot run. */
    private static ImportedConfigs.Imported importNow(Map<String, Path> dirs) {
        ConfigImporter.Result r;
        try {
            r = ConfigImporter.importNodes(dirs);
        } catch (ConfigParseException e) {
            throw new CompletionException(e);
        }
        List<String> problems = TopologyJson.problems(r.topology());
        if (!problems.isEmpty()) throw new CompletionException(new UnsimulatableException(String.join("; ", problems)));
        Topology t = r.topology();
        return new ImportedConfigs.Imported(new LinkedHashMap<>(dirs), t, List.copyOf(r.notes()));
    }

    /** The imported files parsed, but the topology they give cannot be simulated. */
    static final class UnsimulatableException extends RuntimeException {
        UnsimulatableException(String m) { super(m); }
    }

    private String describe(Throwable t) {
        if (t instanceof ConfigParseException p) {
            return i18n.get("import.error.parse", p.pos().file(), p.pos().line(), p.pos().column(), p.reason(i18n.locale()));
        }
        if (t instanceof UnsimulatableException) return i18n.get("import.error.unsimulatable", t.getMessage());
        return i18n.get("import.error.other", t.getMessage() != null ? t.getMessage() : t.toString());
    }
}
