package org.viplab.charts;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * How the charts look: axes, plots, renderers, colours, legends, shaded intervals and ticks, in the chart text's
 * language. Builds the plots around the datasets {@link ChartSampler} fills; knows nothing of the timeline.
 */
final class ChartStyle {
    static final Color[] HOST_COLORS = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0x9467bd)};
    static final Color GAP_PAINT = new Color(255, 193, 7, 70);
    static final Color SPLIT_PAINT = new Color(214, 39, 40, 60);
    /** The "both" lane's bar: the VIP on two holders, in the split brain's red at full strength. */
    static final Color BOTH = new Color(0xd62728);
    static final Color OUTAGE_PAINT = new Color(214, 39, 40, 45);
    static final Color REFUSED = new Color(0xd62728);
    static final Color TIMEOUT = new Color(0x6a1b9a);
    static final Color ZERO_ADVERT = new Color(0xd62728);
    static final Color HIGHLIGHT = new Color(0x00897b);

    private final ChartText text;
    private final List<String> hosts;
    private final ChartLook look;
    /** While plots are named in their top-left corner, shaded intervals put their labels a line lower. */
    private boolean cornerLabels;

    ChartStyle(ChartText text, List<String> hosts) { this(text, hosts, ChartLook.DEFAULT); }

    ChartStyle(ChartText text, List<String> hosts, ChartLook look) {
        this.text = text;
        this.hosts = hosts;
        this.look = look;
    }

    /** The three plots stacked on one time axis; lanes and priorities have fixed ranges, so zoom and pan act on time only. */
    CombinedDomainXYPlot combinedPlot(NumberAxis timeAxis, List<XYPlot> vipPlots, XYPlot advertPlot, XYPlot clientPlot) {
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(timeAxis) {
            @Override
            public boolean isRangeZoomable() { return false; }

            @Override
            public void zoomRangeAxes(double factor, org.jfree.chart.plot.PlotRenderingInfo info, java.awt.geom.Point2D source) { }

            @Override
            public void zoomRangeAxes(double factor, org.jfree.chart.plot.PlotRenderingInfo info, java.awt.geom.Point2D source,
                                      boolean useAnchor) { }

            @Override
            public void zoomRangeAxes(double lower, double upper, org.jfree.chart.plot.PlotRenderingInfo info,
                                      java.awt.geom.Point2D source) { }
        };
        plot.setDomainPannable(true);
        plot.setGap(8);
        for (XYPlot vipPlot : vipPlots) plot.add(vipPlot, 2);
        plot.add(advertPlot, 3);
        plot.add(clientPlot, 2);
        plot.setFixedLegendItems(combinedLegend());
        return plot;
    }

    /** Fixed range: 0 (priority-0 adverts) to a little above the highest priority seen, so lines never touch the frame. */
    static void advertRange(XYPlot advertPlot, int maxPriority) {
        double top = Math.max(10, maxPriority) * 1.12 + 2;
        advertPlot.getRangeAxis().setRange(new Range(-top * 0.06, top), true, false);
    }

    /** Separate charts pick their ticks alone and disagree (1 s here, 0.5 s there): give them one unit. */
    static void sameTicks(List<XYPlot> plots, Range r, double windowSeconds, int widthPx) {
        double step = tickSeconds(windowSeconds, widthPx);
        // ticks a minute or more apart read as h:mm:ss ("1:05:00"), not as "3,900"; the axis must not pick
        // another (standard, decimal) unit while it draws
        org.jfree.chart.axis.NumberTickUnit unit = step >= 60 ? new org.jfree.chart.axis.NumberTickUnit(step, HMS)
                : new org.jfree.chart.axis.NumberTickUnit(step);
        for (XYPlot p : plots) {
            p.getDomainAxis().setRange(r, true, false);
            ((NumberAxis) p.getDomainAxis()).setTickUnit(unit, false, step >= 60);
        }
    }

    /** The shared time axis of the app's chart: h:mm:ss ticks for a window of minutes or more, JFreeChart's own below. */
    static void timeTicks(NumberAxis axis, double windowSeconds, int widthPx) {
        double step = tickSeconds(windowSeconds, widthPx);
        if (step >= 60) axis.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(step, HMS), false, true);
        else if (!axis.isAutoTickUnitSelection()) axis.setAutoTickUnitSelection(true, false);
    }

    /** Seconds as h:mm:ss, through {@link ChartText#hms}. */
    static final java.text.NumberFormat HMS = new java.text.NumberFormat() {
        @Override
        public StringBuffer format(double number, StringBuffer toAppendTo, java.text.FieldPosition pos) {
            return toAppendTo.append(ChartText.hms(number));
        }

        @Override
        public StringBuffer format(long number, StringBuffer toAppendTo, java.text.FieldPosition pos) {
            return toAppendTo.append(ChartText.hms(number));
        }

        @Override
        public Number parse(String source, java.text.ParsePosition parsePosition) { return null; }
    };

    /** A tick every 1, 2, 5, 10, 15, 30 s, 1, 2, 5, 10, 15, 30 min, 1, 2, 3, 6, 12 h: about one per 90 pixels. */
    static double tickSeconds(double windowSeconds, int widthPx) {
        double wanted = windowSeconds / Math.max(2, widthPx / 90.0);
        double[] steps = {0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800,
                3600, 7200, 10800, 21600, 43200, 86400};
        for (double st : steps) if (st >= wanted) return st;
        return Math.ceil(wanted / 86400) * 86400;
    }

    /** The selected instant, as a line across a plot. */
    static void highlight(XYPlot p, long tUs) {
        ValueMarker m = new ValueMarker(tUs / 1e6, HIGHLIGHT, new BasicStroke(1.5f));
        p.addDomainMarker(m, Layer.FOREGROUND);
    }

    /** Shades each band on {@code plot}, labelled with {@code label} and its length when the bands may carry labels. */
    void shade(XYPlot plot, ChartSampler.Bands bands, Color paint, String label, double bucketUs) {
        for (long[] iv : bands.intervals()) {
            // at least one pixel column wide, or a short gap in a long window would vanish
            double start = iv[0] / 1e6;
            double end = Math.max(iv[1], (long) (iv[0] + bucketUs)) / 1e6;
            IntervalMarker m = new IntervalMarker(start, end, paint);
            if (bands.labelled()) {
                m.setLabel(label + " " + ChartText.length(iv[1] - iv[0]));
                m.setLabelFont(text.font(Font.PLAIN, 10));
                m.setLabelPaint(look.labelInk());
                m.setLabelBackgroundColor(look.labelBackground());
                m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
                m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
                m.setLabelOffset(new RectangleInsets(cornerLabels ? 2 + 16 * text.scale() : 2, 3, 2, 2));
            }
            plot.addDomainMarker(m, Layer.BACKGROUND);
        }
    }

    NumberAxis newTimeAxis() {
        NumberAxis axis = new NumberAxis(text.get("chart.time"));
        axis.setAutoRangeIncludesZero(false);
        axis.setLabelFont(text.font(Font.PLAIN, 12));
        axis.setTickLabelFont(text.font(Font.PLAIN, 11));
        ink(axis);
        axis.setLowerMargin(0);
        axis.setUpperMargin(0);
        return axis;
    }

    private XYPlot basePlot(ValueAxis rangeAxis) {
        rangeAxis.setLabelFont(text.font(Font.BOLD, 12));
        rangeAxis.setTickLabelFont(text.font(Font.PLAIN, 11));
        ink(rangeAxis);
        XYPlot p = new XYPlot(null, newTimeAxis(), rangeAxis, null);
        p.setBackgroundPaint(look.paper());
        p.setDomainGridlinePaint(look.grid());
        p.setRangeGridlinePaint(look.grid());
        p.setOutlinePaint(look.outline());
        // JFreeChart's default outline (0.5 px, round joins) is rasterised as a general shape across the whole plot;
        // with mitred joins Java2D draws the rectangle on its fast path, 1 ms less per redraw, same pixels to the eye
        p.setOutlineStroke(new BasicStroke(0.5f, BasicStroke.CAP_SQUARE, BasicStroke.JOIN_MITER));
        p.setAxisOffset(RectangleInsets.ZERO_INSETS);
        return p;
    }

    /** Light charts keep JFreeChart's own ink, as before themes; dark ones get light ink on dark paper. */
    private void ink(ValueAxis a) {
        if (!look.dark()) return;
        a.setLabelPaint(look.ink());
        a.setTickLabelPaint(look.ink());
        a.setAxisLinePaint(look.outline());
        a.setTickMarkPaint(look.outline());
    }

    /**
     * A plot's name in its top-left corner, for a chart too short for rotated axis labels (which would run into
     * the next plot's): relative to the data area, so it stays put while the time axis scrolls.
     */
    void setCornerLabels(boolean on) { cornerLabels = on; }

    org.jfree.chart.annotations.XYTitleAnnotation cornerLabel(String label) {
        org.jfree.chart.title.TextTitle t = new org.jfree.chart.title.TextTitle(label, text.font(Font.BOLD, 11));
        t.setPaint(look.labelInk());
        t.setBackgroundPaint(look.labelBackground());
        t.setPadding(new RectangleInsets(1, 3, 1, 3));
        return new org.jfree.chart.annotations.XYTitleAnnotation(0.0, 1.0, t, RectangleAnchor.TOP_LEFT);
    }

    private SymbolAxis laneAxis(String label, List<String> lanes) {
        SymbolAxis a = new SymbolAxis(label, lanes.toArray(new String[0]));
        a.setGridBandsVisible(false);
        a.setAutoRange(false);
        a.setRange(-0.6, lanes.size() - 0.4);
        return a;
    }

    /**
     * The VIP-location plot of one instance: {@code instance} null for a topology with one instance per node (the
     * plot as it always was), else its name on the axis ("VI_READ on").
     */
    XYPlot vipPlot(BufferDataset vipHolder, BufferDataset vipBars, String instance) {
        List<String> lanes = new ArrayList<>();
        lanes.add(text.get("chart.vip.none"));
        lanes.addAll(hosts);
        lanes.add(text.get("chart.vip.both"));
        String axis = instance == null ? text.get("chart.vip.axis") : text.format("chart.vip.instanceAxis", instance);
        XYPlot p = basePlot(laneAxis(axis, lanes));
        XYLineAndShapeRenderer bars = lineRenderer(true, false);
        for (int h = 0; h <= hosts.size(); h++) {
            bars.setSeriesPaint(h, h < hosts.size() ? hostColor(h) : BOTH);
            bars.setSeriesStroke(h, new BasicStroke(12f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
        }
        XYStepRenderer step = new XYStepRenderer();
        step.setDefaultCreateEntities(false);
        step.setSeriesPaint(0, look.holderLine());
        step.setSeriesStroke(0, new BasicStroke(1.6f));
        p.setDataset(0, vipHolder);
        p.setRenderer(0, step);
        p.setDataset(1, vipBars);
        p.setRenderer(1, bars);
        return p;
    }

    XYPlot advertPlot(BufferDataset advertMarks, BufferDataset effective) {
        NumberAxis axis = new NumberAxis(text.get("chart.adverts.axis"));
        axis.setAutoRange(false);
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYPlot p = basePlot(axis);
        XYLineAndShapeRenderer marks = markRenderer();
        for (int h = 0; h < hosts.size(); h++) {
            marks.setSeriesPaint(h, hostColor(h));
            marks.setSeriesShape(h, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
        }
        marks.setSeriesPaint(hosts.size(), ZERO_ADVERT);
        marks.setSeriesShape(hosts.size(), triangle(7));
        XYStepRenderer lines = new XYStepRenderer();
        lines.setDefaultCreateEntities(false);
        for (int h = 0; h < hosts.size(); h++) {
            lines.setSeriesPaint(h, hostColor(h));
            lines.setSeriesStroke(h, dashed());
        }
        p.setDataset(0, advertMarks);
        p.setRenderer(0, marks);
        p.setDataset(1, effective);
        p.setRenderer(1, lines);
        return p;
    }

    XYPlot clientPlot(BufferDataset probeMarks) {
        List<String> lanes = new ArrayList<>(List.of(text.get("chart.client.timeout"), text.get("chart.client.refused")));
        lanes.addAll(hosts);
        XYPlot p = basePlot(laneAxis(text.get("chart.client.axis"), lanes));
        XYLineAndShapeRenderer marks = markRenderer();
        Shape tick = new Rectangle2D.Double(-1, -6, 2, 12);
        marks.setSeriesPaint(0, TIMEOUT);
        marks.setSeriesPaint(1, REFUSED);
        for (int lane = 0; lane < 2 + hosts.size(); lane++) {
            marks.setSeriesShape(lane, tick);
            if (lane >= 2) marks.setSeriesPaint(lane, hostColor(lane - 2));
        }
        p.setDataset(0, probeMarks);
        p.setRenderer(0, marks);
        return p;
    }

    private static XYLineAndShapeRenderer lineRenderer(boolean lines, boolean shapes) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(lines, shapes);
        r.setDefaultCreateEntities(false); // no entity per point: they cost more than the drawing
        r.setAutoPopulateSeriesShape(false);
        r.setDefaultShape(new Rectangle2D.Double(-2, -2, 4, 4));
        return r;
    }

    /** Marks drawn a series at a time (see {@link MarkRenderer}), configured as {@link #lineRenderer} is. */
    private static XYLineAndShapeRenderer markRenderer() {
        XYLineAndShapeRenderer r = new MarkRenderer();
        r.setDefaultCreateEntities(false);
        r.setAutoPopulateSeriesShape(false);
        r.setDefaultShape(new Rectangle2D.Double(-2, -2, 4, 4));
        return r;
    }

    JFreeChart chart(String title, org.jfree.chart.plot.Plot plot) {
        JFreeChart c = new JFreeChart(title, text.font(Font.BOLD, 14), plot, true);
        c.setBackgroundPaint(look.paper());
        if (c.getTitle() != null && look.dark()) c.getTitle().setPaint(look.ink());
        c.setPadding(new RectangleInsets(4, 4, 4, 8));
        LegendTitle legend = c.getLegend();
        if (legend != null) {
            legend.setItemFont(text.font(Font.PLAIN, 11));
            if (look.dark()) legend.setItemPaint(look.ink());
            legend.setBackgroundPaint(look.paper());
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        }
        return c;
    }

    /**
     * The VIP chart of a report when there are several instances: one plot per instance on one time axis, with the
     * first plot's legend once (every plot has the same lanes and colours).
     */
    CombinedDomainXYPlot vipPlots(NumberAxis timeAxis, List<XYPlot> vipPlots) {
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(timeAxis);
        plot.setGap(8);
        for (XYPlot p : vipPlots) plot.add(p, 1);
        plot.setFixedLegendItems(vipPlots.get(0).getLegendItems());
        return plot;
    }

    /** One legend for the stacked plots: host colours once, then the special marks and shadings. */
    LegendItemCollection combinedLegend() {
        LegendItemCollection items = new LegendItemCollection();
        for (int h = 0; h < hosts.size(); h++) {
            items.add(new LegendItem(hosts.get(h), null, null, null, new Rectangle2D.Double(-5, -4, 10, 8), hostColor(h)));
        }
        items.add(lineItem(text.get("chart.vip.holder"), look.holderLine(), new BasicStroke(1.6f)));
        items.add(new LegendItem(text.get("chart.vip.bothLegend"), null, null, null, new Rectangle2D.Double(-5, -4, 10, 8), BOTH));
        items.add(new LegendItem(text.get("chart.adverts.zero"), null, null, null, triangle(7), ZERO_ADVERT));
        items.add(lineItem(text.format("chart.adverts.effective", "").trim(), Color.GRAY, dashed()));
        items.add(new LegendItem(text.get("chart.client.refused"), null, null, null, new Rectangle2D.Double(-1, -5, 2, 10), REFUSED));
        items.add(new LegendItem(text.get("chart.client.timeout"), null, null, null, new Rectangle2D.Double(-1, -5, 2, 10), TIMEOUT));
        items.add(shadeItem(text.get("chart.vip.gap"), GAP_PAINT));
        items.add(shadeItem(text.get("chart.vip.split"), SPLIT_PAINT));
        items.add(shadeItem(text.get("chart.client.outage"), OUTAGE_PAINT));
        return items;
    }

    private static LegendItem lineItem(String label, Paint paint, Stroke stroke) {
        return new LegendItem(label, null, null, null, false, new Rectangle2D.Double(-4, -4, 8, 8), false, paint, false,
                paint, stroke, true, new java.awt.geom.Line2D.Double(-8, 0, 8, 0), stroke, paint);
    }

    private static LegendItem shadeItem(String label, Color paint) {
        Color opaque = new Color(paint.getRed(), paint.getGreen(), paint.getBlue(), Math.min(255, paint.getAlpha() * 2));
        return new LegendItem(label, null, null, null, new Rectangle2D.Double(-6, -5, 12, 10), opaque);
    }

    private static Stroke dashed() {
        return new BasicStroke(1.4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[]{5f, 3f}, 0f);
    }

    private static Shape triangle(double size) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(0, -size);
        p.lineTo(size * 0.9, size * 0.6);
        p.lineTo(-size * 0.9, size * 0.6);
        p.closePath();
        return p;
    }

    static Color hostColor(int index) { return HOST_COLORS[index % HOST_COLORS.length]; }
}
