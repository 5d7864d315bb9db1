package org.viplab.report;

import org.viplab.config.ConfigRenderer;
import org.viplab.drill.Drill;
import org.viplab.drill.DrillResult;
import org.viplab.drill.Step;
import org.viplab.drill.Verdict;
import org.viplab.core.model.NodeSpec;
import org.viplab.core.model.Topology;
import org.viplab.core.text.EventFormatter;
import org.viplab.core.text.TimeText;
import org.viplab.core.timeline.Failover;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.TimelineAnalysis;
import org.viplab.core.util.Durations;

import java.io.IOException;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;

/** Turns a DrillResult into the template's model: plain maps, lists and already formatted strings. */
final class ReportModel {
    /** More listed events than this and the list stops with a pointer to events.csv (a 24 h run has thousands). */
    static final int MAX_LISTED_EVENTS = 2000;

    private final ResourceBundle bundle;
    private final Locale locale;

    ReportModel(Locale locale) {
        this.locale = locale;
        // No fallback to the JVM's default locale: an English report stays English on a Chinese desktop.
        this.bundle = ResourceBundle.getBundle("org.viplab.i18n.report", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    String t(String key) { return bundle.getString(key); }

    Locale locale() { return locale; }

    String f(String key, Object... args) { return new MessageFormat(t(key), locale).format(args); }

    Map<String, String> texts() {
        Map<String, String> m = new HashMap<>();
        for (Enumeration<String> keys = bundle.getKeys(); keys.hasMoreElements(); ) {
            String k = keys.nextElement();
            m.put(k, bundle.getString(k));
        }
        return m;
    }

    Map<String, Object> build(DrillResult r, ReportOptions o) throws IOException {
        Drill d = r.drill();
        Topology topo = d.topology();
        Map<String, Object> m = new HashMap<>();
        m.put("t", texts());
        m.put("lang", o.langTag());
        m.put("css", Templates.css());
        m.put("drill", d.name(locale));
        m.put("passed", r.passed());
        m.put("htmlOnly", o.htmlOnly());
        long passedCount = r.verdicts().stream().filter(v -> v.status() == Verdict.Status.PASSED).count();
        long failedCount = r.verdicts().stream().filter(Verdict::failed).count();
        // A run without expectations (recorded by hand in the app) neither passed nor failed: it is a record.
        boolean recorded = r.verdicts().stream().allMatch(v -> v.step() instanceof Step.ActionStep);
        m.put("recorded", recorded);
        if (!recorded && r.passed() && r.troubleSeen() > 0) m.put("troubleNote", t("report.trouble.note"));
        // a replayed incident (engine "incident") is badged and lists what its evidence proves
        m.put("incident", "incident".equals(r.engine()));
        m.put("findings", o.findings());
        m.put("summary", recorded ? f("report.summary.recorded", r.verdicts().size()) : f("report.summary", passedCount, failedCount));
        if ("incident".equals(r.engine())) m.put("summary", t("report.summary.incident"));
        if (o.generatedAt() != null) {
            m.put("generated", DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC).format(o.generatedAt()));
        }

        List<Map<String, Object>> tested = new ArrayList<>();
        kv(tested, t("field.drill"), d.name(locale));
        if (d.description(locale) != null) kv(tested, t("field.description"), d.description(locale));
        if (d.source() != null) kv(tested, t("field.source"), Path.of(d.source()).getFileName().toString());
        if (d.presetName() != null) kv(tested, t("field.preset"), d.presetName());
        kv(tested, t("field.topology"), topo.name + (topo.description == null ? "" : ": " + topologyDescription(topo)));
        kv(tested, t("field.mode"), topo.mode.shortName() + " (" + topo.mode.name() + ")");
        kv(tested, t("field.flavour"), topo.flavour.id());
        kv(tested, t("field.duration"), Units.of(r.endUs()));
        for (Map.Entry<String, String> e : Settings.lab(topo).entrySet()) {
            if (e.getKey().equals("mode") || e.getKey().equals("flavour")) continue; // shown above
            // the simulator's model of keepalived's version says nothing of real hosts: their own versions are in Provenance
            if (e.getKey().equals("keepalivedVersion") && r.provenance().realHosts()) continue;
            kv(tested, settingName(e.getKey()), value(e.getKey().equals("clientPort") ? Integer.toString(topo.effectiveClientPort()) : e.getValue()));
        }
        m.put("tested", tested);
        ProvenanceModel.put(r.provenance(), this, m);

        List<Map<String, Object>> verdicts = new ArrayList<>();
        StringBuilder marker = new StringBuilder();
        VerdictText verdictText = VerdictText.isEnglish(locale) ? null : VerdictText.in(locale);
        for (Verdict v : r.verdicts()) {
            Map<String, Object> row = new HashMap<>();
            String status = v.status().name().toLowerCase(Locale.ROOT);
            row.put("index", v.step().index());
            row.put("line", v.step().line() > 0 ? Integer.toString(v.step().line()) : "\u2013"); // 0: not from a file
            // a whole-drill check has no instant: its anchor (often the step before's) would read as a window
            boolean whole = v.step() instanceof Step.ExpectStep e && e.wholeDrill();
            row.put("at", whole ? t("verdict.wholeDrill") : Units.of(v.step().anchorUs()));
            row.put("kind", t(v.step() instanceof Step.ActionStep ? "kind.action" : "kind.expect"));
            row.put("text", d.stepText(v.step(), locale));
            row.put("status", status);
            boolean trouble = v.status() == Verdict.Status.PASSED && v.step() instanceof Step.ExpectStep e && e.expectsTrouble();
            row.put("statusLabel", t(trouble ? "verdict.passed.trouble" : "verdict." + status));
            row.put("detail", Units.display(verdictText == null ? v.detail() : verdictText.detail(v.detail())));
            verdicts.add(row);
            if (marker.length() > 0) marker.append(' ');
            marker.append(v.step().index()).append(':').append(status);
        }
        m.put("verdicts", verdicts);
        m.put("anomalies", Anomalies.rows(r, this));
        m.put("verdictMarker", marker.toString());
        m.put("restoreProblems", r.restoreProblems());

        TimelineAnalysis a = r.analysis();
        List<Map<String, Object>> failovers = new ArrayList<>();
        for (Failover fo : a.failovers()) {
            Map<String, Object> row = new HashMap<>();
            row.put("from", fo.from());
            row.put("to", fo.to());
            row.put("cause", causeText(r, fo));
            row.put("causeAt", fo.causeUs() < 0 ? "-" : Units.of(fo.causeUs()));
            row.put("detection", fo.causeUs() < 0 ? "-" : Units.of(fo.detectionUs()));
            row.put("gap", Units.of(fo.gapUs()));
            row.put("failover", fo.causeUs() < 0 ? "-" : Units.of(fo.failoverUs()));
            row.put("downtime", Units.of(fo.clientDowntimeUs()));
            row.put("overlap", Units.of(fo.overlapUs()));
            row.put("splitBrain", fo.overlapUs() > TimelineAnalysis.SPLIT_BRAIN_THRESHOLD_US);
            failovers.add(row);
        }
        m.put("failovers", failovers);
        // "the VIP did not move" beside a split brain would contradict the figures: the VIP stayed, and another host took it too
        if (failovers.isEmpty() && a.splitBrainUs() > 0) m.put("noFailoverNote", f("failovers.noneButSplitBrain", Units.of(a.splitBrainUs())));

        List<Map<String, Object>> metrics = new ArrayList<>();
        kv(metrics, t("metric.failovers"), Integer.toString(a.failovers().size()));
        kv(metrics, t("metric.vipGap"), Units.of(a.longestGapUs()));
        kv(metrics, t("metric.splitBrain"), Units.of(a.splitBrainUs()));
        kv(metrics, t("metric.clientDowntime"), Units.of(a.longestOutageUs()));
        kv(metrics, t("metric.outages"), Integer.toString(a.outages().size()));
        kv(metrics, t("metric.probes"), Integer.toString(a.probes()));
        kv(metrics, t("metric.failedProbes"), Integer.toString(a.failedProbes()));
        m.put("metrics", metrics);
        // client figures are only as fine as the probes: say so, with the interval
        m.put("probeNote", f("metric.probeNote", Units.of(topo.probeIntervalMs * 1000L)));

        m.put("charts", ReportCharts.build(r, locale, this, true));
        settings(topo, m);
        configs(topo, m);
        events(r, m);
        return m;
    }

    /**
     * A setting's name: the model's keyword ("keepalived.priority"), and in a language that translates it the
     * translation with the keyword beside it ("优先级 priority（keepalived.priority）"), so the reader finds it in a config.
     */
    String settingName(String key) {
        String k = "setting." + key.replaceAll("\\[\\d+\\]", "[]");
        return bundle.containsKey(k) ? t(k) + "\uFF08" + key + "\uFF09" : key;
    }

    /** true/false in the report's language; other values as the model writes them. */
    String value(String v) {
        if (("true".equals(v) || "false".equals(v)) && bundle.containsKey("value." + v)) return t("value." + v);
        return v;
    }

    /** A preset's description in the report's language when it is the preset's own; a user's own text as written. */
    private String topologyDescription(Topology topo) {
        Topology preset = org.viplab.core.model.Presets.byName(topo.name);
        String key = "topology." + topo.name;
        boolean own = preset != null && java.util.Objects.equals(preset.description, topo.description);
        return own && bundle.containsKey(key) ? t(key) : topo.description;
    }

    /** Settings added with several instances per node, absent from most topologies. */
    private static final Set<String> OPTIONAL_SETTINGS = Set.of("keepalived.trackInterfaceWeight", "keepalived.unicastSrcIp",
            "keepalived.unicastPeers", "keepalived.notify", "keepalived.lowerPrioNoAdvert", "keepalived.garpMasterRefreshSec",
            "keepalived.moreInstances", "keepalived.syncGroups");

    private void settings(Topology topo, Map<String, Object> m) {
        List<String> hosts = topo.nodeNames();
        List<Map<String, String>> perNode = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        for (NodeSpec n : topo.nodes) {
            Map<String, String> s = Settings.node(n);
            s.remove("name");
            perNode.add(s);
            keys.addAll(s.keySet());
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String k : keys) {
            List<String> values = new ArrayList<>();
            for (Map<String, String> s : perNode) values.add(s.getOrDefault(k, "-"));
            // an option of several instances, unicast or notify scripts that no node uses is no row of a one-instance report
            if (OPTIONAL_SETTINGS.contains(k.replaceAll("moreInstances\\[\\d+\\]\\.", "")) && values.stream().allMatch("-"::equals)) continue;
            Map<String, Object> row = new HashMap<>();
            row.put("name", settingName(k));
            row.put("values", values.stream().map(this::value).toList());
            row.put("differs", values.stream().distinct().count() > 1);
            rows.add(row);
        }
        m.put("hosts", hosts);
        m.put("settings", rows);
    }

    /** Each node's keepalived.conf, check scripts and haproxy.cfg as the settings would write them. */
    private void configs(Topology topo, Map<String, Object> m) {
        List<Map<String, Object>> files = new ArrayList<>();
        for (NodeSpec n : topo.nodes) {
            Map<String, String> rendered;
            try {
                rendered = ConfigRenderer.render(topo, n);
            } catch (RuntimeException e) {
                rendered = Map.of("(error)", "could not render the config files: " + e.getMessage());
            }
            for (Map.Entry<String, String> f : rendered.entrySet()) {
                Map<String, Object> row = new HashMap<>();
                row.put("host", n.name);
                row.put("name", f.getKey());
                row.put("text", f.getValue());
                files.add(row);
            }
        }
        m.put("configs", files);
    }

    private void events(DrillResult r, Map<String, Object> m) {
        EventDigest digest = new EventDigest();
        EventFormatter words = EventFormatter.of(locale);
        List<Map<String, Object>> rows = new ArrayList<>();
        int omitted = 0;
        int warmup = 0;
        int more = 0;
        for (LabEvent e : r.events()) {
            boolean listed = digest.listed(e);
            if (e.timeUs() < 0) {
                warmup++;
                continue;
            }
            if (!listed) {
                omitted++;
                continue;
            }
            if (rows.size() >= MAX_LISTED_EVENTS) {
                more++;
                continue;
            }
            Map<String, Object> row = new HashMap<>(8);
            row.put("time", TimeText.seconds(e.timeUs()));
            row.put("host", e.host());
            row.put("kind", words.kind(e.kind()));
            row.put("details", words.details(e));
            row.put("cls", cssClass(e));
            rows.add(row);
        }
        m.put("events", rows);
        m.put("eventsNote", t("events.note"));
        m.put("eventsOmitted", f("events.omitted", omitted, warmup));
        if (more > 0) m.put("eventsMore", f("events.more", more));
    }

    /** The failover's cause as the event list words its action (the report's language), else the analysis' text. */
    private String causeText(DrillResult r, Failover fo) {
        if (fo.causeUs() < 0) return VerdictText.isEnglish(locale) ? fo.cause() : t("failover.cause.unknown");
        EventFormatter words = EventFormatter.of(locale);
        for (LabEvent e : r.events()) {
            if (e instanceof LabEvent.ActionApplied a && a.timeUs() == fo.causeUs() && fo.cause().equals(a.action() + " " + a.target())) {
                return words.details(e);
            }
        }
        return fo.cause();
    }

    private static String cssClass(LabEvent e) {
        if (e instanceof LabEvent.ActionApplied) return "action";
        if (e instanceof LabEvent.VipChanged) return "vip";
        if (e instanceof LabEvent.ClientProbe p && !p.ok()) return "bad";
        if (e instanceof LabEvent.AdvertSent a && a.priority() == 0) return "bad";
        return "";
    }

    private static void kv(List<Map<String, Object>> rows, String label, String value) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("label", label);
        row.put("value", value == null ? "-" : value);
        rows.add(row);
    }

}
