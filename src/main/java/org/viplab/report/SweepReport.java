package org.viplab.report;

import org.jfree.chart.JFreeChart;
import org.viplab.charts.ChartImages;
import org.viplab.charts.ChartText;
import org.viplab.charts.DistributionCharts;
import org.viplab.core.model.FailoverBudget;
import org.viplab.core.util.AtomicFiles;
import org.viplab.core.util.Durations;
import org.viplab.sweep.CombinationStats;
import org.viplab.sweep.DrillBudget;
import org.viplab.sweep.Metric;
import org.viplab.sweep.KolmogorovSmirnov;
import org.viplab.sweep.Quantiles;
import org.viplab.sweep.RealComparison;
import org.viplab.sweep.RunFigures;
import org.viplab.sweep.SweepCsv;
import org.viplab.sweep.SweepJson;
import org.viplab.sweep.SweepPlan;
import org.viplab.sweep.SweepResult;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A sweep's report: sweep.html (each metric's CDF over the combinations, a histogram per combination, the
 * quantiles, the pass rates and the worst runs with the command that repeats each), sweep.json and runs.csv.
 */
public final class SweepReport {
    public static final String HTML = "sweep.html";
    public static final String JSON = "sweep.json";
    public static final String CSV = "runs.csv";
    /** More combinations than this get their tables but no histograms: a page of 400 charts helps no one. */
    static final int MAX_HISTOGRAM_COMBINATIONS = 12;

    /** The exact command line that repeats run {@code seed} of {@code combination} (built and quoted by the caller). */
    public interface Reproduce {
        String command(SweepPlan.Combination combination, long seed);
    }

    private SweepReport() { }

    public static void write(SweepResult result, Path dir, Locale locale, Reproduce reproduce) throws IOException {
        write(result, null, dir, locale, reproduce);
    }

    /** With {@code real} (may be null): the real runs overlaid on the simulated ones, and the KS table, first on the page. */
    public static void write(SweepResult result, RealComparison real, Path dir, Locale locale, Reproduce reproduce) throws IOException {
        java.nio.file.Files.createDirectories(dir);
        AtomicFiles.writeString(dir.resolve(JSON), SweepJson.toJson(result, real));
        AtomicFiles.write(dir.resolve(CSV), o -> {
            Writer w = new OutputStreamWriter(o, StandardCharsets.UTF_8);
            if (real == null) SweepCsv.write(result, w); else SweepCsv.write(real, w);
            w.flush();
        });
        AtomicFiles.writeString(dir.resolve(HTML), html(result, real, locale, reproduce));
    }

    static String html(SweepResult result, Locale locale, Reproduce reproduce) throws IOException { return html(result, null, locale, reproduce); }

    static String html(SweepResult result, RealComparison real, Locale locale, Reproduce reproduce) throws IOException {
        ReportModel text = new ReportModel(locale);
        ChartText chartText = new ChartText(locale);
        SweepPlan plan = result.plan();
        List<CombinationStats> stats = result.stats();
        Map<String, Object> m = new HashMap<>();
        m.put("t", text.texts());
        m.put("lang", locale.getLanguage().equals("zh") ? "zh-CN" : "en");
        m.put("css", Templates.css());
        m.put("drill", plan.drill().name(locale));
        m.put("summary", text.f("sweep.summary", plan.seeds().toString(), plan.seeds().count(), plan.combinations().size(), plan.runs()));
        List<Map<String, Object>> cdfs = new ArrayList<>();
        for (Metric metric : Metric.values()) {
            List<DistributionCharts.Sample> samples = new ArrayList<>();
            for (CombinationStats c : stats) {
                long[] v = values(result.runsOf(c.combination().index()), metric);
                if (v.length > 0) samples.add(new DistributionCharts.Sample(label(c, text), v));
            }
            Map<String, Object> cm = new HashMap<>();
            cm.put("name", text.t(metric.textKey()));
            if (samples.isEmpty() || samples.stream().allMatch(s -> max(s.us()) == 0)) {
                cm.put("none", text.t(samples.isEmpty() ? "sweep.metric.none" : "sweep.metric.zero"));
            } else {
                cm.put("png", png(DistributionCharts.cdf(chartText, text.t(metric.textKey()), samples), 1000, 360));
            }
            cdfs.add(cm);
        }
        m.put("cdfs", cdfs);
        List<Map<String, Object>> combos = new ArrayList<>();
        for (CombinationStats c : stats) combos.add(combination(result, c, text, chartText, reproduce, stats.size()));
        m.put("combinations", combos);
        if (real != null) m.put("real", real(real, text, chartText));
        m.put("histogramsLeftOut", stats.size() > MAX_HISTOGRAM_COMBINATIONS
                ? text.f("sweep.histograms.leftOut", MAX_HISTOGRAM_COMBINATIONS) : "");
        return Templates.render("sweep.ftlx", m, locale);
    }

