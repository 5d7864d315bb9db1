package org.viplab.sweep;

import java.util.ArrayList;
import java.util.List;

/**
 * A drill's runs on real hosts beside its simulated sweep (one combination: real hosts run their own settings):
 * per {@link Metric}, both samples' quantiles and the two-sample Kolmogorov–Smirnov test of one against the other.
 * The real runs' figures are taken exactly as the simulator's ({@link RunFigures#of}, the drill's own analysis).
 *
 * @param real      the real runs' figures, in run order; {@link RunFigures#seed()} is the run number (1..)
 * @param runsAsked how many real runs were asked for (fewer finished when cancelled)
 */
public record RealComparison(SweepResult simulated, List<RunFigures> real, int runsAsked, boolean cancelled) {
    public RealComparison {
        if (simulated.plan().combinations().size() != 1) throw new IllegalArgumentException("real hosts run one combination of settings");
        real = List.copyOf(real);
    }

    /** What a row says about the two samples at alpha 0.05. */
    public enum Verdict { DIFFER, NO_DIFFERENCE, TOO_FEW, NO_REAL, NO_SIMULATED, NONE }

    /** One metric: the simulator's and the real hosts' quantiles (null without values) and the KS test (null unless both have values). */
    public record Row(Metric metric, Quantiles simulated, Quantiles real, KolmogorovSmirnov.Result ks) {
        public Verdict verdict() {
            if (real == null && simulated == null) return Verdict.NONE;
            if (real == null) return Verdict.NO_REAL;
            if (simulated == null) return Verdict.NO_SIMULATED;
            if (ks.tooFew()) return Verdict.TOO_FEW;
            return ks.differs() ? Verdict.DIFFER : Verdict.NO_DIFFERENCE;
        }
    }

    public List<Row> rows() {
        List<RunFigures> sim = simulated.runsOf(0);
        List<Row> out = new ArrayList<>();
        for (Metric m : Metric.values()) {
            long[] s = values(sim, m);
            long[] r = values(real, m);
            out.add(new Row(m, Quantiles.of(s), Quantiles.of(r), KolmogorovSmirnov.test(r, s)));
        }
        return out;
    }

    public int realPassed() { return (int) real.stream().filter(RunFigures::passed).count(); }

    /** The runs' values of {@code m} in microseconds, those that have one. */
    public static long[] values(List<RunFigures> runs, Metric m) {
        return runs.stream().filter(r -> r.has(m)).mapToLong(r -> r.us(m)).toArray();
    }
}
