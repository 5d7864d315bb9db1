package org.viplab.core.model;

import org.viplab.core.util.BundleText;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The analytic budget of a failover: for a fault on the VIP holder, each term between the fault and the clients
 * being served again, with its range, the setting behind it and where the rule comes from. The rules are those
 * the simulator implements (engine/sim: TrackScript, Keepalived, Client, ClientArp) with the constants of
 * docs/calibration.md; {@code FailoverBudgetTest} runs sweeps and checks every measured run falls inside.
 */
public final class FailoverBudget {
    /** keepalived's {@code ps}-style check script takes this long to run (engine/sim/TrackScript.QUICK_RUN_US). */
    public static final long SCRIPT_RUN_US = 10_000;
    /** A MySQL query check refused at once (engine/sim/TrackScript, CONNECTION_REFUSED). */
    public static final long QUERY_REFUSED_US = 15_000;
    /** {@code service keepalived stop} from the command to the SIGTERM (engine/sim/Keepalived.SERVICE_COMMAND_US). */
    public static final long SERVICE_COMMAND_US = 10_000;

    /** What happens to the VIP holder. */
    public enum Fault {
        /** {@code service mysql stop}, haproxy stopped: the process ends after its shutdown. */
        STOP_PROCESS,
        /** SIGKILL of a process: gone at once (a supervisor may start it again). */
        KILL_PROCESS,
        /** keepalived stopped with SIGTERM: priority 0 sent, VIP released. */
        STOP_KEEPALIVED,
        /** keepalived killed, frozen, or the master's link down: nothing is sent, the backup waits. */
        SILENT_KEEPALIVED
    }

    /**
     * One term: {@code id} names it (a {@code budget.term.*} key of the budget bundle), its range in microseconds,
     * the setting it comes from as a drill "set" path with its value, and the rule's source.
     */
    public record Term(String id, long minUs, long maxUs, String setting, String source) {
        public String label(Locale l) { return new Text("budget.term." + id).render(l); }
    }

    /**
     * The budget of {@code fault} on {@code master} ({@code process} for the process faults), or, when this
     * fault moves no VIP with these settings, {@code noFailover} saying why (and no terms).
     */
    public record Budget(String master, String backup, Fault fault, String process, List<Term> terms, BundleText noFailover) {
        public long minUs() { return terms.stream().mapToLong(Term::minUs).sum(); }

        public long maxUs() { return terms.stream().mapToLong(Term::maxUs).sum(); }

        /** The terms up to the new holder's takeover (without the client's), i.e. the failover time's range. */
        public long failoverMaxUs() { return terms.stream().filter(t -> !t.id().equals("client")).mapToLong(Term::maxUs).sum(); }

        public long failoverMinUs() { return terms.stream().filter(t -> !t.id().equals("client")).mapToLong(Term::minUs).sum(); }

        public boolean failsOver() { return noFailover == null; }

        /** "wait for the next check 0–3 s + priority-0 advert, backup waits Skew 0.648 s + …" in any language. */
        public BundleText breakdown() { return new Breakdown(terms); }
    }

    /** The terms joined with their ranges in seconds, rendered in the reader's language. */
    private static final class Breakdown extends BundleText {
        private final List<Term> terms;

        Breakdown(List<Term> terms) {
            super("org.viplab.i18n.budget", "budget.breakdown", new Object[0]);
            this.terms = terms;
        }

        @Override
        public String render(Locale locale) {
            StringBuilder b = new StringBuilder();
            for (Term t : terms) {
                if (t.maxUs() == 0) continue;
                if (b.length() > 0) b.append(" + ");
                b.append(t.label(locale)).append(' ')
                        .append(t.minUs() == t.maxUs() ? seconds(t.maxUs()) : seconds(t.minUs()) + "–" + seconds(t.maxUs())).append(" s");
            }
            return b.toString();
        }
    }

    /** Seconds with up to three decimals: "3", "0.648". */
    public static String seconds(long us) {
        String s = String.format(Locale.ROOT, "%.3f", us / 1e6);
        return s.replaceFirst("\\.?0+$", "");
    }

    /** Texts of the budget bundle (org/viplab/i18n/budget*.properties). */
    public static final class Text extends BundleText {
        Text(String key, Object... args) { super("org.viplab.i18n.budget", key, args); }
    }