    private static Map<String, Object> combination(SweepResult result, CombinationStats c, ReportModel text, ChartText chartText,
                                                   Reproduce reproduce, int count) throws IOException {
        Map<String, Object> cm = new HashMap<>();
        SweepPlan.Combination combo = c.combination();
        cm.put("label", label(c, text));
        cm.put("passed", text.f("sweep.passed", c.passed(), c.runs(), pct(c.passRate())));
        cm.put("status", c.passed() == c.runs() ? "passed" : "failed");
        List<Map<String, Object>> steps = new ArrayList<>();
        for (int i = 0; i < combo.drill().steps().size(); i++) {
            double rate = c.stepPassRate(i);
            if (rate < 0) continue;
            Map<String, Object> s = new HashMap<>();
            s.put("n", i + 1);
            s.put("text", combo.drill().stepText(combo.drill().steps().get(i), text.locale()));
            s.put("rate", pct(rate));
            s.put("status", rate == 1 ? "passed" : "failed");
            steps.add(s);
        }
        cm.put("steps", steps);
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Map<String, Object>> histograms = new ArrayList<>();
        List<Map<String, Object>> worst = new ArrayList<>();
        for (Metric metric : Metric.values()) {
            Quantiles q = c.quantiles().get(metric);
            Map<String, Object> row = new HashMap<>();
            row.put("name", text.t(metric.textKey()));
            row.put("n", q == null ? 0 : q.n());
            row.put("min", q == null ? "–" : ms(q.min()));
            row.put("p50", q == null ? "–" : ms(q.p50()));
            row.put("p90", q == null ? "–" : ms(q.p90()));
            row.put("p99", q == null ? "–" : ms(q.p99()));
            row.put("max", q == null ? "–" : ms(q.max()));
            rows.add(row);
            if (q == null) continue;
            if (count <= MAX_HISTOGRAM_COMBINATIONS && q.max() > 0) {
                long[] v = values(result.runsOf(combo.index()), metric);
                Map<String, Object> h = new HashMap<>();
                h.put("name", text.t(metric.textKey()));
                h.put("png", png(DistributionCharts.histogram(chartText, text.t(metric.textKey()),
                        new DistributionCharts.Sample("", v), combo.index()), 480, 260));
                histograms.add(h);
            }
            if (q.min() == q.max()) continue; // every run alike: no run is the worst
            for (RunFigures r : c.worst().get(metric)) {
                Map<String, Object> w = new HashMap<>();
                w.put("metric", text.t(metric.textKey()));
                w.put("value", ms(r.us(metric)));
                w.put("seed", r.seed());
                w.put("passed", text.t(r.passed() ? "report.result.passed" : "report.result.failed"));
                w.put("status", r.passed() ? "passed" : "failed");
                w.put("command", reproduce.command(combo, r.seed()));
                worst.add(w);
            }
        }
        cm.put("quantiles", rows);
        cm.put("histograms", histograms);
        cm.put("worst", worst);
        budget(cm, c, text, chartText);
        return cm;
    }

