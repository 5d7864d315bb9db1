package org.viplab.core.timeline;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The compact storage behind a {@link Timeline}: most of a long run is periodic and unchanged (a probe every
 * 100 ms, an advert a second, a script result every few seconds), so events equal but for their time are
 * grouped into a <em>stream</em> (one per distinct event-with-time-zeroed), and a stream keeps <em>runs</em>:
 * a start time, a fixed interval, a count and how its causes go. The interleaving of streams is a tape of one
 * byte per event (the stream's code), with a checkpoint of per-stream counts every {@link #K} events for random
 * access. Events that do not repeat live in a plain "other" list (code 0). Reading back gives the very events
 * appended (equal records) with their causes. Not thread-safe: {@link Timeline} locks around it.
 */
final class EventStore {
    /** Events between checkpoints: a random read scans at most this many tape bytes. */
    static final int K = 4096;
    private static final int OTHER = 0;
    private static final int MAX_CODE = 255;
    /** Templates seen once, remembered so a second sighting opens a stream; bounded, oldest forgotten. */
    private static final int SEEN_ONCE_CAP = 1024;

    /** One distinct event (time zeroed) and the runs of its occurrences. */
    private static final class Stream {
        final LabEvent template;
        int count;
        int runs;
        long[] start = new long[2];
        long[] interval = new long[2];
        /** Events in the stream up to and including each run (cumulative), for a binary search. */
        int[] end = new int[2];
        /** The cause of the run's first event; of every event unless chained. */
        long[] cause = new long[2];
        /** Whether each later event of the run is caused by the one before it in the stream. */
        boolean[] chained = new boolean[2];
        long lastTime;
        long lastId;

        Stream(LabEvent template) { this.template = template; }

        void append(long t, long id, long c) {
            int r = runs - 1;
            if (r >= 0) {
                int n = end[r] - (r > 0 ? end[r - 1] : 0);
                if (n == 1 && (c == cause[r] || c == lastId)) {
                    interval[r] = t - start[r];
                    chained[r] = c != cause[r];
                    extend(r, t, id);
                    return;
                }
                if (n > 1 && t - lastTime == interval[r] && c == (chained[r] ? lastId : cause[r])) {
                    extend(r, t, id);
                    return;
                }
            }
            if (runs == start.length) grow();
            start[runs] = t;
            cause[runs] = c;
            end[runs] = count + 1;
            runs++;
            count++;
            lastTime = t;
            lastId = id;
        }

        private void extend(int r, long t, long id) {
            end[r]++;
            count++;
            lastTime = t;
            lastId = id;
        }

        private void grow() {
            int n = start.length * 2;
            start = Arrays.copyOf(start, n);
            interval = Arrays.copyOf(interval, n);
            end = Arrays.copyOf(end, n);
            cause = Arrays.copyOf(cause, n);
            chained = Arrays.copyOf(chained, n);
        }

        /** The run holding the stream's {@code j}th event. */
        int runOf(int j) {
            int lo = 0, hi = runs - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (end[mid] > j) hi = mid; else lo = mid + 1;
            }
            return lo;
        }

        int firstOf(int r) { return r > 0 ? end[r - 1] : 0; }
    }

    private byte[] tape = new byte[1024];
    private int size;
    private int[][] checkpoints = new int[8][];
    private final Map<LabEvent, Integer> codeOf = new HashMap<>();
    private final Stream[] streams = new Stream[MAX_CODE + 1];
    private int codes = 1;
    private final Map<LabEvent, Boolean> seenOnce = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<LabEvent, Boolean> eldest) { return size() > SEEN_ONCE_CAP; }
    };
    private LabEvent[] other = new LabEvent[64];
    private long[] otherCause = new long[64];
    private int others;

    int size() { return size; }

    /** Appends {@code e} as event {@code size()} with cause {@code cause} (an earlier id or {@link Causes#NONE}). */
    void append(LabEvent e, long cause) {
        if (size % K == 0) checkpoint();
        int id = size;
        LabEvent template = Retimer.withTime(e, 0);
        Integer code = codeOf.get(template);
        if (code == null && codes <= MAX_CODE && seenOnce.remove(template) != null) {
            code = codes++;
            streams[code] = new Stream(template);
            codeOf.put(template, code);
        }
        if (code == null) {
            if (codes <= MAX_CODE) seenOnce.put(template, Boolean.TRUE);
            if (others == other.length) {
                other = Arrays.copyOf(other, others * 2);
                otherCause = Arrays.copyOf(otherCause, others * 2);
            }
            other[others] = e;
            otherCause[others++] = cause;
            code = OTHER;
        } else {
            streams[code].append(e.timeUs(), id, cause);
        }
        if (size == tape.length) tape = Arrays.copyOf(tape, size + (size >> 1));
        tape[size++] = (byte) (int) code;
    }

    private void checkpoint() {
        int c = size / K;
        if (c == checkpoints.length) checkpoints = Arrays.copyOf(checkpoints, c * 2);
        int[] counts = new int[codes];
        counts[OTHER] = others;
        for (int k = 1; k < codes; k++) counts[k] = streams[k].count;
        checkpoints[c] = counts;
    }

    /**
     * A reading position: per-code counts of the events before {@code at}. Lets a sequential reader decode
     * each event in O(1) steps; a jump re-seeds it from the nearest checkpoint.
     */
    static final class Cursor {
        final int[] counts = new int[MAX_CODE + 1];
        int at = -1;
    }

    private void seek(Cursor cur, int i) {
        if (cur.at < 0 || i < cur.at || i - cur.at > K) {
            int c = i / K;
            Arrays.fill(cur.counts, 0);
            int[] cp = checkpoints[c];
            System.arraycopy(cp, 0, cur.counts, 0, cp.length);
            cur.at = c * K;
        }
        for (int j = cur.at; j < i; j++) cur.counts[tape[j] & 0xFF]++;
        cur.at = i;
    }

    /** Event {@code i} (below {@link #size()}), read through {@code cur}. */
    LabEvent get(int i, Cursor cur) {
        seek(cur, i);
        int code = tape[i] & 0xFF;
        int j = cur.counts[code];
        if (code == OTHER) return other[j];
        Stream s = streams[code];
        int r = s.runOf(j);
        return Retimer.withTime(s.template, s.start[r] + (j - s.firstOf(r)) * s.interval[r]);
    }

    /** The cause of event {@code i} (below {@link #size()}), read through {@code cur}. */
    long causeOf(int i, Cursor cur) {
        seek(cur, i);
        int code = tape[i] & 0xFF;
        int j = cur.counts[code];
        if (code == OTHER) return otherCause[j];
        Stream s = streams[code];
        int r = s.runOf(j);
        if (!s.chained[r] || j == s.firstOf(r)) return s.cause[r];
        for (int k = i - 1; ; k--) if ((tape[k] & 0xFF) == code) return k; // the previous event of the run
    }

    /** Rough bytes held, for benchmarks. */
    long approxBytes() {
        long b = tape.length + (long) others * 48 + otherCause.length * 8L;
        for (int k = 1; k < codes; k++) b += streams[k].start.length * 29L + 100;
        for (int[] cp : checkpoints) if (cp != null) b += 16 + cp.length * 4L;
        return b;
    }
}
