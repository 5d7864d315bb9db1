package org.viplab.config.lint;

import org.viplab.config.KeepalivedConf;
import org.viplab.config.NodeConfig;
import org.viplab.config.ScriptAnalysis;
import org.viplab.config.SourcePos;
import org.viplab.lab.Verb;
import org.viplab.model.CheckScriptSpec;
import org.viplab.model.NodeSpec;
import org.viplab.model.ProcessKind;
import org.viplab.model.Topology;

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
                        "enable_script_security is not set: the check scripts run as root",
                        "keepalived logs \"SECURITY VIOLATION - scripts are being executed but script_security not enabled\" and runs "
                                + "every script as root (as the keepalived_script user if that user exists), including scripts that other "
                                + "users could modify",
                        "add enable_script_security and script_user keepalived_script to global_defs; keep the scripts owned by root", null);
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
                processCheck(c, nc, ns, spec, tp.process.pos(), "vrrp_track_process " + tp.name + " (process " + tp.process.value() + ")");
            }
        }
    }

    private static void script(LintContext c, NodeConfig nc, NodeSpec ns, KeepalivedConf.VrrpScript vs, CheckScriptSpec spec, ScriptAnalysis a) {
        String n = nc.name;
        ProcessKind watched = Prover.watched(spec, c.topology, ns);
        if (a == null || !a.recognised()) {
            c.add("script-unrecognised", Severity.INFO, nc, vs.script != null ? vs.script.pos() : vs.pos,
                    "cannot tell what " + vs.name + " tests" + (nc.scriptFiles.containsKey(vs.name) ? "" : " (script file not found in " + nc.dir + ")"),
                    "VIP Lab simulates it as " + spec.test + (spec.test == CheckScriptSpec.Test.PROCESS_EXISTS ? " " + spec.processName : "")
                            + "; the lint rules about its behaviour may not apply",
                    "put the script file in the node directory (looked up by file name), or use a recognised shape: ps -C, pidof, "
                            + "killall -0, systemctl is-active, mysqladmin ping, mysql -e, curl or nc -z", null);
        }
        if (a != null && a.stopsKeepalived) {
            KeepalivedConf.GlobalDefs g = nc.keepalived.global;
            boolean security = g.enableScriptSecurity != null;
            String user = vs.user != null ? vs.user.value() : g.scriptUser != null ? g.scriptUser.value() : null;
            String rootNote = security && !"root".equals(user)
                    ? " Here it fails outright: enable_script_security runs the script as " + (user == null ? "keepalived_script" : user)
                    + ", which may not stop keepalived" + (a.usesSudo ? " without a sudoers rule" : "") + "."
                    : a.usesSudo ? " It uses sudo, which needs a sudoers rule (and no tty) for the script user." : "";
            c.add("script-stops-keepalived", Severity.ERROR, nc, LintContext.inScript(nc, vs.name, a.stopLine, vs),
                    vs.name + " runs `" + a.stopCommand + "` when its check fails",
                    "the VIP moves (a priority-0 advert), but nothing starts keepalived again: " + n + " stays out of the pair after "
                            + "the service recovers, and a manual restart preempts the VIP back at once. Stopping keepalived needs root;"
                            + " the backup runs the same script and removes its own standby when its service is down." + rootNote,
                    "let the script only report (exit 1 on failure) and use weight 0 with fall/rise: keepalived then enters FAULT and "
                            + "recovers by itself",
                    () -> stopProof(c, n, watched));
        }
        if (a != null && a.alwaysExitsZero) {
            c.add("script-always-exits-zero", Severity.WARNING, nc, LintContext.inScript(nc, vs.name, lastLineOf(a), vs),
                    vs.name + " always exits 0, so keepalived never sees it fail"
                            + (spec.weight != 0 ? " and its weight " + spec.weight + " never applies" : " and never enters FAULT"),
                    "an `if ...; then ...; fi` without `else` exits 0 when its condition is false and with the status of the last "
                            + "command run (here " + (a.stopsKeepalived ? a.stopCommand + ", also 0" : "the then-branch") + ") when it is true",
                    "end the failure branch with `exit 1`, or make the test itself the script's last command",
                    a.stopsKeepalived ? null : () -> Prover.run(c.topology, null, List.of(Prover.step(5, Verb.STOP, n + "/" + watched.id())), 30,
                            "stop " + watched.id() + " on " + n + " at 5 s").sentence());
        }
        if (a != null && a.invertedExit) {
            c.add("script-inverted-exit", Severity.WARNING, nc, LintContext.inScript(nc, vs.name, 0, vs),
                    vs.name + " ends with `[ ... ] && ...`: it exits 1 while the service is healthy",
                    "keepalived counts every healthy run as a failure: the weight " + spec.weight + " applies all the time"
                            + (spec.weight == 0 ? " (weight 0: the instance stays in FAULT)" : ""),
                    "use `if [ ... ]; then ...; exit 1; fi` so the exit status is 0 while healthy", null);
        }
        if (spec.test == CheckScriptSpec.Test.PROCESS_EXISTS && a != null && a.recognised()) {
            processName(c, nc, spec.processName, LintContext.inScript(nc, vs.name, a.testLine, vs));
            processCheck(c, nc, ns, spec, LintContext.inScript(nc, vs.name, a.testLine, vs), vs.name + " (" + a.testCommand + ")");
        }
        if (spec.fall == 1 || spec.rise == 1) {
            SourcePos p = vs.fall != null && spec.fall == 1 ? vs.fall.pos() : vs.rise != null && spec.rise == 1 ? vs.rise.pos() : vs.pos;
            boolean harsh = (a != null && a.stopsKeepalived) || spec.weight == 0;
            c.add("fall-rise-one", Severity.WARNING, nc, p,
                    vs.name + " has fall " + spec.fall + " and rise " + spec.rise + (vs.fall == null && vs.rise == null ? " (keepalived's defaults)" : ""),
                    "a single failed run (a restart, a slow moment) counts as a failure" + (harsh
                            ? (a != null && a.stopsKeepalived ? " and stops keepalived for good" : " and puts the node in FAULT") : "")
                            + "; with rise 1 a flapping service flips the state at every run",
                    "set fall 2–3 and rise 2 so that one bad run does not move the VIP",
                    () -> Prover.run(c.topology, null, List.of(Prover.step(5, Verb.RESTART, n + "/" + watched.id())), 30,
                            "restart " + watched.id() + " on " + n + " at 5 s (a short flap)").sentence());
        }
        if (vs.timeout == null) {
            boolean canHang = spec.test != CheckScriptSpec.Test.PROCESS_EXISTS || a == null || !a.recognised();
            c.add("no-script-timeout", canHang ? Severity.WARNING : Severity.INFO, nc, vs.pos,
                    vs.name + " has no timeout: keepalived waits up to its interval (" + fmt(spec.intervalSec) + " s) for it",
                    canHang ? "a check that hangs (a hung mysqld, a dead network peer) blocks for the whole interval before it counts as failed"
                            : "a process check rarely hangs, but an explicit timeout bounds the detection time when it does",
                    "set timeout below the interval (e.g. interval 2, timeout 2 with a 1–2 s client timeout in the script)", null);
        }
    }

    private static int lastLineOf(ScriptAnalysis a) { return a.stopLine > 0 ? a.stopLine : a.testLine; }

    private static String stopProof(LintContext c, String n, ProcessKind watched) {
        Prover.Outcome o = Prover.run(c.topology, null,
                List.of(Prover.step(5, Verb.STOP, n + "/" + watched.id()), Prover.step(15, Verb.START, n + "/" + watched.id())), 40,
                "stop " + watched.id() + " on " + n + " at 5 s, start it again at 15 s");
        return o.sentence() + "; keepalived on " + n + " is " + o.lab().processState(n, ProcessKind.KEEPALIVED) + " at 40 s";
    }

    private static void processName(LintContext c, NodeConfig nc, String name, SourcePos pos) {
        if (!"mysqld".equals(name)) return;
        c.add("process-name-mysqld", Severity.WARNING, nc, pos,
                "the check looks for a process called mysqld",
                "MariaDB 10.5 and later runs as mariadbd, which `ps -C mysqld` and `pidof mysqld` do not match: on such a host the "
                        + "check fails while the database is fine",
                "check the database itself (mysqladmin ping), or match the real process name (mariadbd on MariaDB 10.5+)",
                () -> {
                    Prover.Outcome o = Prover.run(c.topology, t -> mariadbd(t), List.of(), 20, "the same files on MariaDB 10.5+ (process mariadbd)");
                    StringBuilder b = new StringBuilder(o.sentence());
                    for (String h : c.topology.nodeNames()) b.append("; keepalived on ").append(h).append(" ").append(o.lab().vrrpState(h));
                    return b.toString();
                });
    }

    private static Topology mariadbd(Topology t) {
        for (NodeSpec n : t.nodes) n.mysqldProcessName = "mariadbd";
        return t;
    }

    private static void processCheck(LintContext c, NodeConfig nc, NodeSpec ns, CheckScriptSpec spec, SourcePos pos, String what) {
        ProcessKind k = Prover.watched(spec, c.topology, ns);
        String n = nc.name;
        c.add("process-check-misses-hang", Severity.WARNING, nc, pos,
                what + " only checks that the process exists",
                "a hung " + k.id() + " (SIGSTOP, disk full, max connections) and one still shutting down pass the check, so the VIP stays "
                        + "on a node that does not serve",
                k == ProcessKind.MYSQLD ? "query the database with a timeout (mysqladmin ping, or mysql -e 'SELECT 1')"
                        : "connect to haproxy's port (nc -z 127.0.0.1 PORT) or query its stats socket, with a timeout",
                () -> Prover.run(c.topology, null, List.of(Prover.step(5, Verb.HANG, n + "/" + k.id())), 35,
                        "hang " + k.id() + " on " + n + " at 5 s").sentence());
    }

    private static String fmt(double d) { return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d); }
}