    private FailoverBudget() { }

    /** The node that holds the VIP in steady state: the highest priority with its passing scripts' weights. */
    public static NodeSpec master(Topology t) {
        NodeSpec best = null;
        for (NodeSpec n : t.nodes) {
            if (best == null || steadyPriority(n) > steadyPriority(best)) best = n;
        }
        return best;
    }

    static int steadyPriority(NodeSpec n) {
        KeepalivedSpec k = n.keepalived;
        if (k.priority == 255) return 255;
        int p = k.priority;
        for (CheckScriptSpec s : k.scripts) if (s.weight > 0 && !s.initFail) p += s.weight;
        return Math.max(1, Math.min(254, p));
    }

    /** Skew_Time as keepalived computes it (RFC 3768 §6.1 for v2, RFC 5798 §6.1 for v3), in microseconds. */
    public static long skewUs(KeepalivedSpec k, int priority) {
        if (k.vrrpVersion == 3) return (256L - priority) * k.advertIntUs() / 256;
        return (256L - priority) * 1_000_000L / 256;
    }

    public static Budget of(Topology t, Fault fault, String process) {
        NodeSpec m = master(t);
        NodeSpec b = null;
        for (NodeSpec n : t.nodes) if (n != m) b = n;
        List<Term> terms = new ArrayList<>();
        String mk = m.name + ".keepalived.";
        String bk = b.name + ".keepalived.";
        int backupPriority = steadyPriority(b);
        long skew = skewUs(b.keepalived, backupPriority);
        String skewSetting = bk + "priority = " + b.keepalived.priority;
        switch (fault) {
            case STOP_KEEPALIVED -> {
                terms.add(new Term("priority0", skew, skew, skewSetting, "RFC 3768 §6.4.2; keepalived vrrp.c: a backup that hears priority 0 waits Skew_Time; engine/sim/Keepalived"));
            }
            case SILENT_KEEPALIVED -> {
                long adv = b.keepalived.advertIntUs();
                int n = b.keepalived.downTimerAdverts;
                terms.add(new Term("masterDown", (n - 1) * adv + skew, n * adv + skew,
                        bk + "advertIntSec = " + num(b.keepalived.advertIntSec) + ", " + bk + "downTimerAdverts = " + n + ", " + skewSetting,
                        "RFC 3768 §6.4.2 Master_Down_Interval = 3 × Advertisement_Interval + Skew_Time, from the last advert heard (0 … advert_int before the fault)"));
            }
            case STOP_PROCESS, KILL_PROCESS -> {
                BundleText none = processPath(t, m, b, fault, process, terms, skew, skewSetting);
                if (none != null) return new Budget(m.name, b.name, fault, process, List.of(), none);
            }
            default -> throw new IllegalArgumentException(fault.toString());
        }
        terms.add(new Term("garp", 0, 0, bk + "garpMasterRepeat = " + b.keepalived.garpMasterRepeat,
                "Linux arp_process (arp_accept 0): the new holder's gratuitous ARP moves the client's existing entry to its MAC at once; docs/calibration.md, engine/sim/ClientArp"));
        terms.add(new Term("client", 0, t.probeIntervalMs * 1000, "probeIntervalMs = " + t.probeIntervalMs + ", probeTimeoutMs = " + t.probeTimeoutMs,
                "the client opens a new connection every probe interval (one in the gap hangs up to its timeout, the next starts on time); engine/sim/Client"));
        return new Budget(m.name, b.name, fault, process, List.copyOf(terms), null);
    }

