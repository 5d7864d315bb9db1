package org.viplab.charts;

import org.viplab.timeline.LabEvent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The events of one kind, in time order, with their times in a primitive array so that a chart can find the
 * first event of a window by binary search and scan a million events without touching the objects' headers.
 */
final class Column<E extends LabEvent> {
    private long[] times = new long[1024];
    private int[] codes = new int[1024];
    private final List<E> items = new ArrayList<>();

    void add(E e) { add(e, 0); }

    /** @param code a small number the charts need per event (a lane, a priority), kept beside the time */
    void add(E e, int code) {
        int n = items.size();
        if (n == times.length) {
            times = Arrays.copyOf(times, n * 2);
            codes = Arrays.copyOf(codes, n * 2);
        }
        codes[n] = code;
        // an engine appends in time order; a late event (two engines, clock skew) is clamped so searches stay valid
        times[n] = n > 0 ? Math.max(times[n - 1], e.timeUs()) : e.timeUs();
        items.add(e);
    }

    int size() { return items.size(); }

    long time(int i) { return times[i]; }

    int code(int i) { return codes[i]; }

    E get(int i) { return items.get(i); }

    /** The index of the first event at or after {@code tUs} (size() when none). */
    int lowerBound(long tUs) {
        int lo = 0;
        int hi = items.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] < tUs) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /** The event closest in time to {@code tUs}, or null when the column is empty. */
    E nearest(long tUs) {
        int n = items.size();
        if (n == 0) return null;
        int i = lowerBound(tUs);
        if (i == n) return items.get(n - 1);
        if (i == 0) return items.get(0);
        return tUs - times[i - 1] <= times[i] - tUs ? items.get(i - 1) : items.get(i);
    }

    List<E> items() { return items; }
}
