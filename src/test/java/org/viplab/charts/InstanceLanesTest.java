package org.viplab.charts;

import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.viplab.core.model.Presets;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Reason;
import org.viplab.drill.DrillResult;
import org.viplab.testing.Drills;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A topology with several VRRP instances gets a VIP plot per instance, read from the timeline's events only. */
class InstanceLanesTest {
    private static final Path OUT = Path.of("target", "screenshots");
    private static final Path READWRITE = Path.of("samples/drills/32-readwrite-sync-group-read-follows-write.json");

    @Test
    void theReadLaneFollowsTheWriteLaneInTheReadwriteSample() throws Exception {
        DrillResult r = Drills.runFile(READWRITE);
        ChartData data = ChartData.of(r.drill().topology(), r.events());
        LabCharts charts = LabCharts.combined(data, Locale.ENGLISH);
        charts.show(0, r.endUs(), 1200);
        List<XYPlot> vip = charts.vipPlots();
        assertEquals(2, vip.size(), "VI_WRITE and VI_READ");
        assertEquals("VI_WRITE on", vip.get(0).getRangeAxis().getLabel());
        assertEquals("VI_READ on", vip.get(1).getRangeAxis().getLabel());
        assertEquals(4, ((CombinedDomainXYPlot) charts.chart().getPlot()).getSubplots().size(), "two VIP plots, adverts, client");

        XYDataset write = vip.get(0).getDataset(0);
        XYDataset read = vip.get(1).getDataset(0);
        int readChanges = 0;
        double last = laneAt(read, 0);
        for (long t = 0; t < r.endUs(); t += 100_000) {
            double w = laneAt(write, t / 1e6);
            double rd = laneAt(read, t / 1e6);
            if (rd != last) readChanges++;
            last = rd;
            // the sync group moves both in the same instant, give or take a Skew: compare away from the changes
            if (laneAt(write, (t - 500_000) / 1e6) == w && laneAt(write, (t + 500_000) / 1e6) == w) {
                assertEquals(w, rd, "read VIP's holder = write VIP's at " + t / 1e6 + " s");
            }
        }
        assertTrue(readChanges >= 2, "the read VIP moved to db2 and back: " + readChanges);
        assertEquals(1.0, laneAt(read, 1), "db1 holds VI_READ before the stop");
        assertEquals(2.0, laneAt(read, 15), "db2 holds VI_READ while db1's mysqld is down");
        assertEquals(1.0, laneAt(read, 38), "db1 takes VI_READ back");

        Files.createDirectories(OUT);
        ChartImages.writePng(charts.chart(), 1200, 800, OUT.resolve("charts-readwrite-instances.png"));
        LabCharts zh = LabCharts.separate(data, Locale.SIMPLIFIED_CHINESE);
        zh.show(0, r.endUs(), 1100);
        assertEquals("VI_READ 所在", zh.vipPlots().get(1).getRangeAxis().getLabel());
        ChartImages.writePng(zh.charts().get(0), 1100, 460, OUT.resolve("charts-readwrite-instances-vip-zh.png"));
    }

    @Test
    void aSingleInstanceTopologyKeepsItsOneVipPlot() throws Exception {
        DrillResult r = Drills.run("stop", Drills.KEEPALIVED_STOP);
        LabCharts charts = LabCharts.combined(ChartData.of(r.drill().topology(), r.events()), Locale.ENGLISH);
        charts.show(0, r.endUs(), 1200);
        assertEquals(List.of(charts.vipPlot()), charts.vipPlots());
        assertEquals("VIP on", charts.vipPlot().getRangeAxis().getLabel());
        assertEquals(3, ((CombinedDomainXYPlot) charts.chart().getPlot()).getSubplots().size());
        assertTrue(LabCharts.separate(ChartData.of(r.drill().topology(), r.events()), Locale.ENGLISH).charts().get(0).getPlot()
                instanceof XYPlot, "the report's VIP image is the one plot, as before");
    }

    @Test
    void anInstancesSplitBrainIsShadedOnItsOwnPlot() {
        Reason why = Reason.text("test");
        List<LabEvent> events = List.of(
                new LabEvent.VipChanged(0, "db1", "10.9.8.120", true, why),
                new LabEvent.InstanceVipChanged(0, "db1", "VI_READ", "10.9.8.121", true, why),
                new LabEvent.InstanceVipChanged(3_000_000, "db2", "10.9.8.121", "10.9.8.121", true, why),
                new LabEvent.InstanceVipChanged(7_000_000, "db1", "VI_READ", "10.9.8.121", false, why),
                new LabEvent.InstanceVipChanged(8_000_000, "db3", "VI_OTHER", "10.9.8.122", true, why));
        ChartData data = ChartData.of(Presets.readWrite(), events);
        LabCharts charts = LabCharts.combined(data, Locale.ENGLISH);
        charts.show(0, 10_000_000, 1000);
        assertEquals(List.of("VI_READ"), data.moreInstances());
        assertEquals(0, intervals(charts.vipPlot()).size(), "the write VIP never split");
        XYPlot read = charts.vipPlots().get(1);
        List<IntervalMarker> shaded = intervals(read);
        // the event for db2 names another instance ("10.9.8.121" is not one): only db1's VI_READ is charted
        assertEquals(0, shaded.size(), "no split brain from an event of an unknown instance: " + shaded.size());
        assertEquals(1.0, laneAt(read.getDataset(0), 5));
        assertEquals(0.0, laneAt(read.getDataset(0), 8), "no read VIP after db1 dropped it");
    }

    @Test
    void aSplitBrainOfTheReadVipShowsInTheBothLane() {
        Reason why = Reason.text("test");
        List<LabEvent> events = List.of(
                new LabEvent.VipChanged(0, "db1", "10.9.8.120", true, why),
                new LabEvent.InstanceVipChanged(0, "db1", "VI_READ", "10.9.8.121", true, why),
                new LabEvent.InstanceVipChanged(3_000_000, "db2", "VI_READ", "10.9.8.121", true, why),
                new LabEvent.InstanceVipChanged(7_000_000, "db1", "VI_READ", "10.9.8.121", false, why));
        LabCharts charts = LabCharts.combined(ChartData.of(Presets.readWrite(), events), Locale.ENGLISH);
        charts.show(0, 10_000_000, 1000);
        XYPlot read = charts.vipPlots().get(1);
        List<IntervalMarker> shaded = intervals(read);
        assertEquals(1, shaded.size(), "one split brain on VI_READ");
        assertEquals(3.0, shaded.get(0).getStartValue(), 1e-6);
        assertEquals(7.0, shaded.get(0).getEndValue(), 1e-6);
        assertEquals(0, intervals(charts.vipPlot()).size(), "none on VI_WRITE");
        assertEquals(3.0, laneAt(read.getDataset(0), 5), "the holder line in the 'both' lane (two hosts, then both)");
    }

    /** The step line's value at {@code x}: the last point at or before it. */
    private static double laneAt(XYDataset d, double x) {
        double v = Double.NaN;
        for (int i = 0; i < d.getItemCount(0); i++) {
            if (d.getXValue(0, i) > x) break;
            v = d.getYValue(0, i);
        }
        return v;
    }

    private static List<IntervalMarker> intervals(XYPlot p) {
        List<IntervalMarker> out = new ArrayList<>();
        Collection<?> ms = p.getDomainMarkers(Layer.BACKGROUND);
        if (ms == null) return out;
        for (Object m : ms) if (m instanceof IntervalMarker im && ((Marker) im).getPaint().equals(ChartStyle.SPLIT_PAINT)) out.add(im);
        return out;
    }
}
