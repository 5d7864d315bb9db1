package org.viplab.charts;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.viplab.drill.DrillResult;
import org.viplab.core.model.Presets;
import org.viplab.engine.sim.SimulatedLab;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Span;
import org.viplab.core.timeline.Timeline;
import org.viplab.core.timeline.TimelineAnalysis;
import org.viplab.testing.Drills;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LabChartsTest {
    private static final Path OUT = Path.of("target", "screenshots");

    @Test
    void keepalivedStopShowsTheSwitchTheGapAndThePriorityZeroAdvert() throws Exception {
        DrillResult r = Drills.run("stop", Drills.KEEPALIVED_STOP);
        ChartData data = ChartData.of(r.drill().topology(), r.events());
        LabCharts charts = LabCharts.separate(data, Locale.ENGLISH);
        charts.show(0, r.endUs(), 1200);
        TimelineAnalysis a = r.analysis();
        Span gap = a.nowhere().get(0);

        // VIP plot: db1's first bar ends where the gap starts; db2's bar starts where it ends
        XYDataset bars = charts.vipPlot().getDataset(1);
        assertEquals(gap.startUs() / 1e6, bars.getXValue(0, 1), 1e-6, "db1 bar end");
        assertEquals(gap.endUs() / 1e6, bars.getXValue(1, 0), 1e-6, "db2 bar start");
        assertEquals(2.0, bars.getYValue(1, 0), "db2 lane");
        List<IntervalMarker> vipMarkers = intervals(charts.vipPlot());
        assertEquals(a.nowhere().size(), vipMarkers.size(), "one shading per no-VIP gap");
        assertTrue(vipMarkers.get(0).getLabel().contains(ChartText.length(gap.lengthUs())), vipMarkers.get(0).getLabel());

        // advert plot: the priority-0 advert at the stop (5 s), and nowhere else
        XYDataset marks = charts.advertPlot().getDataset(0);
        int zero = marks.getSeriesCount() - 1;
        assertEquals(1, marks.getItemCount(zero), "one priority-0 advert");
        assertEquals(5.0, marks.getXValue(zero, 0), 0.01);
        LabEvent.AdvertSent zeroAdvert = (LabEvent.AdvertSent) data.nearest(5_000_000, ChartData.Part.ADVERTS);
        assertEquals(0, zeroAdvert.priority());
        assertEquals("db1", zeroAdvert.host());

        for (int i = 0; i < 3; i++) {
            Files.createDirectories(OUT);
            ChartImages.writePng(charts.charts().get(i), 1200, 320, OUT.resolve("chart-" + i + ".png"));
        }
        LabCharts combined = LabCharts.combined(data, Locale.ENGLISH);
        combined.show(0, r.endUs(), 1400);
        ChartImages.writePng(combined.chart(), 1400, 800, OUT.resolve("combined.png"));
        BufferedImage img = ImageIO.read(OUT.resolve("combined.png").toFile());
        assertEquals(1400, img.getWidth());
    }

    @Test
    void splitBrainIsShadedAndLabelled() throws Exception {
        DrillResult r = Drills.run("split", Drills.SPLIT_BRAIN);
        ChartData data = ChartData.of(r.drill().topology(), r.events());
        LabCharts charts = LabCharts.combined(data, Locale.ENGLISH);
        charts.show(0, r.endUs(), 1400);
        List<Span> splits = r.analysis().splitBrains();
        assertFalse(splits.isEmpty(), "the drill makes a split brain");
        List<IntervalMarker> red = intervals(charts.vipPlot()).stream().filter(m -> m.getPaint().equals(ChartStyle.SPLIT_PAINT)).toList();
        assertEquals(splits.size(), red.size());
        assertEquals(splits.get(0).startUs() / 1e6, red.get(0).getStartValue(), 1e-6);
        assertTrue(red.get(0).getLabel().startsWith("split brain "), red.get(0).getLabel());
        ChartImages.writePng(charts.chart(), 1400, 800, OUT.resolve("combined-split.png"));
    }

    @Test
    void aSplitBrainIsDrawnInABothRowNamedInTheLegendInBothLanguages() throws Exception {
        // the sample drill: VRRP cut between db1 and db2, both MASTER until the heal
        DrillResult r = Drills.runFile(Path.of("samples", "drills", "10-mode1-split-brain-clean-heal.json"));
        List<Span> splits = r.analysis().splitBrains();
        assertFalse(splits.isEmpty(), "the drill makes a split brain");
        Span split = splits.get(0);
        ChartData data = ChartData.of(r.drill().topology(), r.events());
        for (Locale lang : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
            LabCharts charts = LabCharts.combined(data, lang);
            charts.show(0, r.endUs(), 1400);
            String both = lang == Locale.ENGLISH ? "both" : "两者";
            org.jfree.chart.axis.SymbolAxis lanes = (org.jfree.chart.axis.SymbolAxis) charts.vipPlot().getRangeAxis();
            String[] symbols = lanes.getSymbols();
            assertEquals(List.of(lang == Locale.ENGLISH ? "no VIP" : "无 VIP", "db1", "db2", both), List.of(symbols), "lanes");
            assertTrue(lanes.getUpperBound() > 3, "the both lane is in the plot's range");

            // the both lane's bar covers the split brain and nothing else
            XYDataset bars = charts.vipPlot().getDataset(1);
            int bothSeries = bars.getSeriesCount() - 1;
            assertEquals(both, bars.getSeriesKey(bothSeries));
            assertEquals(split.startUs() / 1e6, bars.getXValue(bothSeries, 0), 1e-6, "starts with the split brain");
            assertEquals(split.endUs() / 1e6, bars.getXValue(bothSeries, 1), 1e-6, "ends with it");
            assertEquals(3.0, bars.getYValue(bothSeries, 0), "in the lane above db2");
            assertEquals(3 * splits.size(), bars.getItemCount(bothSeries), "one bar (start, end, break) per split brain");

            // the holder's step line goes up to the both lane during the split, and back to a host after it
            XYDataset holder = charts.vipPlot().getDataset(0);
            assertEquals(3.0, holderAt(holder, (split.startUs() + split.endUs()) / 2), "holder line in the split");
            double after = holderAt(holder, split.endUs() + 1_000_000);
            assertTrue(after == 1.0 || after == 2.0, "one holder after the heal: " + after);

            List<String> legend = new ArrayList<>();
            org.jfree.chart.LegendItemCollection items = ((org.jfree.chart.plot.CombinedDomainXYPlot) charts.chart().getPlot()).getFixedLegendItems();
            for (int i = 0; i < items.getItemCount(); i++) legend.add(items.get(i).getLabel());
            assertTrue(legend.contains(lang == Locale.ENGLISH ? "both: VIP on two hosts" : "两者：VIP 同时在两台主机上"), legend.toString());
            Files.createDirectories(OUT);
            ChartImages.writePng(charts.chart(), 1400, 800, OUT.resolve("combined-split-both-" + lang.getLanguage() + ".png"));
        }
    }

    /** The step line's value at {@code tUs}: the last point at or before it. */
    private static double holderAt(XYDataset d, long tUs) {
        double y = Double.NaN;
        for (int i = 0; i < d.getItemCount(0); i++) if (d.getXValue(0, i) <= tUs / 1e6) y = d.getYValue(0, i);
        return y;
    }

    @Test
    void refusedProbesAndOutagesMatchTheAnalysis() throws Exception {
        DrillResult r = Drills.run("mysqld", Drills.MYSQLD_STOP);
        ChartData data = ChartData.of(r.drill().topology(), r.events());
        TimelineAnalysis a = new TimelineAnalysis(r.events(), Long.MIN_VALUE / 2, Long.MAX_VALUE / 2);
        assertEquals(a.outages(), data.outages(Long.MAX_VALUE / 2), "incremental outages = TimelineAnalysis outages");
        LabCharts charts = LabCharts.separate(data, Locale.ENGLISH);
        charts.show(0, r.endUs(), 1200);
        XYDataset probes = charts.clientPlot().getDataset(0);
        long failedInWindow = r.events().stream().filter(e -> e instanceof LabEvent.ClientProbe p && !p.ok() && p.timeUs() >= 0).count();
        assertTrue(failedInWindow > 0, "the drill has failed probes");
        assertTrue(probes.getItemCount(0) + probes.getItemCount(1) > 0, "failed probes are drawn");
        assertFalse(intervals(charts.clientPlot()).isEmpty(), "the outage is shaded");
    }

    @Test
    void downsamplingBoundsPointsByWidthAndKeepsRareEvents() throws Exception {
        // one simulated hour of mode 2 with keepalived stopped on db1 for a minute in the middle
        Timeline t = new Timeline();
        SimulatedLab lab = SimulatedLab.steadyState(Presets.mode2(), 7, t);
        lab.runUntil(1_800_000_000L);
        lab.apply(new org.viplab.lab.Action(org.viplab.lab.Verb.STOP,
                new org.viplab.lab.Target.Process("db1", org.viplab.core.model.ProcessKind.KEEPALIVED)), org.viplab.core.timeline.Actor.USER);
        lab.runUntil(1_860_000_000L);
        lab.restore(org.viplab.core.timeline.Actor.USER);
        lab.runUntil(3_600_000_000L);
        ChartData data = ChartData.of(Presets.mode2(), t.snapshot());
        LabCharts charts = LabCharts.combined(data, Locale.ENGLISH);
        int width = 800;
        charts.show(0, 3_600_000_000L, width);
        assertTrue(data.probes.size() > 30_000, "10 Hz probes for an hour: " + data.probes.size());
        // at most: bars and holder (few), 2 marks per host and column, 1 per zero column, 1 per lane and column
        assertTrue(charts.pointCount() < width * 12, "points " + charts.pointCount());
        XYDataset marks = charts.advertPlot().getDataset(0);
        int zero = marks.getSeriesCount() - 1;
        assertTrue(marks.getItemCount(zero) >= 1, "the priority-0 advert survives downsampling");
        assertEquals(1800.0, marks.getXValue(zero, 0), 1.0);
        // zoomed into the stop, every advert of db2 in view is drawn (fewer than columns)
        charts.show(1_795_000_000L, 1_805_000_000L, width);
        long db2Adverts = data.adverts.items().stream().filter(e -> e.host().equals("db2") && e.timeUs() >= 1_795_000_000L
                && e.timeUs() <= 1_805_000_000L).count();
        assertEquals(db2Adverts, marks.getItemCount(1));
    }

    @Test
    void chineseLabels() throws Exception {
        DrillResult r = Drills.run("stop", Drills.KEEPALIVED_STOP);
        LabCharts charts = LabCharts.combined(ChartData.of(r.drill().topology(), r.events()), Locale.SIMPLIFIED_CHINESE);
        charts.show(0, r.endUs(), 1400);
        assertEquals("时间（秒）", ((org.jfree.chart.plot.CombinedDomainXYPlot) charts.chart().getPlot()).getDomainAxis().getLabel());
        assertTrue(charts.vipPlot().getRangeAxis().getLabel().contains("VIP 所在"));
        ChartImages.writePng(charts.chart(), 1400, 800, OUT.resolve("combined-zh.png"));
    }

    static List<IntervalMarker> intervals(XYPlot p) {
        List<IntervalMarker> out = new ArrayList<>();
        Collection<?> ms = p.getDomainMarkers(Layer.BACKGROUND);
        if (ms != null) for (Object m : ms) if (m instanceof IntervalMarker im) out.add(im);
        return out;
    }
}
