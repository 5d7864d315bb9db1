package org.viplab.sweep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A finished (or cancelled) sweep: the figures of each run, in plan order (combination, then seed), and the
 * per-combination statistics. Everything here is in plan order, so the same plan gives the same output bytes.
 */
public final class SweepResult {
    private final SweepPlan plan;
    private final RunFigures[] runs;
    private final boolean cancelled;
    private List<CombinationStats> stats;

    public SweepResult(SweepPlan plan, RunFigures[] runs, boolean cancelled) {
        this.plan = plan;
        this.runs = runs.clone();
        this.cancelled = cancelled;
    }

    public SweepPlan plan() { return plan; }

    public boolean cancelled() { return cancelled; }

    /** The finished runs in plan order (a cancelled sweep leaves gaps out). */
    public List<RunFigures> runs() { return Arrays.stream(runs).filter(r -> r != null).toList(); }

    public int finished() { return (int) Arrays.stream(runs).filter(r -> r != null).count(); }

    /** The finished runs of combination {@code c}, by seed. */
    public List<RunFigures> runsOf(int c) {
        int per = (int) plan.seeds().count();
        List<RunFigures> out = new ArrayList<>(per);
        for (int i = c * per; i < (c + 1) * per; i++) if (runs[i] != null) out.add(runs[i]);
        return out;
    }

    /** One entry per combination, in plan order. */
    public synchronized List<CombinationStats> stats() {
        if (stats == null) {
            List<CombinationStats> out = new ArrayList<>();
            for (SweepPlan.Combination c : plan.combinations()) out.add(CombinationStats.of(c, runsOf(c.index())));
            stats = List.copyOf(out);
        }
        return stats;
    }
}
