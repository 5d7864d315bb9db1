package org.viplab.ui.sweep;

import javafx.collections.ObservableList;
import org.viplab.drill.DrillResult;
import org.viplab.drill.RealHosts;
import org.viplab.sweep.RealRuns;
import org.viplab.ui.common.I18n;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * What a real-host sweep says while it runs, as the Sweep tab's lines: each run's start with its ETA, its figures
 * when it ends, the baseline, and each command before it runs, as {@code sweep --engine ssh} prints them but in
 * the user's language. Told on the sweep's thread; the lines are added on the UI thread, as texts that follow a
 * language switch.
 */
final class RealRunLines implements RealRuns.Listener, RealHosts.Notes {
    /** Where a run's start and end move the progress bar and the state line (on the UI thread). */
    interface Progress {
        void starting(int run, int of, Supplier<String> eta);

        void finished(int run, int of);
    }

    private final I18n i18n;
    private final Executor ui;
    private final ObservableList<Supplier<String>> lines;
    private final Progress progress;

    RealRunLines(I18n i18n, Executor ui, ObservableList<Supplier<String>> lines, Progress progress) {
        this.i18n = i18n;
        this.ui = ui;
        this.lines = lines;
        this.progress = progress;
    }

    /** A remote command, shown before it runs ("$ db1$ service mysql stop"). */
    void command(String c) { add(() -> "$ " + c); }

    void connected(String hosts) { add(() -> i18n.get("sweep.real.log.connected", hosts)); }

    @Override
    public void starting(int run, int of, double etaS, boolean guess) {
        add(() -> i18n.get(guess ? "sweep.real.log.startingGuess" : "sweep.real.log.starting", run, of, eta(etaS)));
        ui.execute(() -> progress.starting(run, of, () -> eta(etaS)));
    }

    @Override
    public void finished(int run, int of, DrillResult r, double seconds) {
        Map<String, Object> m = r.metrics();
        String s = Long.toString(Math.round(seconds));
        // the figures as the CLI prints them (no grouping, the analysis's own decimals)
        add(() -> i18n.get(r.passed() ? "sweep.real.log.passed" : "sweep.real.log.failed", run, of, s,
                i18n.get("sweep.real.log.figures", String.valueOf(m.get("failovers")), String.valueOf(m.get("splitBrainMs")),
                        String.valueOf(m.get("clientDowntimeMs")), String.valueOf(m.get("failedProbes")), String.valueOf(m.get("probes")))));
        ui.execute(() -> progress.finished(run, of));
    }

    @Override
    public void baselineReached(Set<String> vipHolders) {
        String holders = String.join(", ", vipHolders);
        add(() -> i18n.get("sweep.real.log.baseline", holders));
    }

    @Override
    public void lateEvents(long n) { add(() -> i18n.get("sweep.real.log.late", Long.toString(n))); }

    /** "45 s", "3 min 05 s" in the user's language, rounded up (the CLI's {@link RealRuns#duration} in English). */
    private String eta(double s) {
        long whole = (long) Math.ceil(s);
        return whole < 60 ? i18n.get("sweep.real.eta.s", whole) : i18n.get("sweep.real.eta.min", whole / 60, String.format("%02d", whole % 60));
    }

    private void add(Supplier<String> line) { ui.execute(() -> lines.add(line)); }
}
