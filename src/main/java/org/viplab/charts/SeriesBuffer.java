package org.viplab.charts;

import java.util.Arrays;

/** A growable (x, y) point list in primitive arrays: what one chart series holds after downsampling. */
final class SeriesBuffer {
    private double[] xs = new double[256];
    private double[] ys = new double[256];
    private int n;

    void add(double x, double y) {
        if (n == xs.length) {
            xs = Arrays.copyOf(xs, n * 2);
            ys = Arrays.copyOf(ys, n * 2);
        }
        xs[n] = x;
        ys[n] = y;
        n++;
    }

    void clear() { n = 0; }

    int size() { return n; }

    double x(int i) { return xs[i]; }

    double y(int i) { return ys[i]; }

    double lastY() { return n == 0 ? Double.NaN : ys[n - 1]; }
}
