package org.viplab.exercise;

import org.viplab.core.model.VrrpState;
import org.viplab.core.text.TimeText;
import org.viplab.core.timeline.TimelineAnalysis;
import org.viplab.core.util.Durations;
import org.viplab.drill.Drill;
import org.viplab.drill.DrillResult;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Scores an answer against an exercise by running its drills on the simulator (deterministic: the same answer
 * always scores the same). Predict: the VIP's holders 40 %, the nodes' states 30 %, the clients' downtime 30 % by
 * closeness (full within max(0.5 s, 25 %), nothing beyond three times that). Diagnose: the right choice. Fix: the
 * drill passes with the trainee's changes, which may touch only the task's editable settings. The simulator comes
 * from the caller (the composition root or the command line), so this package names no engine.
 */
public final class Judge {
    static final long MIN_TOLERANCE_US = 500_000;

    /** Runs a drill on a fresh simulator (its own topology and seed) and returns the result. */
    @FunctionalInterface
    public interface Simulator {
        DrillResult run(Drill drill) throws InterruptedException;
    }

    private final Simulator sim;

    public Judge(Simulator sim) { this.sim = sim; }

    public Score score(Exercise ex, Answer answer) throws InterruptedException {
        List<TaskScore> out = new ArrayList<>();
        for (Task t : ex.tasks()) {
            Map<String, Object> given = answer.answer(t.id());
            TaskScore raw = t instanceof Task.Predict p ? predict(p, given)
                    : t instanceof Task.Diagnose d ? diagnose(d, given) : fix((Task.Fix) t, given);
            int cost = hintCost(t, answer.hintsUsed().getOrDefault(t.id(), 0));
            double points = Math.max(0, raw.points() - cost);
            boolean passed = raw.passed();
            List<ExerciseText> details = new ArrayList<>(raw.details());
            long late = given.isEmpty() ? 0 : ex.lateSeconds(answer.seconds().getOrDefault(t.id(), 0L));
            if (late > 0) {
                // the time limit: a locked exercise does not count a late answer; otherwise it costs per minute
                points = round(ex.overTime().afterPenalty(points, raw.maxPoints(), late));
                passed = passed && !ex.overTime().locks();
                details.add(ex.overTime().locks()
                        ? ExerciseText.of("late.locked", TimeText.minutesSeconds(late), TimeText.minutesSeconds(ex.timeLimitSec()))
                        : ExerciseText.of("late.penalty", TimeText.minutesSeconds(late), TimeText.minutesSeconds(ex.timeLimitSec()), ex.overTime().penaltyPercentPerMinute()));
            }
            out.add(new TaskScore(raw.taskId(), raw.kind(), raw.maxPoints(), points, passed, cost, details, raw.why()));
        }
        return new Score(ex.id(), answer.trainee(), out);
    }

    /** The drill run on the simulator: where the VIP is at its end, each node's VRRP state, the longest outage. */
    public Truth truth(Drill d) throws InterruptedException { return truth(d, sim.run(d)); }

    private static Truth truth(Drill d, DrillResult r) {
        TimelineAnalysis a = r.analysis();
        Map<String, VrrpState> states = new LinkedHashMap<>();
        for (String n : d.topology().nodeNames()) states.put(n, a.vrrpStateAt(n, r.endUs()));
        return new Truth(a.holdersAt(r.endUs()), states, a.longestOutageUs());
    }

    private TaskScore predict(Task.Predict p, Map<String, Object> a) throws InterruptedException {
        DrillResult run = sim.run(p.drill());
        Truth truth = truth(p.drill(), run);
        // the reveal's explanation: why the VIP moved (the drill's first failover), as the why panel states it
        List<org.viplab.core.timeline.LabEvent> why = run.analysis().failovers().isEmpty() ? List.of()
                : run.why(run.analysis().failovers().get(0)).stream().map(org.viplab.core.timeline.CauseChain.Link::event).toList();
        List<ExerciseText> details = new ArrayList<>();
        Set<String> vip = hosts(a.get("vipOn"));
        boolean vipRight = vip != null && vip.equals(truth.vipOn());
        details.add(ExerciseText.of(vipRight ? "predict.vip.right" : "predict.vip.wrong", names(truth.vipOn()), vip == null ? "—" : names(vip)));
        int right = 0;
        Map<?, ?> states = a.get("states") instanceof Map<?, ?> m ? m : Map.of();
        for (Map.Entry<String, VrrpState> e : truth.states().entrySet()) {
            Object said = states.get(e.getKey());
            boolean ok = said != null && e.getValue().name().equalsIgnoreCase(String.valueOf(said));
            if (ok) right++;
            details.add(ExerciseText.of(ok ? "predict.state.right" : "predict.state.wrong", e.getKey(), e.getValue().name(), said == null ? "—" : said));
        }
        double stateShare = truth.states().isEmpty() ? 1 : (double) right / truth.states().size();
        Long saidUs = downtimeUs(a);
        long tol = Math.max(MIN_TOLERANCE_US, truth.clientDowntimeUs() / 4);
        double closeness = saidUs == null ? 0 : closeness(Math.abs(saidUs - truth.clientDowntimeUs()), tol);
        details.add(ExerciseText.of(closeness == 1 ? "predict.downtime.right" : "predict.downtime.off", TimeText.seconds(truth.clientDowntimeUs()),
                saidUs == null ? "—" : TimeText.seconds(saidUs), TimeText.seconds(tol)));
        double points = p.points() * (0.4 * (vipRight ? 1 : 0) + 0.3 * stateShare + 0.3 * closeness);
        boolean passed = vipRight && right == truth.states().size() && closeness == 1;
        return new TaskScore(p.id(), "predict", p.points(), round(points), passed, 0, details, why);
    }

