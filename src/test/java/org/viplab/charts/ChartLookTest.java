package org.viplab.charts;

import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.viplab.core.model.Presets;

import java.awt.Color;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The app's charts at its font scale and theme, and named in a corner when they are short. */
class ChartLookTest {
    private static LabCharts charts(ChartLook look) {
        return LabCharts.combined(new ChartData(Presets.mode1()), Locale.ENGLISH, look);
    }

    @Test
    void wordsGrowWithTheFontScale() {
        LabCharts normal = charts(ChartLook.DEFAULT);
        LabCharts large = charts(new ChartLook(2.0, false));
        assertEquals(2 * normal.timeAxis().getTickLabelFont().getSize(), large.timeAxis().getTickLabelFont().getSize());
        assertEquals(2 * normal.chart().getLegend().getItemFont().getSize(), large.chart().getLegend().getItemFont().getSize());
        assertEquals(2 * normal.vipPlot().getRangeAxis().getLabelFont().getSize(), large.vipPlot().getRangeAxis().getLabelFont().getSize());
    }

    @Test
    void darkChartsHaveDarkPaperAndLightInk() {
        LabCharts dark = charts(new ChartLook(1.0, true));
        Color paper = (Color) dark.chart().getBackgroundPaint();
        Color ink = (Color) dark.timeAxis().getTickLabelPaint();
        assertTrue(brightness(paper) < 0.2, "paper " + paper);
        assertTrue(brightness(ink) > 0.7, "ink " + ink);
        assertEquals(paper, dark.vipPlot().getBackgroundPaint());
        assertEquals(Color.WHITE, charts(ChartLook.DEFAULT).chart().getBackgroundPaint(), "light charts stay white");
    }

    @Test
    void shortChartsNameTheirPlotsInACornerAndCanPutTheirNamesBack() {
        LabCharts c = charts(ChartLook.DEFAULT);
        List<XYPlot> plots = List.of(c.vipPlot(), c.advertPlot(), c.clientPlot());
        List<String> names = plots.stream().map(p -> p.getRangeAxis().getLabel()).toList();
        c.setCornerLabels(true);
        assertTrue(c.cornerLabels());
        for (XYPlot p : plots) {
            assertNull(p.getRangeAxis().getLabel(), "no rotated label");
            assertEquals(1, p.getAnnotations().size(), "one name in the corner");
        }
        c.setCornerLabels(false);
        assertFalse(c.cornerLabels());
        assertEquals(names, plots.stream().map(p -> p.getRangeAxis().getLabel()).toList());
        for (XYPlot p : plots) assertTrue(p.getAnnotations().isEmpty());

        c.setLegendShown(false);
        assertFalse(c.chart().getLegend().isVisible());
        c.setLegendShown(true);
        assertTrue(c.legendShown());
    }

    private static double brightness(Color c) {
        return Color.RGBtoHSB(c.getRed(), c.getGreen(), c.getBlue(), null)[2];
    }
}
