package org.viplab.report;

import org.viplab.timeline.LabEvent;
import org.viplab.util.Durations;

import java.util.Locale;

/** One line of human-readable detail per event, for the report's event list and events.csv. */
public final class EventText {
    private EventText() { }

    public static String details(LabEvent e) {
        if (e instanceof LabEvent.VipChanged v) {
            return v.vip() + (v.added() ? " added" : " removed") + reason(v.reason());
        } else if (e instanceof LabEvent.AdvertSent a) {
            return "VRRPv" + a.version() + " advert vrid " + a.vrid() + " priority " + a.priority()
                    + " interval " + dur(a.intervalUs());
        } else if (e instanceof LabEvent.VrrpStateChanged s) {
            return s.from() + " → " + s.to() + reason(s.reason());
        } else if (e instanceof LabEvent.PriorityChanged p) {
            return "priority " + p.from() + " → " + p.to() + reason(p.reason());
        } else if (e instanceof LabEvent.ProcessChanged p) {
            return p.process().id() + " " + p.from().name().toLowerCase(Locale.ROOT) + " → " + p.to().name().toLowerCase(Locale.ROOT)
                    + reason(p.reason());
        } else if (e instanceof LabEvent.ScriptResult s) {
            return s.script() + " exit " + s.exitStatus() + (s.failed() ? ", counted as failed" : "")
                    + (s.detail() == null || s.detail().isEmpty() ? "" : ": " + s.detail());
        } else if (e instanceof LabEvent.ServerCheck c) {
            return "server " + c.server() + " " + c.status() + (c.checkStatus() == null ? "" : " (" + c.checkStatus() + ")");
        } else if (e instanceof LabEvent.LinkChanged l) {
            return l.link() + (l.cut() ? " cut" : " healed");
        } else if (e instanceof LabEvent.GarpSent g) {
            return "gratuitous ARP x" + g.count() + " for " + g.vip();
        } else if (e instanceof LabEvent.ArpChanged a) {
            return a.ip() + " → " + a.pointsAt() + " (" + a.state() + ")";
        } else if (e instanceof LabEvent.ClientProbe p) {
            return p.ok() ? "OK via " + p.backend() + " in " + dur(p.latencyUs())
                    : p.failure().name().toLowerCase(Locale.ROOT) + " after " + dur(p.latencyUs());
        } else if (e instanceof LabEvent.ActionApplied a) {
            return a.action() + " " + a.target() + " (by " + a.by() + ")";
        } else if (e instanceof LabEvent.LogLine l) {
            return l.source() + ": " + l.text();
        } else if (e instanceof LabEvent.ReplicationChanged r) {
            return "from " + r.from() + (r.connected() ? " connected" : " disconnected") + ", behind " + r.behind();
        } else if (e instanceof LabEvent.HostReachability h) {
            return (h.reachable() ? "reachable" : "unreachable") + (h.detail() == null ? "" : ": " + h.detail());
        }
        return e.toString();
    }

    /** Seconds with millisecond precision, rounded half up: "5.000", "-31.204". No String.format: a 24 h CSV has a million. */
    public static String time(long us) {
        long ms = Math.floorDiv(Math.abs(us) + 500, 1000);
        StringBuilder b = new StringBuilder(12);
        if (us < 0 && ms > 0) b.append('-');
        b.append(ms / 1000).append('.');
        long frac = ms % 1000;
        if (frac < 100) b.append('0');
        if (frac < 10) b.append('0');
        return b.append(frac).toString();
    }

    /** Exactly {@link Durations#format}, without its String.format and regex (hot in a 24 h CSV). */
    static String dur(long us) {
        if (us < 0) return "-" + dur(-us);
        if (us < 1000) return us + "us";
        StringBuilder b = new StringBuilder(16);
        if (us < 1_000_000) return decimals(b, us / 1000, us % 1000, 3).append("ms").toString();
        return decimals(b, us / 1_000_000, us % 1_000_000, 6).append('s').toString();
    }

    private static StringBuilder decimals(StringBuilder b, long whole, long frac, int digits) {
        b.append(whole);
        if (frac == 0) return b;
        String f = Long.toString(frac);
        b.append('.');
        for (int i = f.length(); i < digits; i++) b.append('0');
        int end = f.length();
        while (f.charAt(end - 1) == '0') end--;
        return b.append(f, 0, end);
    }

    private static String reason(String r) { return r == null || r.isEmpty() ? "" : " (" + r + ")"; }
}
