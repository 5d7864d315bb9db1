package org.viplab.report;

import org.jfree.chart.JFreeChart;
import org.viplab.charts.ChartText;
import org.viplab.charts.DistributionCharts;
import org.viplab.sweep.KolmogorovSmirnov;
import org.viplab.sweep.RealComparison;
import org.viplab.sweep.SweepPlan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Real hosts against the simulator, as sweep.html and the Sweep tab both show it: per metric a row of the KS table
 * (both samples' sizes, medians and ranges, D, p, the critical D and the verdict in words) and a chart with both
 * CDFs, each line labelled with its engine. One place for these texts and number formats.
 */
public final class RealTable {
    /**
     * One metric's row, as shown.
     *
     * @param status "failed" when the samples differ at α = 0.05, "passed" when they do not, "" when it cannot be told
     */
    public record Row(String name, String runs, String simP50, String simRange, String realP50, String realRange,
                      String d, String p, String crit, String verdict, String status) { }

    /** One metric's chart: both samples' CDFs (the simulator's seeds and the real runs). */
    public record Chart(String name, JFreeChart chart) { }

    private final RealComparison comparison;
    private final ReportModel text;
    private final ChartText chartText;

    public RealTable(RealComparison comparison, Locale locale) {
        this.comparison = comparison;
        this.text = new ReportModel(locale);
        this.chartText = new ChartText(locale);
    }

    /** "3 runs on real hosts (3 passed) beside the simulator's seeds 1-60 (60 runs)." */
    public String summary() {
        SweepPlan plan = comparison.simulated().plan();
        return text.f("sweep.real.summary", comparison.real().size(), comparison.realPassed(), plan.seeds().toString(), plan.runs());
    }

    /** The legend of the simulator's line: "simulator, seeds 1-60". */
    public String simulatorLabel() { return text.f("sweep.real.sim", comparison.simulated().plan().seeds().toString()); }

    /** The legend of the real hosts' line: "real hosts, 3 runs". */
    public String realLabel() { return text.f("sweep.real.real", comparison.real().size()); }

    /** A text of the report's sweep section as the report words it ("sweep.real.col.crit", "sweep.col.metric"). */
    public String text(String key) { return text.t(key); }

    /** A metric's name (its heading in the table and its chart's title). */
    public String metricName(org.viplab.sweep.Metric m) { return text.t(m.textKey()); }

    public List<Row> rows() {
        List<Row> out = new ArrayList<>();
        for (RealComparison.Row r : comparison.rows()) {
            KolmogorovSmirnov.Result ks = r.ks();
            RealComparison.Verdict v = r.verdict();
            out.add(new Row(text.t(r.metric().textKey()),
                    (r.real() == null ? 0 : r.real().n()) + " / " + (r.simulated() == null ? 0 : r.simulated().n()),
                    r.simulated() == null ? "–" : ms(r.simulated().p50()),
                    r.simulated() == null ? "–" : ms(r.simulated().min()) + " – " + ms(r.simulated().max()),
                    r.real() == null ? "–" : ms(r.real().p50()),
                    r.real() == null ? "–" : ms(r.real().min()) + " – " + ms(r.real().max()),
                    ks == null ? "–" : String.format(Locale.ROOT, "%.3f", ks.d()),
                    ks == null ? "–" : ks.pValue() < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.3f", ks.pValue())
                            + (ks.exact() ? "" : " " + text.t("sweep.real.asymptotic")),
                    ks == null ? "–" : ks.tooFew() ? text.t("sweep.real.critNone") : String.format(Locale.ROOT, "%.3f", ks.critical()),
                    text.t("sweep.real.verdict." + v.name().toLowerCase(Locale.ROOT)),
                    v == RealComparison.Verdict.DIFFER ? "failed" : v == RealComparison.Verdict.NO_DIFFERENCE ? "passed" : ""));
        }
        return out;
    }

    /** A chart per metric that has a nonzero value on either side (no split brain anywhere: the table says 0, a chart adds nothing). */
    public List<Chart> charts() {
        List<Chart> out = new ArrayList<>();
        for (RealComparison.Row r : comparison.rows()) {
            long[] sim = RealComparison.values(comparison.simulated().runsOf(0), r.metric());
            long[] rv = RealComparison.values(comparison.real(), r.metric());
            if (max(sim) == 0 && max(rv) == 0) continue;
            List<DistributionCharts.Sample> samples = new ArrayList<>();
            if (sim.length > 0) samples.add(new DistributionCharts.Sample(simulatorLabel(), sim));
            if (rv.length > 0) samples.add(new DistributionCharts.Sample(realLabel(), rv));
            String name = text.t(r.metric().textKey());
            out.add(new Chart(name, DistributionCharts.cdf(chartText, name, samples)));
        }
        return out;
    }

    private static String ms(long us) { return SweepReport.ms(us); }

    private static long max(long[] v) { long x = 0; for (long l : v) x = Math.max(x, l); return x; }
}
