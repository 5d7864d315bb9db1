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
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Outage;
import org.viplab.core.timeline.Span;
import org.viplab.core.timeline.TimelineAnalysis;

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
import java.util.Locale;

/**
 * The three charts of a lab run, drawn from a {@link ChartData}: VIP location (a lane per host, the holder as a
 * step line, no-VIP gaps and split brains shaded), VRRP adverts (a mark per advert at its priority, priority-0
 * adverts highlighted, effective priority as a step line) and client availability (a mark per probe in the lane
 * of the backend that answered or of the failure; outages shaded). Times are seconds on one shared axis.
 *
 * <p>{@link #show} rebuilds the datasets for one window and pixel width, keeping per pixel column only what
 * can be seen (see {@link StepDownsampler}; marks keep one per column and lane, the lowest and highest advert
 * per column and host, so every priority-0 advert and every failed probe still shows). That bounds the points
 * drawn by the width, not by the timeline: a 24 h run redraws as fast as a 20 s one.
 */
public final class LabCharts {
    public static final Color[] HOST_COLORS = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0x9467bd)};
    static final Color GAP_PAINT = new Color(255, 193, 7, 70);
    static final Color SPLIT_PAINT = new Color(214, 39, 40, 60);
    static final Color OUTAGE_PAINT = new Color(214, 39, 40, 45);
    static final Color REFUSED = new Color(0xd62728);
    static final Color TIMEOUT = new Color(0x6a1b9a);
    static final Color ZERO_ADVERT = new Color(0xd62728);
    static final Color HIGHLIGHT = new Color(0x00897b);
    /** More shaded intervals than this in view and neighbours closer than a few pixels are merged, unlabelled. */
    static final int MAX_LABELLED_MARKERS = 40;
    /** Above this many points the charts are drawn without anti-aliasing (text stays smooth). */
    static final int DENSE_POINTS = 1500;

    private final ChartData data;
    private final ChartText text;
    private final List<String> hosts;
    private final XYPlot vipPlot;
    private final XYPlot advertPlot;
    private final XYPlot clientPlot;
    private final BufferDataset vipBars;
    private final BufferDataset vipHolder;
    private final BufferDataset advertMarks;
    private final BufferDataset effective;
    private final BufferDataset probeMarks;
    private final JFreeChart combined;
    private final List<JFreeChart> charts;
    private final NumberAxis sharedAxis;
    private long highlightUs = Long.MIN_VALUE;
    private long shownFrom;
    private long shownTo = 1;
    private boolean updating;

    private LabCharts(ChartData data, Locale locale, boolean separate) {
        this.data = data;
        this.text = new ChartText(locale);
        this.hosts = List.copyOf(data.hosts());
        List<String> hostKeys = hosts;
        vipBars = new BufferDataset(hostKeys);
        vipHolder = new BufferDataset(List.of(text.get("chart.vip.holder")));
        List<String> advertKeys = new ArrayList<>();
        for (String h : hosts) advertKeys.add(text.format("chart.adverts.advert", h));
        advertKeys.add(text.get("chart.adverts.zero"));
        advertMarks = new BufferDataset(advertKeys);
        List<String> effKeys = new ArrayList<>();
        for (String h : hosts) effKeys.add(text.format("chart.adverts.effective", h));
        effective = new BufferDataset(effKeys);
        List<String> probeKeys = new ArrayList<>(List.of(text.get("chart.client.timeout"), text.get("chart.client.refused")));
        for (String h : hosts) probeKeys.add(text.format("chart.client.ok", h));
        probeMarks = new BufferDataset(probeKeys);

        vipPlot = buildVipPlot();
        advertPlot = buildAdvertPlot();
        clientPlot = buildClientPlot();
        if (separate) {
            combined = null;
            sharedAxis = null;
            charts = List.of(chart(text.get("chart.vip.title"), vipPlot), chart(text.get("chart.adverts.title"), advertPlot),
                    chart(text.get("chart.client.title"), clientPlot));
        } else {
            sharedAxis = newTimeAxis();
            CombinedDomainXYPlot plot = new CombinedDomainXYPlot(sharedAxis) {
                // lanes and priorities have fixed ranges: mouse zoom and pan act on time only
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
            plot.add(vipPlot, 2);
            plot.add(advertPlot, 3);
            plot.add(clientPlot, 2);
            plot.setFixedLegendItems(combinedLegend());
            combined = chart(null, plot);
            charts = List.of(combined);
        }
    }

    /** One chart with the three plots stacked on one time axis: the app's view. */
    public static LabCharts combined(ChartData data, Locale locale) { return new LabCharts(data, locale, false); }

    /** Three charts, each with its own copy of the time axis: a report's three images. */
    public static LabCharts separate(ChartData data, Locale locale) { return new LabCharts(data, locale, true); }

    /** The combined chart, or the first of the separate ones. */
    public JFreeChart chart() { return charts.get(0); }

    /** [combined] or [VIP location, VRRP adverts, client availability]. */
    public List<JFreeChart> charts() { return charts; }

    /** The shared time axis of the combined chart (null for separate charts). */
    public NumberAxis timeAxis() { return sharedAxis; }

    public XYPlot vipPlot() { return vipPlot; }

    public XYPlot advertPlot() { return advertPlot; }

    public XYPlot clientPlot() { return clientPlot; }

    /** Which part of the data a plot draws, for picking the nearest event under a click. */
    public ChartData.Part partOf(XYPlot plot) {
        if (plot == vipPlot) return ChartData.Part.VIP;
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
    public int pointCount() {
        return vipBars.points() + vipHolder.points() + advertMarks.points() + effective.points() + probeMarks.points();
    }

    /** Marks one instant (a selected event) on every plot; {@code Long.MIN_VALUE} clears it. */
    public void highlight(long tUs) {
        highlightUs = tUs;
        show(shownFrom, shownTo, lastWidth);
    }

    public long highlightUs() { return highlightUs; }

    private int lastWidth = 1000;
    /** Where the run has got to: nothing is drawn or shaded past it (the future is not known yet). */
    private long knownUntilUs = Long.MAX_VALUE;

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
            fillVip(fromUs, dataTo, bucketUs);
            fillAdverts(fromUs, dataTo, bucketUs);
            fillProbes(fromUs, dataTo, bucketUs);
            // anti-aliasing triples the drawing time of dense views, where it shows nothing anyway
            boolean dense = pointCount() > DENSE_POINTS;
            for (JFreeChart c : charts) c.setAntiAlias(!dense);
            vipBars.changed();
            vipHolder.changed();
            advertMarks.changed();
            effective.changed();
            probeMarks.changed();
            Range r = new Range(fromUs / 1e6, toUs / 1e6);
            if (sharedAxis != null) {
                sharedAxis.setRange(r, true, false);
            } else {
                // separate charts pick their ticks alone and disagree (1 s here, 0.5 s there): give them one unit
                org.jfree.chart.axis.NumberTickUnit unit = new org.jfree.chart.axis.NumberTickUnit(tickSeconds((toUs - fromUs) / 1e6, widthPx));
                for (XYPlot p : List.of(vipPlot, advertPlot, clientPlot)) {
                    p.getDomainAxis().setRange(r, true, false);
                    ((NumberAxis) p.getDomainAxis()).setTickUnit(unit, false, false);
                }
            }
            if (highlightUs != Long.MIN_VALUE) {
                for (XYPlot p : List.of(vipPlot, advertPlot, clientPlot)) {
                    ValueMarker m = new ValueMarker(highlightUs / 1e6, HIGHLIGHT, new BasicStroke(1.5f));
                    p.addDomainMarker(m, Layer.FOREGROUND);
                }
            }
        } finally {
            for (JFreeChart c : charts) c.setNotify(true);
            updating = false;
        }
    }

    /** A tick every 1, 2, 5, 10, 15, 30 s, 1, 2, 5, 10, 15, 30 min, 1, 2, 3, 6, 12 h: about one per 90 pixels. */
    static double tickSeconds(double windowSeconds, int widthPx) {
        double wanted = windowSeconds / Math.max(2, widthPx / 90.0);
        double[] steps = {0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800,
                3600, 7200, 10800, 21600, 43200, 86400};
        for (double st : steps) if (st >= wanted) return st;
        return Math.ceil(wanted / 86400) * 86400;
    }

    // ---- VIP location ----------------------------------------------------------------------------

    private void fillVip(long fromUs, long toUs, double bucketUs) {
        vipBars.clearAll();
        vipHolder.clearAll();
        vipPlot.clearDomainMarkers();
        TimelineAnalysis a = new TimelineAnalysis(data.vipEvents(), fromUs, toUs);
        // per host bars: [start, end] at the host's lane, broken (NaN) only by gaps wider than a pixel column
        long[] barStart = new long[hosts.size()];
        long[] barEnd = new long[hosts.size()];
        java.util.Arrays.fill(barStart, -1);
        StepDownsampler holder = new StepDownsampler(vipHolder.buffer(0), fromUs, toUs, (int) Math.ceil((toUs - fromUs) / bucketUs));
        boolean first = true;
        for (Span s : a.spans()) {
            double lane = holderLane(s);
            if (first) {
                holder.start(lane);
                first = false;
            } else {
                holder.change(s.startUs(), lane);
            }
            for (int h = 0; h < hosts.size(); h++) {
                boolean holds = s.holders().contains(hosts.get(h));
                if (holds) {
                    if (barStart[h] >= 0 && s.startUs() - barEnd[h] < bucketUs) {
                        barEnd[h] = s.endUs(); // continue across an invisible gap
                    } else {
                        closeBar(h, barStart[h], barEnd[h]);
                        barStart[h] = s.startUs();
                        barEnd[h] = s.endUs();
                    }
                }
            }
        }
        for (int h = 0; h < hosts.size(); h++) closeBar(h, barStart[h], barEnd[h]);
        if (first) holder.start(0);
        holder.end(toUs);
        List<long[]> gaps = new ArrayList<>();
        for (Span s : a.nowhere()) gaps.add(new long[]{s.startUs(), s.endUs()});
        List<long[]> splits = new ArrayList<>();
        for (Span s : a.splitBrains()) splits.add(new long[]{s.startUs(), s.endUs()});
        addIntervals(vipPlot, gaps, GAP_PAINT, text.get("chart.vip.gap"), bucketUs);
        addIntervals(vipPlot, splits, SPLIT_PAINT, text.get("chart.vip.split"), bucketUs);
    }

    private void closeBar(int h, long start, long end) {
        if (start < 0) return;
        SeriesBuffer b = vipBars.buffer(h);
        double lane = h + 1;
        b.add(start / 1e6, lane);
        b.add(end / 1e6, lane);
        b.add(end / 1e6, Double.NaN);
    }

    /** The lane of the sole holder; 0 for none; between the lanes of several holders (split brain). */
    private double holderLane(Span s) {
        if (s.holders().isEmpty()) return 0;
        double sum = 0;
        int n = 0;
        for (String h : s.holders()) {
            int i = hosts.indexOf(h);
            if (i >= 0) {
                sum += i + 1;
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    // ---- VRRP adverts ----------------------------------------------------------------------------

    private void fillAdverts(long fromUs, long toUs, double bucketUs) {
        advertMarks.clearAll();
        effective.clearAll();
        advertPlot.clearDomainMarkers();
        int nh = hosts.size();
        SeriesBuffer zero = advertMarks.buffer(nh);
        long zeroBucket = Long.MIN_VALUE;
        long[] bucket = new long[nh];
        java.util.Arrays.fill(bucket, Long.MIN_VALUE);
        int[] min = new int[nh];
        int[] max = new int[nh];
        long[] minT = new long[nh];
        long[] maxT = new long[nh];
        Column<LabEvent.AdvertSent> col = data.adverts;
        int maxPriority = 0;
        for (int i = col.lowerBound(fromUs), n = col.size(); i < n; i++) {
            long t = col.time(i);
            if (t > toUs) break;
            int code = col.code(i);
            int priority = code & 0xff;
            int h = code >> 8;
            long b = (long) ((t - fromUs) / bucketUs);
            if (priority == 0) {
                if (b != zeroBucket) {
                    zero.add(t / 1e6, 0);
                    zeroBucket = b;
                }
                continue;
            }
            if (h >= nh) continue;
            maxPriority = Math.max(maxPriority, priority);
            if (b != bucket[h]) {
                flushAdverts(h, bucket[h], min, max, minT, maxT);
                bucket[h] = b;
                min[h] = max[h] = priority;
                minT[h] = maxT[h] = t;
            } else {
                if (priority < min[h]) {
                    min[h] = priority;
                    minT[h] = t;
                }
                if (priority > max[h]) {
                    max[h] = priority;
                    maxT[h] = t;
                }
            }
        }
        for (int h = 0; h < nh; h++) flushAdverts(h, bucket[h], min, max, minT, maxT);

        int width = (int) Math.ceil((toUs - fromUs) / bucketUs);
        Column<LabEvent.PriorityChanged> pc = data.priorities;
        Column<LabEvent.VrrpStateChanged> sc = data.states;
        int firstInWindow = pc.lowerBound(fromUs);
        int firstStateInWindow = sc.lowerBound(fromUs);
        for (int h = 0; h < nh; h++) {
            String host = hosts.get(h);
            int value = data.basePriority(host);
            for (int i = firstInWindow - 1; i >= 0; i--) {
                if (pc.get(i).host().equals(host)) {
                    value = pc.get(i).to();
                    break;
                }
            }
            boolean silent = false; // keepalived STOPPED or in FAULT: it has no effective priority to draw
            for (int i = firstStateInWindow - 1; i >= 0; i--) {
                if (sc.get(i).host().equals(host)) {
                    silent = silent(sc.get(i).to());
                    break;
                }
            }
            maxPriority = Math.max(maxPriority, value);
            StepDownsampler line = new StepDownsampler(effective.buffer(h), fromUs, toUs, width);
            line.start(silent ? Double.NaN : value);
            // merge the host's priority and state changes in time order
            int i = firstInWindow;
            int j = firstStateInWindow;
            while (true) {
                while (i < pc.size() && !pc.get(i).host().equals(host)) i++;
                while (j < sc.size() && !sc.get(j).host().equals(host)) j++;
                long ti = i < pc.size() ? pc.time(i) : Long.MAX_VALUE;
                long tj = j < sc.size() ? sc.time(j) : Long.MAX_VALUE;
                long t = Math.min(ti, tj);
                if (t > toUs) break;
                if (ti <= tj) {
                    value = pc.get(i++).to();
                    maxPriority = Math.max(maxPriority, value);
                } else {
                    silent = silent(sc.get(j++).to());
                }
                line.change(t, silent ? Double.NaN : value);
            }
            line.end(toUs);
        }
        // fixed range: 0 (priority-0 adverts) to a little above the highest priority seen, so lines never touch the frame
        double top = Math.max(10, maxPriority) * 1.12 + 2;
        advertPlot.getRangeAxis().setRange(new Range(-top * 0.06, top), true, false);
    }

    private static boolean silent(org.viplab.core.model.VrrpState s) {
        return s == org.viplab.core.model.VrrpState.STOPPED || s == org.viplab.core.model.VrrpState.FAULT;
    }

    private void flushAdverts(int h, long bucket, int[] min, int[] max, long[] minT, long[] maxT) {
        if (bucket == Long.MIN_VALUE) return;
        SeriesBuffer b = advertMarks.buffer(h);
        if (minT[h] <= maxT[h]) {
            b.add(minT[h] / 1e6, min[h]);
            if (max[h] != min[h]) b.add(maxT[h] / 1e6, max[h]);
        } else {
            b.add(maxT[h] / 1e6, max[h]);
            b.add(minT[h] / 1e6, min[h]);
        }
    }

    // ---- client availability ---------------------------------------------------------------------

    private void fillProbes(long fromUs, long toUs, double bucketUs) {
        probeMarks.clearAll();
        clientPlot.clearDomainMarkers();
        // per lane, the first probe in each pixel column: found by search in the lane's own index, not by reading
        // every probe of the window (the whole day has 864,000)
        int lanes = 2 + hosts.size();
        for (int lane = 0; lane < lanes; lane++) {
            int code = switch (lane) {
                case 0 -> ChartData.TIMEOUT;
                case 1 -> ChartData.REFUSED;
                default -> lane - 2;
            };
            data.probes.firstPerBucket(code, fromUs, toUs, bucketUs, probeMarks.buffer(lane), lane);
        }
        List<long[]> outs = new ArrayList<>();
        for (Outage o : data.outages(toUs)) {
            if (o.endUs() < fromUs || o.startUs() > toUs) continue;
            outs.add(new long[]{o.startUs(), o.endUs()});
        }
        addIntervals(clientPlot, outs, OUTAGE_PAINT, text.get("chart.client.outage"), bucketUs);
    }

    // ---- shaded intervals ------------------------------------------------------------------------

    /**
     * Shades each interval; labels each with its length when few are in view. When many are, neighbours closer
     * than three pixel columns merge into one unlabelled band: the shading then says "flapping here".
     */
    private void addIntervals(XYPlot plot, List<long[]> intervals, Color paint, String label, double bucketUs) {
        List<long[]> shown = intervals;
        boolean merged = false;
        if (intervals.size() > MAX_LABELLED_MARKERS) {
            shown = new ArrayList<>();
            for (long[] iv : intervals) {
                long[] last = shown.isEmpty() ? null : shown.get(shown.size() - 1);
                if (last != null && iv[0] - last[1] < 3 * bucketUs) {
                    last[1] = Math.max(last[1], iv[1]);
                    merged = true;
                } else {
                    shown.add(new long[]{iv[0], iv[1]});
                }
            }
        }
        boolean labelled = !merged && shown.size() <= MAX_LABELLED_MARKERS;
        for (long[] iv : shown) {
            // at least one pixel column wide, or a short gap in a long window would vanish
            double start = iv[0] / 1e6;
            double end = Math.max(iv[1], (long) (iv[0] + bucketUs)) / 1e6;
            IntervalMarker m = new IntervalMarker(start, end, paint);
            if (labelled) {
                m.setLabel(label + " " + ChartText.length(iv[1] - iv[0]));
                m.setLabelFont(text.font(Font.PLAIN, 10));
                m.setLabelPaint(new Color(60, 60, 60));
                m.setLabelBackgroundColor(new Color(255, 255, 255, 190));
                m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
                m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
                m.setLabelOffset(new RectangleInsets(2, 3, 2, 2));
            }
            plot.addDomainMarker(m, Layer.BACKGROUND);
        }
    }

    // ---- construction ----------------------------------------------------------------------------

    private NumberAxis newTimeAxis() {
        NumberAxis axis = new NumberAxis(text.get("chart.time"));
        axis.setAutoRangeIncludesZero(false);
        axis.setLabelFont(text.font(Font.PLAIN, 12));
        axis.setTickLabelFont(text.font(Font.PLAIN, 11));
        axis.setLowerMargin(0);
        axis.setUpperMargin(0);
        return axis;
    }

    private XYPlot basePlot(ValueAxis rangeAxis) {
        rangeAxis.setLabelFont(text.font(Font.BOLD, 12));
        rangeAxis.setTickLabelFont(text.font(Font.PLAIN, 11));
        XYPlot p = new XYPlot(null, newTimeAxis(), rangeAxis, null);
        p.setBackgroundPaint(Color.WHITE);
        p.setDomainGridlinePaint(new Color(225, 225, 225));
        p.setRangeGridlinePaint(new Color(225, 225, 225));
        p.setOutlinePaint(new Color(180, 180, 180));
        // JFreeChart's default outline (0.5 px, round joins) is rasterised as a general shape across the whole plot;
        // with mitred joins Java2D draws the rectangle on its fast path, 1 ms less per redraw, same pixels to the eye
        p.setOutlineStroke(new BasicStroke(0.5f, BasicStroke.CAP_SQUARE, BasicStroke.JOIN_MITER));
        p.setAxisOffset(RectangleInsets.ZERO_INSETS);
        return p;
    }

    private SymbolAxis laneAxis(String label, List<String> lanes) {
        SymbolAxis a = new SymbolAxis(label, lanes.toArray(new String[0]));
        a.setGridBandsVisible(false);
        a.setAutoRange(false);
        a.setRange(-0.6, lanes.size() - 0.4);
        return a;
    }

    private XYPlot buildVipPlot() {
        List<String> lanes = new ArrayList<>();
        lanes.add(text.get("chart.vip.none"));
        lanes.addAll(hosts);
        XYPlot p = basePlot(laneAxis(text.get("chart.vip.axis"), lanes));
        XYLineAndShapeRenderer bars = lineRenderer(true, false);
        for (int h = 0; h < hosts.size(); h++) {
            bars.setSeriesPaint(h, hostColor(h));
            bars.setSeriesStroke(h, new BasicStroke(12f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
        }
        XYStepRenderer step = new XYStepRenderer();
        step.setDefaultCreateEntities(false);
        step.setSeriesPaint(0, new Color(40, 40, 40));
        step.setSeriesStroke(0, new BasicStroke(1.6f));
        p.setDataset(0, vipHolder);
        p.setRenderer(0, step);
        p.setDataset(1, vipBars);
        p.setRenderer(1, bars);
        return p;
    }

    private XYPlot buildAdvertPlot() {
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

    private XYPlot buildClientPlot() {
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

    private JFreeChart chart(String title, org.jfree.chart.plot.Plot plot) {
        JFreeChart c = new JFreeChart(title, text.font(Font.BOLD, 14), plot, true);
        c.setBackgroundPaint(Color.WHITE);
        c.setPadding(new RectangleInsets(4, 4, 4, 8));
        LegendTitle legend = c.getLegend();
        if (legend != null) {
            legend.setItemFont(text.font(Font.PLAIN, 11));
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        }
        return c;
    }

    /** One legend for the stacked plots: host colours once, then the special marks and shadings. */
    private LegendItemCollection combinedLegend() {
        LegendItemCollection items = new LegendItemCollection();
        for (int h = 0; h < hosts.size(); h++) {
            items.add(new LegendItem(hosts.get(h), null, null, null, new Rectangle2D.Double(-5, -4, 10, 8), hostColor(h)));
        }
        items.add(lineItem(text.get("chart.vip.holder"), new Color(40, 40, 40), new BasicStroke(1.6f)));
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

    public static Color hostColor(int index) { return HOST_COLORS[index % HOST_COLORS.length]; }
}
