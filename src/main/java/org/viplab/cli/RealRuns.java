package org.viplab.cli;

import org.viplab.core.util.Durations;
import org.viplab.drill.Drill;
import org.viplab.drill.DrillResult;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A drill repeated N times on real hosts over one connection: the shared piece of {@code sweep --engine ssh} and
 * {@code fidelity --runs}. Before each run the session restores the hosts and waits for the baseline (every
 * process up, one VIP holder, the client's probes answered, 5 s quiet), so a run never starts inside the last
 * one's aftermath (an ARP black hole outlives the hosts' own recovery). Each finished run is printed with the
 * time it took and an ETA for the rest.
 */
final class RealRuns {
    /** The finished runs in order; {@code exitCode} and {@code error} when the runs stopped early for a failure. */
    record Outcome(List<DrillResult> results, boolean cancelled, Integer exitCode, String error, double seconds) { }

    /** What a run takes besides the drill itself before the first one is timed: restore and baseline (5 s quiet). */
    static final double BASELINE_GUESS_S = 15;

    private RealRuns() { }

    /**
     * Runs {@code drill} (as {@link SshDrill.Opened#drill()} gives it) {@code n} times on {@code session}'s hosts.
     * Stops early when the session is cancelled (the run in progress restores first), when the baseline is not
     * reached, or when a host is unreachable after a run.
     */
    static Outcome repeat(SshDrill.Session session, Drill drill, int n, String label, PrintStream out, LongSupplier nanos)
            throws InterruptedException {
        List<DrillResult> results = new ArrayList<>();
        long t0 = nanos.getAsLong();
        double guess = Durations.ms(drill.endUs()) / 1000 + BASELINE_GUESS_S;
        for (int i = 1; i <= n; i++) {
            if (session.cancelled()) break;
            double elapsed = (nanos.getAsLong() - t0) / 1e9;
            double perRun = results.isEmpty() ? guess : elapsed / results.size();
            out.println(String.format(Locale.ROOT, "%s: real run %d of %d (ETA %s%s)", label, i, n,
                    results.isEmpty() ? "about " : "", duration(perRun * (n - i + 1))));
            long r0 = nanos.getAsLong();
            DrillResult r;
            try {
                r = session.run(drill);
            } catch (IllegalStateException e) {
                if (session.cancelled()) break;
                String msg = "run " + i + " of " + n + ": " + SshDrill.engineFailed(e, Locale.ENGLISH);
                return new Outcome(results, false, ExitCodes.ENGINE, msg, (nanos.getAsLong() - t0) / 1e9);
            }
            if (session.cancelled()) break; // an aborted run is cut short: not a sample of the drill
            results.add(r);
            out.println(String.format(Locale.ROOT, "%s: real run %d of %d %s in %.0f s: %s", label, i, n, r.passed() ? "passed" : "FAILED",
                    (nanos.getAsLong() - r0) / 1e9, summary(r)));
            String gone = session.unreachable();
            if (gone != null) {
                return new Outcome(results, false, ExitCodes.ENGINE, gone + " is unreachable after run " + i, (nanos.getAsLong() - t0) / 1e9);
            }
        }
        return new Outcome(results, session.cancelled(), null, null, (nanos.getAsLong() - t0) / 1e9);
    }

    /** "failovers 1, client downtime 2050.1 ms (21 of 200 probes failed)". */
    static String summary(DrillResult r) {
        Map<String, Object> m = r.metrics();
        return "failovers " + m.get("failovers") + ", split brain " + m.get("splitBrainMs") + " ms, longest client outage "
                + m.get("clientDowntimeMs") + " ms (" + m.get("failedProbes") + " of " + m.get("probes") + " probes failed)";
    }

    static String duration(double s) {
        if (s < 60) return String.format(Locale.ROOT, "%.0f s", Math.ceil(s));
        long whole = (long) Math.ceil(s);
        return String.format(Locale.ROOT, "%d min %02d s", whole / 60, whole % 60);
    }
}
