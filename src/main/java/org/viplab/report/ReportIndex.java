package org.viplab.report;

import org.viplab.core.util.AtomicFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** index.html of a batch of reports: one row per drill with its result and a link to its report. */
public final class ReportIndex {
    /**
     * One drill of the batch.
     *
     * @param subdir the report's directory relative to the index, or null when the drill could not run
     * @param error  why it could not run (bad file, engine failure), or null
     */
    public record Entry(String name, String file, String subdir, boolean passed, long passedCount, long failedCount, String error) { }

    private ReportIndex() { }

    public static void write(Path dir, List<Entry> entries, Locale locale) throws IOException {
        ReportModel text = new ReportModel(locale);
        Map<String, Object> m = new HashMap<>();
        m.put("t", text.texts());
        m.put("lang", locale.getLanguage().equals("zh") ? "zh-CN" : "en");
        m.put("css", Templates.css());
        long passed = entries.stream().filter(e -> e.error() == null && e.passed()).count();
        m.put("allPassed", passed == entries.size());
        m.put("summary", text.f("index.summary", entries.size(), passed, entries.size() - passed));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Entry e : entries) {
            Map<String, Object> row = new HashMap<>();
            boolean ok = e.error() == null && e.passed();
            row.put("name", e.name());
            row.put("file", e.file());
            if (e.subdir() != null) row.put("link", e.subdir() + "/" + ReportWriter.HTML);
            row.put("status", ok ? "passed" : "failed");
            row.put("statusLabel", text.t(ok ? "report.result.passed" : "report.result.failed"));
            row.put("detail", e.error() != null ? text.f("index.error", e.error()) : text.f("report.summary", e.passedCount(), e.failedCount()));
            rows.add(row);
        }
        m.put("rows", rows);
        AtomicFiles.writeString(dir.resolve("index.html"), Templates.render("index.ftlx", m, locale));
    }
}
