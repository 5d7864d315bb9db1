package org.viplab.report;

import com.google.gson.GsonBuilder;
import org.viplab.charts.ChartData;
import org.viplab.charts.ChartImages;
import org.viplab.charts.LabCharts;
import org.viplab.drill.DrillResult;
import org.viplab.core.timeline.Failover;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.TimelineAnalysis;
import org.viplab.core.util.AtomicFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs of the same drill side by side: each run's full report, and a page with every timeline's charts and a
 * table of the figures (per failover: detection, no-VIP gap, failover time, client downtime). Two uses share it:
 * the simulator against real hosts ({@code drill --engine both}, to calibrate the simulator) and a replayed
 * incident against the simulator as configured and with an alternative ({@code replay --what-if}).
 */
public final class Comparison {
    public static final String HTML = "comparison.html";
    public static final String JSON = "comparison.json";

    /**
     * One run in the comparison.
     *
     * @param dir      its report's folder under the comparison's
     * @param key      its texts: {@code comparison.engine.KEY} (its name) and {@code comparison.col.KEY} (its column)
     * @param jsonName its figures' prefix in comparison.json ({@code simMs}, {@code realMs}, ...)
     * @param findings what its report lists as findings (a replayed incident's, in the report's language)
     */
    public record Side(String dir, String key, String jsonName, DrillResult result, List<String> findings) {
        public Side {
            findings = List.copyOf(findings);
        }
    }

    /**
     * What the page compares: its sides, the difference it shows ({@code minuend} − {@code subtrahend}, by side
     * index, under {@code comparison.col.DIFFKEY}), its title ({@code comparison.title[.TITLE]} with the drill's
     * name and {@code titleArg}), the badge and whose provenance it opens with.
     */
    public record Spec(List<Side> sides, int minuend, int subtrahend, String diffKey, String titleKey, String titleArg,
                       String badgeKey, String badgeClass, int provenanceOf) {
        public Spec {
            sides = List.copyOf(sides);
        }
    }

    /**
     * One figure on every side, in milliseconds; null where a side has none (e.g. no such failover).
     * {@code figure} names it (a {@code comparison.figure.*} key of the report bundle); {@code failover} and
     * {@code between} say which failover ("db1 → db2") for the per-failover figures, 0 and "" otherwise.
     */
    public record Row(String figure, int failover, String between, List<Double> valuesMs, Double diffMs) {
        /** The first side's figure (the simulator's in {@code --engine both}). */
        public Double simMs() { return valuesMs.get(0); }

        /** The second side's figure (the real hosts' in {@code --engine both}). */
        public Double realMs() { return valuesMs.get(1); }

        public Double valueMs(int side) { return valuesMs.get(side); }

        /** The figure in English (the CLI's table and comparison.json). */
        public String what() { return label(Locale.ENGLISH); }

        public String label(Locale locale) { return new ReportModel(locale).f("comparison.figure." + figure, failover, between); }
    }

    private Comparison() { }

    /** The simulator against real hosts ({@code drill --engine both}): sim − real. */
    public static Spec engines(DrillResult sim, DrillResult real) {
        return new Spec(List.of(new Side("sim", "sim", "sim", sim, List.of()), new Side("ssh", "ssh", "real", real, List.of())),
                0, 1, "diff", "comparison.title", "", "engine.badge.both", "both", 1);
    }

    public static List<Row> rows(DrillResult sim, DrillResult real) { return rows(engines(sim, real)); }

