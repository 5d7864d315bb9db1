package org.viplab.tune;

import org.viplab.core.model.FailoverBudget;
import org.viplab.core.model.Mode;
import org.viplab.core.model.NodeSpec;
import org.viplab.core.model.Topology;
import org.viplab.core.util.Durations;
import org.viplab.drill.Drill;
import org.viplab.drill.DrillException;
import org.viplab.drill.DrillParser;

/**
 * The two drills every candidate runs: a failover drill (the fault on the master, for the downtime target) and a
 * no-fault drill under the stress (nothing fails; any takeover by the backup is a false failover). Both are ordinary
 * drills written in the drill format, so a run can be repeated with {@code viplab drill}.
 */
public final class TuneDrills {
    /** When the fault (or the stall) happens: after the steady state, with room before it. */
    static final long FAULT_AT_US = 5_000_000;
    /** After the fault: long enough for the slowest grid value (3 s × fall 3 + Master_Down_Interval of advert_int 3). */
    static final long AFTER_FAULT_US = 30_000_000;
    /** The no-fault drill's length: the false-failover rate is per run of this length. */
    static final long NO_FAULT_US = 60_000_000;
    static final long STALL_AT_US = 10_000_000;
    static final String NO_TAKEOVER = "no-takeover";

    /** The fault of the failover drill, on the master: {@code stop/mysqld}, {@code kill/haproxy}, … */
    public record Fault(String verb, String process) {
        /** mode 1: the tutorial's own test (stop mysqld); mode 2: haproxy dies (the fault its check watches). */
        public static Fault defaultFor(Topology t) {
            return t.mode == Mode.HAPROXY_TRACKING ? new Fault("kill", "haproxy") : new Fault("stop", "mysqld");
        }

        /** Reads {@code VERB/PROCESS}; the drill parser checks both when the drill is built. */
        public static Fault parse(String text) {
            int slash = text.indexOf('/');
            if (slash <= 0 || slash == text.length() - 1) throw new IllegalArgumentException("--fault " + text + ": write ACTION/PROCESS, e.g. stop/mysqld or kill/haproxy");
            String verb = text.substring(0, slash).trim();
            String process = text.substring(slash + 1).trim();
            if (!verb.matches("stop|kill|hang|restart")) throw new IllegalArgumentException("--fault " + text + ": the action is stop, kill, hang or restart");
            if (!process.matches("mysqld|haproxy|keepalived")) throw new IllegalArgumentException("--fault " + text + ": the process is mysqld, haproxy or keepalived");
            return new Fault(verb, process);
        }

        @Override
        public String toString() { return verb + "/" + process; }
    }

    private final Drill failover;
    private final Drill noFault;
    private final int noTakeoverStep;

    private TuneDrills(Drill failover, Drill noFault) {
        this.failover = failover;
        this.noFault = noFault;
        int step = -1;
        for (var s : noFault.steps()) if (NO_TAKEOVER.equals(noFault.stepId(s))) step = s.index() - 1;
        this.noTakeoverStep = step;
    }

    public static TuneDrills of(Topology t, Fault fault, Stress stress) throws DrillException {
        NodeSpec master = FailoverBudget.master(t);
        NodeSpec backup = t.nodes.stream().filter(n -> n != master).findFirst().orElseThrow();
        String failoverText = "{\"name\": \"tune: " + fault.verb() + " " + master.name + "/" + fault.process() + ", the VIP moves\","
                + " \"duration\": \"" + Durations.format(FAULT_AT_US + AFTER_FAULT_US) + "\", \"steps\": ["
                + "{\"at\": \"" + Durations.format(FAULT_AT_US) + "\", \"action\": \"" + fault.verb() + "\", \"target\": \"" + master.name + "/" + fault.process() + "\"},"
                + "{\"id\": \"moved\", \"expect\": \"vip-on\", \"host\": \"" + backup.name + "\", \"within\": \"" + Durations.format(AFTER_FAULT_US) + "\"}]}";
        StringBuilder steps = new StringBuilder();
        steps.append("{\"id\": \"").append(NO_TAKEOVER).append("\", \"at\": \"0s\", \"expect\": \"state\", \"host\": \"").append(backup.name)
                .append("\", \"state\": \"BACKUP\", \"for\": \"").append(Durations.format(NO_FAULT_US)).append("\"}");
        if (stress.lossPercent() != null) {
            steps.append(", {\"at\": \"0s\", \"action\": \"loss\", \"target\": \"").append(master.name).append('-').append(backup.name)
                    .append("/vrrp\", \"percent\": \"").append(stress.lossPercent()).append("\"}");
        }
        if (stress.stallUs() > 0) {
            steps.append(", {\"at\": \"").append(Durations.format(STALL_AT_US)).append("\", \"action\": \"stall\", \"target\": \"")
                    .append(master.name).append("\", \"for\": \"").append(Durations.format(stress.stallUs())).append("\"}");
        }
        String noFaultText = "{\"name\": \"tune: no fault, " + stress.describe() + "\", \"duration\": \"" + Durations.format(NO_FAULT_US)
                + "\", \"steps\": [" + steps + "]}";
        return new TuneDrills(DrillParser.parseOn("tune failover drill", failoverText, t), DrillParser.parseOn("tune no-fault drill", noFaultText, t));
    }

    /** The fault on the master; the target is judged on its client downtime. */
    public Drill failover() { return failover; }

    /** The stress alone; a run where the backup leaves BACKUP is a false failover. */
    public Drill noFault() { return noFault; }

    /** Index (0-based) of the no-fault drill's "backup stays BACKUP" step in a run's step verdicts. */
    int noTakeoverStep() { return noTakeoverStep; }
}