    /** A process fault found by the master's check scripts: which script notices it, and how keepalived lets go. */
    private static BundleText processPath(Topology t, NodeSpec m, NodeSpec b, Fault fault, String process, List<Term> terms,
                                          long skew, String skewSetting) {
        boolean isMysqld = process.equals("mysqld");
        String psName = isMysqld ? m.mysqldProcessName : process;
        if (fault == Fault.KILL_PROCESS && isMysqld && m.mysqldSupervisor.kind != SupervisorSpec.Kind.NONE) {
            return new Text("budget.none.supervisor", m.name, m.mysqldSupervisor.kind.label(), m.mysqldSupervisor.restartDelayMs);
        }
        if (fault == Fault.KILL_PROCESS && !isMysqld && m.haproxySupervisor.kind != SupervisorSpec.Kind.NONE) {
            return new Text("budget.none.supervisor", m.name, m.haproxySupervisor.kind.label(), m.haproxySupervisor.restartDelayMs);
        }
        CheckScriptSpec s = null;
        int index = -1;
        List<CheckScriptSpec> scripts = m.keepalived.scripts;
        for (int i = 0; i < scripts.size() && s == null; i++) {
            if (notices(scripts.get(i), process, psName)) {
                s = scripts.get(i);
                index = i;
            }
        }
        if (s == null) return new Text("budget.none.unchecked", m.name, process);
        String sp = m.name + ".keepalived.scripts." + index + ".";
        long interval = Math.round(s.intervalSec * 1_000_000);
        if (fault == Fault.STOP_PROCESS && isMysqld && s.test == CheckScriptSpec.Test.PROCESS_EXISTS) {
            long d = m.mysqldShutdownMs * 1000;
            terms.add(new Term("shutdown", d, d, m.name + ".mysqldShutdownMs = " + m.mysqldShutdownMs,
                    "ps -C finds mysqld until its shutdown ends: 172-448 ms measured, docs/calibration.md; engine/sim/Mysqld"));
        }
        terms.add(new Term("nextCheck", 0, interval, sp + "intervalSec = " + num(s.intervalSec),
                "keepalived.conf(5) vrrp_script interval: the fault falls anywhere between two runs; engine/sim/TrackScript"));
        long run = s.test == CheckScriptSpec.Test.MYSQL_QUERY ? QUERY_REFUSED_US : SCRIPT_RUN_US;
        terms.add(new Term("scriptRun", run, run, sp + "test = " + s.test.name().toLowerCase(Locale.ROOT),
                "the check's own run time (ps, connect); engine/sim/TrackScript"));
        if (s.stopsKeepalivedOnFailure) {
            terms.add(new Term("serviceStop", SERVICE_COMMAND_US, SERVICE_COMMAND_US, sp + "path = " + s.path,
                    "the script runs `service keepalived stop` at its first failure (fall does not apply): 9-11 ms measured, docs/calibration.md"));
            terms.add(new Term("priority0", skew, skew, skewSetting, "RFC 3768 §6.4.2; keepalived sends priority 0 on SIGTERM, the backup waits Skew_Time"));
            return null;
        }
        if (s.fall > 1) {
            terms.add(new Term("fall", (s.fall - 1) * interval, (s.fall - 1) * interval, sp + "fall = " + s.fall,
                    "keepalived.conf(5) vrrp_script fall: that many failed runs in a row before the script counts as failed"));
        }
        if (s.weight == 0) {
            terms.add(new Term("priority0", skew, skew, skewSetting, "keepalived: weight 0 puts the instance in FAULT, which sends priority 0; the backup waits Skew_Time"));
            return null;
        }
        int lowered = Math.max(1, Math.min(254, steadyPriority(m) + (s.weight < 0 ? s.weight : -s.weight)));
        if (m.keepalived.priority == 255 || lowered >= steadyPriority(b) || b.keepalived.effectiveNopreempt()) {
            return new Text("budget.none.weight", m.name, steadyPriority(m), lowered, b.name, steadyPriority(b), s.weight);
        }
        long adv = b.keepalived.advertIntUs();
        int n = b.keepalived.downTimerAdverts;
        terms.add(new Term("masterDown", (n - 1) * adv + skew, n * adv + skew,
                m.name + ".keepalived.scripts." + index + ".weight = " + s.weight + ", " + b.name + ".keepalived.advertIntSec = " + num(b.keepalived.advertIntSec),
                "a preempting backup discards the lower-priority adverts and takes over when Master_Down_Interval runs out; engine/sim/Keepalived"));
        return null;
    }

    /** Whether a failing {@code process} makes {@code s} fail. */
    private static boolean notices(CheckScriptSpec s, String process, String psName) {
        return switch (s.test) {
            case PROCESS_EXISTS -> s.processName.equals(psName);
            case MYSQL_QUERY -> process.equals("mysqld");
            case TCP_CONNECT -> process.equals("mysqld") && s.port != 0; // a port of mysqld (or haproxy's, checked by the caller)
        };
    }

    private static String num(double d) { return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d); }
}
