package org.viplab.charts;

import org.junit.jupiter.api.Test;
import org.viplab.core.model.Presets;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A long window's time axis reads as h:mm:ss ("1:00:00"), a short one in plain seconds, after the chart is drawn. */
class LongWindowTicksTest {
    @Test
    void hmsFormatsHoursMinutesAndSeconds() {
        assertEquals("1:02:05", ChartText.hms(3725));
        assertEquals("0:00:00", ChartText.hms(0));
        assertEquals("-0:00:05", ChartText.hms(-5));
        assertEquals("25:00:00", ChartText.hms(90_000));
    }

    @Test
    void theAppsChartShowsHmsTicksForAnHourAndSecondsForAMinute() {
        LabCharts charts = LabCharts.combined(new ChartData(Presets.mode1()), Locale.ENGLISH);
        charts.show(0, 3_600_000_000L, 1000);
        charts.chart().createBufferedImage(1000, 400); // drawing is when an axis picks its unit
        assertEquals("1:00:00", charts.timeAxis().getTickUnit().valueToString(3600));

        charts.show(0, 60_000_000L, 1000);
        charts.chart().createBufferedImage(1000, 400);
        assertEquals("30", charts.timeAxis().getTickUnit().valueToString(30));
    }

    @Test
    void aReportsSeparateChartsShowHmsTicksForAnHour() {
        LabCharts charts = LabCharts.separate(new ChartData(Presets.mode1()), Locale.ENGLISH);
        charts.show(0, 3_600_000_000L, 1000);
        for (org.jfree.chart.JFreeChart c : charts.charts()) c.createBufferedImage(1000, 300);
        NumberAxisCheck.assertHms(charts.vipPlot());
        NumberAxisCheck.assertHms(charts.clientPlot());
    }

    private static final class NumberAxisCheck {
        static void assertHms(org.jfree.chart.plot.XYPlot p) {
            assertEquals("1:00:00", ((org.jfree.chart.axis.NumberAxis) p.getDomainAxis()).getTickUnit().valueToString(3600));
        }
    }
}
