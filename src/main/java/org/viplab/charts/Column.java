package org.viplab.charts;

import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Timeline;

import java.util.Arrays;
import java.util.List;

/**
 * The events of one kind, in time order, with their times and chart codes kept as <em>runs</em>: a start time, a
 * fixed interval and one code for consecutive events (a probe every 100 ms to the same backend, an advert a
 * second at the same priority). A long live run then costs a few bytes per change, not per event: at 100x the
 * app charts about a million probes per simulated day, which as one long and one int each grew the heap by
 * megabytes a minute. A chart still finds the first event of a window by binary search (over runs), and the
 * first event of each pixel column per code arithmetically, without reading every event.
 */
final class Column<E extends LabEvent> {
    private long[] start = new long[16];
    private long[] interval = new long[16];
    private int[] runCode = new int[16];
    /** Events up to and including each run (cumulative), for a binary search by index. */
    private int[] end = new int[16];
    private int runs;
    private long lastTime;
    /** The run of the last index read: charts read in order, so the next read is usually in it. */
    private int hint;
    /**
     * The events themselves, stored as a timeline does (runs of periodic unchanged events take about a byte
     * each): a long live run keeps no object per probe or advert. Read through {@link #items()}.
     */
    private final Timeline items = new Timeline();
    private List<E> view = List.of();

    Column() { }

    /** Kept for callers that asked for a per-code index: the runs now give it (see {@link #firstPerBucket}). */
    Column(boolean indexCodes) { }

    void add(E e) { add(e, 0); }

    /** @param code a small number the charts need per event (a lane, a priority), kept beside the time */
    void add(E e, int code) {
        int n = items.size();
        // an engine appends in time order; a late event (two engines, clock skew) is clamped so searches stay valid
        long t = n > 0 ? Math.max(lastTime, e.timeUs()) : e.timeUs();
        items.accept(e);
        lastTime = t;
        int r = runs - 1;
        if (r >= 0 && runCode[r] == code) {
            int count = end[r] - first(r);
            if (count == 1) {
                interval[r] = t - start[r];
                end[r]++;
                return;
            }
            if (t - (start[r] + (count - 1) * interval[r]) == interval[r]) {
                end[r]++;
                return;
            }
        }
        if (runs == start.length) {
            int m = runs * 2;
            start = Arrays.copyOf(start, m);
            interval = Arrays.copyOf(interval, m);
            runCode = Arrays.copyOf(runCode, m);
            end = Arrays.copyOf(end, m);
        }
        start[runs] = t;
        interval[runs] = 0;
        runCode[runs] = code;
        end[runs] = n + 1;
        runs++;
    }

    private int first(int r) { return r > 0 ? end[r - 1] : 0; }

    /** The run holding event {@code i}. */
    private int runOf(int i) {
        int h = hint;
        if (h < runs && i < end[h] && i >= first(h)) return h;
        if (h + 1 < runs && i < end[h + 1] && i >= end[h]) return hint = h + 1;
        int lo = 0;
        int hi = runs - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (end[mid] > i) hi = mid; else lo = mid + 1;
        }
        return hint = lo;
    }

    private long lastOf(int r) { return start[r] + (end[r] - first(r) - 1) * interval[r]; }

    /**
     * Appends to {@code out}, for the events with this code in [fromUs, toUs], the time of the first one in each
     * bucket, a bucket being {@code (long) ((t - fromUs) / bucketUs)}: the same events a scan of the whole window
     * keeping the first of each bucket would keep, in time order. Reads runs, not events: within a run the
     * first event of the next bucket is computed.
     */
    void firstPerBucket(int code, long fromUs, long toUs, double bucketUs, SeriesBuffer out, double y) {
        int i = lowerBound(fromUs);
        if (i >= size()) return;
        long lastBucket = Long.MIN_VALUE;
        int firstRun = runOf(i);
        for (int r = firstRun; r < runs && start[r] <= toUs; r++) {
            if (runCode[r] != code) continue;
            long d = interval[r];
            int count = end[r] - first(r);
            int k = r == firstRun ? i - first(r) : 0;
            while (k < count) {
                long t = start[r] + k * d;
                if (t > toUs) break;
                long b = (long) ((t - fromUs) / bucketUs);
                if (b != lastBucket) {
                    out.add(t / 1e6, y);
                    lastBucket = b;
                }
                if (d == 0) break; // every later event of the run is at the same time, in the same bucket
                // the first k' whose time reaches the next bucket's start, then back off while the division
                // (double arithmetic, as in the scan) still puts it in this bucket
                double next = fromUs + (b + 1) * bucketUs;
                long jump = Math.max(k + 1, (long) Math.ceil((next - start[r]) / d) - 2);
                while (jump < count && (long) ((start[r] + jump * d - fromUs) / bucketUs) <= b) jump++;
                k = (int) Math.min(jump, count);
            }
        }
    }

    int size() { return items.size(); }

    /** Runs stored, for tests and benchmarks: periodic unchanged events share one. */
    int runs() { return runs; }

    long time(int i) {
        int r = runOf(i);
        return start[r] + (i - first(r)) * interval[r];
    }

    int code(int i) { return runCode[runOf(i)]; }

    E get(int i) { return items().get(i); }

    /** The index of the first event at or after {@code tUs} (size() when none). */
    int lowerBound(long tUs) {
        int lo = 0;
        int hi = runs;
        while (lo < hi) { // the first run whose last event is at or after tUs
            int mid = (lo + hi) >>> 1;
            if (lastOf(mid) < tUs) lo = mid + 1; else hi = mid;
        }
        if (lo == runs) return size();
        if (start[lo] >= tUs || interval[lo] == 0) return first(lo);
        long k = (tUs - start[lo] + interval[lo] - 1) / interval[lo];
        return first(lo) + (int) k;
    }

    /** The event closest in time to {@code tUs}, or null when the column is empty. */
    E nearest(long tUs) {
        int n = items.size();
        if (n == 0) return null;
        int i = lowerBound(tUs);
        List<E> all = items();
        if (i == n) return all.get(n - 1);
        if (i == 0) return all.get(0);
        return tUs - time(i - 1) <= time(i) - tUs ? all.get(i - 1) : all.get(i);
    }

    /** Every event added, as a read-only list decoded on access (cheap when read in order). */
    @SuppressWarnings("unchecked") // only Es are added
    List<E> items() {
        if (view.size() != items.size()) view = (List<E>) (List<?>) items.snapshot();
        return view;
    }
}
