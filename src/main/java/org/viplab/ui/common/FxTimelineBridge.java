package org.viplab.ui.common;

import org.viplab.core.model.Topology;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one place where lab events cross onto the FX thread. The engine's timeline listener only queues;
 * a ticker at about 30 Hz hands whatever queued to the FX thread in one batch, and schedules at most one
 * hand-over at a time, so a burst of a million events costs a few dozen FX runnables, not a million.
 * A new run (reset) travels in the same queue, so sinks never mix events of two runs; so does a cleared
 * timeline ({@link Timeline#clear()}), which reaches the sinks as a new run of the same timeline.
 */
public final class FxTimelineBridge implements AutoCloseable {
    public static final long PERIOD_MS = 33;

    /** Receives batches on the FX thread (or whatever executor the bridge was given). */
    public interface Sink {
        void runStarted(Topology topology);

        /** A new run and its timeline, for sinks that read the timeline themselves (the charts). */
        default void runStarted(Topology topology, Timeline timeline) { runStarted(topology); }

        void appended(List<LabEvent> batch);
    }

    private record RunStart(Topology topology, Timeline timeline) { }

    private final ConcurrentLinkedQueue<Object> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean handOverScheduled = new AtomicBoolean();
    private final AtomicLong handOvers = new AtomicLong();
    private final List<Sink> sinks = new CopyOnWriteArrayList<>();
    private final Executor fx;
    private final ScheduledExecutorService ticker;
    private Timeline.Listener listener; // of the timeline followed; engine thread only
    private Timeline current; // engine thread only

    /** @param fx runs a hand-over on the FX thread: {@code Platform::runLater} in the app. */
    public FxTimelineBridge(Executor fx) {
        this(fx, Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "viplab-fx-bridge");
            t.setDaemon(true);
            return t;
        }));
    }

    /** With the ticker given, so that a test can tick by hand instead of waiting for the clock. Closing shuts it down. */
    public FxTimelineBridge(Executor fx, ScheduledExecutorService ticker) {
        this.fx = fx;
        this.ticker = ticker;
        ticker.scheduleAtFixedRate(this::tick, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    public void addSink(Sink s) { sinks.add(s); }

    /** Follows the simulation's runs: each new run's timeline from its first event. */
    public void attach(org.viplab.lab.LiveEngine live) {
        live.addRunListener(this::follow);
    }

    /** Follows one timeline: its events so far, then each new one. Called on the thread that owns it. */
    public synchronized void follow(Timeline timeline, Topology topology) {
        if (current != null) current.removeListener(listener);
        pending.add(new RunStart(topology, timeline));
        current = timeline;
        pending.addAll(timeline.snapshot());
        listener = pending::add;
        timeline.addListener(listener);
    }

    /** How many hand-overs to the FX thread happened so far (for tests and the status bar). */
    public long handOvers() { return handOvers.get(); }

    private void tick() {
        if (!pending.isEmpty() && handOverScheduled.compareAndSet(false, true)) {
            fx.execute(this::drain);
        }
    }

    /** Delivers everything queued to the sinks; on the FX thread. Tests may call it directly. */
    public void drain() {
        handOverScheduled.set(false);
        handOvers.incrementAndGet();
        List<LabEvent> batch = new ArrayList<>();
        Object o;
        while ((o = pending.poll()) != null) {
            if (o instanceof RunStart rs) {
                deliver(batch);
                batch = new ArrayList<>();
                for (Sink s : sinks) s.runStarted(rs.topology(), rs.timeline());
            } else {
                batch.add((LabEvent) o);
            }
        }
        deliver(batch);
    }

    private void deliver(List<LabEvent> batch) {
        if (batch.isEmpty()) return;
        List<LabEvent> view = List.copyOf(batch);
        for (Sink s : sinks) s.appended(view);
    }

    @Override
    public void close() { ticker.shutdownNow(); }
}
