package org.viplab.lab;

import org.viplab.core.model.Topology;

import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * What an engine needs to start a drill's t = 0.
 *
 * @param topology       the drill's own topology (the simulator restarts on it; real hosts keep theirs)
 * @param seed           the drill's seed (simulator only)
 * @param name           the drill's name, logged on the new run
 * @param fastest        let virtual time run as fast as the CPU allows instead of at the lab's speed
 * @param baselineMaxMs  how long real hosts may take to reach the baseline before t = 0
 * @param aborted        true once the user aborted: waiting stops at once
 * @param waitingForBaseline told (on the drill thread) before an engine waits for its baseline
 * @param actions        the drill's actions, steps and restore: real hosts refuse, before t = 0, one they lack the
 *                       tools for (a timing fault), so a drill never stops half-way
 */
public record DrillStart(Topology topology, long seed, String name, boolean fastest, long baselineMaxMs,
                         BooleanSupplier aborted, Runnable waitingForBaseline, List<Action> actions) {
    public DrillStart {
        actions = actions == null ? List.of() : List.copyOf(actions);
    }
}
