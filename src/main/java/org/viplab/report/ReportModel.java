package org.viplab.report;

import org.jfree.chart.JFreeChart;
import org.viplab.charts.ChartData;
import org.viplab.charts.ChartImages;
import org.viplab.charts.LabCharts;
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
import java.util.Base64;
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
    static final int CHART_WIDTH = 1100; // printed 180 mm wide, the chart text stays readable (about 7 pt)

    private final ResourceBundle bundle;
    private final Locale locale;

    ReportModel(Locale locale) {
        this.locale = locale;
        // No fallback to the JVM's default locale: an English report stays English on a Chinese desktop.
        this.bundle = ResourceBundle.getBundle("org.viplab.i18n.report", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    String t(String key) { return bundle.getString(key); }

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
        m.put("drill", d.name());
        m.put("passed", r.passed());
        m.put("htmlOnly", o.htmlOnly());
        long passedCount = r.verdicts().stream().filter(v -> v.status() == Verdict.Status.PASSED).count();
        long failedCount = r.verdicts().stream().filter(Verdict::failed).count();
        // A run without expectations (recorded by hand in the app) neither passed nor failed: it is a record.
        boolean recorded = r.verdicts().stream().allMatch(v -> v.step() instanceof Step.ActionStep);
        m.put("recorded", recorded);
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
        kv(tested, t("field.topology"), topo.name + (topo.description == null ? "" : ": " + topo.description));
        kv(tested, t("field.mode"), topo.mode.shortName() + " (" + topo.mode.name() + ")");
        kv(tested, t("field.flavour"), topo.flavour.id());
        kv(tested, t("field.engine"), r.engine());
        if ("sim".equals(r.engine())) kv(tested, t("field.seed"), Long.toString(d.seed()));
        kv(tested, t("field.duration"), Durations.format(r.endUs()));
        kv(tested, t("field.version"), version());
        for (Map.Entry<String, String> e : Settings.lab(topo).entrySet()) {
            if (e.getKey().equals("mode") || e.getKey().equals("flavour")) continue; // shown above
            kv(tested, e.getKey(), e.getKey().equals("clientPort") ? Integer.toString(topo.effectiveClientPort()) : e.getValue());
        }
        m.put("tested", tested);

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
            row.put("at", whole ? t("verdict.wholeDrill") : Durations.format(v.step().anchorUs()));
            row.put("kind", t(v.step() instanceof Step.ActionStep ? "kind.action" : "kind.expect"));
            row.put("text", d.stepText(v.step(), locale));
            row.put("status", status);
            row.put("statusLabel", t("verdict." + status));
            row.put("detail", verdictText == null ? v.detail() : verdictText.detail(v.detail()));
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
            row.put("cause", fo.cause());
            row.put("causeAt", fo.causeUs() < 0 ? "-" : Durations.format(fo.causeUs()));
            row.put("detection", fo.causeUs() < 0 ? "-" : Durations.format(fo.detectionUs()));
            row.put("gap", Durations.format(fo.gapUs()));
            row.put("failover", fo.causeUs() < 0 ? "-" : Durations.format(fo.failoverUs()));
            row.put("downtime", Durations.format(fo.clientDowntimeUs()));
            row.put("overlap", Durations.format(fo.overlapUs()));
            row.put("splitBrain", fo.overlapUs() > TimelineAnalysis.SPLIT_BRAIN_THRESHOLD_US);
            failovers.add(row);
        }
        m.put("failovers", failovers);

        List<Map<String, Object>> metrics = new ArrayList<>();
        kv(metrics, t("metric.failovers"), Integer.toString(a.failovers().size()));
        kv(metrics, t("metric.vipGap"), Durations.format(a.longestGapUs()));
        kv(metrics, t("metric.splitBrain"), Durations.format(a.splitBrainUs()));
        kv(metrics, t("metric.clientDowntime"), Durations.format(a.longestOutageUs()));
        kv(metrics, t("metric.outages"), Integer.toString(a.outages().size()));
        kv(metrics, t("metric.probes"), Integer.toString(a.probes()));
        kv(metrics, t("metric.failedProbes"), Integer.toString(a.failedProbes()));
        m.put("metrics", metrics);

        m.put("charts", charts(r));
        settings(topo, m);
        configs(topo, m);
        events(r, m);
        return m;
    }

    /** The three charts as base64 PNG, drawn by the same chart code as the app, downsampled to the image width. */
    private List<Map<String, Object>> charts(DrillResult r) throws IOException {
        ChartData data = ChartData.of(r.drill().topology(), r.events());
        LabCharts charts = LabCharts.separate(data, locale);
        charts.show(0, r.endUs(), CHART_WIDTH);
        String[] keys = {"vip", "adverts", "client"};
        int[] heights = {270, 330, 270};
        ResourceBundle chartText = ResourceBundle.getBundle("org.viplab.i18n.charts", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)); // English stays English on a Chinese desktop
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            JFreeChart c = charts.charts().get(i);
            Map<String, Object> row = new HashMap<>();
            row.put("title", chartText.getString("chart." + keys[i] + ".title"));
            row.put("caption", t("chart." + keys[i] + ".caption"));
            row.put("base64", Base64.getEncoder().encodeToString(ChartImages.png(c, CHART_WIDTH, heights[i])));
            out.add(row);
        }
        return out;
    }

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
            Map<String, Object> row = new HashMap<>();
            row.put("name", k);
            row.put("values", values);
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

    static String version() {
        String v = ReportModel.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
