package org.viplab.report;

import com.google.gson.GsonBuilder;
import org.viplab.charts.ChartData;
import org.viplab.charts.ChartImages;
import org.viplab.charts.LabCharts;
import org.viplab.drill.DrillResult;
import org.viplab.core.timeline.Failover;
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

/**
 * The same drill on the simulator and on real hosts, side by side: both reports, and a page with both
 * timelines' charts and a table of the differences (per failover: detection, no-VIP gap, failover time,
 * client downtime), to calibrate the simulator against the lab.
 */
public final class Comparison {
    public static final String HTML = "comparison.html";
    public static final String JSON = "comparison.json";

    /**
     * One figure on both engines, in milliseconds; null where an engine has none (e.g. no such failover).
     * {@code figure} names it (a {@code comparison.figure.*} key of the report bundle); {@code failover} and
     * {@code between} say which failover ("db1 → db2") for the per-failover figures, 0 and "" otherwise.
     */
    public record Row(String figure, int failover, String between, Double simMs, Double realMs) {
        public Double diffMs() { return simMs == null || realMs == null ? null : Math.round((simMs - realMs) * 1000) / 1000.0; }

        /** The figure in English (the CLI's table and comparison.json). */
        public String what() { return label(Locale.ENGLISH); }

        public String label(Locale locale) { return new ReportModel(locale).f("comparison.figure." + figure, failover, between); }
    }

    private Comparison() { }

    public static List<Row> rows(DrillResult sim, DrillResult real) {
        TimelineAnalysis s = sim.analysis();
        TimelineAnalysis r = real.analysis();
        List<Row> out = new ArrayList<>();
        out.add(new Row("gap", 0, "", ms(s.longestGapUs()), ms(r.longestGapUs())));
        out.add(new Row("splitBrain", 0, "", ms(s.splitBrainUs()), ms(r.splitBrainUs())));
        out.add(new Row("outage", 0, "", ms(s.longestOutageUs()), ms(r.longestOutageUs())));
        List<Failover> fs = s.failovers();
        List<Failover> fr = r.failovers();
        for (int i = 0; i < Math.max(fs.size(), fr.size()); i++) {
            Failover a = i < fs.size() ? fs.get(i) : null;
            Failover b = i < fr.size() ? fr.get(i) : null;
            int n = i + 1;
            String between = label(a != null ? a : b);
            out.add(new Row("detection", n, between, a == null || a.causeUs() < 0 ? null : ms(a.detectionUs()), b == null || b.causeUs() < 0 ? null : ms(b.detectionUs())));
            out.add(new Row("failoverGap", n, between, a == null ? null : ms(a.gapUs()), b == null ? null : ms(b.gapUs())));
            out.add(new Row("failoverTime", n, between, a == null || a.causeUs() < 0 ? null : ms(a.failoverUs()), b == null || b.causeUs() < 0 ? null : ms(b.failoverUs())));
            out.add(new Row("downtime", n, between, a == null ? null : ms(a.clientDowntimeUs()), b == null ? null : ms(b.clientDowntimeUs())));
        }
        return out;
    }

    /** Writes DIR/sim/ and DIR/ssh/ (the two full reports), DIR/comparison.html and DIR/comparison.json. */
    public static void write(DrillResult sim, DrillResult real, Path dir, ReportOptions options) throws IOException {
        ReportWriter.write(sim, dir.resolve("sim"), options);
        ReportWriter.write(real, dir.resolve("ssh"), options);
        List<Row> rows = rows(sim, real);
        AtomicFiles.writeString(dir.resolve(HTML), html(sim, real, rows, options.locale()));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("drill", sim.drill().name());
        json.put("simPassed", sim.passed());
        json.put("realPassed", real.passed());
        List<Map<String, Object>> list = new ArrayList<>();
        for (Row row : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("what", row.what());
            m.put("simMs", row.simMs());
            m.put("realMs", row.realMs());
            m.put("diffMs", row.diffMs());
            list.add(m);
        }
        json.put("rows", list);
        AtomicFiles.writeString(dir.resolve(JSON), new GsonBuilder().setPrettyPrinting().serializeNulls().create().toJson(json) + "\n");
    }

    /** comparison.html through comparison.ftlx, in the report's language like the other reports. */
    static String html(DrillResult sim, DrillResult real, List<Row> rows, Locale locale) throws IOException {
        ReportModel text = new ReportModel(locale);
        Map<String, Object> m = new HashMap<>();
        m.put("t", text.texts());
        m.put("lang", locale.getLanguage().equals("zh") ? "zh-CN" : "en");
        m.put("css", Templates.css());
        m.put("drill", sim.drill().name(locale));
        // the real run's provenance (it names the hosts); the badge says both engines ran
        ProvenanceModel.put(real.provenance(), text, m);
        m.put("engineBadge", text.t("engine.badge.both"));
        m.put("engineClass", "both");
        List<Map<String, Object>> sides = new ArrayList<>();
        for (DrillResult d : List.of(sim, real)) {
            ChartData data = new ChartData(d.drill().topology());
            data.addAll(d.events());
            LabCharts charts = LabCharts.combined(data, locale);
            charts.show(0, d.endUs(), 900);
            byte[] png = ChartImages.png(charts.chart(), 900, 700);
            Map<String, Object> side = new HashMap<>();
            boolean isSim = d == sim;
            side.put("name", text.t(isSim ? "comparison.engine.sim" : "comparison.engine.ssh"));
            side.put("link", (isSim ? "sim" : "ssh") + "/" + ReportWriter.HTML);
            side.put("status", d.passed() ? "passed" : "failed");
            side.put("statusLabel", text.t(d.passed() ? "report.result.passed" : "report.result.failed"));
            side.put("png", Base64.getEncoder().encodeToString(png));
            sides.add(side);
        }
        m.put("sides", sides);
        List<Map<String, Object>> table = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Object> row = new HashMap<>();
            row.put("what", r.label(locale));
            row.put("sim", num(r.simMs()));
            row.put("real", num(r.realMs()));
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
