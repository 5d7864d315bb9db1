package org.viplab.report;

import org.viplab.core.util.AtomicFiles;
import org.viplab.core.util.Durations;
import org.viplab.tune.ConfigDiff;
import org.viplab.tune.Evaluation;
import org.viplab.tune.Knob;
import org.viplab.tune.TuneJson;
import org.viplab.tune.TuneResult;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * tune.html: what was searched and how many runs it took, the trade-off plot (downtime p99 against the
 * false-failover rate), the recommendations, every other candidate with why it was rejected, and the config lines
 * that apply the best one; tune.json beside it.
 */
public final class TuneReport {
    public static final String HTML = "tune.html";
    public static final String JSON = "tune.json";

    private TuneReport() { }

    public static void write(TuneResult r, Path dir, Locale locale) throws IOException {
        java.nio.file.Files.createDirectories(dir);
        AtomicFiles.writeString(dir.resolve(JSON), TuneJson.toJson(r));
        AtomicFiles.writeString(dir.resolve(HTML), html(r, locale));
    }

    static String html(TuneResult r, Locale locale) throws IOException {
        ReportModel text = new ReportModel(locale);
        Map<String, Object> m = new HashMap<>();
        m.put("t", text.texts());
        m.put("lang", locale.getLanguage().equals("zh") ? "zh-CN" : "en");
        m.put("css", Templates.css());
        m.put("topology", r.topology().name);
        m.put("target", seconds(r.request().maxDowntimeP99Us()));
        String stall = r.request().stress().stallUs() == 0 ? text.t("tune.stress.none") : Durations.format(r.request().stress().stallUs());
        String loss = r.request().stress().lossPercent() == null ? text.t("tune.stress.none") : r.request().stress().lossPercent();
        m.put("summary", text.f("tune.summary", r.topology().name, seconds(r.request().maxDowntimeP99Us()), stall, loss, r.request().seeds().toString()));
        m.put("drills", text.f("tune.drills", r.drills().failover().name(), r.drills().noFault().name()));
        long stage1 = r.evaluations().stream().filter(e -> e.stage() == 1).count();
        long screened = r.evaluations().stream().filter(Evaluation::screenedOut).count();
        m.put("search", text.f("tune.search", r.evaluations().size(), stage1, r.evaluations().size() - stage1, screened,
                r.screenSeeds().toString(), String.format(Locale.ROOT, "%,d", r.runs()), String.format(Locale.ROOT, "%,d", r.fullRuns())));
        List<Map<String, Object>> grid = new ArrayList<>();
        for (Map.Entry<Knob, List<String>> e : r.grid().values().entrySet()) {
            Map<String, Object> g = new HashMap<>();
            g.put("name", e.getKey().id());
            g.put("what", text.t(e.getKey().textKey()));
            g.put("values", String.join(", ", e.getValue()));
            g.put("written", r.grid().asWritten().value(e.getKey()));
            grid.add(g);
        }
        m.put("grid", grid);
        m.put("png", SweepReport.png(TuneChart.of(r, locale), 1000, 460));
        long left = TuneChart.notPlotted(r);
        m.put("notPlotted", left == 0 ? "" : text.f("tune.notPlotted", left));
        List<Evaluation> rec = r.recommended();
        List<Map<String, Object>> recRows = new ArrayList<>();
        for (Evaluation e : rec) recRows.add(row(e, text));
        m.put("recommended", recRows);
        m.put("recommendedNone", rec.isEmpty() ? text.t("tune.none") : "");
        List<Evaluation> near = r.nearest();
        List<Map<String, Object>> nearRows = new ArrayList<>();
        for (Evaluation e : near) nearRows.add(row(e, text));
        m.put("nearest", nearRows);
        if (!near.isEmpty()) {
            List<ConfigDiff.FileDiff> d = ConfigDiff.of(r.topology(), r.apply(near.get(0).candidate()));
            m.put("nearestLabel", near.get(0).candidate().label());
            m.put("nearestDiff", d.isEmpty() ? text.t("tune.diff.none") : ConfigDiff.text(d));
        }
        List<Evaluation> others = new ArrayList<>(r.evaluations());
        others.removeAll(rec);
        others.removeAll(near);
        others.sort(Comparator.comparing((Evaluation e) -> e.verdict()).thenComparingLong(e -> e.downtime().p99()).thenComparingInt(Evaluation::order));
        List<Map<String, Object>> otherRows = new ArrayList<>();
        for (Evaluation e : others) otherRows.add(row(e, text));
        m.put("others", otherRows);
        Evaluation written = r.asWritten();
        m.put("asWritten", written == null ? "" : text.f("tune.asWritten", written.candidate().label(), ms(written.downtime().p99()),
                written.falseFailovers(), written.noFaultRuns(), text.t("tune.verdict." + key(written))));
        Evaluation best = r.best();
        if (best != null) {
            List<ConfigDiff.FileDiff> diff = ConfigDiff.of(r.topology(), r.apply(best.candidate()));
            m.put("best", best.candidate().label());
            m.put("diff", diff.isEmpty() ? "" : ConfigDiff.text(diff));
            m.put("diffNone", diff.isEmpty() ? text.t("tune.diff.none") : "");
        }
        return Templates.render("tune.ftlx", m, locale);
    }

    private static Map<String, Object> row(Evaluation e, ReportModel text) {
        Map<String, Object> m = new HashMap<>();
        m.put("n", e.order());
        m.put("settings", e.candidate().label());
        m.put("runs", e.runs() + (e.screenedOut() ? " *" : ""));
        m.put("p50", ms(e.downtime().p50()));
        m.put("p99", ms(e.downtime().p99()));
        m.put("max", ms(e.downtime().max()));
        m.put("falseFailovers", e.falseFailovers() + " / " + e.noFaultRuns());
        m.put("verdict", text.t("tune.verdict." + key(e)));
        m.put("status", e.meets() ? "passed" : "failed");
        return m;
    }

    static String key(Evaluation e) { return e.verdict().name().toLowerCase(Locale.ROOT); }

    private static String ms(long us) { return us == Long.MAX_VALUE ? "∞" : String.format(Locale.ROOT, "%.1f", Durations.ms(us)); }

    private static String seconds(long us) { return String.format(Locale.ROOT, "%.1f", us / 1e6); }
}
