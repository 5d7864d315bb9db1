package org.viplab.report;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.viplab.drill.DrillResult;
import org.viplab.testing.Drills;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a reader sees: vector charts on one axis, one unit style, and a Chinese report with no English left. */
class ReportReadingTest {
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    private static DrillResult run(String sample) throws Exception {
        return Drills.runFile(Path.of("samples/drills/" + sample + ".json"));
    }

    /** The page's words: no style, chart drawings, config files, drill file or code (the tools' own words). */
    static String visibleText(String html) {
        String h = html.replaceAll("(?s)<style.*?</style>", " ").replaceAll("(?s)<svg.*?</svg>", " ")
                .replaceAll("(?s)<pre>.*?</pre>", " ").replaceAll("(?s)<code>.*?</code>", " ");
        return h.replaceAll("<[^>]+>", " ").replace("&apos;", "'").replace("&quot;", "\"").replace("&amp;", "&");
    }

    @Test
    void htmlChartsAreInlineSvgAndThePdfsArePrintSharp(@TempDir Path tmp) throws Exception {
        DrillResult r = run("09-mode1-split-brain-blackhole");
        ReportWriter.write(r, tmp, ReportOptions.defaults());
        String html = java.nio.file.Files.readString(tmp.resolve(ReportWriter.HTML));
        assertEquals(3, html.split("<svg", -1).length - 1, "three vector charts");
        assertFalse(html.contains("data:image/png"), "no bitmap in the HTML");
        javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new org.xml.sax.InputSource(new java.io.StringReader(html))); // still well-formed XHTML
        assertTrue(html.contains("\u25BC1") && html.contains("\u25BC3"), "each action numbered on the chart");
        // three SVGs in one page share its ids: a clip path named twice would clip one chart with another's
        var ids = Pattern.compile(" id=\"([^\"]+)\"").matcher(html);
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (ids.find()) assertTrue(seen.add(ids.group(1)), "id " + ids.group(1) + " used twice");
        int images = 0;
        try (PDDocument pdf = Loader.loadPDF(tmp.resolve(ReportWriter.PDF).toFile())) {
            for (PDPage page : pdf.getPages()) {
                for (COSName n : page.getResources().getXObjectNames()) {
                    PDXObject x = page.getResources().getXObject(n);
                    if (x instanceof PDImageXObject img) {
                        images++;
                        // printed 180 mm (7.09 in) wide: 2126 px is 300 dpi
                        assertTrue(img.getWidth() >= 2126, "chart image " + img.getWidth() + " px wide");
                    }
                }
            }
        }
        assertEquals(3, images);
    }

    /** The PDF, read back with a text extractor: badge, provenance and Chinese; every font embedded (no Courier). */
    @Test
    void thePdfCarriesTheProvenanceAndEmbedsEveryFont(@TempDir Path tmp) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(CjkFonts.find().isPresent(), "needs a CJK font (fonts-wqy-microhei)");
        DrillResult r = run("01-mode1-basic-failover");
        ReportWriter.write(r, tmp, ReportOptions.defaults().withLocale(ZH));
        try (PDDocument pdf = Loader.loadPDF(tmp.resolve(ReportWriter.PDF).toFile())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
            assertTrue(text.contains("模拟器") && text.contains("来源"), "the badge and the provenance block");
            assertTrue(text.contains(org.viplab.drill.BuildInfo.current().commit()), "the commit");
            for (PDPage page : pdf.getPages()) {
                for (COSName n : page.getResources().getFontNames()) {
                    var font = page.getResources().getFont(n);
                    assertTrue(font.isEmbedded(), font.getName() + " is not embedded");
                }
            }
        }
    }

    @Test
    void theAxisEndsOnATickAndLongRunsGetHms() {
        // 75 s drawn 1100 px wide has a tick every 10 s: the axis runs to 80, its last tick labelled (not 74 of 75)
        assertEquals(80_000_000L, ReportCharts.axisEndUs(75_000_000L, ReportCharts.HTML_WIDTH));
        assertEquals(20_000_000L, ReportCharts.axisEndUs(20_000_000L, ReportCharts.HTML_WIDTH), "a run that ends on a tick keeps its end");
        assertEquals("1:02:03", new ReportCharts.Hms().format(3723.0));
    }

    @Test
    void oneUnitStyleThroughout() throws Exception {
        DrillResult r = run("20-dual-master-rows-diverge");
        String text = visibleText(ReportWriter.html(r, ReportOptions.defaults()));
        assertTrue(text.contains("807.626 ms"), "ms with three decimals");
        assertTrue(text.contains("t=2.808 s"), "s to the millisecond");
        String figures = text.substring(text.indexOf("Anomalies"), text.indexOf("What was tested"))
                + text.substring(text.indexOf("Failovers"), text.indexOf("Charts"));
        var glued = Pattern.compile("\\d(us|ms|s)\\b").matcher(figures);
        assertFalse(glued.find(), "no number glued to its unit in the figures: " + figures);
        assertFalse(text.contains("0us"));
        assertTrue(text.contains("probe every 100.000 ms"), "says client figures are as fine as the probes");
    }

    @Test
    void aChineseReportHasNoEnglishOfTheBundleLeft() throws Exception {
        Properties en = bundle("report.properties");
        Properties zh = bundle("report_zh_CN.properties");
        List<String> left = new ArrayList<>();
        for (String sample : List.of("01-mode1-basic-failover", "09-mode1-split-brain-blackhole", "20-dual-master-rows-diverge",
                "17-mode2-recommended")) {
            String text = visibleText(ReportWriter.html(run(sample), ReportOptions.defaults().withLocale(ZH)));
            for (String key : en.stringPropertyNames()) {
                String english = en.getProperty(key);
                if (english.equals(zh.getProperty(key))) continue; // the same in both (VIP, Java, keepalived)
                // the bundle's English words with the arguments cut out
                for (String part : english.split("\\{[^}]*\\}")) {
                    String p = part.strip();
                    // phrases only: a lone word ("failed") is also in keepalived's own log lines, which stay as logged
                    if (p.length() >= 6 && p.contains(" ") && p.matches(".*[a-z]{3,}.*") && text.contains(p)) left.add(sample + ": " + key + " \"" + p + "\"");
                }
            }
            // every setting row is named in Chinese, with the keyword beside it
            String html = ReportWriter.html(run(sample), ReportOptions.defaults().withLocale(ZH));
            var rows = Pattern.compile("<tr(?: class=\"differs\")?><td>([^<]*)</td>").matcher(html.substring(html.indexOf("class=\"settings\"")));
            while (rows.find()) if (!rows.group(1).matches(".*[\\u4e00-\\u9fff].*")) left.add(sample + ": setting " + rows.group(1));
            assertFalse(text.contains("The tutorial"), "the preset's description in Chinese");
            assertFalse(Pattern.compile(">(true|false)<").matcher(html.substring(html.indexOf("class=\"settings\""))).find(), "true/false in Chinese");
        }
        assertEquals(List.of(), left);
    }

    private static Properties bundle(String name) throws Exception {
        Properties p = new Properties();
        try (InputStream in = ReportReadingTest.class.getResourceAsStream("/org/viplab/i18n/" + name)) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
