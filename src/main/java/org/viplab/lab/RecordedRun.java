package org.viplab.lab;

import org.viplab.core.timeline.Actor;
import org.viplab.core.model.Topology;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Timeline;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * A run that already happened, shown as it was: a session recorded on real hosts cannot be replayed (the
 * hosts are not ours to rewind), so its timeline is put in front of the same views, read-only. Nothing can be
 * applied to it.
 */
public final class RecordedRun implements LiveEngine {
    private final Engine recordedOn;
    private final Topology topology;
    private final Timeline timeline = new Timeline();
    private final long endUs;
    private final RunListeners runs;

    /** @param recordedOn the engine it was recorded on (real hosts), which reports keep naming */
    public RecordedRun(Engine recordedOn, Topology topology, List<LabEvent> events, long endUs) {
        this(recordedOn, topology, events, org.viplab.core.timeline.Causes.none(), endUs);
    }

    /** @param causes the cause of each event, by index into {@code events} */
    public RecordedRun(Engine recordedOn, Topology topology, List<LabEvent> events, org.viplab.core.timeline.Causes causes,
                       long endUs) {
        this.recordedOn = recordedOn;
        this.topology = topology;
        this.endUs = endUs;
        for (int i = 0; i < events.size(); i++) timeline.accept(events.get(i), causes.causeOf(i));
        this.runs = new RunListeners(timeline, topology);
    }

    @Override
    public Engine engine() { return Engine.RECORDED; }

    /** The engine it was recorded on (real hosts, or a replayed incident): what the window's labels name. */
    public Engine recordedOn() { return recordedOn; }

    @Override
    public Set<Capability> capabilities() { return Set.of(Capability.READ_ONLY); }

    /** The recording as it was, under the name of the engine that made it. */
    @Override
    public CompletableFuture<RunSnapshot> snapshot() {
        return CompletableFuture.completedFuture(RunSnapshot.upTo(recordedOn, topology, 0, timeline.caused(), endUs));
    }

    @Override
    public DrillLab startDrill(DrillStart start) { throw readOnlyError(); }

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

    /** What every action on a recording says. */
    public static UnsupportedOperationException readOnlyError() {
        return LabText.unsupported("recorded.readOnly");
    }

    @Override
    public synchronized CompletableFuture<Void> addRunListener(RunListener l) {
        runs.add(l);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized void removeRunListener(RunListener l) { runs.remove(l); }

    @Override
    public void close() { }
}