    public static List<Row> rows(Spec spec) {
        List<TimelineAnalysis> a = spec.sides().stream().map(s -> s.result().analysis()).toList();
        // a run with no client probe (a replayed incident without a client-side source) has no client figures, not zero
        List<Boolean> clients = spec.sides().stream().map(s -> s.result().events().stream().anyMatch(e -> e instanceof LabEvent.ClientProbe)).toList();
        List<Row> out = new ArrayList<>();
        out.add(row(spec, "gap", 0, "", a, x -> ms(x.longestGapUs())));
        out.add(row(spec, "splitBrain", 0, "", a, x -> ms(x.splitBrainUs())));
        List<Double> outage = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) outage.add(clients.get(i) ? ms(a.get(i).longestOutageUs()) : null);
        out.add(withDiff(spec, "outage", 0, "", outage));
        List<List<Failover>> f = a.stream().map(TimelineAnalysis::failovers).toList();
        int most = f.stream().mapToInt(List::size).max().orElse(0);
        for (int i = 0; i < most; i++) {
            int k = i;
            Failover any = f.stream().filter(l -> l.size() > k).map(l -> l.get(k)).findFirst().orElseThrow();
            List<Failover> nth = f.stream().map(l -> l.size() > k ? l.get(k) : null).toList();
            int n = i + 1;
            String between = label(any);
            out.add(failoverRow(spec, "detection", n, between, nth, x -> x.causeUs() < 0 ? null : ms(x.detectionUs())));
            out.add(failoverRow(spec, "failoverGap", n, between, nth, x -> ms(x.gapUs())));
            out.add(failoverRow(spec, "failoverTime", n, between, nth, x -> x.causeUs() < 0 ? null : ms(x.failoverUs())));
            List<Double> downtime = new ArrayList<>();
            for (int j = 0; j < nth.size(); j++) downtime.add(nth.get(j) == null || !clients.get(j) ? null : ms(nth.get(j).clientDowntimeUs()));
            out.add(withDiff(spec, "downtime", n, between, downtime));
        }
        return out;
    }

    private static Row row(Spec spec, String figure, int n, String between, List<TimelineAnalysis> a, Function<TimelineAnalysis, Double> f) {
        return withDiff(spec, figure, n, between, a.stream().map(f).toList());
    }

    private static Row failoverRow(Spec spec, String figure, int n, String between, List<Failover> nth, Function<Failover, Double> f) {
        List<Double> v = new ArrayList<>();
        for (Failover x : nth) v.add(x == null ? null : f.apply(x));
        return withDiff(spec, figure, n, between, v);
    }

    private static Row withDiff(Spec spec, String figure, int n, String between, List<Double> v) {
        Double a = v.get(spec.minuend());
        Double b = v.get(spec.subtrahend());
        Double diff = a == null || b == null ? null : Math.round((a - b) * 1000) / 1000.0;
        return new Row(figure, n, between, java.util.Collections.unmodifiableList(new ArrayList<>(v)), diff);
    }

    /** Writes DIR/sim/ and DIR/ssh/ (the two full reports), DIR/comparison.html and DIR/comparison.json. */
    public static void write(DrillResult sim, DrillResult real, Path dir, ReportOptions options) throws IOException {
        write(engines(sim, real), dir, options);
    }

    /** Writes each side's full report in its folder, DIR/comparison.html and DIR/comparison.json. */
    public static void write(Spec spec, Path dir, ReportOptions options) throws IOException {
        for (Side s : spec.sides()) ReportWriter.write(s.result(), dir.resolve(s.dir()), options.withFindings(s.findings()));
        List<Row> rows = rows(spec);
        AtomicFiles.writeString(dir.resolve(HTML), html(spec, rows, options.locale()));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("drill", spec.sides().get(0).result().drill().name());
        for (Side s : spec.sides()) json.put(s.jsonName() + "Passed", s.result().passed());
        List<Map<String, Object>> list = new ArrayList<>();
        for (Row row : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("what", row.what());
            for (int i = 0; i < spec.sides().size(); i++) m.put(spec.sides().get(i).jsonName() + "Ms", row.valueMs(i));
            m.put("diffMs", row.diffMs());
            list.add(m);
        }
        json.put("rows", list);
        AtomicFiles.writeString(dir.resolve(JSON), new GsonBuilder().setPrettyPrinting().serializeNulls().create().toJson(json) + "\n");
    }

    /** comparison.html through comparison.ftlx, in the report's language like the other reports. */
    static String html(Spec spec, List<Row> rows, Locale locale) throws IOException {
        ReportModel text = new ReportModel(locale);
        Map<String, Object> m = new HashMap<>();
        m.put("t", text.texts());
        m.put("lang", locale.getLanguage().equals("zh") ? "zh-CN" : "en");
        m.put("css", Templates.css());
        // the drill the runs share (a replayed incident names none of its own)
        String drillName = spec.sides().get(spec.sides().size() - 1).result().drill().name(locale);
        m.put("title", text.f(spec.titleKey(), drillName, spec.titleArg()));
        ProvenanceModel.put(spec.sides().get(spec.provenanceOf()).result().provenance(), text, m);
        m.put("engineBadge", text.t(spec.badgeKey()));
        m.put("engineClass", spec.badgeClass());
        List<Map<String, Object>> sides = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        for (Side s : spec.sides()) {
            DrillResult d = s.result();
            ChartData data = new ChartData(d.drill().topology());
            data.addAll(d.events());
            LabCharts charts = LabCharts.combined(data, locale);
            charts.show(0, d.endUs(), 900);
            byte[] png = ChartImages.png(charts.chart(), 900, 700);
            Map<String, Object> side = new HashMap<>();
            side.put("name", text.f("comparison.engine." + s.key(), drillName, spec.titleArg()));
            side.put("link", s.dir() + "/" + ReportWriter.HTML);
            boolean incident = "incident".equals(d.engine()); // nothing to pass or fail: what happened
            side.put("status", incident ? "incident" : d.passed() ? "passed" : "failed");
            side.put("statusLabel", text.t(incident ? "report.result.incident" : d.passed() ? "report.result.passed" : "report.result.failed"));
            side.put("png", Base64.getEncoder().encodeToString(png));
            sides.add(side);
            columns.add(text.f("comparison.col." + s.key(), drillName, spec.titleArg()));
        }
        m.put("sides", sides);
        m.put("columns", columns);
        m.put("diffColumn", text.f("comparison.col." + spec.diffKey(), drillName, spec.titleArg()));
        List<Map<String, Object>> table = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Object> row = new HashMap<>();
            row.put("what", r.label(locale));
            row.put("values", r.valuesMs().stream().map(Comparison::num).toList());
            row.put("diff", num(r.diffMs()));
            table.add(row);
        }
        m.put("rows", table);
        return Templates.render("comparison.ftlx", m, locale);
    }

    private static Double ms(long us) { return us / 1000.0; }

    private static String label(Failover f) { return f.from() + " → " + f.to(); }

    private static String num(Double d) { return d == null ? "–" : String.format(Locale.ROOT, "%.1f", d); }
}
