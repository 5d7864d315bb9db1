package org.viplab.drill;

import org.viplab.core.timeline.Actor;
import org.viplab.lab.Lab;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Timeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Runs a drill on any {@link Lab}: applies each action at its time, lets the lab run to the end, then judges
 * every expectation over the timeline. The restore always runs, also when the run is aborted or fails.
 */
public final class DrillRunner {
    /** Told as the drill advances; the app uses it to turn steps green or red live. */
    public interface Progress {
        void reached(long nowUs, List<Verdict> verdictsSoFar);
    }

    private volatile boolean aborted;

    /** Asks a running drill to stop at its next step; its restore still runs. */
    public void abort() { aborted = true; }

    public boolean aborted() { return aborted; }

    public DrillResult run(Drill drill, Lab lab, Progress progress) throws InterruptedException {
        Timeline timeline = lab.timeline();
        long end = drill.endUs();
        List<Step.ActionStep> actions = new ArrayList<>();
        for (Step s : drill.steps()) if (s instanceof Step.ActionStep a) actions.add(a);
        actions.sort(Comparator.comparingLong(Step::anchorUs)); // stable: same-time steps keep file order
        List<String> restoreProblems = new ArrayList<>();
        try {
            for (Step.ActionStep a : actions) {
                if (aborted) break;
                lab.runUntil(a.anchorUs());
                lab.apply(a.action(), Actor.DRILL);
                if (progress != null) progress.reached(lab.now(), judge(drill, timeline.snapshot(), end, lab.now()));
            }
            // run in slices so that a live view sees verdicts appear as their deadlines pass
            long slice = 1_000_000;
            while (!aborted && lab.now() < end) {
                lab.runUntil(Math.min(end, lab.now() + slice));
                if (progress != null) progress.reached(lab.now(), judge(drill, timeline.snapshot(), end, lab.now()));
            }
        } finally {
            restoreProblems.addAll(restore(drill, lab));
        }
        Timeline.Caused run = timeline.caused();
        List<LabEvent> events = run.events();
        return new DrillResult(drill, lab.engine(), judge(drill, events, end, aborted ? lab.now() : end), events, end,
                restoreProblems, run.causes());
    }

    private List<String> restore(Drill drill, Lab lab) {
        List<String> problems = new ArrayList<>();
        for (Step.ActionStep r : drill.restore()) {
            try {
                lab.apply(r.action(), Actor.RESTORE);
            } catch (RuntimeException e) {
                problems.add(r.text() + ": " + e.getMessage());
            }
        }
        try {
            lab.restore(Actor.RESTORE);
        } catch (RuntimeException e) {
            problems.add("implicit restore: " + e.getMessage());
        }
        return problems;
    }

    static List<Verdict> judge(Drill drill, List<LabEvent> events, long endUs, long nowUs) {
        List<Step.ActionStep> actions = new ArrayList<>();
        for (Step s : drill.steps()) if (s instanceof Step.ActionStep a) actions.add(a);
        Judge judge = new Judge(events, endUs, actions);
        List<Verdict> out = new ArrayList<>();
        for (Step s : drill.steps()) out.add(judge.judge(s, nowUs));
        return out;
    }
}
