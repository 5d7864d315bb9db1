package org.viplab.report;

import org.viplab.core.timeline.LabEvent;
import org.viplab.core.util.Durations;

import java.text.MessageFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of human-readable detail per event, for the report's event list and events.csv. English is
 * {@link #details(LabEvent)}, hand-built because a 24 h events.csv has a million lines; other languages are
 * {@link #in(Locale)}: the same sentences from {@code report*.properties} (keys {@code event.*}), whose English
 * patterns reproduce {@link #details(LabEvent)} exactly (a test holds them to it). Names, addresses, states
 * and the daemons' own log lines stay as they are in every language.
 */
public final class EventText {
    private EventText() { }

    /** The event's detail in English (events.csv and the English report). */
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

    /** The detail in {@code locale}: English as {@link #details(LabEvent)}, Chinese from the bundle. */
    public static String details(LabEvent e, Locale locale) {
        return isEnglish(locale) ? details(e) : in(locale).details(e);
    }

    /** Texts in one language, for one report (it keeps its formats). */
    public static Localized in(Locale locale) {
        return new Localized(ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)), locale);
    }

    static boolean isEnglish(Locale l) { return l == null || !l.getLanguage().equals("zh"); }

    static final String BUNDLE = "org.viplab.i18n.report";

    /**
     * Free-text reasons and check details the engines write in English ("stop by drill", "query answered"),
     * in the order tried: a pattern and its key (the groups are the arguments); a phrase without a pattern is
     * looked up as {@code event.why.<phrase with - for non-alphanumerics>}; anything else (keepalived's own log
     * wording, such as "Receive advertisement timeout") stays as written.
     */
    static final List<Map.Entry<Pattern, String>> REASONS = List.of(
            Map.entry(Pattern.compile("(start|stop|kill|hang|resume|restart|cut|heal) by (\\S+)"), "event.why.actionBy"),
            Map.entry(Pattern.compile("check script (\\S+): (.+)"), "event.why.checkScript"),
            Map.entry(Pattern.compile("track script (\\S+) failed"), "event.why.trackScriptFailed"),
            Map.entry(Pattern.compile("higher priority advert from (\\S+)"), "event.why.higherPriority"),
            Map.entry(Pattern.compile("ps -C (\\S+): (found|none)"), "event.why.psCheck"),
            Map.entry(Pattern.compile("tcp (\\d+): (open|refused)"), "event.why.tcpCheck"),
            Map.entry(Pattern.compile("query blocked: timed out after (\\S+) s"), "event.why.queryBlocked"),
            Map.entry(Pattern.compile("no answer: timed out after (\\S+) s"), "event.why.noAnswer"),
            Map.entry(Pattern.compile("ONLINE, no majority \\((\\d+) of (\\d+)\\): writes block"), "event.why.noMajority"),
            Map.entry(Pattern.compile("non-Primary: no quorum \\((\\d+) of (\\d+)\\)"), "event.why.noQuorum"),
            Map.entry(Pattern.compile("(ONLINE|Synced, Primary) \\((\\d+) of (\\d+)\\)"), "event.why.members"),
            Map.entry(Pattern.compile("restarted by (.+)"), "event.why.restartedBy"));

    /** The event texts of one language. Not thread-safe (MessageFormat); one per report. */
    public static final class Localized {
        private final ResourceBundle bundle;
        private final Locale locale;
        private final Map<String, MessageFormat> formats = new HashMap<>();

        Localized(ResourceBundle bundle, Locale locale) {
            this.bundle = bundle;
            this.locale = locale;
        }

        /** A kind ({@link LabEvent#kind()}) as the report's event column shows it. */
        public String kind(String kind) { return word("event.kind.", kind); }

        public String details(LabEvent e) {
            if (e instanceof LabEvent.VipChanged v) {
                return f(v.added() ? "event.vip.added" : "event.vip.removed", v.vip(), reason(v.reason()));
            } else if (e instanceof LabEvent.AdvertSent a) {
                return f("event.advert", a.version(), a.vrid(), a.priority(), dur(a.intervalUs()));
            } else if (e instanceof LabEvent.VrrpStateChanged s) {
                return f("event.vrrp", s.from(), s.to(), reason(s.reason()));
            } else if (e instanceof LabEvent.PriorityChanged p) {
                return f("event.priority", p.from(), p.to(), reason(p.reason()));
            } else if (e instanceof LabEvent.ProcessChanged p) {
                return f("event.process", p.process().id(), word("event.state.", p.from().name().toLowerCase(Locale.ROOT)),
                        word("event.state.", p.to().name().toLowerCase(Locale.ROOT)), reason(p.reason()));
            } else if (e instanceof LabEvent.ScriptResult s) {
                return f("event.script", s.script(), s.exitStatus(), s.failed() ? f("event.script.failed") : "",
                        s.detail() == null || s.detail().isEmpty() ? "" : f("event.script.detail", why(s.detail())));
            } else if (e instanceof LabEvent.ServerCheck c) {
                return f("event.check", c.server(), c.status(), c.checkStatus() == null ? "" : f("event.reason", c.checkStatus()));
            } else if (e instanceof LabEvent.LinkChanged l) {
                return f(l.cut() ? "event.link.cut" : "event.link.healed", l.link());
            } else if (e instanceof LabEvent.GarpSent g) {
                return f("event.garp", g.count(), g.vip());
            } else if (e instanceof LabEvent.ArpChanged a) {
                return f("event.arp", a.ip(), a.pointsAt(), a.state());
            } else if (e instanceof LabEvent.ClientProbe p) {
                return p.ok() ? f("event.probe.ok", p.backend(), dur(p.latencyUs()))
                        : f("event.probe.failed", word("event.probe.", p.failure().name().toLowerCase(Locale.ROOT)), dur(p.latencyUs()));
            } else if (e instanceof LabEvent.ActionApplied a) {
                return f("event.action", word("event.verb.", a.action()), a.target(), word("event.by.", a.by()));
            } else if (e instanceof LabEvent.LogLine l) {
                return f("event.log", l.source(), l.text());
            } else if (e instanceof LabEvent.ReplicationChanged r) {
                return f(r.connected() ? "event.repl.connected" : "event.repl.disconnected", r.from(), r.behind());
            } else if (e instanceof LabEvent.HostReachability h) {
                return f(h.reachable() ? "event.host.reachable" : "event.host.unreachable", h.detail() == null ? "" : f("event.script.detail", h.detail()));
            } else if (e instanceof LabEvent.ClusterStatus c) {
                return f("event.cluster", c.timeUs(), c.host(), why(c.status()), word("event.writable.", String.valueOf(c.writable())));
            }
            return e.toString();
        }

        private String reason(String r) { return r == null || r.isEmpty() ? "" : f("event.reason", why(r)); }

        /** An engine's free-text reason or detail, translated when it is one VIP Lab writes (see {@link #REASONS}). */
        String why(String r) {
            for (Map.Entry<Pattern, String> p : REASONS) {
                Matcher m = p.getKey().matcher(r);
                if (!m.matches()) continue;
                Object[] args = new Object[m.groupCount()];
                for (int i = 0; i < args.length; i++) args[i] = m.group(i + 1);
                switch (p.getValue()) {
                    case "event.why.actionBy" -> {
                        args[0] = word("event.verb.", m.group(1));
                        args[1] = word("event.by.", m.group(2));
                    }
                    case "event.why.psCheck", "event.why.tcpCheck" -> args[1] = word("event.why.", m.group(2));
                    default -> { }
                }
                return f(p.getValue(), args);
            }
            return word("event.why.", r);
        }

        /** {@code prefix + word} from the bundle (non-alphanumerics as '-'), or the word itself. */
        private String word(String prefix, String w) {
            if (w == null) return "";
            String key = prefix + w.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
            return bundle.containsKey(key) ? bundle.getString(key) : w;
        }

        /** A pattern of the bundle with its arguments; numbers as plain digits (no grouping: "1111", not "1,111"). */
        private String f(String key, Object... args) {
            MessageFormat mf = formats.computeIfAbsent(key, k -> new MessageFormat(bundle.getString(k), locale));
            Object[] a = new Object[args.length];
            for (int i = 0; i < args.length; i++) a[i] = String.valueOf(args[i]);
            return mf.format(a);
        }
    }
}
