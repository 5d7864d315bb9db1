package org.viplab.config.lint;

import org.viplab.config.KeepalivedConf;
import org.viplab.config.NodeConfig;
import org.viplab.config.SourcePos;
import org.viplab.lab.Verb;
import org.viplab.core.model.CheckScriptSpec;
import org.viplab.core.model.NodeSpec;
import org.viplab.core.model.ProcessKind;
import org.viplab.core.model.Topology;

import java.util.ArrayList;
import java.util.List;

/** Priorities, weights and preemption: will a failing check move the VIP at all? */
final class PriorityRules {
    private PriorityRules() { }

    static void check(LintContext c) {
        for (NodeConfig a : c.nodes()) {
            KeepalivedConf.VrrpInstance va = a.instance();
            if (va == null) continue;
            stateMasterClears(c, a, va);
            List<Backup> backups = backupsOf(c, a, va);
            if (!backups.isEmpty()) weights(c, a, va, backups);
        }
    }

    /** Another node that could take the VIP over: its instance, its priority while its own checks pass, nopreempt. */
    private record Backup(NodeConfig node, KeepalivedConf.VrrpInstance vi, NodeSpec spec, int priority, int bonus) {
        int healthy() { return clamp(priority + bonus); }

        boolean preempts() { return !spec.keepalived.effectiveNopreempt(); }
    }

    /**
     * Every other node, when {@code a} is the node expected to hold the VIP (a priority above each other node's, or
     * equal to it with state MASTER); none otherwise. Only the holder's weights decide whether a failing check
     * moves the VIP, and with three or more nodes it is compared with each of the others, not with the first.
     */
    private static List<Backup> backupsOf(LintContext c, NodeConfig a, KeepalivedConf.VrrpInstance va) {
        int pa = va.priorityOrDefault();
        List<Backup> l = new ArrayList<>();
        for (NodeConfig b : c.nodes()) {
            KeepalivedConf.VrrpInstance vb = b.instance();
            if (b == a || vb == null) continue;
            int pb = vb.priorityOrDefault();
            if (pa < pb || (pa == pb && !va.stateMaster())) return List.of();
            NodeSpec nb = c.spec(b);
            if (nb == null) continue;
            int bonus = 0;
            for (CheckScriptSpec s : nb.keepalived.scripts) if (s.weight > 0) bonus += s.weight;
            l.add(new Backup(b, vb, nb, pb, bonus));
        }
        return l;
    }

    /** The backup with the highest priority while healthy, the earliest node on a tie. */
    private static Backup strongest(List<Backup> backups) {
        Backup best = null;
        for (Backup b : backups) if (best == null || b.healthy() > best.healthy()) best = b;
        return best;
    }

    /** keepalived clears nopreempt and preempt_delay for state MASTER (vrrp.c, with a warning in its log). */
    private static void stateMasterClears(LintContext c, NodeConfig nc, KeepalivedConf.VrrpInstance vi) {
        if (!vi.stateMaster()) return;
        String n = nc.name;
        if (vi.hasNopreempt()) {
            c.add("nopreempt-with-state-master", Severity.WARNING, nc, vi.nopreempt.pos(),
                    LintText.of("lint.nopreempt-with-state-master.message"),
                    LintText.of("lint.nopreempt-with-state-master.why", n),
                    LintText.of("lint.nopreempt-with-state-master.fix"),
                    () -> failback(c, n));
        }
        if (vi.preemptDelay != null && vi.preemptDelay.value() > 0) {
            c.add("preempt-delay-with-state-master", Severity.WARNING, nc, vi.preemptDelay.pos(),
                    LintText.of("lint.preempt-delay-with-state-master.message"),
                    LintText.of("lint.preempt-delay-with-state-master.why"),
                    LintText.of("lint.preempt-delay-with-state-master.fix"),
                    () -> failback(c, n));
        }
    }

    private static LintText failback(LintContext c, String n) {
        return Prover.run(c.topology, null, List.of(Prover.step(5, Verb.STOP, n + "/keepalived"), Prover.step(15, Verb.START, n + "/keepalived")),
                30, LintText.of("lint.fault.stopStartKeepalived", n)).text();
    }

