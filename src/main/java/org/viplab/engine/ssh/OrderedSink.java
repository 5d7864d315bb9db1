package org.viplab.engine.ssh;

import org.viplab.core.timeline.EventSink;
import org.viplab.core.timeline.LabEvent;

import java.util.PriorityQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Real hosts report out of order: a probe that hung for a second, a log line that came after the packet it
 * describes, two hosts on two streams. The timeline (and every query over it) wants time order, so events
 * wait here for a short window and leave sorted by time.
 */
final class OrderedSink implements EventSink, AutoCloseable {
    private record Item(LabEvent event, long seq) { }

    private final EventSink out;
    private final long windowUs;
    private final LongSupplier nowUs;
    private final PriorityQueue<Item> queue = new PriorityQueue<>((a, b) -> a.event.timeUs() != b.event.timeUs()
            ? Long.compare(a.event.timeUs(), b.event.timeUs()) : Long.compare(a.seq, b.seq));
    private final ScheduledExecutorService timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(ClientProber.daemon("ordered-sink"));
    private final ScheduledFuture<?> task;
    private long seq;
    private long late;
    private long lastReleasedUs = Long.MIN_VALUE;

    OrderedSink(EventSink out, long windowUs, LongSupplier nowUs) {
        this.out = out;
        this.windowUs = windowUs;
        this.nowUs = nowUs;
        this.task = timer.scheduleAtFixedRate(() -> release(nowUs.getAsLong() - windowUs), 20, 20, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void accept(LabEvent e) {
        if (e.timeUs() < lastReleasedUs) late++;
        queue.add(new Item(e, seq++));
    }

    /** Events that came later than the window allowed (and so may be out of order in the timeline). */
    synchronized long late() { return late; }

    /** Hands on, in time order, every event up to {@code upToUs}. */
    synchronized void release(long upToUs) {
        while (!queue.isEmpty() && queue.peek().event.timeUs() <= upToUs) {
            LabEvent e = queue.poll().event;
            lastReleasedUs = Math.max(lastReleasedUs, e.timeUs());
            out.accept(e);
        }
    }

    /** Waits out the window so that everything that happened until now has been handed on. */
    void settle() throws InterruptedException {
        long until = nowUs.getAsLong();
        Thread.sleep(windowUs / 1000 + 50);
        release(until);
    }

    /** Drops everything waiting (a new drill starts its time line afresh). */
    synchronized void discard() {
        queue.clear();
        lastReleasedUs = Long.MIN_VALUE;
    }

    synchronized void flushAll() { release(Long.MAX_VALUE); }

    @Override
    public void close() {
        task.cancel(false);
        timer.shutdownNow();
        flushAll();
    }
}
