package org.viplab.charts;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.Range;

import java.util.List;
import java.util.Locale;

/**
 * The three charts of a lab run, drawn from a {@link ChartData}: VIP location (a lane per host, the holder as a
 * step line, no-VIP gaps and split brains shaded), VRRP adverts (a mark per advert at its priority, priority-0
 * adverts highlighted, effective priority as a step line) and client availability (a mark per probe in the lane
 * of the backend that answered or of the failure; outages shaded). Times are seconds on one shared axis.
 *
 * <p>{@link #show} has {@link ChartSampler} rebuild the datasets for one window and pixel width (the points
 * drawn are bounded by the width, not by the timeline: a 24 h run redraws as fast as a 20 s one) and
 * {@link ChartStyle} shade and scale what they say. This class holds the charts and the window shown.
 */
public final class LabCharts {
    /** Above this many points the charts are drawn without anti-aliasing (text stays smooth). */
    static final int DENSE_POINTS = 1500;

    private final ChartData data;
    private final ChartText text;
    private final ChartSampler sampler;
    private final ChartStyle style;
    private final XYPlot vipPlot;
    /** The further instances' VIP plots (VI_READ), below the client VIP's; empty for one instance per node. */
    private final List<XYPlot> instancePlots = new java.util.ArrayList<>();
    private final XYPlot advertPlot;
    private final XYPlot clientPlot;
    private final List<JFreeChart> charts;
    private final NumberAxis sharedAxis;
    private long highlightUs = Long.MIN_VALUE;
    private long shownFrom;
    private long shownTo = 1;
    private boolean updating;
    private int lastWidth = 1000;
    /** Where the run has got to: nothing is drawn or shaded past it (the future is not known yet). */
    private long knownUntilUs = Long.MAX_VALUE;
    /** The plots' names, as their rotated axis labels show them; see {@link #setCornerLabels}. */
    private final java.util.Map<XYPlot, String> plotNames = new java.util.LinkedHashMap<>();
    private final List<org.jfree.chart.annotations.XYTitleAnnotation> corners = new java.util.ArrayList<>();

    private LabCharts(ChartData data, Locale locale, boolean separate, ChartLook look) {
        this.data = data;
        this.text = new ChartText(locale, look.scale());
        this.sampler = new ChartSampler(data, text);
        this.style = new ChartStyle(text, List.copyOf(data.hosts()), look);
        vipPlot = style.vipPlot(sampler.vipHolder, sampler.vipBars, data.mainInstance());
        List<String> instances = data.moreInstances();
        for (int i = 0; i < instances.size(); i++) {
            instancePlots.add(style.vipPlot(sampler.instanceHolders.get(i), sampler.instanceBars.get(i), instances.get(i)));
        }
        advertPlot = style.advertPlot(sampler.advertMarks, sampler.effective);
        clientPlot = style.clientPlot(sampler.probeMarks);
        for (XYPlot p : allPlots()) plotNames.put(p, p.getRangeAxis().getLabel());
        if (separate) {
            sharedAxis = null;
            // several instances: the report's VIP image stacks their plots on a time axis of its own
            org.jfree.chart.plot.Plot vip = instancePlots.isEmpty() ? vipPlot : style.vipPlots(style.newTimeAxis(), vipPlots());
            charts = List.of(style.chart(text.get("chart.vip.title"), vip), style.chart(text.get("chart.adverts.title"), advertPlot),
                    style.chart(text.get("chart.client.title"), clientPlot));
        } else {
            sharedAxis = style.newTimeAxis();
            charts = List.of(style.chart(null, style.combinedPlot(sharedAxis, vipPlots(), advertPlot, clientPlot)));
        }
    }

    /** The tick step (seconds) the charts use for a window of {@code windowSeconds} drawn {@code widthPx} wide. */
    public static double tickSeconds(double windowSeconds, int widthPx) { return ChartStyle.tickSeconds(windowSeconds, widthPx); }

    /** One chart with the three plots stacked on one time axis: the app's view. */
    public static LabCharts combined(ChartData data, Locale locale) { return combined(data, locale, ChartLook.DEFAULT); }

    /** The app's view at its font scale and theme. */
    public static LabCharts combined(ChartData data, Locale locale, ChartLook look) { return new LabCharts(data, locale, false, look); }

    /** Three charts, each with its own copy of the time axis: a report's three images. */
    public static LabCharts separate(ChartData data, Locale locale) { return new LabCharts(data, locale, true, ChartLook.DEFAULT); }

    /** The combined chart, or the first of the separate ones. */
    public JFreeChart chart() { return charts.get(0); }

    /** [combined] or [VIP location, VRRP adverts, client availability]. */
    public List<JFreeChart> charts() { return charts; }

    /** The shared time axis of the combined chart (null for separate charts). */
    public NumberAxis timeAxis() { return sharedAxis; }

    public XYPlot vipPlot() { return vipPlot; }

    /** The VIP plot of each instance, the client VIP's first: [vipPlot] for one instance per node. */
    public List<XYPlot> vipPlots() {
        List<XYPlot> all = new java.util.ArrayList<>();
        all.add(vipPlot);
        all.addAll(instancePlots);
        return all;
    }

    /** Every plot, top to bottom. */
    private List<XYPlot> allPlots() {
        List<XYPlot> all = vipPlots();
        all.add(advertPlot);
        all.add(clientPlot);
        return all;
    }

    public XYPlot advertPlot() { return advertPlot; }

    public XYPlot clientPlot() { return clientPlot; }

