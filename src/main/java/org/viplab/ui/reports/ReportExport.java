package org.viplab.ui.reports;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.viplab.drill.DrillResult;
import org.viplab.drill.FreeRun;
import org.viplab.report.ReportOptions;
import org.viplab.report.ReportWriter;
import org.viplab.lab.LiveEngine;
import org.viplab.core.util.Failures;
import org.viplab.ui.common.I18n;
import org.viplab.ui.common.TaskExecutor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * File > Export report…: the live run (or a finished drill's result) written by {@link ReportWriter} into a
 * directory: report.html, report.pdf, events.csv, timeline.jsonl, result.json, junit.xml. The run is
 * captured by its engine (its timeline and clock at one instant), the report is written on
 * the task executor's background thread; the future completes on the UI thread.
 */
public final class ReportExport {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final LiveEngine lab;
    private final I18n i18n;
    private final TaskExecutor tasks;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();

    /** Exports whatever {@code lab} looks at: the simulation, or the real hosts' run since connect. */
    public ReportExport(LiveEngine lab, I18n i18n, TaskExecutor tasks) {
        this.lab = lab;
        this.i18n = i18n;
        this.tasks = tasks;
    }

    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }

    /** The live run as a drill result, captured at one instant on the engine thread. */
    public CompletableFuture<DrillResult> captureLive() {
        String name = i18n.get("report.live.name", STAMP.format(Instant.now().atZone(ZoneId.systemDefault())));
        String description = i18n.get("report.live.description");
        // the engine reads its timeline and clock at one instant (the simulator on its own thread)
        return lab.snapshot().thenApply(run -> FreeRun.result(run.engine().id(), run.topology(), run.seed(), run.events(), run.nowUs(), name, description));
    }

    /** Writes the live run's report into {@code dir}; FX thread. */
    public CompletableFuture<ReportWriter.Written> exportLive(Path dir) {
        return write(captureLive(), dir);
    }

    /** Writes a finished drill's own report into {@code dir}; FX thread. */
    public CompletableFuture<ReportWriter.Written> export(DrillResult result, Path dir) {
        return write(CompletableFuture.completedFuture(result), dir);
    }

    private CompletableFuture<ReportWriter.Written> write(CompletableFuture<DrillResult> result, Path dir) {
        if (busy.get()) return CompletableFuture.failedFuture(new IllegalStateException("a report is being written"));
        busy.set(true);
        ReportOptions options = new ReportOptions(i18n.locale(), false, Instant.now());
        CompletableFuture<ReportWriter.Written> done = new CompletableFuture<>();
        result.thenApplyAsync(r -> {
            try {
                return ReportWriter.write(r, dir, options);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, tasks.background()).whenComplete((w, err) -> tasks.ui().execute(() -> {
            busy.set(false);
            if (err != null) done.completeExceptionally(Failures.root(err));
            else done.complete(w);
        }));
        return done;
    }
}
