package org.viplab.sweep;

import java.util.Arrays;

/**
 * min / p50 / p90 / p99 / max of a sample, by the nearest-rank method (each quantile is a value that was
 * measured, never an interpolation: the report can name the seed behind it).
 */
public record Quantiles(int n, long min, long p50, long p90, long p99, long max) {
    /** Of {@code values} (any order; not changed); null when there are none. */
    public static Quantiles of(long[] values) {
        if (values.length == 0) return null;
        long[] s = values.clone();
        Arrays.sort(s);
        return new Quantiles(s.length, s[0], rank(s, 500), rank(s, 900), rank(s, 990), s[s.length - 1]);
    }

    /** The smallest value with at least {@code permille}/1000 of the sample at or below it (integer maths: no 0.99 × 100 = 99.000001). */
    static long rank(long[] sorted, int permille) {
        int i = (int) ((permille * (long) sorted.length + 999) / 1000) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
