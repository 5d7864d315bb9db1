package org.viplab.report;

import org.jfree.chart.JFreeChart;
import org.viplab.charts.ChartText;
import org.viplab.charts.TradeoffChart;
import org.viplab.tune.Evaluation;
import org.viplab.tune.TuneResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The trade-off plot of a tuning search, for the report and the app's Tune dialog alike (one drawing, one text). */
public final class TuneChart {
    private TuneChart() { }

    public static JFreeChart of(TuneResult r, Locale locale) {
        ReportModel text = new ReportModel(locale);
        Evaluation best = r.best();
        List<TradeoffChart.Point> bestPts = new ArrayList<>();
        List<TradeoffChart.Point> ok = new ArrayList<>();
        List<TradeoffChart.Point> slow = new ArrayList<>();
        List<TradeoffChart.Point> flaps = new ArrayList<>();
        for (Evaluation e : r.evaluations()) {
            if (e.downtime().p99() == Long.MAX_VALUE) continue; // never failed over: no downtime to plot (counted in the caption)
            TradeoffChart.Point p = new TradeoffChart.Point(e.falseFailoverRate(), e.downtime().p99());
            if (e == best) bestPts.add(p);
            else if (e.meets()) ok.add(p);
            else if (e.verdict() == Evaluation.Verdict.FALSE_FAILOVERS) flaps.add(p);
            else slow.add(p);
        }
        List<TradeoffChart.Group> groups = new ArrayList<>();
        groups.add(new TradeoffChart.Group(text.t("tune.group.flaps"), TradeoffChart.FLAPS, flaps));
        groups.add(new TradeoffChart.Group(text.t("tune.group.slow"), TradeoffChart.SLOW, slow));
        groups.add(new TradeoffChart.Group(text.t("tune.group.meets"), TradeoffChart.RECOMMENDED, ok));
        groups.add(new TradeoffChart.Group(text.t("tune.group.best"), TradeoffChart.BEST, bestPts));
        return TradeoffChart.chart(new ChartText(locale), text.t("tune.chart.title"), text.t("tune.chart.x"), text.t("tune.chart.y"),
                text.f("tune.chart.target", String.format(Locale.ROOT, "%.1f", r.request().maxDowntimeP99Us() / 1e6)),
                r.request().maxDowntimeP99Us(), groups);
    }

    /** How many candidates the plot leaves out because their VIP never moved. */
    public static long notPlotted(TuneResult r) {
        return r.evaluations().stream().filter(e -> e.downtime().p99() == Long.MAX_VALUE).count();
    }
}
