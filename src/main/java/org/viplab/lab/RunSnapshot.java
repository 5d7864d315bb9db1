package org.viplab.lab;

import org.viplab.core.model.Topology;
import org.viplab.core.timeline.LabEvent;

import java.util.List;

/**
 * A run at one instant: its events up to {@code nowUs} and what produced them, for reports and saved
 * sessions. {@code engine} is the engine the events came from (a recording names the one it was made on).
 *
 * @param seed the simulator's seed; 0 elsewhere
 */
public record RunSnapshot(Engine engine, Topology topology, long seed, List<LabEvent> events, long nowUs) {
    public RunSnapshot {
        events = List.copyOf(events);
    }
}
