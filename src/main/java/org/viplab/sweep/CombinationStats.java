package org.viplab.sweep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One combination's figures over its seeds: how many runs passed, each step's pass rate, the quantiles of every
 * metric (over the runs that have it) and the runs behind the worst values.
 *
 * @param stepPassed per step, the runs where it passed; -1 for an action (actions are done, not judged)
 * @param stepJudged per step, the runs where it was judged (passed or failed)
 * @param quantiles  per metric, in microseconds; absent when no run had the figure (no failover at all)
 * @param worst      per metric, up to {@link #WORST} runs, worst first (ties: lower seed first)
 */
public record CombinationStats(SweepPlan.Combination combination, int runs, int passed, int[] stepPassed, int[] stepJudged,
                               Map<Metric, Quantiles> quantiles, Map<Metric, List<RunFigures>> worst) {
    public static final int WORST = 5;

    /** Of {@code runs}: one combination's finished runs, in seed order. */
    public static CombinationStats of(SweepPlan.Combination c, List<RunFigures> runs) {
        int steps = c.drill().steps().size();
        int[] stepPassed = new int[steps];
        int[] stepJudged = new int[steps];
        int passed = 0;
        for (RunFigures r : runs) {
            if (r.passed()) passed++;
            for (int i = 0; i < steps && i < r.steps().length; i++) {
                if (r.steps()[i] >= 0) stepJudged[i]++;
                if (r.steps()[i] == 1) stepPassed[i]++;
            }
        }
        for (int i = 0; i < steps; i++) if (stepJudged[i] == 0) stepPassed[i] = -1;
        Map<Metric, Quantiles> q = new EnumMap<>(Metric.class);
        Map<Metric, List<RunFigures>> worst = new EnumMap<>(Metric.class);
        for (Metric m : Metric.values()) {
            List<RunFigures> with = new ArrayList<>();
            for (RunFigures r : runs) if (r.has(m)) with.add(r);
            long[] values = new long[with.size()];
            for (int i = 0; i < values.length; i++) values[i] = with.get(i).us(m);
            Quantiles qm = Quantiles.of(values);
            if (qm == null) continue;
            q.put(m, qm);
            with.sort(Comparator.comparingLong((RunFigures r) -> -r.us(m)).thenComparingLong(RunFigures::seed));
            List<RunFigures> top = new ArrayList<>();
            for (RunFigures r : with) {
                if (top.size() == WORST || r.us(m) == 0) break; // a zero is no "worst run"
                top.add(r);
            }
            worst.put(m, List.copyOf(top));
        }
        return new CombinationStats(c, runs.size(), passed, stepPassed, stepJudged, q, worst);
    }

    /** passed / runs, 0 when nothing ran. */
    public double passRate() { return runs == 0 ? 0 : passed / (double) runs; }

    /** The pass rate of step {@code i} (0-based), or -1 for an action. */
    public double stepPassRate(int i) { return stepPassed[i] < 0 || stepJudged[i] == 0 ? -1 : stepPassed[i] / (double) stepJudged[i]; }

    /** How many runs have a value of {@code m} (runs with a failover, for the per-failover metrics). */
    public int withFigure(Metric m) { Quantiles q = quantiles.get(m); return q == null ? 0 : q.n(); }
}
