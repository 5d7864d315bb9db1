package org.viplab.charts;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.Arrays;
import java.util.List;

/**
 * Charts of a sweep's distributions (Java2D, for reports and the app): a metric's CDF with one step line per
 * combination, a histogram of one combination, and a failover budget as a stacked bar. Values in microseconds,
 * drawn in milliseconds.
 */
public final class DistributionCharts {
    /** One sample to draw: its label (a combination) and its values in microseconds. */
    public record Sample(String label, long[] us) { }

    /** One term of a budget: its label and its longest length in microseconds. */
    public record Part(String label, long us) { }

    /** A measured value drawn across the budget bar (e.g. "downtime p99"). */
    public record Mark(String label, long us) { }

    static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
        new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf)};
    static final int BINS = 40;

    private DistributionCharts() { }

    /** The fraction of runs at or below each value, one step line per sample. */
    public static JFreeChart cdf(ChartText text, String title, List<Sample> samples) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (int k = 0; k < samples.size(); k++) {
            Sample s = samples.get(k);
            XYSeries series = new XYSeries(s.label().isEmpty() ? title : s.label(), true, true);
            long[] v = s.us().clone();
            Arrays.sort(v);
            if (v.length > 0) series.add(ms(v[0]), 0.0, false);
            for (int i = 0; i < v.length; i++) {
                // the last of equal values carries the step, so a constant sample is one jump from 0 to 1
                if (i + 1 < v.length && v[i + 1] == v[i]) continue;
                series.add(ms(v[i]), (i + 1) / (double) v.length, false);
            }
            data.addSeries(series);
        }
        NumberAxis x = axis(text, text.get("chart.dist.ms"));
        x.setAutoRangeIncludesZero(true);
        NumberAxis y = axis(text, text.get("chart.dist.fraction"));
        y.setRange(0, 1.02);
        XYStepRenderer r = new XYStepRenderer();
        for (int k = 0; k < samples.size(); k++) {
            r.setSeriesPaint(k, COLORS[k % COLORS.length]);
            r.setSeriesStroke(k, new BasicStroke(1.8f));
        }
        XYPlot plot = new XYPlot(data, x, y, r);
        return chart(text, title, plot, samples.size() > 1);
    }

    /** How many runs fall in each of {@value #BINS} equal bins from the sample's min to its max. */
    public static JFreeChart histogram(ChartText text, String title, Sample sample, int colour) {
        long[] v = sample.us();
        long min = Arrays.stream(v).min().orElse(0);
        long max = Arrays.stream(v).max().orElse(0);
        double width = Math.max(1, (max - min) / (double) BINS);
        int bins = max == min ? 1 : BINS;
        int[] counts = new int[bins];
        for (long x : v) counts[Math.min(bins - 1, (int) ((x - min) / width))]++;
        XYIntervalSeries series = new XYIntervalSeries(sample.label().isEmpty() ? title : sample.label());
        for (int b = 0; b < bins; b++) {
            double lo = ms(min) + b * width / 1000;
            double hi = max == min ? ms(min) + 1 : lo + width / 1000;
            series.add((lo + hi) / 2, lo, hi, counts[b], 0, counts[b]);
        }
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        data.addSeries(series);
        XYBarRenderer r = new XYBarRenderer(0.05);
        r.setBarPainter(new StandardXYBarPainter());
        r.setShadowVisible(false);
        r.setSeriesPaint(0, COLORS[colour % COLORS.length]);
        NumberAxis y = axis(text, text.get("chart.dist.runs"));
        y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        y.setAutoRangeIncludesZero(true); // bars from zero, or small differences look large
        XYPlot plot = new XYPlot(data, axis(text, text.get("chart.dist.ms")), y, r);
        return chart(text, title, plot, false);
    }

    /** The terms of a budget stacked in one horizontal bar, in order, each in its own colour with its label. */
    public static JFreeChart budget(ChartText text, String title, List<Part> parts, List<Mark> marks) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Part p : parts) data.addValue(ms(p.us()), p.label(), "");
        StackedBarRenderer r = new StackedBarRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        for (int i = 0; i < parts.size(); i++) r.setSeriesPaint(i, COLORS[i % COLORS.length]);
        r.setMaximumBarWidth(0.5);
        NumberAxis value = axis(text, text.get("chart.dist.ms"));
        CategoryAxis cat = new CategoryAxis();
        cat.setVisible(false);
        CategoryPlot plot = new CategoryPlot(data, cat, value, r);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        for (Mark m : marks) {
            org.jfree.chart.plot.ValueMarker v = new org.jfree.chart.plot.ValueMarker(ms(m.us()), Color.BLACK,
                    new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 3f}, 0f));
            v.setLabel(m.label());
            v.setLabelFont(text.font(Font.PLAIN, 11));
            v.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_LEFT);
            v.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.TOP_RIGHT);
            plot.addRangeMarker(v);
        }
        JFreeChart c = new JFreeChart(title, text.font(Font.BOLD, 14), plot, true);
        c.setBackgroundPaint(Color.WHITE);
        legend(text, c.getLegend());
        return c;
    }

    private static JFreeChart chart(ChartText text, String title, XYPlot plot, boolean legend) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        JFreeChart c = new JFreeChart(title, text.font(Font.BOLD, 14), plot, legend);
        c.setBackgroundPaint(Color.WHITE);
        if (legend) legend(text, c.getLegend());
        return c;
    }

    private static void legend(ChartText text, LegendTitle l) {
        l.setItemFont(text.font(Font.PLAIN, 11));
        l.setPosition(RectangleEdge.BOTTOM);
    }

    private static NumberAxis axis(ChartText text, String label) {
        NumberAxis a = new NumberAxis(label);
        a.setLabelFont(text.font(Font.PLAIN, 12));
        a.setTickLabelFont(text.font(Font.PLAIN, 11));
        a.setAutoRangeIncludesZero(false);
        return a;
    }

    private static double ms(long us) { return us / 1000.0; }
}
