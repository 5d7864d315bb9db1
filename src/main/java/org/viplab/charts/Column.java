package org.viplab.charts;

import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Timeline;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The events of one kind, in time order, with their times and chart codes (a lane, a priority) kept compactly:
 * each code's events as <em>runs</em> (a start, a fixed interval, a count: a probe every 200 ms to the same
 * backend, an advert a second at the same priority) in their own {@link Lane}, and the order in which the lanes'
 * events interleave as one char per event. At 100x the app charts about a million probes per simulated day;
 * one long and one int each grew its heap by megabytes a wall minute, and round-robin probes (db1, db2, db1...)
 * change code at every event, so runs over the whole column would not have helped. A chart still finds the
 * first event of a window by search, reads a window in order cheaply, and finds the first event of a code in each
 * pixel column arithmetically from that code's runs.
 */
final class Column<E extends LabEvent> {
    /** Events between checkpoints: a random read scans at most this many tape chars. */
    private static final int K = 4096;

    private final Map<Integer, Integer> laneOfCode = new HashMap<>();
    private Lane[] lanes = new Lane[4];
    private int[] codeOfLane = new int[4];
    private int laneCount;
    /** The lane of each event, in order. */
    private char[] tape = new char[1024];
    private int size;
    private long lastTime;
    /** Per checkpoint c: each lane's count of events before event c*K, and the time of event c*K. */
    private int[][] checkpoints = new int[8][];
    private long[] checkpointTime = new long[8];
    /** Charts read forward from a search: one reading position, moved forward cheaply. */
    private int[] cursor = new int[4];
    private int cursorAt = -1;
    /**
     * The events themselves, stored as a timeline does (runs of periodic unchanged events take about a byte
     * each): a long live run keeps no object per probe or advert. Read through {@link #items()}.
     */
    private final Timeline items = new Timeline();
    private List<E> view = List.of();

    Column() { }

    /** Kept for callers that asked for a per-code index: every column now keeps one (its lanes). */
    Column(boolean indexCodes) { }

    void add(E e) { add(e, 0); }

    /** @param code a small number the charts need per event (a lane, a priority), kept beside the time */
    void add(E e, int code) {
        // an engine appends in time order; a late event (two engines, clock skew) is clamped so searches stay valid
        long t = size > 0 ? Math.max(lastTime, e.timeUs()) : e.timeUs();
        Integer known = laneOfCode.get(code);
        int l;
        if (known != null) {
            l = known;
        } else {
            if (laneCount == Character.MAX_VALUE) throw new IllegalStateException("more than 65535 codes in a chart column");
            if (laneCount == lanes.length) {
                lanes = Arrays.copyOf(lanes, laneCount * 2);
                codeOfLane = Arrays.copyOf(codeOfLane, laneCount * 2);
                cursor = Arrays.copyOf(cursor, laneCount * 2);
            }
            l = laneCount++;
            lanes[l] = new Lane();
            codeOfLane[l] = code;
            laneOfCode.put(code, l);
        }
        if (size % K == 0) checkpoint(t);
        if (size == tape.length) tape = Arrays.copyOf(tape, size + (size >> 1));
        tape[size++] = (char) l;
        lanes[l].append(t);
        lastTime = t;
        items.accept(e);
    }

    private void checkpoint(long t) {
        int c = size / K;
        if (c == checkpoints.length) {
            checkpoints = Arrays.copyOf(checkpoints, c * 2);
            checkpointTime = Arrays.copyOf(checkpointTime, c * 2);
        }
        int[] counts = new int[laneCount];
        for (int l = 0; l < laneCount; l++) counts[l] = lanes[l].count;
        checkpoints[c] = counts;
        checkpointTime[c] = t;
    }

    /** Moves the reading position to event {@code i}: afterwards cursor[l] counts lane l's events before i. */
    private void seek(int i) {
        if (cursorAt < 0 || i < cursorAt || i - cursorAt > K) {
            int c = i / K;
            Arrays.fill(cursor, 0, laneCount, 0);
            int[] cp = checkpoints[c];
            System.arraycopy(cp, 0, cursor, 0, cp.length);
            cursorAt = c * K;
        }
        for (int j = cursorAt; j < i; j++) cursor[tape[j]]++;
        cursorAt = i;
    }

    int size() { return size; }

    /** Runs stored over all codes, for tests and benchmarks: periodic unchanged events share one. */
    int runs() {
        int r = 0;
        for (int l = 0; l < laneCount; l++) r += lanes[l].runs;
        return r;
    }

    long time(int i) {
        java.util.Objects.checkIndex(i, size);
        seek(i);
        int l = tape[i];
        return lanes[l].time(cursor[l]);
    }

    int code(int i) { return codeOfLane[tape[java.util.Objects.checkIndex(i, size)]]; }

