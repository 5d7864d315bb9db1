package org.viplab.sweep;

import org.viplab.core.util.BundleText;
import org.viplab.core.util.Durations;
import org.viplab.core.util.Failures;
import org.viplab.drill.Drill;
import org.viplab.drill.DrillResult;
import org.viplab.drill.RealHosts;
import org.viplab.lab.LabText;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A drill repeated N times on real hosts over one connection: the shared piece of {@code sweep --engine ssh},
 * {@code fidelity --runs} and the Sweep tab's "Real hosts". Before each run the session restores the hosts and
 * waits for the baseline (every process up, one VIP holder, the client's probes answered, 5 s quiet), so a run
 * never starts inside the last one's aftermath (an ARP black hole outlives the hosts' own recovery). The caller
 * is told each run's start with an ETA for the rest and each finished run with the time it took, and says so
 * in its own words (the CLI in English, the app in the user's language).
 */
public final class RealRuns {
    /** The finished runs in order; {@code error} when the runs stopped early for a failure (an engine failure), in no language yet. */
    public record Outcome(List<DrillResult> results, boolean cancelled, BundleText error, double seconds) { }

    /** Told on the thread that runs the drills. */
    public interface Listener {
        /**
         * Run {@code run} of {@code of} starts; {@code etaS} is the time left for it and the rest, a guess
         * ({@code guess}) until a first run has been timed.
         */
        void starting(int run, int of, double etaS, boolean guess);

        /** Run {@code run} of {@code of} finished in {@code seconds}. */
        void finished(int run, int of, DrillResult result, double seconds);
    }

    /** What a run takes besides the drill itself before the first one is timed: restore and baseline (5 s quiet). */
    public static final double BASELINE_GUESS_S = 15;

    private RealRuns() { }

    /**
     * Runs {@code drill} (as {@link RealHosts.Session#onHosts} gives it) {@code n} times on {@code session}'s hosts.
     * Stops early when the session is cancelled (the run in progress restores first), when the baseline is not
     * reached, or when a host is unreachable after a run.
     */
    public static Outcome repeat(RealHosts.Session session, Drill drill, int n, Listener listener, LongSupplier nanos)
            throws InterruptedException {
        List<DrillResult> results = new ArrayList<>();
        long t0 = nanos.getAsLong();
        double guess = Durations.ms(drill.endUs()) / 1000 + BASELINE_GUESS_S;
        for (int i = 1; i <= n; i++) {
            if (session.cancelled()) break;
            double elapsed = (nanos.getAsLong() - t0) / 1e9;
            double perRun = results.isEmpty() ? guess : elapsed / results.size();
            listener.starting(i, n, perRun * (n - i + 1), results.isEmpty());
            long r0 = nanos.getAsLong();
            DrillResult r;
            try {
                r = session.run(drill);
            } catch (IllegalStateException e) {
                if (session.cancelled()) break;
                return new Outcome(results, false, LabText.of("run.realRunFailed", i, n, engineFailed(e)), (nanos.getAsLong() - t0) / 1e9);
            }
            if (session.cancelled()) break; // an aborted run is cut short: not a sample of the drill
            results.add(r);
            listener.finished(i, n, r, (nanos.getAsLong() - r0) / 1e9);
            String gone = session.unreachable();
            if (gone != null) return new Outcome(results, false, LabText.of("run.unreachableAfterRun", gone, i), (nanos.getAsLong() - t0) / 1e9);
        }
        return new Outcome(results, session.cancelled(), null, (nanos.getAsLong() - t0) / 1e9);
    }

    /** Why a run failed: "baseline: why" as it is, else "engine failed: why". */
    public static BundleText engineFailed(RuntimeException e) {
        BundleText why = Failures.text(e);
        return why instanceof LabText && "run.baseline".equals(why.key()) ? why : LabText.of("run.engineFailed", why);
    }

    /** The real runs' figures as a sweep's: run numbers 1.. in place of seeds, taken by the drill's own analysis. */
    public static List<RunFigures> figures(List<DrillResult> results) {
        List<RunFigures> out = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) out.add(RunFigures.of(0, i + 1, results.get(i)));
        return out;
    }

    /** "failovers 1, split brain 0 ms, longest client outage 2050.1 ms (21 of 200 probes failed)". */
    public static String summary(DrillResult r) {
        Map<String, Object> m = r.metrics();
        return "failovers " + m.get("failovers") + ", split brain " + m.get("splitBrainMs") + " ms, longest client outage "
                + m.get("clientDowntimeMs") + " ms (" + m.get("failedProbes") + " of " + m.get("probes") + " probes failed)";
    }

    /** "45 s", "3 min 05 s": an ETA, rounded up. */
    public static String duration(double s) {
        if (s < 60) return String.format(Locale.ROOT, "%.0f s", Math.ceil(s));
        long whole = (long) Math.ceil(s);
        return String.format(Locale.ROOT, "%d min %02d s", whole / 60, whole % 60);
    }
}
