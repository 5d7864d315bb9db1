package org.viplab.drill;

import org.viplab.core.model.Topology;

import java.util.List;

/**
 * A parsed drill: the lab to start from, what to do when, and what must happen.
 *
 * @param source     where it came from (a file name, for messages); never written to results
 * @param presetName the preset it names, or null when it names a topology file
 * @param durationUs the explicit duration, or null to end at the latest step deadline
 */
public record Drill(String source, String name, String description, String presetName, Topology topology, long seed,
                    Long durationUs, List<Step> steps, List<Step.ActionStep> restore, List<String> warnings) {

    /** Where the drill ends: its duration, or the latest deadline of its steps. */
    public long endUs() {
        if (durationUs != null) return durationUs;
        long end = 0;
        for (Step s : steps) end = Math.max(end, s.deadlineUs());
        return end;
    }

    /** The same drill on other hosts (real ones: their names, addresses, VIP and client port). */
    public Drill on(Topology other) {
        return new Drill(source, name, description, presetName, other, seed, durationUs, steps, restore, warnings);
    }
}
