package org.viplab.core.text;

import org.viplab.core.model.ProcessState;
import org.viplab.core.timeline.Actor;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Reason;
import org.viplab.core.util.Durations;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one source of event text: what the event list, its CSV, the reports and the CLI say about a
 * {@link LabEvent}, from {@code org/viplab/i18n/events*.properties} in English or Simplified Chinese. Every
 * event kind and every {@link Reason.Code} has a sentence; no record's toString ever reaches a reader.
 * Immutable once built and shared per language, so any thread may use it (a 24 h CSV renders a million rows).
 */
public final class EventFormatter {
    public static final String BUNDLE = "org.viplab.i18n.events";
    private static final Map<String, EventFormatter> BY_LANGUAGE = new ConcurrentHashMap<>();

    private final Locale locale;
    private final Map<String, Template> templates;

    private EventFormatter(Locale locale, ResourceBundle bundle) {
        this.locale = locale;
        Map<String, Template> m = new HashMap<>();
        for (String key : bundle.keySet()) m.put(key, Template.parse(bundle.getString(key)));
        this.templates = Map.copyOf(m);
    }

    /** The formatter of {@code locale}'s language: Chinese for any zh, English otherwise (never the JVM default). */
    public static EventFormatter of(Locale locale) {
        Locale l = locale != null && locale.getLanguage().equals("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
        return BY_LANGUAGE.computeIfAbsent(l.toLanguageTag(), k -> new EventFormatter(l, ResourceBundle.getBundle(BUNDLE, l,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))));
    }

    public static EventFormatter english() { return of(Locale.ENGLISH); }

    public Locale locale() { return locale; }

    /** The translated name of an event kind ({@link LabEvent#kind()}); the kind itself when unknown. */
    public String kind(String kind) { return word("kind.", kind); }

    /** What produced the event: a process, a daemon, the network, the client, or who applied an action. */
    public String source(LabEvent e) {
        // programs keep their names (keepalived, mysqld); who acted and the lab's own parts are words of the language
        if (e instanceof LabEvent.ProcessChanged p) return p.process().id();
        if (e instanceof LabEvent.LogLine l) return word("source.", l.source());
        if (e instanceof LabEvent.ServerCheck) return "haproxy";
        if (e instanceof LabEvent.ActionApplied a) return word("actor.", a.by().id());
        if (e instanceof LabEvent.LinkChanged) return word("source.", "network");
        if (e instanceof LabEvent.ClientProbe || e instanceof LabEvent.ArpChanged) return word("source.", "client");
        if (e instanceof LabEvent.ReplicationChanged) return "mysqld";
        if (e instanceof LabEvent.HostReachability) return "ssh";
        return "keepalived";
    }

    /** A process state ("stopped", "已停止"). */
    public String state(ProcessState s) { return f("state." + s.name().toLowerCase(Locale.ROOT)); }

    public String actor(Actor a) { return f("actor." + a.id()); }

    /**
     * A diagnostic line of VIP Lab's own (not a daemon's): said as a reason, so it follows the reader's language,
     * with its English as the text.
     */
    public static LabEvent.LogLine diagnostic(long timeUs, String host, String source, Reason said) {
        return new LabEvent.LogLine(timeUs, host, source, english().reason(said), said);
    }

    /** A reason as a phrase; "" for none. */
    public String reason(Reason r) {
        if (r == null) return "";
        String[] a = r.args().toArray(String[]::new);
        switch (r.code()) {
            case ACTION -> {
                a[0] = word("verb.", a[0]);
                a[1] = word("actor.", a[1]);
            }
            case CONNECTED -> {
                a[2] = word("tcpdump.", a[2]);
                if (a[3].isEmpty()) a[3] = f("firewall.none");
            }
            default -> { }
        }
        return f("reason." + r.code().name(), (Object[]) a);
    }

