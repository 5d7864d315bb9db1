package org.viplab.config.lint;

import org.viplab.core.timeline.Actor;
import org.viplab.lab.Action;
import org.viplab.lab.Target;
import org.viplab.lab.Verb;
import org.viplab.core.model.ProcessKind;
import org.viplab.core.model.Topology;
import org.viplab.core.model.TopologyJson;
import org.viplab.engine.sim.SimulatedLab;
import org.viplab.core.timeline.Failover;
import org.viplab.core.timeline.Outage;
import org.viplab.core.timeline.Timeline;
import org.viplab.core.timeline.TimelineAnalysis;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * Runs a fault on the imported topology in the simulator and says in one sentence what happened, with
 * figures from {@link TimelineAnalysis}: where the VIP ended, how long the move took, how long clients
 * were down, any split brain. Deterministic (fixed seed), virtual time: a run takes milliseconds.
 */
public final class Prover {
    static final long SEED = 7;

    private Prover() { }

    /** An action at a time (seconds after t = 0). */
    public record Step(double atSec, Verb verb, String target) { }

    /** What the run showed, for tests and for the sentence ({@code text}, in any language). */
    public record Outcome(LintText text, Set<String> holdersAtEnd, List<Failover> failovers, long clientDownUs,
                          long splitBrainUs, SimulatedLab lab) {
        /** The sentence in English. */
        public String sentence() { return text.english(); }
    }

    public static Step step(double atSec, Verb verb, String target) { return new Step(atSec, verb, target); }

    /** As {@link #run(Topology, UnaryOperator, List, double, LintText)} with a label that is the same in every language. */
    public static Outcome run(Topology topology, UnaryOperator<Topology> tweak, List<Step> steps, double endSec, String label) {
        return run(topology, tweak, steps, endSec, LintText.literal(label));
    }

    /**
     * Runs the steps on a copy of the topology (changed first by {@code tweak}, e.g. to make a script's exit
     * status follow its test) until {@code endSec}, and describes it. {@code label} names the fault.
     */
    public static Outcome run(Topology topology, UnaryOperator<Topology> tweak, List<Step> steps, double endSec, LintText label) {
        Topology t = tweak == null ? TopologyJson.copy(topology) : tweak.apply(TopologyJson.copy(topology));
        Timeline tl = new Timeline();
        SimulatedLab lab = SimulatedLab.steadyState(t, SEED, tl);
        List<String> hosts = t.nodeNames();
        Set<String> atStart = new TreeSet<>();
        for (String h : hosts) if (lab.hasVip(h)) atStart.add(h);
        for (Step s : steps) {
            lab.runUntil(us(s.atSec));
            lab.apply(new Action(s.verb, Target.parse(s.target, hosts)), Actor.LINT);
        }
        long end = us(endSec);
        lab.runUntil(end);
        TimelineAnalysis a = new TimelineAnalysis(tl.snapshot(), 0, end);
        Set<String> holders = new TreeSet<>();
        for (String h : hosts) if (lab.hasVip(h)) holders.add(h);
        long down = a.outages().stream().mapToLong(Outage::lengthUs).sum();
        long split = a.splitBrainUs();
        List<Failover> fo = a.failovers();
        LintText what;
        if (atStart.isEmpty()) {
            what = LintText.of("lint.proof.noVipAtStart");
        } else if (fo.isEmpty()) {
            what = holders.equals(atStart) ? LintText.of("lint.proof.stays", names(holders)) : LintText.of("lint.proof.endsOn", names(holders));
        } else {
            Failover f = fo.get(0);
            LintText after = f.causeUs() >= 0 ? LintText.of("lint.proof.afterFault", sec(f.endUs() - f.causeUs())) : LintText.literal("");
            LintText more = LintText.literal("");
            if (fo.size() > 1) {
                Failover g = fo.get(fo.size() - 1);
                more = fo.size() == 2 ? LintText.of("lint.proof.back", g.to(), sec(g.endUs()))
                        : LintText.of("lint.proof.movesMore", fo.size() - 1, g.to(), sec(g.endUs()));
            }
            what = LintText.of("lint.proof.moves", f.from(), f.to(), after, more);
        }
        LintText splitText = split > 0 ? LintText.of("lint.proof.splitBrain", sec(split)) : LintText.literal("");
        LintText text = LintText.of("lint.proof", label, what, sec(down), sec(end), splitText);
        return new Outcome(text, holders, fo, down, split, lab);
    }

    /** No fault for {@code sec} seconds: how many client queries each backend answered (haproxy's view of the pair). */
    public static java.util.Map<String, Long> backendsAnswering(Topology topology, double sec) {
        Timeline tl = new Timeline();
        SimulatedLab lab = SimulatedLab.steadyState(TopologyJson.copy(topology), SEED, tl);
        lab.runUntil(us(sec));
        java.util.Map<String, Long> m = new java.util.TreeMap<>();
        for (org.viplab.core.timeline.LabEvent e : tl.snapshot()) {
            if (e instanceof org.viplab.core.timeline.LabEvent.ClientProbe p && p.ok() && p.timeUs() >= 0 && p.backend() != null) {
                m.merge(p.backend(), 1L, Long::sum);
            }
        }
        return m;
    }

    /** Which process the script of a node watches, as a drill target: mysqld or haproxy. */
    static ProcessKind watched(org.viplab.core.model.CheckScriptSpec s, Topology t, org.viplab.core.model.NodeSpec n) {
        switch (s.test) {
            case PROCESS_EXISTS -> {
                return "haproxy".equals(s.processName) ? ProcessKind.HAPROXY : ProcessKind.MYSQLD;
            }
            case TCP_CONNECT -> {
                return n.haproxy != null && s.port == n.haproxy.bindPort ? ProcessKind.HAPROXY : ProcessKind.MYSQLD;
            }
            default -> {
                return ProcessKind.MYSQLD;
            }
        }
    }

    static LintText names(Set<String> hosts) {
        if (hosts.isEmpty()) return LintText.of("lint.proof.noHost");
        return LintText.names(hosts);
    }

    static long us(double sec) { return Math.round(sec * 1_000_000); }

    static String sec(long us) {
        double s = us / 1e6;
        if (s == Math.rint(s)) return String.format(Locale.ROOT, "%.0f s", s);
        return String.format(Locale.ROOT, s < 10 ? "%.2f s" : "%.1f s", s);
    }
}
