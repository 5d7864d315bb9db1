package org.viplab.charts;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.viplab.core.util.AtomicFiles;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;

/** Charts as PNG, for reports: the same chart objects the app shows, drawn with Java2D (no JavaFX). */
public final class ChartImages {
    private ChartImages() { }

    /** Writes the chart as a PNG of w x h pixels, atomically. */
    public static void writePng(JFreeChart chart, int w, int h, Path path) throws IOException {
        AtomicFiles.write(path, out -> ChartUtils.writeChartAsPNG(out, chart, w, h));
    }

    /** PNG bytes; zlib level 6 rather than 9: a third of the time for a few per cent more bytes. */
    public static byte[] png(JFreeChart chart, int w, int h) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        ChartUtils.writeChartAsPNG(out, chart, w, h, false, 6);
        return out.toByteArray();
    }
}
