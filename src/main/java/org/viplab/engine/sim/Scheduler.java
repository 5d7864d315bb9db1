package org.viplab.engine.sim;

import java.util.Arrays;

/**
 * A discrete-event scheduler in virtual microseconds, ordered by (time, sequence) so that two events at the
 * same instant always run in the order they were scheduled: the same inputs give the same run.
 * A hand-rolled binary heap, because the 24-hour benchmark pushes over a million events through it.
 */
public final class Scheduler {
    /** A scheduled action. Cancelling is lazy: a cancelled task stays in the heap and is skipped. */
    public static final class Task {
        long at;
        long seq;
        Runnable action;
        boolean cancelled;

        public long at() { return at; }

        public void cancel() { cancelled = true; }

        public boolean pending() { return !cancelled && action != null; }
    }

    private Task[] heap = new Task[64];
    private int size;
    private long now;
    private long seq;
    private long executed;

    public Scheduler(long startUs) { this.now = startUs; }

    public long now() { return now; }

    /** How many tasks have run (cancelled ones excluded). */
    public long executed() { return executed; }

    public Task at(long timeUs, Runnable action) {
        if (timeUs < now) throw new IllegalArgumentException("cannot schedule in the past: " + timeUs + " < " + now);
        Task t = new Task();
        t.at = timeUs;
        t.seq = seq++;
        t.action = action;
        push(t);
        return t;
    }

    public Task after(long delayUs, Runnable action) { return at(now + delayUs, action); }

    /** Time of the next live task, or Long.MAX_VALUE when none is pending. */
    public long nextTime() {
        dropCancelled();
        return size == 0 ? Long.MAX_VALUE : heap[0].at;
    }

    /** Runs the next task; false when none is pending. */
    public boolean step() {
        dropCancelled();
        if (size == 0) return false;
        Task t = pop();
        now = t.at;
        Runnable r = t.action;
        t.action = null;
        executed++;
        r.run();
        return true;
    }

    /** Runs every task due at or before {@code timeUs}, then sets the clock to it. */
    public void runUntil(long timeUs) {
        while (true) {
            dropCancelled();
            if (size == 0 || heap[0].at > timeUs) break;
            step();
        }
        if (timeUs > now) now = timeUs;
    }

    private void dropCancelled() {
        while (size > 0 && heap[0].cancelled) pop();
    }

    private static boolean less(Task a, Task b) { return a.at < b.at || (a.at == b.at && a.seq < b.seq); }

    private void push(Task t) {
        if (size == heap.length) heap = Arrays.copyOf(heap, size * 2);
        int i = size++;
        while (i > 0) {
            int p = (i - 1) >>> 1;
            if (!less(t, heap[p])) break;
            heap[i] = heap[p];
            i = p;
        }
        heap[i] = t;
    }

    private Task pop() {
        Task top = heap[0];
        Task last = heap[--size];
        heap[size] = null;
        if (size > 0) {
            int i = 0;
            while (true) {
                int l = 2 * i + 1;
                if (l >= size) break;
                int c = (l + 1 < size && less(heap[l + 1], heap[l])) ? l + 1 : l;
                if (!less(heap[c], last)) break;
                heap[i] = heap[c];
                i = c;
            }
            heap[i] = last;
        }
        return top;
    }
}
