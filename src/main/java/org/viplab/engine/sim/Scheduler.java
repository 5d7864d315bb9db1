package org.viplab.engine.sim;

import org.viplab.core.timeline.Causes;

import java.util.Arrays;

/**
 * A discrete-event scheduler in virtual microseconds, ordered by (time, sequence) so that two events at the
 * same instant always run in the order they were scheduled: the same inputs give the same run.
 * A hand-rolled binary heap, because the 24-hour benchmark pushes over a million events through it.
 * <p>
 * It also carries causes: the {@linkplain #cause() current cause} is what events emitted now name as their
 * cause, and a task takes the cause current when it was scheduled (or one given explicitly) and makes it
 * current again when it runs. So a delay (a shutdown, a Skew timer) keeps the chain from what started it.
 */
public final class Scheduler {
    /** A scheduled action. Cancelling is lazy: a cancelled task stays in the heap and is skipped. */
    public static final class Task {
        long at;
        long seq;
        Runnable action;
        boolean cancelled;
        /** The event id current while this task runs ({@link Causes#NONE} for a spontaneous timer). */
        long cause = Causes.NONE;

        public long at() { return at; }

        public void cancel() { cancelled = true; }

        public boolean pending() { return !cancelled && action != null; }
    }

    private Task[] heap = new Task[64];
    private int size;
    private long now;
    private long seq;
    private long executed;
    private long cause = Causes.NONE;

    public Scheduler(long startUs) { this.now = startUs; }

    public long now() { return now; }

    /** How many tasks have run (cancelled ones excluded). */
    public long executed() { return executed; }

    /** The id of the event that what happens now follows from, or {@link Causes#NONE}. */
    public long cause() { return cause; }

    /** Makes {@code id} the cause of what is emitted or scheduled next in the running task. */
    public void cause(long id) { cause = id; }

    /** {@link #cause(long)} that returns the cause it replaces, to put back when the step that needed it is done. */
    public long swapCause(long id) {
        long was = cause;
        cause = id;
        return was;
    }

    /** Schedules {@code action} with the current cause. */
    public Task at(long timeUs, Runnable action) { return at(timeUs, cause, action); }

    /** Schedules {@code action} to run with {@code cause} current ({@link Causes#NONE}: a spontaneous timer). */
    public Task at(long timeUs, long cause, Runnable action) {
        if (timeUs < now) throw new IllegalArgumentException("cannot schedule in the past: " + timeUs + " < " + now);
        Task t = new Task();
        t.at = timeUs;
        t.seq = seq++;
        t.action = action;
        t.cause = cause;
        push(t);
        return t;
    }

    public Task after(long delayUs, Runnable action) { return at(now + delayUs, action); }

    public Task after(long delayUs, long cause, Runnable action) { return at(now + delayUs, cause, action); }

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
        cause = t.cause;
        try {
            r.run();
        } finally {
            cause = Causes.NONE; // what runs between tasks (an action) starts without a cause
        }
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
