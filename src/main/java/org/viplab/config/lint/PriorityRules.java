package org.viplab.config.lint;

import org.viplab.config.KeepalivedConf;
import org.viplab.config.NodeConfig;
import org.viplab.config.SourcePos;
import org.viplab.lab.Verb;
import org.viplab.core.model.CheckScriptSpec;
import org.viplab.core.model.NodeSpec;
import org.viplab.core.model.ProcessKind;
import org.viplab.core.model.Topology;

import java.util.List;

/** Priorities, weights and preemption: will a failing check move the VIP at all? */
final class PriorityRules {
    private PriorityRules() { }

    static void check(LintContext c) {
        for (NodeConfig a : c.nodes()) {
            NodeConfig b = c.other(a);
            KeepalivedConf.VrrpInstance va = a.instance();
            if (va == null) continue;
            stateMasterClears(c, a, va);
            if (b == null || b.instance() == null) continue;
            weights(c, a, va, b, b.instance());
        }
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

    private static void weights(LintContext c, NodeConfig a, KeepalivedConf.VrrpInstance va, NodeConfig b, KeepalivedConf.VrrpInstance vb) {
        NodeSpec na = c.spec(a);
        NodeSpec nb = c.spec(b);
        if (na == null || nb == null) return;
        int pa = va.priorityOrDefault();
        int pb = vb.priorityOrDefault();
        // Only the node expected to hold the VIP: the higher priority, or state MASTER on a tie.
        if (pa < pb || (pa == pb && !va.stateMaster())) return;
        int bBonus = 0;
        for (CheckScriptSpec s : nb.keepalived.scripts) if (s.weight > 0) bBonus += s.weight;
        int pbOk = clamp(pb + bBonus);
        boolean bNopreempt = nb.keepalived.effectiveNopreempt();
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
            if (bNopreempt) {
                c.add("weight-never-matters", Severity.WARNING, b, vb.nopreempt.pos(),
                        LintText.of("lint.weight-never-matters.nopreempt.message", b.name, s.weight, s.name, a.name),
                        LintText.of("lint.weight-never-matters.nopreempt.why", a.name),
                        LintText.of("lint.weight-never-matters.nopreempt.fix", a.name),
                        () -> weightProof(c, a.name, s.name, watched, fault));
                continue;
            }
            int paFail = clamp(pa + Math.min(0, s.weight));
            boolean moves = paFail < pbOk || (paFail == pbOk && ipGreater(nb.ip, na.ip));
            if (!moves) {
                int need = pa - pbOk + 1;
                c.add("weight-too-small", Severity.ERROR, a, wpos,
                        LintText.of("lint.weight-too-small.message", s.weight,
                                s.weight < 0 ? LintText.of("lint.weight-too-small.minus", pa, Math.abs(s.weight), paFail)
                                        : LintText.of("lint.weight-too-small.falls", a.name, pa + s.weight, paFail),
                                pbOk, bBonus > 0 ? LintText.of("lint.weight-too-small.backupBonus", b.name, pb, bBonus) : b.name),
                        LintText.of("lint.weight-too-small.why", s.name, a.name, paFail, b.name, pbOk),
                        s.weight < 0 ? LintText.of("lint.weight-too-small.fix.negative", need)
                                : LintText.of("lint.weight-too-small.fix.positive", pa - pb),
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
