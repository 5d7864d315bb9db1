package org.viplab.config.lint;

import org.viplab.config.KeepalivedConf;
import org.viplab.config.NodeConfig;
import org.viplab.config.ScriptAnalysis;
import org.viplab.config.SourcePos;
import org.viplab.lab.Verb;
import org.viplab.core.model.CheckScriptSpec;
import org.viplab.core.model.NodeSpec;
import org.viplab.core.model.ProcessKind;
import org.viplab.core.model.Topology;

import java.util.List;

/** What the tracked check scripts do, and how keepalived runs them. */
final class ScriptRules {
    private ScriptRules() { }

    static void check(LintContext c) {
        for (NodeConfig nc : c.nodes()) {
            KeepalivedConf.VrrpInstance vi = nc.instance();
            if (vi == null) continue;
            NodeSpec ns = c.spec(nc);
            KeepalivedConf.GlobalDefs g = nc.keepalived.global;
            if (!vi.trackScripts.isEmpty() && g.enableScriptSecurity == null) {
                c.add("no-script-security", Severity.INFO, nc, g.pos != null ? g.pos : vi.pos,
                        LintText.of("lint.no-script-security.message"),
                        LintText.of("lint.no-script-security.why"),
                        LintText.of("lint.no-script-security.fix"), null);
            }
            for (KeepalivedConf.TrackRef r : vi.trackScripts) {
                KeepalivedConf.VrrpScript vs = nc.keepalived.scripts.get(r.name());
                CheckScriptSpec spec = c.scriptSpec(nc, r.name());
                if (vs == null || spec == null) continue;
                script(c, nc, ns, vs, spec, c.analysis(nc, r.name()));
            }
            for (KeepalivedConf.TrackRef r : vi.trackProcesses) {
                KeepalivedConf.TrackProcess tp = nc.keepalived.trackProcesses.get(r.name());
                CheckScriptSpec spec = c.scriptSpec(nc, r.name());
                if (tp == null || tp.process == null || spec == null) continue;
                processName(c, nc, tp.process.value(), tp.process.pos());
                processCheck(c, nc, ns, spec, tp.process.pos(), LintText.of("lint.what.trackProcess", tp.name, tp.process.value()));
            }
        }
    }

    private static void script(LintContext c, NodeConfig nc, NodeSpec ns, KeepalivedConf.VrrpScript vs, CheckScriptSpec spec, ScriptAnalysis a) {
        String n = nc.name;
        ProcessKind watched = Prover.watched(spec, c.topology, ns);
        if (a == null || !a.recognised()) {
            c.add("script-unrecognised", Severity.INFO, nc, vs.script != null ? vs.script.pos() : vs.pos,
                    nc.scriptFiles.containsKey(vs.name) ? LintText.of("lint.script-unrecognised.message", vs.name)
                            : LintText.of("lint.script-unrecognised.message.noFile", vs.name, nc.dir),
                    LintText.of("lint.script-unrecognised.why",
                            spec.test + (spec.test == CheckScriptSpec.Test.PROCESS_EXISTS ? " " + spec.processName : "")),
                    LintText.of("lint.script-unrecognised.fix"), null);
        }
        if (a != null && a.stopsKeepalived) {
            KeepalivedConf.GlobalDefs g = nc.keepalived.global;
            boolean security = g.enableScriptSecurity != null;
            String user = vs.user != null ? vs.user.value() : g.scriptUser != null ? g.scriptUser.value() : null;
            LintText rootNote = security && !"root".equals(user)
                    ? LintText.of(a.usesSudo ? "lint.script-stops-keepalived.asUser.sudo" : "lint.script-stops-keepalived.asUser",
                            user == null ? "keepalived_script" : user)
                    : a.usesSudo ? LintText.of("lint.script-stops-keepalived.sudo") : LintText.literal("");
            c.add("script-stops-keepalived", Severity.ERROR, nc, LintContext.inScript(nc, vs.name, a.stopLine, vs),
                    LintText.of("lint.script-stops-keepalived.message", vs.name, a.stopCommand),
                    LintText.of("lint.script-stops-keepalived.why", n, rootNote),
                    LintText.of("lint.script-stops-keepalived.fix"),
                    () -> stopProof(c, n, watched));
        }
        if (a != null && a.alwaysExitsZero) {
            c.add("script-always-exits-zero", Severity.WARNING, nc, LintContext.inScript(nc, vs.name, lastLineOf(a), vs),
                    spec.weight != 0 ? LintText.of("lint.script-always-exits-zero.message.weight", vs.name, spec.weight)
                            : LintText.of("lint.script-always-exits-zero.message.fault", vs.name),
                    LintText.of("lint.script-always-exits-zero.why", a.stopsKeepalived
                            ? LintText.of("lint.script-always-exits-zero.why.stop", a.stopCommand) : LintText.of("lint.script-always-exits-zero.why.then")),
                    LintText.of("lint.script-always-exits-zero.fix"),
                    a.stopsKeepalived ? null : () -> Prover.run(c.topology, null, List.of(Prover.step(5, Verb.STOP, n + "/" + watched.id())), 30,
                            LintText.of("lint.fault.stop", watched.id(), n)).text());
        }
        if (a != null && a.invertedExit) {
            c.add("script-inverted-exit", Severity.WARNING, nc, LintContext.inScript(nc, vs.name, 0, vs),
                    LintText.of("lint.script-inverted-exit.message", vs.name),
                    LintText.of(spec.weight == 0 ? "lint.script-inverted-exit.why.fault" : "lint.script-inverted-exit.why", spec.weight),
                    LintText.of("lint.script-inverted-exit.fix"), null);
        }
        if (spec.test == CheckScriptSpec.Test.PROCESS_EXISTS && a != null && a.recognised()) {
            processName(c, nc, spec.processName, LintContext.inScript(nc, vs.name, a.testLine, vs));
            processCheck(c, nc, ns, spec, LintContext.inScript(nc, vs.name, a.testLine, vs), LintText.of("lint.what.script", vs.name, a.testCommand));
        }
        if (spec.fall == 1 || spec.rise == 1) {
            SourcePos p = vs.fall != null && spec.fall == 1 ? vs.fall.pos() : vs.rise != null && spec.rise == 1 ? vs.rise.pos() : vs.pos;
            boolean harsh = (a != null && a.stopsKeepalived) || spec.weight == 0;
            c.add("fall-rise-one", Severity.WARNING, nc, p,
                    LintText.of(vs.fall == null && vs.rise == null ? "lint.fall-rise-one.message.defaults" : "lint.fall-rise-one.message",
                            vs.name, spec.fall, spec.rise),
                    LintText.of(!harsh ? "lint.fall-rise-one.why" : a != null && a.stopsKeepalived ? "lint.fall-rise-one.why.stop"
                            : "lint.fall-rise-one.why.fault"),
                    LintText.of("lint.fall-rise-one.fix"),
                    () -> Prover.run(c.topology, null, List.of(Prover.step(5, Verb.RESTART, n + "/" + watched.id())), 30,
                            LintText.of("lint.fault.restart", watched.id(), n)).text());
        }
        if (vs.timeout == null) {
            boolean canHang = spec.test != CheckScriptSpec.Test.PROCESS_EXISTS || a == null || !a.recognised();
            c.add("no-script-timeout", canHang ? Severity.WARNING : Severity.INFO, nc, vs.pos,
                    LintText.of("lint.no-script-timeout.message", vs.name, fmt(spec.intervalSec)),
                    LintText.of(canHang ? "lint.no-script-timeout.why.canHang" : "lint.no-script-timeout.why.process"),
                    LintText.of("lint.no-script-timeout.fix"), null);
        }
    }