    /** 1 within the tolerance, 0 at three times it or more, linear between. */
    static double closeness(long errorUs, long toleranceUs) {
        if (errorUs <= toleranceUs) return 1;
        if (errorUs >= 3 * toleranceUs) return 0;
        return 1 - (double) (errorUs - toleranceUs) / (2.0 * toleranceUs);
    }

    private static TaskScore diagnose(Task.Diagnose d, Map<String, Object> a) {
        Object choice = a.get("choice");
        boolean right = d.answer().equals(choice);
        ExerciseText said = ExerciseText.of(choice == null ? "diagnose.none" : right ? "diagnose.right" : "diagnose.wrong", String.valueOf(choice));
        return new TaskScore(d.id(), "diagnose", d.points(), right ? d.points() : 0, right, 0, List.of(said));
    }

    private TaskScore fix(Task.Fix f, Map<String, Object> a) throws InterruptedException {
        if (!(a.get("set") instanceof Map<?, ?> set) || set.isEmpty()) {
            return new TaskScore(f.id(), "fix", f.points(), 0, false, 0, List.of(ExerciseText.of("fix.none")));
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : set.entrySet()) {
            String path = String.valueOf(e.getKey());
            if (!f.editable().contains(path)) {
                return new TaskScore(f.id(), "fix", f.points(), 0, false, 0, List.of(ExerciseText.of("fix.notEditable", path, String.join(", ", f.editable()))));
            }
            changes.put(path, e.getValue());
        }
        Drill changed;
        try {
            changed = ExerciseParser.withTopology(f.drill(), ExerciseParser.applied(f.drill().topology(), changes));
        } catch (IllegalArgumentException e) {
            return new TaskScore(f.id(), "fix", f.points(), 0, false, 0, List.of(ExerciseText.of("fix.invalid", e.getMessage())));
        }
        DrillResult r = sim.run(changed);
        long failed = r.verdicts().stream().filter(v -> v.failed()).count();
        ExerciseText said = r.passed() ? ExerciseText.of("fix.passed", f.drill().name()) : ExerciseText.of("fix.failed", f.drill().name(), failed);
        return new TaskScore(f.id(), "fix", f.points(), r.passed() ? f.points() : 0, r.passed(), 0, List.of(said));
    }

    private static int hintCost(Task t, int used) {
        int cost = 0;
        for (int i = 0; i < Math.min(used, t.hints().size()); i++) cost += t.hints().get(i).cost();
        return cost;
    }

    /** "db2", ["db1", "db2"], [] (nowhere), or null when not answered. */
    private static Set<String> hosts(Object o) {
        if (o == null) return null;
        Set<String> out = new TreeSet<>();
        if (o instanceof Collection<?> c) for (Object x : c) out.add(String.valueOf(x));
        else if (!String.valueOf(o).isBlank()) out.add(String.valueOf(o));
        return out;
    }

    private static Long downtimeUs(Map<String, Object> a) {
        Object o = a.get("clientDowntime");
        if (o == null) return null;
        try {
            return o instanceof Number n ? Math.round(n.doubleValue() * 1000) : Durations.parseUs(String.valueOf(o));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String names(Set<String> hosts) { return hosts.isEmpty() ? "∅" : String.join(" + ", new TreeSet<>(hosts)); }

    private static double round(double points) { return Math.round(points * 10) / 10.0; }

    /** The reference answer the judge would give full marks: for the exercise author and the trainer's reveal. */
    public Answer reference(Exercise ex, String trainee) throws InterruptedException {
        Map<String, Map<String, Object>> answers = new LinkedHashMap<>();
        for (Task t : ex.tasks()) {
            if (t instanceof Task.Predict p) {
                Truth truth = truth(p.drill());
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("vipOn", new ArrayList<>(new TreeSet<>(truth.vipOn())));
                Map<String, Object> states = new LinkedHashMap<>();
                truth.states().forEach((k, v) -> states.put(k, v.name()));
                a.put("states", states);
                // what a person would write: to the tenth of a second (well inside the tolerance)
                a.put("clientDowntime", Durations.format(Math.round(truth.clientDowntimeUs() / 100_000.0) * 100_000));
                answers.put(p.id(), a);
            } else if (t instanceof Task.Diagnose d) {
                answers.put(d.id(), Map.of("choice", d.answer()));
            }
        }
        return new Answer(ex.id(), trainee, answers, Map.of(), Map.of());
    }
}
