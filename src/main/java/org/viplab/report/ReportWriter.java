package org.viplab.report;

import org.viplab.drill.DrillResult;
import org.viplab.core.text.EventCsv;
import org.viplab.core.text.EventFormatter;
import org.viplab.core.timeline.JsonLines;
import org.viplab.core.util.AtomicFiles;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a drill's report into a directory: report.html (self-contained: charts inline as SVG), report.pdf (the
 * same XHTML with the charts as PNG), events.csv, timeline.jsonl, result.json and junit.xml. Each file is written atomically. No
 * JavaFX: it runs headless from the CLI and off the FX thread from the app.
 */
public final class ReportWriter {
    public static final String HTML = "report.html";
    public static final String PDF = "report.pdf";
    public static final String CSV = "events.csv";
    public static final String JSONL = "timeline.jsonl";
    public static final String JSON = "result.json";
    public static final String JUNIT = "junit.xml";

    /** What was written: milliseconds per file (the HTML's includes drawing the charts) and warnings for the user. */
    public record Written(Path dir, Map<String, Long> millis, List<String> warnings) {
        public long totalMillis() { return millis.values().stream().mapToLong(Long::longValue).sum(); }
    }

    private ReportWriter() { }

    public static Written write(DrillResult r, Path dir, ReportOptions o) throws IOException {
        Files.createDirectories(dir);
        Map<String, Long> ms = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        long t = System.nanoTime();
        Map<String, Object> model = new ReportModel(o.locale()).build(r, o);
        String html = Templates.render("report.ftlx", model, o.locale());
        AtomicFiles.writeString(dir.resolve(HTML), html);
        // the drill as it ran, beside its report (the provenance block names its sha256)
        if (r.provenance().drillText() != null) AtomicFiles.writeString(dir.resolve(ProvenanceModel.DRILL_COPY), r.provenance().drillText());
        t = lap(ms, HTML, t);
        if (o.htmlOnly()) return new Written(dir, ms, warnings);

        ByteArrayOutputStream pdf = new ByteArrayOutputStream(256 * 1024);
        // the PDF renderer draws no inline SVG: the same page with the charts as PNG, narrower and at 3x (over 300 dpi)
        model.put("charts", ReportCharts.build(r, o.locale(), new ReportModel(o.locale()), false));
        String pdfPage = Templates.render("report.ftlx", model, o.locale());
        String warning = PdfExport.write(pdfPage, pdf, o.locale().getLanguage().equals("zh"));
        if (warning != null) warnings.add(warning);
        AtomicFiles.write(dir.resolve(PDF), out -> pdf.writeTo(out));
        t = lap(ms, PDF, t);
        AtomicFiles.write(dir.resolve(CSV), out -> EventCsv.write(r.events(), EventFormatter.english(), out, false));
        t = lap(ms, CSV, t);
        AtomicFiles.write(dir.resolve(JSONL), out -> JsonLines.write(r.events(), r.causes(), out));
        t = lap(ms, JSONL, t);
        AtomicFiles.writeString(dir.resolve(JSON), r.toJson());
        t = lap(ms, JSON, t);
        AtomicFiles.write(dir.resolve(JUNIT), out -> JUnitXml.write(r, out));
        lap(ms, JUNIT, t);
        return new Written(dir, ms, warnings);
    }

    /** The report page as XHTML (what report.html holds and report.pdf is rendered from). */
    public static String html(DrillResult r, ReportOptions o) throws IOException {
        return Templates.render("report.ftlx", new ReportModel(o.locale()).build(r, o), o.locale());
    }

    private static long lap(Map<String, Long> ms, String file, long since) {
        long now = System.nanoTime();
        ms.put(file, (now - since) / 1_000_000);
        return now;
    }
}
