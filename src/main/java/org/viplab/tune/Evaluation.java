package org.viplab.tune;

import org.viplab.sweep.Quantiles;

/**
 * A candidate's figures over the seeds it ran. A candidate the screening already rejected ran only the screening
 * seeds ({@link #screenedOut}); every other one ran them all, so its verdict is exact.
 *
 * @param order          its place in the search (stage 1 first), the tie-break that keeps output stable
 * @param downtime       client downtime of the failover drill's first failover, microseconds; a run where the
 *                       VIP never moved counts as {@link Long#MAX_VALUE} (the fault was never handled)
 * @param noFailover     failover-drill runs where the VIP never moved
 * @param falseFailovers no-fault runs where the backup left BACKUP (it took the VIP, or tried to)
 */
public record Evaluation(int order, int stage, Candidate candidate, Quantiles downtime, int noFailover, int noFaultRuns,
                         int falseFailovers, boolean screenedOut, long targetUs) {
    /** The verdict, worst reason first. */
    public enum Verdict { MEETS, FALSE_FAILOVERS, TOO_SLOW, NO_FAILOVER }

    public Verdict verdict() {
        if (falseFailovers > 0) return Verdict.FALSE_FAILOVERS;
        if (downtime.p99() == Long.MAX_VALUE) return Verdict.NO_FAILOVER;
        if (downtime.p99() > targetUs) return Verdict.TOO_SLOW;
        return Verdict.MEETS;
    }

    public boolean meets() { return verdict() == Verdict.MEETS; }

    /** False failovers per no-fault run, 0..1. */
    public double falseFailoverRate() { return noFaultRuns == 0 ? 0 : falseFailovers / (double) noFaultRuns; }

    /** The failover-drill runs behind the figures. */
    public int runs() { return downtime.n(); }
}