    /** The real runs' section: each metric's two CDFs on one chart, the KS table, and each real run's figures. */
    private static Map<String, Object> real(RealComparison c, ReportModel text, ChartText chartText) throws IOException {
        RealTable table = new RealTable(c, text.locale());
        Map<String, Object> m = new HashMap<>();
        m.put("summary", table.summary());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (RealTable.Row r : table.rows()) {
            Map<String, Object> row = new HashMap<>();
            row.put("name", r.name());
            row.put("runs", r.runs());
            row.put("simP50", r.simP50());
            row.put("simRange", r.simRange());
            row.put("realP50", r.realP50());
            row.put("realRange", r.realRange());
            row.put("d", r.d());
            row.put("p", r.p());
            row.put("crit", r.crit());
            row.put("verdict", r.verdict());
            row.put("status", r.status());
            rows.add(row);
        }
        List<Map<String, Object>> cdfs = new ArrayList<>();
        for (RealTable.Chart ch : table.charts()) {
            Map<String, Object> cm = new HashMap<>();
            cm.put("name", ch.name());
            cm.put("png", png(ch.chart(), 1000, 320));
            cdfs.add(cm);
        }
        m.put("rows", rows);
        m.put("cdfs", cdfs);
        List<Map<String, Object>> runs = new ArrayList<>();
        for (RunFigures r : c.real()) {
            Map<String, Object> rm = new HashMap<>();
            rm.put("run", r.seed());
            rm.put("passed", text.t(r.passed() ? "report.result.passed" : "report.result.failed"));
            rm.put("status", r.passed() ? "passed" : "failed");
            List<String> cells = new ArrayList<>();
            for (Metric metric : Metric.values()) cells.add(r.has(metric) ? ms(r.us(metric)) : "–");
            rm.put("cells", cells);
            runs.add(rm);
        }
        m.put("runs", runs);
        List<String> names = new ArrayList<>();
        for (Metric metric : Metric.values()) names.add(text.t(metric.textKey()));
        m.put("metricNames", names);
        return m;
    }

    /** The analytic budget of the drill's fault as a stacked bar, the measured downtime's p50, p99 and max across it. */
    private static void budget(Map<String, Object> cm, CombinationStats c, ReportModel text, ChartText chartText) throws IOException {
        FailoverBudget.Budget b = DrillBudget.of(c.combination().drill());
        if (b == null) return;
        Locale l = text.locale();
        if (!b.failsOver()) {
            cm.put("budgetNone", b.noFailover().render(l));
            return;
        }
        List<DistributionCharts.Part> parts = new ArrayList<>();
        List<Map<String, Object>> terms = new ArrayList<>();
        for (FailoverBudget.Term t : b.terms()) {
            parts.add(new DistributionCharts.Part(t.label(l), t.maxUs()));
            Map<String, Object> tm = new HashMap<>();
            tm.put("name", t.label(l));
            tm.put("range", t.minUs() == t.maxUs() ? ms(t.maxUs()) : ms(t.minUs()) + " – " + ms(t.maxUs()));
            tm.put("setting", t.setting());
            tm.put("source", t.source());
            terms.add(tm);
        }
        List<DistributionCharts.Mark> marks = new ArrayList<>();
        Quantiles q = c.quantiles().get(Metric.CLIENT_DOWNTIME);
        if (q != null) {
            marks.add(new DistributionCharts.Mark("p50", q.p50()));
            marks.add(new DistributionCharts.Mark("p99", q.p99()));
            marks.add(new DistributionCharts.Mark("max", q.max()));
        }
        cm.put("budget", png(DistributionCharts.budget(chartText, text.t("sweep.budget.chart"), parts, marks), 1000, 230));
        cm.put("budgetTerms", terms);
        cm.put("budgetSummary", text.f("sweep.budget.summary", seconds(b.maxUs()), seconds(b.failoverMinUs()), seconds(b.failoverMaxUs()),
                q == null ? "–" : seconds(q.max())));
    }

    private static String seconds(long us) { return String.format(Locale.ROOT, "%.2f", us / 1e6); }

    private static String label(CombinationStats c, ReportModel text) {
        String l = c.combination().label();
        return l.isEmpty() ? text.t("sweep.asWritten") : l;
    }

    static long[] values(List<RunFigures> runs, Metric m) {
        return runs.stream().filter(r -> r.has(m)).mapToLong(r -> r.us(m)).toArray();
    }

    private static long max(long[] v) { long x = 0; for (long l : v) x = Math.max(x, l); return x; }

    static String png(JFreeChart chart, int w, int h) throws IOException {
        return Base64.getEncoder().encodeToString(ChartImages.png(chart, w, h));
    }

    static String ms(long us) { return String.format(Locale.ROOT, "%.1f", Durations.ms(us)); }

    private static String pct(double f) { return String.format(Locale.ROOT, "%.1f%%", f * 100); }
}
