package org.viplab.tune;

import org.viplab.core.model.Topology;
import org.viplab.core.model.SettingPaths;
import org.viplab.drill.Drill;
import org.viplab.drill.DrillException;
import org.viplab.sweep.Metric;
import org.viplab.sweep.Quantiles;
import org.viplab.sweep.RunFigures;
import org.viplab.sweep.Seeds;
import org.viplab.sweep.Setting;
import org.viplab.sweep.SweepException;
import org.viplab.sweep.SweepPlan;
import org.viplab.sweep.SweepResult;
import org.viplab.sweep.SweepRunner;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tuning search. Each candidate runs the failover drill and the no-fault drill over the request's seeds as two
 * sweeps ({@link SweepPlan#ofCombinations}); it is done in two passes per stage:
 * <ol>
 *   <li><b>screening</b>: every candidate on the first {@link TuneRequest#SCREEN_SEEDS} seeds;</li>
 *   <li><b>confirming</b>: the rest of the seeds, only for candidates the screening could not reject.</li>
 * </ol>
 * The screening rejects only what the full run would reject too: a false failover on any seed, or more runs over
 * the target than the p99 allows over all N seeds (nearest rank: p99 is over the target exactly when more than
 * N − ceil(0.99 N) runs are). So the recommendations are those of running every seed of every candidate.
 */
public final class Tuner {
    /** The four passes, for progress ("stage 1, screening: 3,400 of 6,480 runs"). */
    public enum Phase { COARSE_SCREEN, COARSE_CONFIRM, FINE_SCREEN, FINE_CONFIRM }

    /** Told from the calling thread a few times a second: runs done and to do in this phase. */
    public interface Progress {
        void update(Phase phase, int done, int total);
    }

    private final SweepRunner.LabFactory labs;
    private final int jobs;
    private final int screenSeeds;
    private volatile boolean cancelled;
    private volatile SweepRunner current;
    private long runs;

    public Tuner(SweepRunner.LabFactory labs, int jobs) {
        this(labs, jobs, TuneRequest.SCREEN_SEEDS);
    }

    /** With {@code screenSeeds} screening seeds (tests compare a screened search with one that runs every seed). */
    Tuner(SweepRunner.LabFactory labs, int jobs, int screenSeeds) {
        if (screenSeeds < 1) throw new IllegalArgumentException("screenSeeds " + screenSeeds);
        this.labs = labs;
        this.jobs = jobs;
        this.screenSeeds = screenSeeds;
    }

    /** Stops the search: no run starts after this, and {@link #run} returns what it has, marked cancelled. */
    public void cancel() {
        cancelled = true;
        SweepRunner r = current;
        if (r != null) r.cancel();
    }

    /** Runs the search on {@code base}; {@code progress} may be null. */
    public TuneResult run(Topology base, TuneRequest request, Progress progress) throws DrillException, SweepException, InterruptedException {
        Grid grid = Grid.of(base, request.grid());
        TuneDrills.Fault fault = request.fault() != null ? request.fault() : TuneDrills.Fault.defaultFor(base);
        TuneDrills drills = TuneDrills.of(base, fault, request.stress());
        Seeds all = request.seeds();
        Seeds screen = new Seeds(all.first(), Math.min(all.last(), all.first() + screenSeeds - 1));
        Seeds rest = screen.last() == all.last() ? null : new Seeds(screen.last() + 1, all.last());
        List<Candidate> coarse = grid.coarse();
        if (coarse.size() > Grid.MAX_CANDIDATES) throw new SweepException(coarse.size() + " candidates; the advisor takes at most " + Grid.MAX_CANDIDATES + " (fewer --grid values)");
        runs = 0;
        List<Evaluation> out = new ArrayList<>(evaluate(base, drills, coarse, 1, 0, screen, rest, request, progress, Phase.COARSE_SCREEN, Phase.COARSE_CONFIRM));
        if (!cancelled) {
            List<Evaluation> best = out.stream().filter(Evaluation::meets)
                    .sorted(Comparator.comparingLong((Evaluation e) -> e.downtime().p99()).thenComparingInt(Evaluation::order))
                    .limit(Grid.FINE_AROUND).toList();
            Set<Candidate> seen = new HashSet<>(coarse);
            List<Candidate> fine = new ArrayList<>();
            for (Evaluation e : best) for (Candidate c : grid.fineAround(e.candidate())) if (seen.add(c)) fine.add(c);
            if (!fine.isEmpty()) {
                out.addAll(evaluate(base, drills, fine, 2, out.size(), screen, rest, request, progress, Phase.FINE_SCREEN, Phase.FINE_CONFIRM));
            }
        }
        long full = grid.fullSize() * all.count() * 2;
        return new TuneResult(base, request, grid, drills, screen, List.copyOf(out), runs, full, cancelled);
    }

    private List<Evaluation> evaluate(Topology base, TuneDrills drills, List<Candidate> candidates, int stage, int order0, Seeds screen,
                                      Seeds rest, TuneRequest request, Progress progress, Phase screenPhase, Phase confirmPhase)
            throws SweepException, InterruptedException {
        int n = candidates.size();
        long[][] downtime = new long[n][];
        int[] falseFailovers = new int[n];
        int[] noFaultRuns = new int[n];
        Pass first = pass(base, drills, candidates, screen, progress, screenPhase);
        List<Candidate> survivors = new ArrayList<>();
        List<Integer> survivorIndex = new ArrayList<>();
        long allowedOver = request.seeds().count() - nearestRank(request.seeds().count());
        for (int i = 0; i < n; i++) {
            downtime[i] = first.downtime.get(i);
            falseFailovers[i] = first.falseFailovers[i];
            noFaultRuns[i] = first.noFaultRuns[i];
            long over = 0;
            for (long d : downtime[i]) if (d > request.maxDowntimeP99Us()) over++;
            if (rest != null && falseFailovers[i] == 0 && over <= allowedOver) {
                survivors.add(candidates.get(i));
                survivorIndex.add(i);
            }
        }
        boolean[] screenedOut = new boolean[n];
        if (rest != null) {
            for (int i = 0; i < n; i++) screenedOut[i] = !survivorIndex.contains(i);
            if (!survivors.isEmpty() && !cancelled) {
                Pass second = pass(base, drills, survivors, rest, progress, confirmPhase);
                for (int j = 0; j < survivors.size(); j++) {
                    int i = survivorIndex.get(j);
                    long[] a = downtime[i];
                    long[] b = second.downtime.get(j);
                    long[] both = java.util.Arrays.copyOf(a, a.length + b.length);
                    System.arraycopy(b, 0, both, a.length, b.length);
                    downtime[i] = both;
                    falseFailovers[i] += second.falseFailovers[j];
                    noFaultRuns[i] += second.noFaultRuns[j];
                }
            }
        }
        List<Evaluation> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int noFailover = 0;
            for (long d : downtime[i]) if (d == Long.MAX_VALUE) noFailover++;
            Quantiles q = Quantiles.of(downtime[i]);
            if (q == null) continue; // cancelled before this candidate ran
            out.add(new Evaluation(order0 + i, stage, candidates.get(i), q, noFailover, noFaultRuns[i], falseFailovers[i],
                    screenedOut[i], request.maxDowntimeP99Us()));
        }
        return out;
    }

    /** 1-based rank of the p99 among {@code n} sorted values, as {@link Quantiles} takes it. */
    static long nearestRank(long n) { return Math.max(1, (990 * n + 999) / 1000); }

    /** One pass: both drills for {@code candidates} over {@code seeds}, as two sweeps. */
    private Pass pass(Topology base, TuneDrills drills, List<Candidate> candidates, Seeds seeds, Progress progress, Phase phase)
            throws SweepException, InterruptedException {
        List<Map<String, String>> combos = candidates.stream().map(c -> c.settings(base)).toList();
        SweepPlan failover = SweepPlan.ofCombinations(drills.failover(), seeds, combos);
        SweepPlan noFault = SweepPlan.ofCombinations(drills.noFault(), seeds, combos);
        int total = failover.runs() + noFault.runs();
        SweepResult a = sweep(failover, progress == null ? null : (d, t) -> progress.update(phase, d, total));
        SweepResult b = cancelled ? null : sweep(noFault, progress == null ? null : (d, t) -> progress.update(phase, failover.runs() + d, total));
        Pass p = new Pass(candidates.size());
        for (int i = 0; i < candidates.size(); i++) {
            List<RunFigures> fr = a.runsOf(i);
            long[] d = new long[fr.size()];
            for (int k = 0; k < d.length; k++) d[k] = fr.get(k).has(Metric.CLIENT_DOWNTIME) ? fr.get(k).us(Metric.CLIENT_DOWNTIME) : Long.MAX_VALUE;
            p.downtime.add(d);
            if (b == null) continue;
            for (RunFigures r : b.runsOf(i)) {
                p.noFaultRuns[i]++;
                if (r.steps()[drills.noTakeoverStep()] == 0) p.falseFailovers[i]++;
            }
        }
        return p;
    }

    private SweepResult sweep(SweepPlan plan, SweepRunner.Progress progress) throws InterruptedException {
        SweepRunner r = new SweepRunner();
        current = r;
        if (cancelled) r.cancel();
        SweepResult res = r.run(plan, labs, jobs, progress, 200);
        runs += res.finished();
        if (res.cancelled()) cancelled = true;
        return res;
    }

    private static final class Pass {
        final List<long[]> downtime = new ArrayList<>();
        final int[] falseFailovers;
        final int[] noFaultRuns;

        Pass(int n) {
            falseFailovers = new int[n];
            noFaultRuns = new int[n];
        }
    }

    /** {@code base} with {@code c}'s settings, each checked as a drill's "set" is. */
    static Topology applied(Topology base, Candidate c) {
        SettingPaths p = new SettingPaths(base);
        try {
            for (Map.Entry<String, String> e : c.settings(base).entrySet()) {
                p.set(e.getKey(), Setting.parse(e.getKey() + "=" + e.getValue()).values().get(0));
            }
        } catch (SweepException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return p.build();
    }

    /** The drill with {@code c} applied and seed {@code seed}: one run to open or repeat. */
    public static Drill drillOf(Drill drill, Topology base, Candidate c, long seed) {
        return drill.on(applied(base, c)).withSeed(seed);
    }
}
