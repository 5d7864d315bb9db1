package org.viplab.sweep;

import java.util.Arrays;

/**
 * The two-sample Kolmogorov–Smirnov test: how far apart two samples' empirical CDFs get (D, the largest vertical
 * distance), and how likely a D at least that large is when both samples come from one distribution.
 *
 * <p>The p-value and the critical value are exact for the two sample sizes (not the large-sample approximation,
 * which is poor at the 2–10 real runs a lab affords): every order of the n + m values is equally likely under the
 * null hypothesis, and a walk over the n × m lattice (one step per value, right for the first sample, up for the
 * second) counts the orders whose D reaches the observed one. Both assume continuous data; with tied values
 * (the simulator repeats values: a 648.4 ms gap on every seed, downtimes in whole probe intervals) the true
 * p-value is smaller, so the test is conservative: it can miss a difference, never invent one. Beyond
 * {@link #EXACT_CELLS} lattice cells the asymptotic Kolmogorov distribution is used and said to be.
 */
public final class KolmogorovSmirnov {
    /** Above n × m of this, the exact walk is too slow for a report: the asymptotic distribution instead. */
    public static final long EXACT_CELLS = 4_000_000;
    public static final double ALPHA = 0.05;

    /**
     * @param d          the statistic, 0..1
     * @param n          the first sample's size
     * @param m          the second sample's size
     * @param pValue     P(D ≥ d) under the null hypothesis
     * @param critical   the smallest D that is significant at {@link #ALPHA} for these sizes; NaN when none is
     *                   (too few values: even two samples that do not overlap at all are not significant)
     * @param exact      true for the exact distribution, false for the asymptotic one
     */
    public record Result(double d, int n, int m, double pValue, double critical, boolean exact) {
        /** D ≥ the critical value: the samples differ at α = 0.05. */
        public boolean differs() { return !Double.isNaN(critical) && d >= critical - 1e-12; }

        /** No D could be significant at α = 0.05 with these sample sizes. */
        public boolean tooFew() { return Double.isNaN(critical); }
    }

    private KolmogorovSmirnov() { }

    /** The test of {@code a} against {@code b} (any order, not changed); null when either is empty. */
    public static Result test(long[] a, long[] b) {
        if (a.length == 0 || b.length == 0) return null;
        int n = a.length;
        int m = b.length;
        long dScaled = statistic(a, b); // D × n × m, an integer: no rounding in the comparisons below
        double d = dScaled / ((double) n * m);
        if ((long) n * m <= EXACT_CELLS) {
            return new Result(d, n, m, exactP(n, m, dScaled), exactCritical(n, m), true);
        }
        double scale = Math.sqrt((double) n * m / (n + m));
        return new Result(d, n, m, kolmogorovSf(d * scale), ASYMPTOTIC_C / scale, false);
    }

    /** D × n × m: over every value x, the largest |i·m − j·n| with i of {@code a} and j of {@code b} at or below x. */
    static long statistic(long[] a, long[] b) {
        long[] x = a.clone();
        long[] y = b.clone();
        Arrays.sort(x);
        Arrays.sort(y);
        int n = x.length;
        int m = y.length;
        int i = 0;
        int j = 0;
        long best = 0;
        while (i < n || j < m) {
            // step past every value equal to the smaller next one, in both samples: ties move together
            long v = j >= m || (i < n && x[i] <= y[j]) ? x[i] : y[j];
            while (i < n && x[i] == v) i++;
            while (j < m && y[j] == v) j++;
            best = Math.max(best, Math.abs((long) i * m - (long) j * n));
        }
        return best;
    }

    /**
     * P(D × n × m ≥ t) for continuous data: the probability that a random order of n + m values reaches a lattice
     * point (i, j) with |i·m − j·n| ≥ t. Mass that reaches such a point is taken out and counted, the rest walks on
     * (from (i, j) the next value is the first sample's with probability (n − i) / (n − i + m − j)); summing what
     * is taken out, rather than 1 − what stays inside, keeps small p-values accurate.
     */
    static double exactP(int n, int m, long t) {
        if (t <= 0) return 1.0;
        double[] row = new double[m + 1]; // row[j]: the mass at (i, j) for the current i
        double out = 0;
        row[0] = 1.0;
        for (int i = 0; i <= n; i++) {
            for (int j = 0; j <= m; j++) {
                if (i == 0 && j == 0) continue;
                double here = (j > 0 ? row[j - 1] * up(n, m, i, j - 1) : 0) + row[j]; // row[j] holds the move from (i - 1, j)
                if (Math.abs((long) i * m - (long) j * n) >= t) {
                    out += here;
                    here = 0;
                }
                row[j] = here;
            }
            if (i < n) for (int j = 0; j <= m; j++) row[j] *= right(n, m, i, j); // the moves to (i + 1, j)
        }
        return Math.min(1.0, out);
    }

    /** From (i, j): the probability that the next value is the second sample's. */
    private static double up(int n, int m, int i, int j) {
        int left = n - i + m - j;
        return left == 0 ? 0 : (m - j) / (double) left;
    }

    private static double right(int n, int m, int i, int j) {
        int left = n - i + m - j;
        return left == 0 ? 0 : (n - i) / (double) left;
    }

    /** The smallest D significant at α for n and m (exact), NaN when even D = 1 is not. */
    static double exactCritical(int n, int m) {
        long nm = (long) n * m;
        if (exactP(n, m, nm) > ALPHA) return Double.NaN;
        long lo = 1;
        long hi = nm; // P(≥ hi) ≤ α; P is non-increasing in t
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            if (exactP(n, m, mid) <= ALPHA) hi = mid; else lo = mid + 1;
        }
        // D takes only the values |i·m − j·n| / nm: the critical D is the smallest such value ≥ lo
        long g = gcd(n, m);
        long step = g; // |i·m − j·n| is always a multiple of gcd(n, m)
        long t = ((lo + step - 1) / step) * step;
        return t / (double) nm;
    }

    private static long gcd(long a, long b) { return b == 0 ? a : gcd(b, a % b); }

    /** c(α) of the asymptotic distribution, P(K ≥ c) = α (1.3581 for 0.05), solved rather than typed. */
    static final double ASYMPTOTIC_C = asymptoticC();

    private static double asymptoticC() {
        double lo = 0.5;
        double hi = 3;
        for (int i = 0; i < 100; i++) {
            double mid = (lo + hi) / 2;
            if (kolmogorovSf(mid) > ALPHA) lo = mid; else hi = mid;
        }
        return (lo + hi) / 2;
    }

    /** P(K ≥ λ) of the Kolmogorov distribution: 2 Σ (−1)^(k−1) e^(−2k²λ²). */
    static double kolmogorovSf(double lambda) {
        if (lambda < 0.2) return 1.0; // the series converges slowly there, and the value is 1 to 6 places
        double sum = 0;
        for (int k = 1; k <= 100; k++) {
            double term = Math.exp(-2.0 * k * k * lambda * lambda);
            sum += (k % 2 == 1 ? term : -term);
            if (term < 1e-16) break;
        }
        return Math.max(0, Math.min(1, 2 * sum));
    }
}