    /** The event's one line of detail. */
    public String details(LabEvent e) {
        if (e instanceof LabEvent.VipChanged v) return f(v.added() ? "ev.vip.added" : "ev.vip.removed", v.vip(), wrap(v.reason()));
        if (e instanceof LabEvent.AdvertSent a) return f("ev.advert", a.priority(), a.vrid(), a.version(), Durations.format(a.intervalUs()));
        if (e instanceof LabEvent.VrrpStateChanged s) return f("ev.vrrp", s.from(), s.to(), wrap(s.reason()));
        if (e instanceof LabEvent.PriorityChanged p) return f("ev.priority", p.from(), p.to(), wrap(p.reason()));
        // the state found (or inferred) at t = 0 is no change: "mysqld: not in the logs (at t = 0)"
        if (e instanceof LabEvent.ProcessChanged p && p.from() == p.to()) return f("ev.process.at", p.process().id(), state(p.to()), wrap(p.reason()));
        if (e instanceof LabEvent.ProcessChanged p) return f("ev.process", p.process().id(), state(p.from()), state(p.to()), wrap(p.reason()));
        if (e instanceof LabEvent.ScriptResult s) return f(s.failed() ? "ev.script.failed" : "ev.script.ok", s.script(), s.exitStatus(),
                    s.detail() == null ? "" : f("wrap.detail", reason(s.detail())));
        if (e instanceof LabEvent.ServerCheck c) return f("ev.check", c.server(), c.status(),
                    c.checkStatus() == null || c.checkStatus().isEmpty() ? "" : f("wrap.reason", c.checkStatus()));
        if (e instanceof LabEvent.LinkChanged l) return f(l.cut() ? "ev.link.cut" : "ev.link.healed", l.link());
        if (e instanceof LabEvent.GarpSent g) return f("ev.garp", g.count(), g.vip());
        if (e instanceof LabEvent.ArpChanged a) return f("ev.arp", a.ip(), a.pointsAt(), a.state());
        if (e instanceof LabEvent.ClientProbe p) return p.ok()
                    ? f("ev.probe.ok", p.backend(), TimeText.length(p.latencyUs(), locale))
                    : f("ev.probe.failed", word("probe.", p.failure().name()), TimeText.length(p.latencyUs(), locale));
        if (e instanceof LabEvent.ActionApplied a) return a.detail() == null ? f("ev.action", word("verb.", a.action()), a.target(), actor(a.by()))
                    : f("ev.action.amount", word("verb.", a.action()), a.target(), amount(a.detail()), actor(a.by()));
        if (e instanceof LabEvent.LogLine l) return f("ev.log", l.source(), l.said() != null ? reason(l.said()) : l.text());
        if (e instanceof LabEvent.ReplicationChanged r) return f(r.connected() ? "ev.repl.up" : "ev.repl.down", r.from(), r.behind());
        if (e instanceof LabEvent.HostReachability h) return f(h.reachable() ? "ev.host.up" : "ev.host.down",
                    h.detail() == null ? "" : f("wrap.detail", reason(h.detail())));
        if (e instanceof LabEvent.ClusterStatus c) return f("ev.cluster", reason(c.status()),
                    f(c.writable() ? "cluster.writable" : "cluster.notWritable"));
        if (e instanceof LabEvent.InstanceStateChanged s) return f("ev.instance", s.instance(), s.from(), s.to(), wrap(s.reason()));
        if (e instanceof LabEvent.InstanceVipChanged v) return f(v.added() ? "ev.instance.vip.added" : "ev.instance.vip.removed",
                    v.instance(), v.vips(), wrap(v.reason()));
        if (e instanceof LabEvent.NotifyRun n) return !n.finished() ? f("ev.notify.start", n.owner(), n.state(), n.command())
                    : n.moved() == null ? f("ev.notify.done", n.owner(), n.state(), n.command())
                    : f("ev.notify.moved", n.owner(), n.state(), n.command(), n.moved());
        throw new IllegalStateException("no text for " + e.getClass().getSimpleName());
    }

    private String wrap(Reason r) { return r == null ? "" : f("wrap.reason", reason(r)); }

    /** {@code prefix + word} (lower case) from the bundle, or the word itself (a name the bundle does not know). */
    /**
     * A timing fault's amount as the action wrote it ("for 3.7s", "by 200ms jitter 50ms", "30%"), in this
     * language; as written when it does not read (a newer file).
     */
    private String amount(String detail) {
        try {
            if (detail.endsWith("%")) return f("amount.loss", detail);
            if (detail.startsWith("for ")) return f("amount.for", TimeText.length(Durations.parseUs(detail.substring(4)), locale));
            if (detail.startsWith("by ")) {
                String rest = detail.substring(3);
                int j = rest.indexOf(" jitter ");
                if (j < 0) return f("amount.by", TimeText.length(Durations.parseUs(rest), locale));
                return f("amount.by.jitter", TimeText.length(Durations.parseUs(rest.substring(0, j)), locale),
                        TimeText.length(Durations.parseUs(rest.substring(j + 8)), locale));
            }
        } catch (IllegalArgumentException e) {
            return detail;
        }
        return detail;
    }

    private String word(String prefix, String w) {
        if (w == null) return "";
        Template t = templates.get(prefix + w.toLowerCase(Locale.ROOT));
        return t == null ? w : t.fill();
    }

    private String f(String key, Object... args) {
        Template t = templates.get(key);
        if (t == null) throw new IllegalStateException("no \"" + key + "\" in " + BUNDLE + " for " + locale);
        return t.fill(args);
    }

    /** A bundle sentence cut at its {n} once, filled by concatenation (MessageFormat is ten times slower). */
    private record Template(String[] texts, int[] slots) {
        static Template parse(String pattern) {
            java.util.List<String> texts = new java.util.ArrayList<>();
            java.util.List<Integer> slots = new java.util.ArrayList<>();
            int from = 0;
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{(\\d)}").matcher(pattern);
            while (m.find()) {
                texts.add(pattern.substring(from, m.start()));
                slots.add(m.group(1).charAt(0) - '0');
                from = m.end();
            }
            texts.add(pattern.substring(from));
            return new Template(texts.toArray(String[]::new), slots.stream().mapToInt(Integer::intValue).toArray());
        }

        String fill(Object... args) {
            if (slots.length == 0) return texts[0];
            StringBuilder b = new StringBuilder(64).append(texts[0]);
            for (int i = 0; i < slots.length; i++) {
                int s = slots[i];
                b.append(s < args.length ? String.valueOf(args[s]) : "{" + s + "}").append(texts[i + 1]);
            }
            return b.toString();
        }
    }
}
