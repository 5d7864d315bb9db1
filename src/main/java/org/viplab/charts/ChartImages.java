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

    /**
     * The chart as an inline SVG element (vector: sharp at any zoom and in print, its text searchable), drawn by
     * the same Java2D code as the PNG into Batik's SVG Graphics2D. {@code w} x {@code h} is the drawing's size in
     * user units; the element scales to its container's width (viewBox, no fixed size).
     */
    public static String svg(JFreeChart chart, int w, int h) throws IOException { return svg(chart, w, h, "chart-"); }

    /**
     * The same with every id in the drawing (clip paths, gradients) starting with {@code idPrefix}: several SVGs
     * inline in one page share its id space, and the second chart's {@code url(#clipPath1)} would otherwise clip
     * with the first chart's path.
     */
    public static String svg(JFreeChart chart, int w, int h, String idPrefix) throws IOException {
        try {
            org.w3c.dom.Document doc = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .getDOMImplementation().createDocument("http://www.w3.org/2000/svg", "svg", null);
            org.apache.batik.svggen.SVGGeneratorContext ctx = org.apache.batik.svggen.SVGGeneratorContext.createDefault(doc);
            ctx.setComment(null);
            ctx.setIDGenerator(new org.apache.batik.svggen.SVGIDGenerator() {
                @Override
                public String generateID(String prefix) { return super.generateID(idPrefix + prefix); }
            });
            ctx.setEmbeddedFontsOn(false);
            ctx.setPrecision(3);
            org.apache.batik.svggen.SVGGraphics2D g = new org.apache.batik.svggen.SVGGraphics2D(ctx, false); // text as text, not outlines
            g.setSVGCanvasSize(new java.awt.Dimension(w, h));
            chart.draw(g, new java.awt.geom.Rectangle2D.Double(0, 0, w, h));
            org.w3c.dom.Element root = g.getRoot();
            root.setAttribute("viewBox", "0 0 " + w + " " + h);
            root.setAttribute("width", "100%");
            root.removeAttribute("height");
            root.setAttribute("preserveAspectRatio", "xMidYMid meet");
            java.io.StringWriter out = new java.io.StringWriter(256 * 1024);
            g.stream(root, out, true, false);
            g.dispose();
            // the document's own prologue is not wanted inline in the XHTML page
            return out.toString().replaceFirst("^<\\?xml[^>]*\\?>\\s*", "").replaceFirst("<!DOCTYPE[^>]*>\\s*", "")
                    .replace("id=\"genericDefs\"", "id=\"" + idPrefix + "genericDefs\""); // Batik's one fixed id
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new IOException("no XML DOM for the SVG chart: " + e.getMessage(), e);
        }
    }

    /** PNG bytes of the chart drawn at w x h and scaled {@code scale} times (sharp when printed small). */
    public static byte[] png(JFreeChart chart, int w, int h, int scale) throws IOException {
        if (scale <= 1) return png(chart, w, h);
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        ChartUtils.writeScaledChartAsPNG(out, chart, w, h, scale, scale);
        return out.toByteArray();
    }

    /** PNG bytes; zlib level 6 rather than 9: a third of the time for a few per cent more bytes. */
    public static byte[] png(JFreeChart chart, int w, int h) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        ChartUtils.writeChartAsPNG(out, chart, w, h, false, 6);
        return out.toByteArray();
    }
}
