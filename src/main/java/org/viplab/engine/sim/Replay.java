package org.viplab.engine.sim;

import org.viplab.core.timeline.LabEvent;
import org.viplab.lab.Action;

import java.util.List;

/** Applies a saved run's actions again at their times, on the engine thread. */
final class Replay {
    private Replay() { }

    /** Runs {@code lab} through {@code actions} up to {@code endUs}; returns where it stands. */
    static long applyAll(SimulatedLab lab, List<String> hosts, List<LabEvent.ActionApplied> actions, long endUs) {
        for (LabEvent.ActionApplied a : actions) {
            if (a.timeUs() < lab.now()) continue;
            lab.runUntil(a.timeUs());
            try {
                lab.apply(Action.of(a, hosts), a.by());
            } catch (RuntimeException ex) {
                // it failed the same way when it was first applied; its ActionApplied is on the timeline
            }
        }
        if (endUs > lab.now()) lab.runUntil(endUs);
        return lab.now();
    }
}
