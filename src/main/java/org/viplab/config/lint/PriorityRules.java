package org.viplab.config.lint;

import org.viplab.config.KeepalivedConf;
import org.viplab.config.NodeConfig;
import org.viplab.config.SourcePos;
import org.viplab.lab.Verb;
import org.viplab.model.CheckScriptSpec;
import org.viplab.model.NodeSpec;
import org.viplab.model.ProcessKind;
import org.viplab.model.Topology;

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
                    "nopreempt with state MASTER: keepalived ignores nopreempt here",
                    "keepalived clears nopreempt for an instance whose initial state is MASTER (it logs a warning), so "
                            + n + " pulls the VIP back every time it returns: a second outage per incident",
                    "set state BACKUP on both nodes and keep nopreempt",
                    () -> failback(c, n));
        }
        if (vi.preemptDelay != null && vi.preemptDelay.value() > 0) {
            c.add("preempt-delay-with-state-master", Severity.WARNING, nc, vi.preemptDelay.pos(),
                    "preempt_delay with state MASTER: keepalived ignores preempt_delay here",
                    "keepalived clears preempt_delay for state MASTER, so the returning node preempts at once",
                    "set state BACKUP so that preempt_delay applies",
                    () -> failback(c, n));
        }
    }

    private static String failback(LintContext c, String n) {
        return Prover.run(c.topology, null, List.of(Prover.step(5, Verb.STOP, n + "/keepalived"), Prover.step(15, Verb.START, n + "/keepalived")),
                30, "stop keepalived on " + n + " at 5 s, start it at 15 s").sentence();
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
            String fault = "stop " + watched.id() + " on " + a.name + " at 5 s, with " + s.name + " made to exit 1 on failure";
            if (pa == 255) {
                c.add("weight-never-matters", Severity.WARNING, a, va.priority.pos(),
                        "priority 255 on " + a.name + ": the weight " + s.weight + " of " + s.name + " is never applied",
                        "keepalived never changes the effective priority of an address owner (255), so a failing check cannot move the VIP",
                        "use a priority of 254 or less",
                        () -> weightProof(c, a.name, s.name, watched, fault));
                continue;
            }
            if (bNopreempt) {
                c.add("weight-never-matters", Severity.WARNING, b, vb.nopreempt.pos(),
                        "nopreempt on " + b.name + ": the weight " + s.weight + " of " + s.name + " on " + a.name + " can never move the VIP",
                        "with nopreempt a backup never displaces a live master, whatever the priorities; only FAULT (weight 0) or a "
                                + "stopped keepalived on " + a.name + " moves the VIP (keepalived issue #2599)",
                        "use weight 0 with fall/rise so a failing check puts " + a.name + " in FAULT",
                        () -> weightProof(c, a.name, s.name, watched, fault));
                continue;
            }
            int paFail = clamp(pa + Math.min(0, s.weight));
            boolean moves = paFail < pbOk || (paFail == pbOk && ipGreater(nb.ip, na.ip));
            if (!moves) {
                int need = pa - pbOk + 1;
                c.add("weight-too-small", Severity.ERROR, a, wpos,
                        "weight " + s.weight + " is too small to move the VIP: " + (s.weight < 0
                                ? pa + " − " + Math.abs(s.weight) + " = " + paFail
                                : a.name + " falls from " + (pa + s.weight) + " to " + paFail) + " ≥ " + pbOk + " (" + b.name
                                + (bBonus > 0 ? ", " + pb + " + " + bBonus : "") + ")",
                        "a failing " + s.name + " lowers " + a.name + " to " + paFail + ", still not below " + b.name + "'s " + pbOk
                                + ", so the VIP stays on a node whose check fails",
                        (s.weight < 0 ? "make the weight at most −" + need + " (P_master − |w| < P_backup)"
                                : "make the weights larger than the priority gap (" + (pa - pb) + ")") + ", or use weight 0 (FAULT) with fall/rise",
                        () -> weightProof(c, a.name, s.name, watched, fault));
            }
        }
    }

    private static String weightProof(LintContext c, String node, String script, ProcessKind watched, String label) {
        return Prover.run(c.topology, t -> followTest(t, node, script), List.of(Prover.step(5, Verb.STOP, node + "/" + watched.id())),
                30, label).sentence();
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
