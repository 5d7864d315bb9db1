package org.viplab.ui.charts;

import javafx.animation.AnimationTimer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.event.AxisChangeEvent;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.ChartMouseEventFX;
import org.jfree.chart.fx.interaction.ChartMouseListenerFX;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.Range;
import org.viplab.charts.ChartData;
import org.viplab.charts.ChartLook;
import org.viplab.charts.LabCharts;
import org.viplab.core.model.Topology;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Timeline;

import java.awt.geom.Rectangle2D;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The three stacked charts in the app: VIP location, VRRP adverts, client availability on one time axis.
 * Follows the live end of a timeline (the last {@link #liveWindowSecondsProperty()} seconds) until the user
 * zooms (drag, scroll) or pans (ctrl-drag); zooming all the way out goes back to live. New events are
 * pulled from the timeline on the FX thread and the datasets rebuilt at most ~30 times a second.
 * A click selects the nearest event of the plot clicked ({@link #selectedEventProperty()}).
 */
public final class ChartsPane extends BorderPane {
    /** Minimum time between two dataset rebuilds: about 30 Hz. */
    private static final long REBUILD_NS = 33_000_000;

    private final Topology topology;
    private Locale locale;
    private ChartLook look = ChartLook.DEFAULT;
    private ChartData data;
    private LabCharts charts;
    private final ChartViewer viewer;
    private final ReadOnlyObjectWrapper<LabEvent> selectedEvent = new ReadOnlyObjectWrapper<>(this, "selectedEvent");
    private final BooleanProperty followLive = new SimpleBooleanProperty(this, "followLive", true);
    private final DoubleProperty liveWindowSeconds = new SimpleDoubleProperty(this, "liveWindowSeconds", 60);
    private final ObjectProperty<LongSupplier> clock = new SimpleObjectProperty<>(this, "clock");
    private Timeline timeline;
    private int consumed;
    private boolean dirty = true;
    private long lastRebuildNs;
    private long viewFrom;
    private long viewTo = 1;
    private final AnimationTimer pump = new AnimationTimer() {
        @Override
        public void handle(long now) { tick(now); }
    };

    public ChartsPane(Topology topology, Locale locale) {
        this.topology = topology;
        this.locale = locale;
        this.data = new ChartData(topology);
        this.charts = LabCharts.combined(data, locale);
        this.viewer = new ChartViewer(charts.chart());
        charts.timeAxis().addChangeListener(this::axisChanged);
        viewer.getCanvas().setRangeZoomable(false);
        viewer.addChartMouseListener(new ChartMouseListenerFX() {
            @Override
            public void chartMouseClicked(ChartMouseEventFX e) { clicked(e.getTrigger()); }

            @Override
            public void chartMouseMoved(ChartMouseEventFX e) { }
        });
        followLive.addListener((o, was, now) -> {
            if (now) dirty = true;
        });
        liveWindowSeconds.addListener((o, was, now) -> dirty = true);
        widthProperty().addListener((o, was, now) -> dirty = true);
        heightProperty().addListener((o, was, now) -> fitLabels());
        setCenter(viewer);
        getStyleClass().add("charts-pane");
        setMinSize(200, 120); // stacked under the drawing in a small window, it gives up height first
    }

    /** Starts following a timeline: its events so far at once, then new ones as they come. */
    public void attach(Timeline t) {
        // another run's timeline (timelines only grow; a new run is a new one): its picture starts afresh
        if (timeline != null || data.eventsSeen() > 0) startOver();
        this.timeline = t;
        this.consumed = 0;
        dirty = true;
        pump.start();
        tick(System.nanoTime() + REBUILD_NS); // catch up now rather than on the next pulse
    }

    /** Stops following; the charts keep what they show. */
    public void detach() {
        pump.stop();
        timeline = null;
    }

    /** The lab's clock, so that a quiet period still scrolls in live mode; default: the last event's time. */
    public ObjectProperty<LongSupplier> clockProperty() { return clock; }

    public BooleanProperty followLiveProperty() { return followLive; }

    public DoubleProperty liveWindowSecondsProperty() { return liveWindowSeconds; }

    /** The event last clicked on the charts (or selected through {@link #select}). */
    public ReadOnlyObjectProperty<LabEvent> selectedEventProperty() { return selectedEvent.getReadOnlyProperty(); }

    public LabEvent getSelectedEvent() { return selectedEvent.get(); }

    /** Selects an event from elsewhere (the event list): marks its time and brings it into view. */
    public void select(LabEvent e) {
        selectedEvent.set(e);
        if (e != null) highlight(e.timeUs()); else highlight(Long.MIN_VALUE);
    }

    /** Marks an instant on the three plots; scrolls to it (leaving live mode) when it is out of view. */
    public void highlight(long tUs) {
        if (tUs != Long.MIN_VALUE && (tUs < viewFrom || tUs > viewTo)) {
            long half = (viewTo - viewFrom) / 2;
            followLive.set(false);
            viewFrom = tUs - half;
            viewTo = tUs + half;
        }
        charts.highlight(tUs);
        rebuild();
    }

    /** Shows a fixed window and leaves live mode. */
    public void showWindow(long fromUs, long toUs) {
        followLive.set(false);
        viewFrom = fromUs;
        viewTo = Math.max(toUs, fromUs + 1);
        rebuild();
    }

    /** Switches the charts' language at run time: same data, window and highlight, new words. */
    public void setLocale(Locale locale) {
        this.locale = locale;
        restyle();
    }

    /** Draws the charts' words {@code scale} times their 100 % size (the window's font scale). */
    public void setFontScale(double scale) {
        if (scale == look.scale()) return;
        look = new ChartLook(scale, look.dark());
        restyle();
    }

    /** Dark paper and light ink, to match the window's dark theme. */
    public void setDark(boolean dark) {
        if (dark == look.dark()) return;
        look = new ChartLook(look.scale(), dark);
        restyle();
    }

    public ChartLook look() { return look; }

    /**
     * Below this height, in lines of the charts' text, the three plots are too short for their rotated names
     * ("client probe" is longer than its plot is high) and name themselves in a corner instead.
     */
    static final double CORNER_LABELS_BELOW_LINES = 28;
    /** Below this height in lines the legend (up to three lines at 200 %) would leave the plots a line each. */
    static final double LEGEND_FROM_LINES = 16;

    private void fitLabels() {
        double lines = getHeight() / (13 * look.scale());
        charts.setCornerLabels(getHeight() > 0 && lines < CORNER_LABELS_BELOW_LINES);
        charts.setLegendShown(getHeight() <= 0 || lines >= LEGEND_FROM_LINES);
    }

    /** Same data, window and highlight; new words, sizes or colours. */
    private void restyle() {
        long highlight = charts.highlightUs();
        charts = LabCharts.combined(data, locale, look);
        charts.timeAxis().addChangeListener(this::axisChanged);
        viewer.setChart(charts.chart());
        fitLabels();
        charts.highlight(highlight);
        rebuild();
    }

    public LabCharts charts() { return charts; }

    public ChartData data() { return data; }

    public ChartViewer viewer() { return viewer; }

    public long viewFromUs() { return viewFrom; }

    public long viewToUs() { return viewTo; }

    /** Pulls new events and redraws when something changed and the last redraw is old enough. */
    private void tick(long now) {
        if (timeline != null) {
            java.util.List<org.viplab.core.timeline.LabEvent> fresh = timeline.since(consumed);
            if (!fresh.isEmpty()) {
                consumed += fresh.size();
                data.addAll(fresh);
                dirty = true;
            }
        }
        if (followLive.get() && clock.get() != null) dirty = true;
        if (dirty && now - lastRebuildNs >= REBUILD_NS) {
            lastRebuildNs = now;
            if (followLive.get()) {
                long end = clock.get() != null ? clock.get().getAsLong() : data.lastUs();
                long span = Math.round(liveWindowSeconds.get() * 1e6);
                // t = 0 is the lab's start: the simulator's warm-up before it is not part of the run
                viewFrom = Math.max(0, end - span);
                viewTo = Math.max(end, viewFrom + span / 4);
            }
            rebuild();
        }
    }

    /** Empty charts in the same language, following live again; the selection belonged to the old run. */
    private void startOver() {
        consumed = 0;
        data = new ChartData(topology);
        charts = LabCharts.combined(data, locale, look);
        charts.timeAxis().addChangeListener(this::axisChanged);
        viewer.setChart(charts.chart());
        fitLabels();
        selectedEvent.set(null);
        followLive.set(true);
        dirty = true;
    }

    private void rebuild() {
        dirty = false;
        charts.setKnownUntil(clock.get() != null ? clock.get().getAsLong() : data.lastUs());
        charts.show(viewFrom, viewTo, Math.max(200, (int) Math.round(getWidth())));
    }

    /** The user zoomed or panned: keep that window (downsampled afresh) and stop following. */
    private void axisChanged(AxisChangeEvent e) {
        if (charts.updating()) return;
        if (charts.timeAxis().isAutoRange()) { // "zoom out fully": back to live
            charts.timeAxis().setAutoRange(false);
            followLive.set(true);
            dirty = true;
            return;
        }
        Range r = charts.timeAxis().getRange();
        followLive.set(false);
        viewFrom = Math.round(r.getLowerBound() * 1e6);
        viewTo = Math.round(r.getUpperBound() * 1e6);
        dirty = true;
    }

    private void clicked(MouseEvent trigger) {
        if (trigger == null || !trigger.isStillSincePress()) return; // the end of a zoom drag is no click
        LabEvent e = eventAt(trigger.getX(), trigger.getY());
        if (e != null) select(e);
    }

    /** The nearest event of the plot under a point in the viewer's coordinates, or null outside the plots. */
    public LabEvent eventAt(double x, double y) {
        ChartRenderingInfo info = viewer.getRenderingInfo();
        if (info == null) return null;
        PlotRenderingInfo plotInfo = info.getPlotInfo();
        Point2D local = viewer.getCanvas().sceneToLocal(viewer.localToScene(x, y));
        java.awt.geom.Point2D p = new java.awt.geom.Point2D.Double(local.getX(), local.getY());
        int index = plotInfo.getSubplotIndex(p);
        if (index < 0) return null;
        Rectangle2D area = plotInfo.getSubplotInfo(index).getDataArea();
        double seconds = charts.timeAxis().java2DToValue(p.getX(), area, RectangleEdge.BOTTOM);
        XYPlot sub = ((CombinedDomainXYPlot) charts.chart().getPlot()).getSubplots().get(index);
        return data.nearest(Math.round(seconds * 1e6), charts.partOf(sub));
    }

    /** Where an instant is drawn on a plot, in the viewer's coordinates (for tests and tooltips). */
    public Point2D pointOf(long tUs, XYPlot plot, double yFraction) {
        PlotRenderingInfo plotInfo = viewer.getRenderingInfo().getPlotInfo();
        int index = ((CombinedDomainXYPlot) charts.chart().getPlot()).getSubplots().indexOf(plot);
        Rectangle2D area = plotInfo.getSubplotInfo(index).getDataArea();
        double x = charts.timeAxis().valueToJava2D(tUs / 1e6, area, RectangleEdge.BOTTOM);
        double y = area.getMinY() + area.getHeight() * yFraction;
        return viewer.sceneToLocal(viewer.getCanvas().localToScene(x, y));
    }
}
