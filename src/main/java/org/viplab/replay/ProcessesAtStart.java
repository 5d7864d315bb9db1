package org.viplab.replay;

import org.viplab.core.model.ProcessKind;
import org.viplab.core.model.ProcessState;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Reason;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Each host's processes at t = 0, as far as the evidence goes. The views draw a process nobody told them about as
 * stopped (an engine always tells), so an incident must say it: a process whose first line is a start was stopped
 * before it; one whose first line is a stop (or a crash) ran; one that wrote or sent something and never changed
 * ran throughout; of any other the logs say nothing, and it is {@link ProcessState#UNKNOWN} until its first line.
 */
final class ProcessesAtStart {
    private ProcessesAtStart() { }

    /**
     * @param sorted every event on the merged clock, in time order
     * @param wrote  host → the processes that wrote a line of its logs (a replica's notes say mysqld ran, though they are no event)
     * @param start  t = 0 on that clock
     */
    static List<LabEvent> of(List<LabEvent> sorted, Map<String, Set<ProcessKind>> wrote, List<String> hosts, long start) {
        List<LabEvent> out = new ArrayList<>();
        for (String h : hosts) {
            for (ProcessKind k : ProcessKind.values()) {
                ProcessState s = implied(sorted, h, k, wrote.getOrDefault(h, Set.of()).contains(k));
                Reason why = Reason.of(s == ProcessState.UNKNOWN ? Reason.Code.AT_ZERO : Reason.Code.IMPLIED_AT_ZERO);
                out.add(new LabEvent.ProcessChanged(start, h, k, s, s, why));
            }
        }
        return out;
    }

    private static ProcessState implied(List<LabEvent> sorted, String host, ProcessKind kind, boolean wrote) {
        for (LabEvent e : sorted) {
            if (e instanceof LabEvent.ProcessChanged p && p.host().equals(host) && p.process() == kind) {
                // a start says it was not running; anything else leaves the state the parser had it in
                return p.to() == ProcessState.STARTING ? ProcessState.STOPPED : p.from();
            }
        }
        if (wrote) return ProcessState.RUNNING;
        for (LabEvent e : sorted) if (e.host().equals(host) && speaks(e, kind)) return ProcessState.RUNNING;
        return ProcessState.UNKNOWN;
    }

    /** True when {@code e} is the process's own doing: only a running process writes its log or sends adverts. */
    private static boolean speaks(LabEvent e, ProcessKind kind) {
        return switch (kind) {
            case KEEPALIVED -> e instanceof LabEvent.LogLine l && l.source().equals("keepalived")
                    || e instanceof LabEvent.AdvertSent a && a.priority() > 0 || e instanceof LabEvent.VrrpStateChanged;
            case HAPROXY -> e instanceof LabEvent.LogLine l && l.source().equals("haproxy") || e instanceof LabEvent.ServerCheck;
            case MYSQLD -> e instanceof LabEvent.LogLine l && l.source().equals("mysqld");
        };
    }
}