    private static void weights(LintContext c, NodeConfig a, KeepalivedConf.VrrpInstance va, List<Backup> backups) {
        NodeSpec na = c.spec(a);
        if (na == null) return;
        int pa = va.priorityOrDefault();
        List<Backup> preempting = backups.stream().filter(Backup::preempts).toList();
        for (CheckScriptSpec s : na.keepalived.scripts) {
            if (s.weight == 0) continue;
            SourcePos wpos = weightPos(a, va, s.name);
            ProcessKind watched = Prover.watched(s, c.topology, na);
            LintText fault = LintText.of("lint.fault.stopWithExit1", watched.id(), a.name, s.name);
            if (pa == 255) {
                c.add("weight-never-matters", Severity.WARNING, a, va.priority.pos(),
                        LintText.of("lint.weight-never-matters.owner.message", a.name, s.weight, s.name),
                        LintText.of("lint.weight-never-matters.owner.why"),
                        LintText.of("lint.weight-never-matters.owner.fix"),
                        () -> weightProof(c, a.name, s.name, watched, fault));
                continue;
            }
            if (preempting.isEmpty()) {
                // one finding for the one fact (no other node ever preempts), at the nopreempt of the node that would
                // take over without it, naming every node that has it
                Backup next = strongest(backups);
                LintText who = LintText.names(backups.stream().map(b -> b.node.name).toList());
                c.add("weight-never-matters", Severity.WARNING, next.node, next.vi.nopreempt != null ? next.vi.nopreempt.pos() : next.vi.pos,
                        LintText.of("lint.weight-never-matters.nopreempt.message", who, s.weight, s.name, a.name),
                        LintText.of("lint.weight-never-matters.nopreempt.why", a.name),
                        LintText.of("lint.weight-never-matters.nopreempt.fix", a.name),
                        () -> weightProof(c, a.name, s.name, watched, fault));
                continue;
            }
            // a backup with nopreempt never displaces a live master; the VIP moves if any preempting one outranks a
            int paFail = clamp(pa + Math.min(0, s.weight));
            boolean moves = preempting.stream().anyMatch(b -> paFail < b.healthy() || (paFail == b.healthy() && ipGreater(b.spec.ip, na.ip)));
            if (!moves) {
                Backup b = strongest(preempting);
                int pbOk = b.healthy();
                int need = pa - pbOk + 1;
                c.add("weight-too-small", Severity.ERROR, a, wpos,
                        LintText.of("lint.weight-too-small.message", s.weight,
                                s.weight < 0 ? LintText.of("lint.weight-too-small.minus", pa, Math.abs(s.weight), paFail)
                                        : LintText.of("lint.weight-too-small.falls", a.name, pa + s.weight, paFail),
                                pbOk, b.bonus > 0 ? LintText.of("lint.weight-too-small.backupBonus", b.node.name, b.priority, b.bonus) : b.node.name),
                        LintText.of("lint.weight-too-small.why", s.name, a.name, paFail, b.node.name, pbOk),
                        s.weight < 0 ? LintText.of("lint.weight-too-small.fix.negative", need)
                                : LintText.of("lint.weight-too-small.fix.positive", pa - b.priority),
                        () -> weightProof(c, a.name, s.name, watched, fault));
            }
        }
    }

    private static LintText weightProof(LintContext c, String node, String script, ProcessKind watched, LintText label) {
        return Prover.run(c.topology, t -> followTest(t, node, script), List.of(Prover.step(5, Verb.STOP, node + "/" + watched.id())),
                30, label).text();
    }

    /** The weight arithmetic only shows with a script whose exit status follows its test. */
    static Topology followTest(Topology t, String node, String script) {
        for (CheckScriptSpec s : t.node(node).keepalived.scripts) {
            if (s.name.equals(script)) {
                s.exitNonZeroOnFailure = true;
                s.stopsKeepalivedOnFailure = false;
            }
        }
        return t;
    }

    static SourcePos weightPos(NodeConfig nc, KeepalivedConf.VrrpInstance vi, String script) {
        for (KeepalivedConf.TrackRef r : vi.trackScripts) if (r.name().equals(script) && r.weight() != null) return r.pos();
        KeepalivedConf.VrrpScript vs = nc.keepalived.scripts.get(script);
        if (vs != null) return vs.weight != null ? vs.weight.pos() : vs.pos;
        KeepalivedConf.TrackProcess tp = nc.keepalived.trackProcesses.get(script);
        if (tp != null) return tp.weight != null ? tp.weight.pos() : tp.pos;
        return vi.pos;
    }

    private static int clamp(int p) { return Math.max(1, Math.min(254, p)); }

    /** RFC 3768: on equal priority the higher primary address wins. */
    private static boolean ipGreater(String x, String y) {
        try {
            String[] a = x.split("\\.");
            String[] b = y.split("\\.");
            for (int i = 0; i < 4; i++) {
                int d = Integer.compare(Integer.parseInt(a[i]), Integer.parseInt(b[i]));
                if (d != 0) return d > 0;
            }
        } catch (RuntimeException e) {
            return false;
        }
        return false;
    }
}
