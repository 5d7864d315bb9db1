package org.viplab.lab;

import org.viplab.core.model.Topology;
import org.viplab.core.timeline.Causes;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Timeline;

import java.util.List;

/**
 * A run at one instant: its events up to {@code nowUs} and what produced them, for reports and saved
 * sessions. {@code engine} is the engine the events came from (a recording names the one it was made on).
 *
 * @param seed   the simulator's seed; 0 elsewhere
 * @param causes the cause of each event, by index into {@code events}
 */
public record RunSnapshot(Engine engine, Topology topology, long seed, List<LabEvent> events, long nowUs, Causes causes) {
    public RunSnapshot {
        events = Timeline.immutable(events);
        if (causes == null) causes = Causes.none();
    }

    /** A run whose events name no causes. */
    public RunSnapshot(Engine engine, Topology topology, long seed, List<LabEvent> events, long nowUs) {
        this(engine, topology, seed, events, nowUs, Causes.none());
    }

    /**
     * The events of {@code run} up to {@code nowUs}, with their causes. Causes go by index, so they are kept only
     * while the events kept are the run's first ones (events arrive in time order, so they are).
     */
    public static RunSnapshot upTo(Engine engine, Topology topology, long seed, Timeline.Caused run, long nowUs) {
        // usually nothing is past now: keep the timeline's lazy view rather than copy a long run event by event
        if (run.events().stream().noneMatch(e -> e.timeUs() > nowUs)) {
            return new RunSnapshot(engine, topology, seed, run.events(), nowUs, run.causes());
        }
        List<LabEvent> kept = run.events().stream().filter(e -> e.timeUs() <= nowUs).toList();
        boolean prefix = kept.equals(run.events().subList(0, kept.size()));
        return new RunSnapshot(engine, topology, seed, kept, nowUs, prefix ? run.causes() : Causes.none());
    }
}
