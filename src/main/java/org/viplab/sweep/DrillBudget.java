package org.viplab.sweep;

import org.viplab.core.model.FailoverBudget;
import org.viplab.core.model.ProcessKind;
import org.viplab.drill.Drill;
import org.viplab.drill.Step;
import org.viplab.lab.Target;
import org.viplab.lab.Verb;

/** The failover budget of a drill: of its first action, when that is a fault on the VIP holder the budget knows. */
public final class DrillBudget {
    private DrillBudget() { }

    /** The budget, or null when the drill's first action is not such a fault (a cut between the nodes, a start). */
    public static FailoverBudget.Budget of(Drill drill) {
        Step.ActionStep first = null;
        for (Step s : drill.steps()) {
            if (s instanceof Step.ActionStep a && (first == null || a.anchorUs() < first.anchorUs())) first = a;
        }
        if (first == null) return null;
        String master = FailoverBudget.master(drill.topology()).name;
        Verb verb = first.action().verb();
        Target target = first.action().target();
        if (target instanceof Target.HostLink l && verb == Verb.CUT && l.host().equals(master)) {
            return FailoverBudget.of(drill.topology(), FailoverBudget.Fault.SILENT_KEEPALIVED, "keepalived");
        }
        if (!(target instanceof Target.Process p) || !p.host().equals(master)) return null;
        if (p.process() == ProcessKind.KEEPALIVED) {
            return switch (verb) {
                case STOP, RESTART -> FailoverBudget.of(drill.topology(), FailoverBudget.Fault.STOP_KEEPALIVED, "keepalived");
                case KILL, HANG -> FailoverBudget.of(drill.topology(), FailoverBudget.Fault.SILENT_KEEPALIVED, "keepalived");
                default -> null;
            };
        }
        String process = p.process() == ProcessKind.HAPROXY ? "haproxy" : "mysqld";
        return switch (verb) {
            case STOP -> FailoverBudget.of(drill.topology(), FailoverBudget.Fault.STOP_PROCESS, process);
            case KILL -> FailoverBudget.of(drill.topology(), FailoverBudget.Fault.KILL_PROCESS, process);
            default -> null;
        };
    }
}
