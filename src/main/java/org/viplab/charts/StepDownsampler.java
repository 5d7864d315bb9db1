package org.viplab.charts;

/**
 * Feeds a step line (a value that changes at instants) into a series, keeping what a pixel column can show:
 * a column with at most three changes keeps them all; a busier one keeps its first, lowest, highest and last
 * change, in time order, so the vertical stroke spans the same values and the line leaves at the right one.
 */
final class StepDownsampler {
    private final SeriesBuffer out;
    private final long fromUs;
    private final double bucketUs;
    private long bucket = Long.MIN_VALUE;
    // the current column's changes: first, min, max, last (time and value)
    private final long[] t = new long[4];
    private final double[] v = new double[4];
    private int count;
    private double lastValue = Double.NaN;

    StepDownsampler(SeriesBuffer out, long fromUs, long toUs, int widthPx) {
        this.out = out;
        this.fromUs = fromUs;
        this.bucketUs = Math.max(1.0, (toUs - fromUs) / (double) Math.max(1, widthPx));
    }

    /** The value in force at the window's start. */
    void start(double value) {
        out.add(fromUs / 1e6, value);
        lastValue = value;
    }

    void change(long timeUs, double value) {
        if (Double.isNaN(value) || Double.isNaN(lastValue)) {
            // a break in the line (or its end) is kept exactly: min and max know nothing of NaN
            flush();
            bucket = Long.MIN_VALUE;
            if (!(Double.isNaN(value) && Double.isNaN(lastValue))) out.add(timeUs / 1e6, value);
            lastValue = value;
            return;
        }
        long b = (long) Math.floor((timeUs - fromUs) / bucketUs);
        if (b != bucket) {
            flush();
            bucket = b;
        }
        if (count == 0) {
            set(0, timeUs, value);
            set(1, timeUs, value);
            set(2, timeUs, value);
        } else {
            if (value < v[1]) set(1, timeUs, value);
            if (value > v[2]) set(2, timeUs, value);
        }
        set(3, timeUs, value);
        count++;
        lastValue = value;
    }

    private void set(int i, long time, double value) {
        t[i] = time;
        v[i] = value;
    }

    private void flush() {
        if (count == 0) return;
        if (count == 1) {
            out.add(t[0] / 1e6, v[0]);
        } else {
            // first, then min and max in time order, then last; skip duplicates of the same instant and value
            int[] order = t[1] <= t[2] ? new int[]{0, 1, 2, 3} : new int[]{0, 2, 1, 3};
            long prevT = Long.MIN_VALUE;
            double prevV = Double.NaN;
            for (int i : order) {
                if (t[i] == prevT && v[i] == prevV) continue;
                out.add(t[i] / 1e6, v[i]);
                prevT = t[i];
                prevV = v[i];
            }
        }
        count = 0;
    }

    /** Closes the line at the window's end with the value then in force. */
    void end(long toUs) {
        flush();
        out.add(toUs / 1e6, lastValue);
    }
}
