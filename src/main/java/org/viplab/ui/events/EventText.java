package org.viplab.ui.events;

import org.viplab.core.timeline.LabEvent;
import org.viplab.ui.common.I18n;
import org.viplab.core.util.Durations;

import java.util.Locale;

/**
 * How an event reads in the event list and its CSV: the source that produced it, its kind and a detail
 * line. The detail wording is translated; names, states and log lines that come from the daemons stay
 * as the daemons write them.
 */
public final class EventText {
    private EventText() { }

    /** Lab time as seconds with millisecond precision, e.g. "12.345", "-3.000". */
    public static String time(long us) {
        return String.format(Locale.ROOT, "%.3f", us / 1e6);
    }

    /** The big clock: "+00:01:02.3" (sign, hours, minutes, seconds and tenths). */
    public static String clock(long us) {
        String sign = us < 0 ? "-" : "+";
        long a = Math.abs(us) / 100_000; // tenths
        long tenths = a % 10;
        long s = a / 10;
        return String.format(Locale.ROOT, "%s%02d:%02d:%02d.%d", sign, s / 3600, (s / 60) % 60, s % 60, tenths);
    }

    public static String source(LabEvent e) {
        if (e instanceof LabEvent.ProcessChanged p) return p.process().id();
        if (e instanceof LabEvent.LogLine l) return l.source();
        if (e instanceof LabEvent.ServerCheck) return "haproxy";
        if (e instanceof LabEvent.ActionApplied a) return a.by();
        if (e instanceof LabEvent.LinkChanged) return "network";
        if (e instanceof LabEvent.ClientProbe || e instanceof LabEvent.ArpChanged) return "client";
        if (e instanceof LabEvent.ReplicationChanged) return "mysqld";
        if (e instanceof LabEvent.HostReachability) return "ssh";
        return "keepalived";
    }

    /** The translated name of an event kind ({@link LabEvent#kind()}). */
    public static String kind(I18n i18n, String kind) {
        String key = "kind." + kind;
        return i18n.has(key) ? i18n.get(key) : kind;
    }

    public static String details(I18n t, LabEvent e) {
        if (e instanceof LabEvent.VipChanged v) return t.get(v.added() ? "ev.vip.added" : "ev.vip.removed", v.vip(), v.reason());
        if (e instanceof LabEvent.AdvertSent a) return t.get("ev.advert", a.priority(), a.vrid(), a.version(), Durations.format(a.intervalUs()));
        if (e instanceof LabEvent.VrrpStateChanged v) return t.get("ev.vrrp", v.from(), v.to(), v.reason());
        if (e instanceof LabEvent.PriorityChanged p) return t.get("ev.priority", p.from(), p.to(), p.reason());
        if (e instanceof LabEvent.ProcessChanged p) return t.get("ev.process", p.process().id(), state(t, p.from().name()), state(t, p.to().name()), p.reason());
        if (e instanceof LabEvent.ScriptResult s) return t.get(s.failed() ? "ev.script.failed" : "ev.script.ok", s.script(), s.exitStatus(), s.detail());
        if (e instanceof LabEvent.ServerCheck c) return t.get(c.up() ? "ev.check.up" : "ev.check.down", c.server(), c.status(), c.checkStatus());
        if (e instanceof LabEvent.LinkChanged l) return t.get(l.cut() ? "ev.link.cut" : "ev.link.healed", l.link());
        if (e instanceof LabEvent.GarpSent g) return t.get("ev.garp", g.count(), g.vip());
        if (e instanceof LabEvent.ArpChanged a) return t.get("ev.arp", a.ip(), a.pointsAt(), a.state());
        if (e instanceof LabEvent.ClientProbe p) {
            return p.ok() ? t.get("ev.probe.ok", p.backend(), Durations.format(p.latencyUs()))
                    : t.get("ev.probe.failed", t.get("probe." + p.failure().name().toLowerCase(Locale.ROOT)), Durations.format(p.latencyUs()));
        }
        if (e instanceof LabEvent.ActionApplied a) return t.get("ev.action", a.action(), a.target(), a.by());
        if (e instanceof LabEvent.LogLine l) return l.text();
        if (e instanceof LabEvent.ReplicationChanged r) return t.get(r.connected() ? "ev.repl.up" : "ev.repl.down", r.from(), r.behind());
        if (e instanceof LabEvent.HostReachability h) return t.get(h.reachable() ? "ev.host.up" : "ev.host.down", h.detail());
        if (e instanceof LabEvent.ClusterStatus c) return t.get("ev.cluster", c.status(), t.get(c.writable() ? "ev.cluster.writable" : "ev.cluster.notWritable"));
        return e.toString();
    }

    /** A process state in the current language. */
    public static String state(I18n t, String state) {
        return t.get("state." + state.toLowerCase(Locale.ROOT));
    }

    /** One CSV field, quoted when needed (RFC 4180). */
    public static String csv(String s) {
        if (s == null) return "";
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
