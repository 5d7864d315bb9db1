package org.viplab.tune;

import org.viplab.core.model.Topology;
import org.viplab.sweep.Seeds;

import java.util.Comparator;
import java.util.List;

/**
 * What a tuning search found: every candidate it tried with its figures (in search order), the ones that meet
 * the target with no false failover (best first), and how many runs it took. Nothing here depends on the number
 * of workers or the wall clock: the same arguments give the same result.
 *
 * @param runs     simulated drill runs, both drills, all stages
 * @param fullRuns what the same seeds over the whole grid at once would have cost
 */
public record TuneResult(Topology topology, TuneRequest request, Grid grid, TuneDrills drills, Seeds screenSeeds,
                         List<Evaluation> evaluations, long runs, long fullRuns, boolean cancelled) {

    /**
     * The candidates that meet the target with no false failover: lowest downtime p99 first, then the fewest knobs
     * changed from the settings as written (the smallest diff to apply), then search order.
     */
    public List<Evaluation> recommended() {
        return evaluations.stream().filter(Evaluation::meets)
                .sorted(Comparator.comparingLong((Evaluation e) -> e.downtime().p99()).thenComparingInt(e -> changed(e.candidate()))
                        .thenComparingInt(Evaluation::order)).toList();
    }

    /** How many knobs {@code c} sets otherwise than as written. */
    public int changed(Candidate c) {
        int n = 0;
        for (var e : c.values().entrySet()) if (!e.getValue().equals(grid.asWritten().value(e.getKey()))) n++;
        return n;
    }

    /** The best recommendation, or null when nothing met the target. */
    public Evaluation best() {
        List<Evaluation> r = recommended();
        return r.isEmpty() ? null : r.get(0);
    }

    /**
     * When nothing meets the target with no false failover: the candidates that ran every seed within the downtime
     * target, fewest false failovers first (then downtime p99, then search order). Not recommendations: the closest
     * the grid came, e.g. under VRRP loss, where three adverts lost in a row fail over whatever advert_int is.
     */
    public List<Evaluation> nearest() {
        if (!recommended().isEmpty()) return List.of();
        return evaluations.stream().filter(e -> !e.screenedOut() && e.downtime().p99() <= request.maxDowntimeP99Us())
                .sorted(Comparator.comparingInt(Evaluation::falseFailovers).thenComparingLong((Evaluation e) -> e.downtime().p99())
                        .thenComparingInt(Evaluation::order)).toList();
    }

    /** The settings as written (always the first candidate of stage 1). */
    public Evaluation asWritten() {
        for (Evaluation e : evaluations) if (e.candidate().equals(grid.asWritten())) return e;
        return null;
    }

    /** The topology with {@code c} applied: what "apply" gives the lab, and what the config diff renders. */
    public Topology apply(Candidate c) {
        return Tuner.applied(topology, c);
    }
}
