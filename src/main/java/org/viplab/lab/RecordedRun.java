package org.viplab.lab;

import org.viplab.core.timeline.Actor;
import org.viplab.core.model.Topology;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Timeline;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A run that already happened, shown as it was: a session recorded on real hosts cannot be replayed (the
 * hosts are not ours to rewind), so its timeline is put in front of the same views, read-only. Nothing can be
 * applied to it.
 */
public final class RecordedRun implements LiveEngine {
    private final String engine;
    private final Topology topology;
    private final Timeline timeline = new Timeline();
    private final long endUs;

    /** @param engine the engine it was recorded on ("ssh"), which reports keep naming */
    public RecordedRun(String engine, Topology topology, List<LabEvent> events, long endUs) {
        this.engine = engine;
        this.topology = topology;
        this.endUs = endUs;
        for (LabEvent e : events) timeline.accept(e);
    }

    @Override
    public String engine() { return engine; }

    @Override
    public Timeline timeline() { return timeline; }

    @Override
    public Topology topology() { return topology; }

    /** Where the recording ends: its clock stands still there. */
    @Override
    public long now() { return endUs; }

    @Override
    public CompletableFuture<Void> apply(Action action, Actor by) { return CompletableFuture.failedFuture(readOnlyError()); }

    @Override
    public CompletableFuture<Void> restore(Actor by) { return CompletableFuture.failedFuture(readOnlyError()); }

    @Override
    public List<String> commandsFor(Action action) { throw readOnlyError(); }

    @Override
    public boolean readOnly() { return true; }

    /** What every action on a recording says. */
    public static UnsupportedOperationException readOnlyError() {
        return new UnsupportedOperationException("a recorded run is shown read-only: go back to the simulator (Lab menu) to act");
    }

    @Override
    public synchronized CompletableFuture<Void> addRunListener(RunListener l) {
        l.runStarted(timeline, topology);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void removeRunListener(RunListener l) { }

    @Override
    public void close() { }
}
