package org.viplab.ui.findings;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.viplab.config.ConfigImporter;
import org.viplab.config.ConfigParseException;
import org.viplab.config.Note;
import org.viplab.config.lint.Finding;
import org.viplab.config.lint.Lint;
import org.viplab.config.lint.Severity;
import org.viplab.core.model.Topology;
import org.viplab.ui.common.I18n;
import org.viplab.ui.imports.ImportedConfigs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.viplab.ui.common.TaskExecutor;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Runs lint for the Findings tab: on the imported node directories while the imported topology is the one
 * running (so findings point at the user's own files), else on the running topology rendered to a temporary
 * directory (so it works for the presets and edited settings too). Parsing, linting and the simulator
 * proofs run on {@code work}; the rows arrive on the FX thread in one go.
 */
public final class FindingsModel implements AutoCloseable {
    /** One row: a finding, or an importer note (something kept but not modelled). */
    public record Row(Finding finding, Note note) {
        public static Row of(Finding f) { return new Row(f, null); }

        public static Row of(Note n) { return new Row(null, n); }
    }

    private final Supplier<Topology> running;
    private final ImportedConfigs imported;
    private final I18n i18n;
    private final TaskExecutor tasks;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper source = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private Supplier<String> sourceText = () -> "";
    private Supplier<String> summaryText = () -> "";
    private volatile Path renderedDir;

    public FindingsModel(Supplier<Topology> running, ImportedConfigs imported, I18n i18n, TaskExecutor tasks) {
        this.running = running;
        this.imported = imported;
        this.i18n = i18n;
        this.tasks = tasks;
        setSummary(() -> i18n.get("findings.none"));
        setSource(() -> i18n.get("findings.source.notRun"));
        i18n.localeProperty().addListener((o, a, b) -> {
            source.set(sourceText.get());
            summary.set(summaryText.get());
        });
    }

    public ObservableList<Row> rows() { return rows; }

    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }

    /** What was linted: the imported directories or the rendered topology. */
    public ReadOnlyStringProperty sourceProperty() { return source.getReadOnlyProperty(); }

    /** "2 errors, 5 warnings, 1 info", or the error that stopped lint. */
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }

    /** The findings alone (no notes), as shown. */
    public List<Finding> findings() { return rows.stream().filter(r -> r.finding() != null).map(Row::finding).toList(); }

    /** Lints what runs now; FX thread. Completes on the FX thread once the rows are shown. */
    public CompletableFuture<List<Row>> run() {
        if (busy.get()) return CompletableFuture.failedFuture(new IllegalStateException("lint is already running"));
        Topology topology = running.get();
        ImportedConfigs.Imported imp = imported.matching(topology);
        busy.set(true);
        setSummary(() -> i18n.get("findings.running"));
        CompletableFuture<List<Row>> done = new CompletableFuture<>();
        tasks.supply(() -> lint(topology, imp)).whenCompleteAsync((result, err) -> {
            busy.set(false);
            if (err != null) {
                Throwable c = err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
                rows.clear();
                // A parse error is worded again in the new language on a switch (setSummary keeps the supplier).
                setSummary(() -> i18n.get("findings.failed",
                        c instanceof ConfigParseException p ? p.message(i18n.locale()) : String.valueOf(c.getMessage())));
                done.completeExceptionally(c);
                return;
            }
            rows.setAll(result.rows());
            Map<String, Path> dirs = result.dirs();
            String where = String.join(", ", dirs.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
            setSource(() -> i18n.get(imp != null ? "findings.source.imported" : "findings.source.rendered", where));
            List<Finding> fs = findings();
            long e = fs.stream().filter(f -> f.severity() == Severity.ERROR).count();
            long w = fs.stream().filter(f -> f.severity() == Severity.WARNING).count();
            long i = fs.size() - e - w;
            long n = rows.size() - fs.size();
            setSummary(() -> i18n.get("findings.summary", e, w, i, n, result.millis()));
            done.complete(List.copyOf(rows));
        }, tasks.ui());
        return done;
    }

    private record Linted(List<Row> rows, Map<String, Path> dirs, long millis) { }

    /** Off the FX thread. */
    private Linted lint(Topology topology, ImportedConfigs.Imported imp) {
        long t0 = System.nanoTime();
        try {
            Map<String, Path> dirs;
            if (imp != null) {
                dirs = imp.dirs();
            } else {
                deleteRendered();
                Path tmp = Files.createTempDirectory("viplab-lint-");
                renderedDir = tmp;
                dirs = org.viplab.config.ConfigRenderer.write(topology, tmp);
            }
            ConfigImporter.Result r = ConfigImporter.importNodes(dirs);
            List<Finding> fs = Lint.run(r, true);
            List<Row> out = new ArrayList<>();
            for (Finding f : fs) out.add(Row.of(f));
            r.notes().stream().sorted(Comparator.comparing((Note n) -> n.pos().file()).thenComparingInt(n -> n.pos().line()))
                    .forEach(n -> out.add(Row.of(n)));
            return new Linted(out, dirs, (System.nanoTime() - t0) / 1_000_000);
        } catch (ConfigParseException e) {
            throw new CompletionException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void setSource(Supplier<String> s) {
        sourceText = s;
        source.set(s.get());
    }

    private void setSummary(Supplier<String> s) {
        summaryText = s;
        summary.set(s.get());
    }

    private void deleteRendered() {
        Path d = renderedDir;
        renderedDir = null;
        if (d == null) return;
        try (Stream<Path> s = Files.walk(d)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temp dir left behind is harmless
        }
    }

    /** Removes the rendered files (they were only there to point findings at). */
    @Override
    public void close() { deleteRendered(); }
}
