package org.viplab.lab;

import org.viplab.core.model.Topology;
import org.viplab.core.timeline.Timeline;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The run bookkeeping every {@link LiveEngine} needs: the current run (timeline and topology) and who to tell
 * when a new one starts. Not synchronized itself: an engine calls it from its own thread, or under its own lock,
 * so that a listener added while a run starts hears each run once and in order.
 */
public final class RunListeners {
    private final List<LiveEngine.RunListener> listeners = new CopyOnWriteArrayList<>();
    private volatile Timeline timeline;
    private volatile Topology topology;

    public RunListeners(Timeline timeline, Topology topology) {
        this.timeline = timeline;
        this.topology = topology;
    }

    public Timeline timeline() { return timeline; }

    public Topology topology() { return topology; }

    /** Adds {@code l} and tells it about the current run at once. */
    public void add(LiveEngine.RunListener l) {
        listeners.add(l);
        l.runStarted(timeline, topology);
    }

    public void remove(LiveEngine.RunListener l) { listeners.remove(l); }

    /** Makes {@code fresh} the current run and tells every listener, before anything is written to it. */
    public void start(Timeline fresh, Topology t) {
        topology = t;
        timeline = fresh;
        for (LiveEngine.RunListener l : listeners) l.runStarted(fresh, t);
    }
}