    /** Which part of the data a plot draws, for picking the nearest event under a click. */
    public ChartData.Part partOf(XYPlot plot) {
        if (plot == vipPlot || instancePlots.contains(plot)) return ChartData.Part.VIP;
        if (plot == advertPlot) return ChartData.Part.ADVERTS;
        if (plot == clientPlot) return ChartData.Part.CLIENT;
        return ChartData.Part.ANY;
    }

    public ChartData data() { return data; }

    /** True while {@link #show} changes the axes: an axis change seen then is not the user's zoom. */
    public boolean updating() { return updating; }

    public long shownFromUs() { return shownFrom; }

    public long shownToUs() { return shownTo; }

    /** Points in the datasets now: bounded by the width, whatever the timeline's length. */
    public int pointCount() { return sampler.pointCount(); }

    /** Marks one instant (a selected event) on every plot; {@code Long.MIN_VALUE} clears it. */
    public void highlight(long tUs) {
        highlightUs = tUs;
        show(shownFrom, shownTo, lastWidth);
    }

    public long highlightUs() { return highlightUs; }

    /**
     * A short chart (a small window, a large font) names each plot in its corner instead of on a rotated axis
     * label, which would be longer than the plot is high and run into its neighbours; false puts them back.
     */
    public void setCornerLabels(boolean on) {
        if (on == !corners.isEmpty()) return;
        style.setCornerLabels(on);
        for (JFreeChart c : charts) c.setNotify(false);
        try {
            for (var e : plotNames.entrySet()) {
                XYPlot p = e.getKey();
                p.getRangeAxis().setLabel(on ? null : e.getValue());
                if (on) {
                    org.jfree.chart.annotations.XYTitleAnnotation a = style.cornerLabel(e.getValue());
                    p.addAnnotation(a, false);
                    corners.add(a);
                } else {
                    for (var a : corners) p.removeAnnotation(a, false);
                }
            }
            if (!on) corners.clear();
        } finally {
            for (JFreeChart c : charts) c.setNotify(true);
        }
        show(shownFrom, shownTo, lastWidth); // the shaded intervals' labels move below the corner or back
    }

    /** Shows or hides the legend: a very short chart gives its lines to the plots (the lanes still name the hosts). */
    public void setLegendShown(boolean on) {
        for (JFreeChart c : charts) if (c.getLegend() != null && c.getLegend().isVisible() != on) c.getLegend().setVisible(on);
    }

    public boolean legendShown() { return charts.get(0).getLegend() == null || charts.get(0).getLegend().isVisible(); }

    /** True while the plots are named in their corners. */
    public boolean cornerLabels() { return !corners.isEmpty(); }

    /** A live run: draw states and shade gaps and outages only up to {@code timeUs}, not to the window's end. */
    public void setKnownUntil(long timeUs) { knownUntilUs = timeUs; }

    /**
     * Rebuilds every dataset and shaded interval for the window [fromUs, toUs] drawn {@code widthPx} wide,
     * and sets the time axis to it. Fires one chart change.
     */
    public void show(long fromUs, long toUs, int widthPx) {
        if (toUs <= fromUs) toUs = fromUs + 1_000_000;
        shownFrom = fromUs;
        shownTo = toUs;
        lastWidth = Math.max(1, widthPx);
        updating = true;
        for (JFreeChart c : charts) c.setNotify(false);
        try {
            double bucketUs = Math.max(1.0, (toUs - fromUs) / (double) lastWidth);
            long dataTo = Math.max(fromUs + 1, Math.min(toUs, knownUntilUs));
            ChartSampler.Window w = sampler.fill(fromUs, dataTo, bucketUs);
            for (XYPlot p : allPlots()) p.clearDomainMarkers();
            style.shade(vipPlot, w.gaps(), ChartStyle.GAP_PAINT, text.get("chart.vip.gap"), bucketUs);
            style.shade(vipPlot, w.splits(), ChartStyle.SPLIT_PAINT, text.get("chart.vip.split"), bucketUs);
            for (int i = 0; i < instancePlots.size(); i++) {
                style.shade(instancePlots.get(i), w.instanceGaps().get(i), ChartStyle.GAP_PAINT, text.get("chart.vip.gap"), bucketUs);
                style.shade(instancePlots.get(i), w.instanceSplits().get(i), ChartStyle.SPLIT_PAINT, text.get("chart.vip.split"), bucketUs);
            }
            ChartStyle.advertRange(advertPlot, w.maxPriority());
            style.shade(clientPlot, w.outages(), ChartStyle.OUTAGE_PAINT, text.get("chart.client.outage"), bucketUs);
            // anti-aliasing triples the drawing time of dense views, where it shows nothing anyway
            boolean dense = pointCount() > DENSE_POINTS;
            for (JFreeChart c : charts) c.setAntiAlias(!dense);
            sampler.changed();
            Range r = new Range(fromUs / 1e6, toUs / 1e6);
            if (sharedAxis != null) {
                sharedAxis.setRange(r, true, false);
                ChartStyle.timeTicks(sharedAxis, (toUs - fromUs) / 1e6, widthPx);
            } else {
                ChartStyle.sameTicks(allPlots(), r, (toUs - fromUs) / 1e6, widthPx);
            }
            if (highlightUs != Long.MIN_VALUE) {
                for (XYPlot p : allPlots()) ChartStyle.highlight(p, highlightUs);
            }
        } finally {
            for (JFreeChart c : charts) c.setNotify(true);
            updating = false;
        }
    }
}
