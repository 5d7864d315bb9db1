package org.viplab.report;

import org.viplab.core.timeline.LabEvent;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Decides which events a report lists: every change, none of the routine repeats. An advert at the same
 * priority as the host's last, a check with the same outcome, a successful probe through a backend that already
 * answered since the last failure, an ARP entry refreshed to the same host: left out. Feed events in time order.
 */
final class EventDigest {
    private final Map<String, Object> last = new HashMap<>();
    private final java.util.Set<String> okBackends = new java.util.HashSet<>();

    boolean listed(LabEvent e) {
        if (e instanceof LabEvent.AdvertSent a) {
            return a.priority() == 0 | changed("advert/" + a.host(), a.priority()) | changed("advert/who", a.host());
        } else if (e instanceof LabEvent.ScriptResult s) {
            return changed("script/" + s.host() + "/" + s.script(), s.exitStatus() + "/" + s.failed());
        } else if (e instanceof LabEvent.ServerCheck c) {
            return changed("check/" + c.host() + "/" + c.server(), c.status() + "/" + c.up());
        } else if (e instanceof LabEvent.ArpChanged a) {
            return changed("arp/" + a.ip(), a.pointsAt());
        } else if (e instanceof LabEvent.ClientProbe p) {
            // roundrobin alternates backends every probe: list a change of outcome, and each backend's first answer in a run of OKs
            boolean outcome = changed("probe", p.ok() ? "ok" : "fail/" + p.failure());
            if (outcome) okBackends.clear();
            return p.ok() ? okBackends.add(String.valueOf(p.backend())) | outcome : outcome;
        } else if (e instanceof LabEvent.ReplicationChanged r) {
            return changed("repl/" + r.host() + "/" + r.from(), r.connected());
        }
        return true;
    }

    private boolean changed(String key, Object value) {
        Object prev = last.put(key, value);
        return !Objects.equals(prev, value);
    }
}