    E get(int i) { return items().get(i); }

    /** The index of the first event at or after {@code tUs} (size() when none). */
    int lowerBound(long tUs) {
        if (size == 0) return 0;
        int lo = 0;
        int hi = (size - 1) / K; // the last checkpoint whose event is before tUs, else the first
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (checkpointTime[mid] < tUs) lo = mid; else hi = mid - 1;
        }
        for (int i = lo * K; i < size; i++) if (time(i) >= tUs) return i;
        return size;
    }

    /**
     * Appends to {@code out}, for the events with this code in [fromUs, toUs], the time of the first one in each
     * bucket, a bucket being {@code (long) ((t - fromUs) / bucketUs)}: the same events a scan of the whole window
     * keeping the first of each bucket would keep, in time order.
     */
    void firstPerBucket(int code, long fromUs, long toUs, double bucketUs, SeriesBuffer out, double y) {
        Integer l = laneOfCode.get(code);
        if (l != null) lanes[l].firstPerBucket(fromUs, toUs, bucketUs, out, y);
    }

    /** The event closest in time to {@code tUs}, or null when the column is empty. */
    E nearest(long tUs) {
        int n = size;
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

    /** One code's event times, nondecreasing, as runs of a fixed interval. */
    private static final class Lane {
        long[] start = new long[4];
        long[] interval = new long[4];
        /** Events up to and including each run (cumulative), for a binary search by index. */
        int[] end = new int[4];
        int runs;
        int count;
        /** The run of the last index read: charts read in order, so the next read is usually in it. */
        int hint;

        void append(long t) {
            int r = runs - 1;
            if (r >= 0) {
                int n = end[r] - first(r);
                if (n == 1 || t - (start[r] + (n - 1) * interval[r]) == interval[r]) {
                    if (n == 1) interval[r] = t - start[r];
                    end[r]++;
                    count++;
                    return;
                }
            }
            if (runs == start.length) {
                int m = runs * 2;
                start = Arrays.copyOf(start, m);
                interval = Arrays.copyOf(interval, m);
                end = Arrays.copyOf(end, m);
            }
            start[runs] = t;
            interval[runs] = 0;
            end[runs] = ++count;
            runs++;
        }

        int first(int r) { return r > 0 ? end[r - 1] : 0; }

        long lastOf(int r) { return start[r] + (end[r] - first(r) - 1) * interval[r]; }

        int runOf(int j) {
            int h = hint;
            if (h < runs && j < end[h] && j >= first(h)) return h;
            if (h + 1 < runs && j < end[h + 1] && j >= end[h]) return hint = h + 1;
            int lo = 0;
            int hi = runs - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (end[mid] > j) hi = mid; else lo = mid + 1;
            }
            return hint = lo;
        }

        long time(int j) {
            int r = runOf(j);
            return start[r] + (j - first(r)) * interval[r];
        }

        /** The first event of this lane at or after tUs (count when none). */
        int lowerBound(long tUs) {
            int lo = 0;
            int hi = runs;
            while (lo < hi) { // the first run whose last event is at or after tUs
                int mid = (lo + hi) >>> 1;
                if (lastOf(mid) < tUs) lo = mid + 1; else hi = mid;
            }
            if (lo == runs) return count;
            if (start[lo] >= tUs || interval[lo] == 0) return first(lo);
            return first(lo) + (int) ((tUs - start[lo] + interval[lo] - 1) / interval[lo]);
        }

        /** Within a run the first event of the next bucket is computed, not searched for event by event. */
        void firstPerBucket(long fromUs, long toUs, double bucketUs, SeriesBuffer out, double y) {
            int j = lowerBound(fromUs);
            if (j >= count) return;
            long lastBucket = Long.MIN_VALUE;
            int r0 = runOf(j);
            for (int r = r0; r < runs && start[r] <= toUs; r++) {
                long d = interval[r];
                int n = end[r] - first(r);
                long k = r == r0 ? j - first(r) : 0;
                while (k < n) {
                    long t = start[r] + k * d;
                    if (t > toUs) break;
                    long b = (long) ((t - fromUs) / bucketUs);
                    if (b != lastBucket) {
                        out.add(t / 1e6, y);
                        lastBucket = b;
                    }
                    if (d == 0) break; // the rest of the run is at the same time, in the same bucket
                    // near the first event whose time reaches the next bucket, then forward while the division
                    // (double arithmetic, as in a scan) still puts it in this bucket
                    double next = fromUs + (b + 1) * bucketUs;
                    long jump = Math.max(k + 1, (long) Math.ceil((next - start[r]) / d) - 2);
                    while (jump < n && (long) ((start[r] + jump * d - fromUs) / bucketUs) <= b) jump++;
                    k = jump;
                }
            }
        }
    }
}
