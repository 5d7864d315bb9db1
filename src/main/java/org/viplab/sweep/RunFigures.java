package org.viplab.sweep;

import org.viplab.core.timeline.Failover;
import org.viplab.core.timeline.TimelineAnalysis;
import org.viplab.drill.DrillResult;
import org.viplab.drill.Verdict;

import java.util.List;

/**
 * What a sweep keeps of one run: a few numbers, not its timeline, so 100,000 runs fit in memory. Every figure is
 * the drill's own ({@link DrillResult#analysis()}, {@link Failover}); nothing is computed a second way.
 *
 * @param combination index of the settings combination in {@link SweepPlan#combinations()}
 * @param steps       per drill step: 1 passed, 0 failed, -1 not an expectation (an action) or still pending
 * @param values      microseconds per {@link Metric} (by ordinal); -1 where the run had no such figure
 */
public record RunFigures(int combination, long seed, boolean passed, byte[] steps, long[] values) {
    public static final long NONE = -1;

    /** The figures of a finished drill: the first failover's, and the whole run's split brain. */
    public static RunFigures of(int combination, long seed, DrillResult r) {
        List<Verdict> verdicts = r.verdicts();
        byte[] steps = new byte[verdicts.size()];
        for (int i = 0; i < steps.length; i++) {
            Verdict.Status s = verdicts.get(i).status();
            steps[i] = (byte) (s == Verdict.Status.PASSED ? 1 : s == Verdict.Status.FAILED ? 0 : -1);
        }
        TimelineAnalysis a = r.analysis();
        long[] v = new long[Metric.values().length];
        java.util.Arrays.fill(v, NONE);
        List<Failover> failovers = a.failovers();
        if (!failovers.isEmpty()) {
            Failover f = failovers.get(0);
            v[Metric.DETECTION.ordinal()] = f.detectionUs(); // -1 when no action caused it
            v[Metric.GAP.ordinal()] = f.gapUs();
            v[Metric.FAILOVER.ordinal()] = f.failoverUs();
            v[Metric.CLIENT_DOWNTIME.ordinal()] = f.clientDowntimeUs();
        }
        v[Metric.SPLIT_BRAIN.ordinal()] = a.splitBrainUs();
        return new RunFigures(combination, seed, r.passed(), steps, v);
    }

    /** The figure in microseconds, or {@link #NONE}. */
    public long us(Metric m) { return values[m.ordinal()]; }

    public boolean has(Metric m) { return values[m.ordinal()] >= 0; }
}
