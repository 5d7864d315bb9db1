package org.viplab.charts;

import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Timeline;

import java.util.Arrays;
import java.util.List;

/**
 * The events of one kind, in time order, with their times in a primitive array so that a chart can find the
 * first event of a window by binary search and scan a million events without touching the objects' headers.
 */
final class Column<E extends LabEvent> {
    private long[] times = new long[1024];
    private int[] codes = new int[1024];
    /**
     * The events themselves, stored as a timeline does (runs of periodic unchanged events take about a byte
     * each): a long live run keeps no object per probe or advert. Read through {@link #items()}.
     */
    private final Timeline items = new Timeline();
    private List<E> view = List.of();
    /** Per code, the indices of its events in time order; null unless asked for (see {@link #Column(boolean)}). */
    private final java.util.Map<Integer, Indices> byCode;

    Column() { this(false); }

    /**
     * @param indexCodes also keep, per code, where its events are: a whole-day view then finds the first event of
     *                   each lane in each pixel column by search instead of reading every event (a 24 h run has
     *                   864,000 client probes, and 3 ms went into reading them all for 1,600 columns)
     */
    Column(boolean indexCodes) { this.byCode = indexCodes ? new java.util.HashMap<>() : null; }

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
        items.accept(e);
        if (byCode != null) byCode.computeIfAbsent(code, c -> new Indices()).add(n);
    }

    /**
     * Appends to {@code out}, for the events with this code in [fromUs, toUs], the time of the first one in each
     * bucket, a bucket being {@code (long) ((t - fromUs) / bucketUs)}: the same events a scan of the whole window
     * keeping the first of each bucket would keep, in time order. Needs a column made with {@code indexCodes}.
     */
    void firstPerBucket(int code, long fromUs, long toUs, double bucketUs, SeriesBuffer out, double y) {
        Indices idx = byCode.get(code);
        if (idx == null) return;
        int k = idx.firstAtOrAfter(fromUs, 0);
        while (k < idx.size) {
            long t = times[idx.at[k]];
            if (t > toUs) break;
            out.add(t / 1e6, y);
            long b = (long) ((t - fromUs) / bucketUs);
            k = idx.firstInLaterBucket(k, b, fromUs, bucketUs);
        }
    }

    /** Growable int array of indices into the column, ascending (so their times are in order). */
    private final class Indices {
        int[] at = new int[256];
        int size;

        void add(int i) {
            if (size == at.length) at = Arrays.copyOf(at, size * 2);
            at[size++] = i;
        }

        /** The first k >= from whose time is >= tUs (size when none). */
        int firstAtOrAfter(long tUs, int from) {
            int lo = from;
            int hi = size;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (times[at[mid]] < tUs) lo = mid + 1; else hi = mid;
            }
            return lo;
        }

        /** The first k' > k whose bucket is past b: galloping, as the next bucket is usually near. */
        int firstInLaterBucket(int k, long b, long fromUs, double bucketUs) {
            int lo = k + 1;
            int step = 1;
            int hi = lo;
            while (hi < size && (long) ((times[at[hi]] - fromUs) / bucketUs) <= b) {
                lo = hi + 1;
                hi += step;
                step <<= 1;
            }
            hi = Math.min(hi, size);
            while (lo < hi) { // the first in [lo, hi) past b; hi is past b or size
                int mid = (lo + hi) >>> 1;
                if ((long) ((times[at[mid]] - fromUs) / bucketUs) <= b) lo = mid + 1; else hi = mid;
            }
            return lo;
        }
    }

    int size() { return items.size(); }

    long time(int i) { return times[i]; }

    int code(int i) { return codes[i]; }

    E get(int i) { return items().get(i); }

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
        List<E> all = items();
        if (i == n) return all.get(n - 1);
        if (i == 0) return all.get(0);
        return tUs - times[i - 1] <= times[i] - tUs ? all.get(i - 1) : all.get(i);
    }

    /** Every event added, as a read-only list decoded on access (cheap when read in order). */
    @SuppressWarnings("unchecked") // only Es are added
    List<E> items() {
        if (view.size() != items.size()) view = (List<E>) (List<?>) items.snapshot();
        return view;
    }
}
