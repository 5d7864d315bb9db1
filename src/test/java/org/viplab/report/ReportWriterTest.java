package org.viplab.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.viplab.drill.DrillResult;
import org.viplab.drill.Verdict;
import org.viplab.testing.Drills;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportWriterTest {
    private static DrillResult splitBrain;

    @BeforeAll
    static void run() throws Exception {
        splitBrain = Drills.run("split", Drills.SPLIT_BRAIN);
        assertFalse(splitBrain.passed(), "the split-brain drill has a failing expectation");
    }

    @Test
    void writesEveryFileAndTheirContentsAgree(@TempDir Path dir) throws Exception {
        ReportWriter.Written w = ReportWriter.write(splitBrain, dir, new ReportOptions(Locale.ENGLISH, false, Instant.EPOCH));
        for (String f : List.of("report.html", "report.pdf", "events.csv", "timeline.jsonl", "result.json", "junit.xml")) {
            assertTrue(Files.size(dir.resolve(f)) > 0, f);
            assertTrue(w.millis().containsKey(f), f);
        }
        assertEquals(splitBrain.toJson(), Files.readString(dir.resolve("result.json")));
        assertEquals(splitBrain.events().size(), Files.readAllLines(dir.resolve("timeline.jsonl")).size());
        List<String> csv = Files.readAllLines(dir.resolve("events.csv"));
        assertEquals(String.join(",", org.viplab.core.text.EventCsv.HEADER), csv.get(0).replace("\uFEFF", ""));
        assertEquals(splitBrain.events().size() + 1, csv.size(), "a row per event (details never span lines)");

        // junit.xml: one testcase per expectation, the failed one with its detail
        Document junit = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve("junit.xml").toFile());
        Element suite = (Element) junit.getElementsByTagName("testsuite").item(0);
        long expectations = splitBrain.verdicts().stream().filter(v -> v.step() instanceof org.viplab.drill.Step.ExpectStep).count();
        assertEquals(Long.toString(expectations), suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
        NodeList failures = junit.getElementsByTagName("failure");
        assertEquals(1, failures.getLength());
        Verdict failed = splitBrain.verdicts().stream().filter(Verdict::failed).findFirst().orElseThrow();
        assertEquals(failed.detail(), ((Element) failures.item(0)).getAttribute("message"));
        assertTrue(((Element) failures.item(0).getParentNode()).getAttribute("name").contains(failed.step().text()));

        // report.html: well-formed XHTML (what the PDF renderer parses), three inline charts, the verdict marker
        String html = Files.readString(dir.resolve("report.html"));
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new org.xml.sax.InputSource(new StringReader(html)));
        assertEquals(3, count(html, "<svg"), "three inline vector charts");
        String namespaces = "http://www.w3.org/1999/xhtml|http://www.w3.org/2000/svg|http://www.w3.org/1999/xlink";
        assertFalse(html.replaceAll(namespaces, "").contains("http://"), "no external link (only the XHTML and SVG namespaces)");
        assertEquals(expectedMarker(splitBrain), SampleMarker.verdicts(html));
        assertTrue(html.contains("data-verdict=\"failed\""));
        assertTrue(html.contains("split brain"), "the failover/metrics say split brain");
    }

    @Test
    void pdfHasTheSameVerdictsAsResultJson(@TempDir Path dir) throws Exception {
        ReportWriter.write(splitBrain, dir, new ReportOptions(Locale.ENGLISH, false, null));
        JsonObject json = JsonParser.parseString(Files.readString(dir.resolve("result.json"))).getAsJsonObject();
        String text;
        try (PDDocument pdf = Loader.loadPDF(dir.resolve("report.pdf").toFile())) {
            text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        }
        assertTrue(text.contains(json.get("passed").getAsBoolean() ? "PASSED" : "FAILED"), "overall result");
        int pos = text.indexOf("Verdicts");
        assertTrue(pos > 0);
        JsonArray steps = json.getAsJsonArray("steps");
        List<String> seen = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (JsonElement s : steps) {
            JsonObject step = s.getAsJsonObject();
            String stepText = step.get("text").getAsString();
            pos = text.indexOf(stepText, pos);
            assertTrue(pos > 0, "the PDF lists step " + stepText);
            pos += stepText.length();
            Matcher m = Pattern.compile("\\b(passed|failed|done|pending)\\b").matcher(text);
            assertTrue(m.find(pos));
            seen.add(m.group(1));
            expected.add(step.get("verdict").getAsString());
            pos = m.end();
        }
        assertEquals(expected, seen);
        assertTrue(expected.contains("failed") && expected.contains("passed"), "the drill has both kinds: " + expected);
    }

    @Test
    void chineseReportEmbedsACjkFont(@TempDir Path dir) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(CjkFonts.find().isPresent(), CjkFonts.MISSING);
        ReportWriter.Written w = ReportWriter.write(splitBrain, dir, new ReportOptions(Locale.SIMPLIFIED_CHINESE, false, null));
        assertTrue(w.warnings().isEmpty(), w.warnings().toString());
        String html = Files.readString(dir.resolve("report.html"));
        assertTrue(html.contains("lang=\"zh-CN\""));
        assertTrue(html.contains("判定结果"));
        assertTrue(html.contains("未通过"));
        try (PDDocument pdf = Loader.loadPDF(dir.resolve("report.pdf").toFile())) {
            String text = new PDFTextStripper().getText(pdf);
            assertTrue(text.contains("判定结果"), "Chinese text extractable from the PDF");
            assertTrue(text.contains("链路 db1-db2/vrrp 已断开") && text.contains("执行者：演练"), "the events in Chinese too: " + text.substring(text.indexOf("判定结果")));
            boolean embedded = false;
            for (PDPage page : pdf.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont f = page.getResources().getFont(name);
                    if (f.isEmbedded() && (f.getName().contains("WenQuanYi") || f.getName().contains("Noto"))) embedded = true;
                }
            }
            assertTrue(embedded, "a CJK font is embedded");
        }
    }

    @Test
    void chineseReportListsTheEventsInChineseAndTheEnglishOneInEnglish() throws Exception {
        DrillResult r = Drills.run("stop", Drills.KEEPALIVED_STOP);
        String zh = ReportWriter.html(r, new ReportOptions(Locale.SIMPLIFIED_CHINESE, true, null));
        String en = ReportWriter.html(r, new ReportOptions(Locale.ENGLISH, true, null));
        String zhEvents = zh.substring(zh.indexOf("<table class=\"events\">"));
        String enEvents = en.substring(en.indexOf("<table class=\"events\">"));
        for (String s : List.of("<td>操作</td><td>停止 db1/keepalived（执行者：演练）</td>", "<td>VRRP 状态</td><td>MASTER \u2192 STOPPED（由演练停止）</td>",
                "<td>通告</td><td>通告，优先级 0，VRID 51，VRRPv2，间隔 1s</td>", "10.9.8.120 已添加（VRRP MASTER）", "keepalived：运行中 \u2192 停止中（由演练停止）")) {
            assertTrue(zhEvents.contains(s), "the Chinese report lists " + s + ":\n" + zhEvents.substring(0, Math.min(4000, zhEvents.length())));
        }
        for (String s : List.of("<td>action</td><td>stop db1/keepalived (by drill)</td>", "MASTER \u2192 STOPPED (stop by drill)",
                "advert, priority 0, VRID 51, VRRPv2, every 1s", "keepalived: running \u2192 stopping (stop by drill)")) {
            assertTrue(enEvents.contains(s), "the English report lists " + s);
            assertFalse(zhEvents.contains(s), "not in the Chinese one: " + s);
        }
        // The same rows in both: one per listed event.
        assertEquals(count(enEvents, "<tr class="), count(zhEvents, "<tr class="));
    }

    @Test
    void drillTextIsEscaped(@TempDir Path dir) throws Exception {
        DrillResult r = Drills.run("esc", Drills.KEEPALIVED_STOP.replace("\"keepalived stop\"", "\"<b>bold</b> & \\\"quoted\\\"\""));
        String html = ReportWriter.html(r, new ReportOptions(Locale.ENGLISH, true, null));
        assertTrue(html.contains("&lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot;"), "escaped by the template");
        assertFalse(html.contains("<b>bold</b>"));
        ReportWriter.Written w = ReportWriter.write(r, dir, new ReportOptions(Locale.ENGLISH, true, null));
        assertEquals(List.of("report.html"), w.millis().keySet().stream().toList(), "html only");
        assertFalse(Files.exists(dir.resolve("report.pdf")));
        assertFalse(Files.readString(dir.resolve("report.html")).contains("Generated"), "no timestamp when none is given");
    }

    static String expectedMarker(DrillResult r) {
        StringBuilder b = new StringBuilder();
        for (Verdict v : r.verdicts()) {
            if (b.length() > 0) b.append(' ');
            b.append(v.step().index()).append(':').append(v.status().name().toLowerCase(Locale.ROOT));
        }
        return b.toString();
    }

    static int count(String s, String needle) {
        int n = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) n++;
        return n;
    }
}
