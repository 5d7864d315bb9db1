package org.viplab.engine.sim;

import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Timeline;

import java.util.function.Predicate;

/** Stepping a paused simulation event time by event time, for "Next event" (engine thread only). */
final class EventStepping {
    private EventStepping() { }

    /**
     * Runs {@code lab} one event time at a time until an event appended to {@code timeline} is {@code wanted}, or the
     * next event lies past {@code untilUs}, or nothing runs and time stands still (no spinning). True when it stopped
     * at a wanted event.
     */
    static boolean stepUntil(SimulatedLab lab, Timeline timeline, Predicate<LabEvent> wanted, long untilUs) {
        while (true) {
            long next = lab.nextEventTime();
            if (next == Long.MAX_VALUE || next > untilUs) return false;
            int from = timeline.size();
            long before = lab.now();
            lab.runUntil(Math.max(next, before));
            for (LabEvent e : timeline.since(from)) if (wanted.test(e)) return true;
            if (lab.now() == before && timeline.size() == from) return false;
        }
    }
}
