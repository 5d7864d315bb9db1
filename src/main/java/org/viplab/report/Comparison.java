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

    /** One figure on both engines, in milliseconds; null where an engine has none (e.g. no such failover). */
    public record Row(String what, Double simMs, Double realMs) {
        public Double diffMs() { return simMs == null || realMs == null ? null : Math.round((simMs - realMs) * 1000) / 1000.0; }
    }

    private Comparison() { }

    public static List<Row> rows(DrillResult sim, DrillResult real) {
        TimelineAnalysis s = sim.analysis();
        TimelineAnalysis r = real.analysis();
        List<Row> out = new ArrayList<>();
        out.add(new Row("longest no-VIP gap", ms(s.longestGapUs()), ms(r.longestGapUs())));
        out.add(new Row("split brain (total)", ms(s.splitBrainUs()), ms(r.splitBrainUs())));
        out.add(new Row("longest client outage", ms(s.longestOutageUs()), ms(r.longestOutageUs())));
        List<Failover> fs = s.failovers();
        List<Failover> fr = r.failovers();
        for (int i = 0; i < Math.max(fs.size(), fr.size()); i++) {
            Failover a = i < fs.size() ? fs.get(i) : null;
            Failover b = i < fr.size() ? fr.get(i) : null;
            String n = "failover " + (i + 1) + " (" + label(a != null ? a : b) + "): ";
            out.add(new Row(n + "detection", a == null || a.causeUs() < 0 ? null : ms(a.detectionUs()), b == null || b.causeUs() < 0 ? null : ms(b.detectionUs())));
            out.add(new Row(n + "no-VIP gap", a == null ? null : ms(a.gapUs()), b == null ? null : ms(b.gapUs())));
            out.add(new Row(n + "failover time", a == null || a.causeUs() < 0 ? null : ms(a.failoverUs()), b == null || b.causeUs() < 0 ? null : ms(b.failoverUs())));
            out.add(new Row(n + "client downtime", a == null ? null : ms(a.clientDowntimeUs()), b == null ? null : ms(b.clientDowntimeUs())));
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

    static String html(DrillResult sim, DrillResult real, List<Row> rows, Locale locale) throws IOException {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>").append(esc("VIP Lab: " + sim.drill().name() + ", simulator vs real hosts"))
                .append("</title><style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px}"
                        + "td.n{text-align:right}.cols{display:flex;gap:1em}.cols div{flex:1}img{width:100%}</style></head><body>\n");
        b.append("<h1>").append(esc(sim.drill().name())).append(": simulator vs real hosts</h1>\n");
        b.append("<p>Simulator: ").append(sim.passed() ? "passed" : "FAILED").append(" (<a href=\"sim/report.html\">report</a>); real hosts: ")
                .append(real.passed() ? "passed" : "FAILED").append(" (<a href=\"ssh/report.html\">report</a>).</p>\n");
        b.append("<table><tr><th>figure</th><th>simulator (ms)</th><th>real hosts (ms)</th><th>simulator − real (ms)</th></tr>\n");
        for (Row r : rows) {
            b.append("<tr><td>").append(esc(r.what())).append("</td><td class=\"n\">").append(num(r.simMs())).append("</td><td class=\"n\">")
                    .append(num(r.realMs())).append("</td><td class=\"n\">").append(num(r.diffMs())).append("</td></tr>\n");
        }
        b.append("</table>\n<div class=\"cols\">");
        for (DrillResult d : List.of(sim, real)) {
            ChartData data = new ChartData(d.drill().topology());
            data.addAll(d.events());
            LabCharts charts = LabCharts.combined(data, locale);
            charts.show(0, d.endUs(), 900);
            byte[] png = ChartImages.png(charts.chart(), 900, 700);
            b.append("<div><h2>").append(d.engine().equals("sim") ? "simulator" : "real hosts").append("</h2><img alt=\"charts\" src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(png)).append("\"></div>");
        }
        b.append("</div>\n</body></html>\n");
        return b.toString();
    }

    private static Double ms(long us) { return us / 1000.0; }

    private static String label(Failover f) { return f.from() + " → " + f.to(); }

    private static String num(Double d) { return d == null ? "–" : String.format(Locale.ROOT, "%.1f", d); }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
