package org.viplab.cli;

import org.viplab.drill.Drill;
import org.viplab.drill.DrillResult;
import org.viplab.drill.RealHosts;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * {@link org.viplab.sweep.RealRuns} for {@code sweep --engine ssh} and {@code fidelity --runs}: each run's start with
 * its ETA and each finished run with its figures, printed as a line, and a failure turned into an exit code.
 */
final class RealRuns {
    /** The finished runs in order; {@code exitCode} and {@code error} when the runs stopped early for a failure. */
    record Outcome(List<DrillResult> results, boolean cancelled, Integer exitCode, String error, double seconds) { }

    private RealRuns() { }

    static Outcome repeat(RealHosts.Session session, Drill drill, int n, String label, PrintStream out, LongSupplier nanos)
            throws InterruptedException {
        org.viplab.sweep.RealRuns.Outcome o = org.viplab.sweep.RealRuns.repeat(session, drill, n, new org.viplab.sweep.RealRuns.Listener() {
            @Override public void starting(int run, int of, double etaS, boolean guess) {
                out.println(String.format(Locale.ROOT, "%s: real run %d of %d (ETA %s%s)", label, run, of, guess ? "about " : "",
                        org.viplab.sweep.RealRuns.duration(etaS)));
            }

            @Override public void finished(int run, int of, DrillResult r, double seconds) {
                out.println(String.format(Locale.ROOT, "%s: real run %d of %d %s in %.0f s: %s", label, run, of, r.passed() ? "passed" : "FAILED",
                        seconds, org.viplab.sweep.RealRuns.summary(r)));
            }
        }, nanos);
        return new Outcome(o.results(), o.cancelled(), o.error() == null ? null : ExitCodes.ENGINE,
                o.error() == null ? null : o.error().render(Locale.ENGLISH), o.seconds());
    }
}
