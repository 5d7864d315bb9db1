package org.viplab.replay;

import org.viplab.core.model.ProcessKind;
import org.viplab.core.model.ProcessState;
import org.viplab.core.model.VrrpState;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Reason;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What held at the first evidence, which logs never say outright: who had the VIP and who was BACKUP. A host
 * had the VIP when its first address event removes it, when its keepalived releases it (priority 0, "removing
 * VIPs") before any takeover, or when it was advertising in the capture well before
 * its log says anything (only a MASTER advertises). These states are written at t = 0 with reason
 * {@link Reason.Code#AT_ZERO}, and each host's first logged transition gets the right "from".
 */
final class InitialState {
    /** An advert this much before a host's first state line is from a MASTER already in place. */
    private static final long BEFORE_US = 100_000;

    private InitialState() { }

    /** @param sorted every event on the merged clock (epoch µs), in time order */
    static List<LabEvent> atStart(List<LabEvent> sorted, List<String> hosts, String vip, long start) {
        Set<String> holders = new HashSet<>();
        long firstAdvert = sorted.stream().filter(e -> e instanceof LabEvent.AdvertSent a && a.priority() > 0)
                .mapToLong(LabEvent::timeUs).findFirst().orElse(Long.MAX_VALUE);
        for (String h : hosts) {
            LabEvent firstVip = first(sorted, e -> e instanceof LabEvent.VipChanged v && v.host().equals(h));
            LabEvent firstState = first(sorted, e -> e.host().equals(h) && (e instanceof LabEvent.VipChanged || e instanceof LabEvent.VrrpStateChanged));
            LabEvent firstAdv = first(sorted, e -> e instanceof LabEvent.AdvertSent a && a.host().equals(h) && a.priority() > 0);
            // keepalived only sends priority 0 and removes VIPs as MASTER: said before any takeover, it held them
            LabEvent releases = first(sorted, e -> e instanceof LabEvent.LogLine l && l.host().equals(h) && l.source().equals("keepalived")
                    && (l.text().contains("sent 0 priority") || l.text().contains("removing VIPs")));
            LabEvent firstMaster = first(sorted, e -> e instanceof LabEvent.VrrpStateChanged v && v.host().equals(h) && v.to() == VrrpState.MASTER);
            if (firstVip instanceof LabEvent.VipChanged v && !v.added()) {
                holders.add(h);
            } else if (firstVip == null && releases != null && (firstMaster == null || firstMaster.timeUs() > releases.timeUs())) {
                holders.add(h);
            } else if (firstAdv != null && firstAdv.timeUs() < firstAdvert + 1_500_000
                    && (firstState == null || firstAdv.timeUs() < firstState.timeUs() - BEFORE_US)) {
                holders.add(h);
            }
        }
        List<LabEvent> out = new ArrayList<>();
        Reason atZero = Reason.of(Reason.Code.AT_ZERO);
        Set<String> fixed = new HashSet<>();
        for (String h : hosts) {
            boolean startsItself = first(sorted, e -> e instanceof LabEvent.ProcessChanged p && p.host().equals(h)
                    && p.process() == ProcessKind.KEEPALIVED && p.to() == ProcessState.STARTING) != null;
            LabEvent firstVrrp = first(sorted, e -> e instanceof LabEvent.VrrpStateChanged v && v.host().equals(h));
            boolean known = holders.contains(h) || firstVrrp != null && !startsItself;
            if (!known) continue;
            VrrpState s = holders.contains(h) ? VrrpState.MASTER : VrrpState.BACKUP;
            out.add(new LabEvent.VrrpStateChanged(start, h, VrrpState.INIT, s, atZero));
            if (s == VrrpState.MASTER && vip != null) out.add(new LabEvent.VipChanged(start, h, vip, true, atZero));
            fixed.add(h);
        }
        Set<String> done = new HashSet<>();
        for (LabEvent e : sorted) {
            // after keepalived's own start the parser's INIT is right: leave the host's transitions as logged
            if (e instanceof LabEvent.ProcessChanged p && p.process() == ProcessKind.KEEPALIVED && p.to() == ProcessState.STARTING) done.add(p.host());
            if (e instanceof LabEvent.VrrpStateChanged v && fixed.contains(v.host()) && done.add(v.host()) && v.from() == VrrpState.INIT) {
                VrrpState from = holders.contains(v.host()) ? VrrpState.MASTER : VrrpState.BACKUP;
                if (from == v.to()) continue; // the line only confirms the state at t = 0
                out.add(new LabEvent.VrrpStateChanged(v.timeUs(), v.host(), from, v.to(), v.reason()));
                continue;
            }
            out.add(e);
        }
        return out;
    }

    private static LabEvent first(List<LabEvent> sorted, java.util.function.Predicate<LabEvent> p) {
        for (LabEvent e : sorted) if (p.test(e)) return e;
        return null;
    }
}
