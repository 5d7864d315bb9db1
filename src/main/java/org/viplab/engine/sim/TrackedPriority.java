package org.viplab.engine.sim;

import org.viplab.core.model.CheckScriptSpec;
import org.viplab.core.model.KeepalivedSpec;
import org.viplab.core.timeline.Reason.Code;
import org.viplab.core.timeline.Reason;

import java.util.Map;

/**
 * keepalived's priority arithmetic for one VRRP instance: the configured priority plus the weights of its tracked
 * scripts and interface, and the tracked items that put it in FAULT instead. Kept apart from the state machine so
 * that the rules (see docs/calibration.md) read in one place. The scripts are keepalived's (one run per
 * vrrp_script, whatever the number of instances tracking it); the weights are the instance's own.
 */
final class TrackedPriority {
    private TrackedPriority() { }

    /**
     * Effective priority: 255 (address owner) never changes; otherwise a positive weight adds while its script
     * succeeds (its interface is up), a negative one subtracts while it fails (is down); clamped to 1…254.
     */
    static int effective(KeepalivedSpec spec, Map<String, TrackScript> scripts, boolean linkUp) {
        if (spec.priority == 255) return 255;
        int p = spec.priority;
        for (CheckScriptSpec c : spec.scripts) {
            TrackScript s = scripts.get(c.name);
            if (s == null) continue;
            int w = c.weight;
            if (w > 0 && !s.failed()) p += w;
            if (w < 0 && s.failed()) p += w;
        }
        Integer iw = spec.trackInterfaceWeight;
        if (spec.trackInterface && iw != null) {
            if (iw > 0 && linkUp) p += iw;
            if (iw < 0 && !linkUp) p += iw;
        }
        return Math.max(1, Math.min(254, p));
    }

    /** Why the instance must be in FAULT (a tracked link down without a weight, a failed weight-0 script), or null. */
    static Reason faultCondition(KeepalivedSpec spec, Map<String, TrackScript> scripts, boolean linkUp) {
        if (spec.trackInterface && spec.trackInterfaceWeight == null && !linkUp) return Reason.of(Code.LINK_DOWN, spec.iface);
        for (CheckScriptSpec c : spec.scripts) {
            TrackScript s = scripts.get(c.name);
            if (s != null && c.weight == 0 && s.failed()) return Reason.of(Code.TRACK_SCRIPT_FAILED, c.name);
        }
        return null;
    }

    /** Equal priorities: the advert from the higher primary IP address wins (RFC 3768 6.4.3). */
    static boolean higherAddress(String ip, String than) { return ipValue(ip) > ipValue(than); }

    private static long ipValue(String ip) {
        long v = 0;
        for (String part : ip.split("\\.")) v = v * 256 + Integer.parseInt(part);
        return v;
    }
}
