package org.viplab.charts;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.util.List;

/**
 * The tuning advisor's trade-off: each candidate a point at its false-failover rate (x, % of no-fault runs) and
 * its client downtime p99 (y, ms), coloured by group (recommended, too slow, false failovers, …), with the target
 * as a dashed line. Groups are drawn in the order given, so the recommended points can be drawn last, on top.
 */
public final class TradeoffChart {
    /** One group of points, its legend text and colour. */
    public record Group(String label, Color colour, List<Point> points) { }

    /** A candidate: false failovers per no-fault run (0..1) and downtime p99 in microseconds. */
    public record Point(double falseFailoverRate, long p99Us) { }

    public static final Color RECOMMENDED = new Color(0x2ca02c);
    public static final Color BEST = new Color(0x1f77b4);
    public static final Color SLOW = new Color(0xff7f0e);
    public static final Color FLAPS = new Color(0xd62728);

    private TradeoffChart() { }

    public static JFreeChart chart(ChartText text, String title, String xLabel, String yLabel, String targetLabel, long targetUs, List<Group> groups) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        int k = 0;
        for (Group g : groups) {
            XYSeries s = new XYSeries(g.label() + " (" + g.points().size() + ")", false, true);
            for (Point p : g.points()) s.add(p.falseFailoverRate() * 100, p.p99Us() / 1000.0);
            data.addSeries(s);
            r.setSeriesPaint(k, g.colour());
            double size = g.colour().equals(BEST) ? 11 : 7;
            r.setSeriesShape(k, new Ellipse2D.Double(-size / 2, -size / 2, size, size));
            k++;
        }
        NumberAxis x = new NumberAxis(xLabel);
        NumberAxis y = new NumberAxis(yLabel);
        for (NumberAxis a : new NumberAxis[] {x, y}) {
            a.setLabelFont(text.font(Font.PLAIN, 12));
            a.setTickLabelFont(text.font(Font.PLAIN, 11));
            a.setAutoRangeIncludesZero(true);
        }
        XYPlot plot = new XYPlot(data, x, y, r);
        // from 0 %, and at least to 1 %: with no false failover anywhere the axis still reads as a rate
        double maxRate = 0;
        for (Group g : groups) for (Point p : g.points()) maxRate = Math.max(maxRate, p.falseFailoverRate() * 100);
        x.setRange(0, Math.max(1, maxRate * 1.08));
        // the target line always in view, with room above it for its label
        y.setRange(0, Math.max(y.getUpperBound(), targetUs / 1000.0 * 1.15));
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        ValueMarker target = new ValueMarker(targetUs / 1000.0, Color.BLACK,
                new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f));
        target.setLabel(targetLabel);
        target.setLabelFont(text.font(Font.PLAIN, 11));
        target.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        target.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        plot.addRangeMarker(target);
        JFreeChart c = new JFreeChart(title, text.font(Font.BOLD, 14), plot, true);
        c.setBackgroundPaint(Color.WHITE);
        LegendTitle l = c.getLegend();
        l.setItemFont(text.font(Font.PLAIN, 11));
        l.setPosition(RectangleEdge.BOTTOM);
        return c;
    }
}
