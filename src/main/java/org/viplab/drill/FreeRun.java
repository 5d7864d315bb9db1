package org.viplab.drill;

import org.viplab.core.timeline.Actor;
import org.viplab.lab.Action;
import org.viplab.lab.Target;
import org.viplab.lab.Verb;
import org.viplab.core.model.Presets;
import org.viplab.core.model.Topology;
import org.viplab.core.model.TopologyJson;
import org.viplab.core.timeline.LabEvent;

import java.util.ArrayList;
import java.util.List;

/**
 * A run without a drill file (a trainer breaking things by hand in the app) as a {@link DrillResult}, so that
 * the report writer can write it like any drill: every action a person ({@link Actor#USER}) or a drill
 * applied becomes an action step at its time, judged DONE; there are no expectations, so the report is the measured
 * figures and the timeline. The topology is kept as it ran (an imported one too), not re-described as a preset.
 */
public final class FreeRun {
    /**
     * Whose actions become steps: a person's, and a drill's when a drill ran on the live lab (its own result
     * with verdicts is better, when there is one). Restore actions are clean-up, not steps.
     */
    static final java.util.Set<Actor> STEP_SOURCES = java.util.EnumSet.of(Actor.USER, Actor.DRILL);

    /** What a free run's step lines say: it came from no file. */
    public static final int NO_LINE = 0;

    private FreeRun() { }

    /**
     * @param events the run's timeline (events after {@code endUs} are left out)
     * @param endUs  where the run stands now (lab time, microseconds from t = 0)
     */
    public static DrillResult result(Topology topology, long seed, List<LabEvent> events, long endUs, String name, String description) {
        return result("sim", topology, seed, events, endUs, name, description);
    }

    /** The same for a run on {@code engine} ("sim" or "ssh"), which the report names. */
    public static DrillResult result(String engine, Topology topology, long seed, List<LabEvent> events, long endUs, String name, String description) {
        List<LabEvent> upToEnd = events.stream().filter(e -> e.timeUs() <= endUs).toList();
        List<Step> steps = new ArrayList<>();
        List<Verdict> verdicts = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<String> hosts = topology.nodeNames();
        for (LabEvent e : upToEnd) {
            if (!(e instanceof LabEvent.ActionApplied a) || !STEP_SOURCES.contains(a.by()) || a.timeUs() < 0) continue;
            Action action;
            try {
                action = Action.of(a, hosts);
            } catch (IllegalArgumentException ex) {
                // An action this version cannot read back stays in the timeline; it is only left out of the steps.
                warnings.add("action \"" + a.action() + " " + a.target() + "\" at " + e.timeUs() + " us left out of the steps: " + ex.getMessage());
                continue;
            }
            Step.ActionStep s = new Step.ActionStep(steps.size() + 1, NO_LINE, a.timeUs(), action);
            steps.add(s);
            verdicts.add(new Verdict(s, Verdict.Status.DONE, ""));
        }
        Drill drill = new Drill(null, name, description, presetName(topology), TopologyJson.copy(topology), seed,
                Math.max(0, endUs), List.copyOf(steps), List.of(), List.copyOf(warnings));
        return new DrillResult(drill, engine, List.copyOf(verdicts), upToEnd, Math.max(0, endUs), List.of());
    }

    /** The preset the topology is, unchanged, or null. */
    static String presetName(Topology t) {
        String json = TopologyJson.toJson(t);
        for (String n : Presets.names()) {
            Topology p = Presets.byName(n);
            p.flavour = t.flavour; // a flavour switch keeps the preset's name meaningful
            if (TopologyJson.toJson(p).equals(json)) return n;
        }
        return null;
    }
}