    private static int lastLineOf(ScriptAnalysis a) { return a.stopLine > 0 ? a.stopLine : a.testLine; }

    private static LintText stopProof(LintContext c, String n, ProcessKind watched) {
        Prover.Outcome o = Prover.run(c.topology, null,
                List.of(Prover.step(5, Verb.STOP, n + "/" + watched.id()), Prover.step(15, Verb.START, n + "/" + watched.id())), 40,
                LintText.of("lint.fault.stopStart", watched.id(), n));
        return LintText.of("lint.proof.keepalivedState", o.text(), n, o.lab().processState(n, ProcessKind.KEEPALIVED));
    }

    private static void processName(LintContext c, NodeConfig nc, String name, SourcePos pos) {
        if (!"mysqld".equals(name)) return;
        c.add("process-name-mysqld", Severity.WARNING, nc, pos,
                LintText.of("lint.process-name-mysqld.message"),
                LintText.of("lint.process-name-mysqld.why"),
                LintText.of("lint.process-name-mysqld.fix"),
                () -> {
                    Prover.Outcome o = Prover.run(c.topology, t -> mariadbd(t), List.of(), 20, LintText.of("lint.fault.mariadbd"));
                    LintText t = o.text();
                    for (String h : c.topology.nodeNames()) t = LintText.of("lint.proof.vrrpState", t, h, o.lab().vrrpState(h));
                    return t;
                });
    }

    private static Topology mariadbd(Topology t) {
        for (NodeSpec n : t.nodes) n.mysqldProcessName = "mariadbd";
        return t;
    }

    private static void processCheck(LintContext c, NodeConfig nc, NodeSpec ns, CheckScriptSpec spec, SourcePos pos, LintText what) {
        ProcessKind k = Prover.watched(spec, c.topology, ns);
        String n = nc.name;
        c.add("process-check-misses-hang", Severity.WARNING, nc, pos,
                LintText.of("lint.process-check-misses-hang.message", what),
                LintText.of("lint.process-check-misses-hang.why", k.id()),
                LintText.of(k == ProcessKind.MYSQLD ? "lint.process-check-misses-hang.fix.mysqld" : "lint.process-check-misses-hang.fix.haproxy"),
                () -> Prover.run(c.topology, null, List.of(Prover.step(5, Verb.HANG, n + "/" + k.id())), 35,
                        LintText.of("lint.fault.hang", k.id(), n)).text());
    }

    private static String fmt(double d) { return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d); }
}
