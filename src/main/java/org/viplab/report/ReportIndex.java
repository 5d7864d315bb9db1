package org.viplab.report;

import org.viplab.drill.ClientFigures;
import org.viplab.drill.DrillResult;
import org.viplab.drill.Verdict;
import org.viplab.core.timeline.TimelineAnalysis;
import org.viplab.core.util.AtomicFiles;
import org.viplab.core.util.Durations;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * index.html of a batch of reports: one row per drill with its result, engine and seed, the figures a reader
 * compares first (client availability beside the longest outage, split brain, failovers) and links to its
 * report, PDF and JUnit XML.
 */
public final class ReportIndex {
    /**
     * One drill of the batch.
     *
     * @param subdir the report's directory relative to the index, or null when the drill could not run
     * @param result the finished run, or null when it could not run
     * @param error  why it could not run (bad file, engine failure), or null
     */
    public record Entry(String name, String file, String subdir, DrillResult result, String error) {
        public boolean passed() { return error == null && result != null && result.passed(); }
    }

    private ReportIndex() { }

    public static void write(Path dir, List<Entry> entries, ReportOptions options) throws IOException {
        Locale locale = options.locale();
        ReportModel text = new ReportModel(locale);
        Map<String, Object> m = new HashMap<>();
        m.put("t", text.texts());
        m.put("lang", options.langTag());
        m.put("css", Templates.css());
        m.put("htmlOnly", options.htmlOnly());
        long passed = entries.stream().filter(Entry::passed).count();
        m.put("allPassed", passed == entries.size());
        m.put("summary", text.f("index.summary", entries.size(), passed, entries.size() - passed));
        if (!options.htmlOnly()) m.put("junit", JUnitXml.BATCH);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Entry e : entries) {
            Map<String, Object> row = new HashMap<>();
            boolean ok = e.passed();
            row.put("name", e.name());
            row.put("file", e.file());
            if (e.subdir() != null) {
                row.put("link", e.subdir() + "/" + ReportWriter.HTML);
                if (!options.htmlOnly()) {
                    row.put("pdf", e.subdir() + "/" + ReportWriter.PDF);
                    row.put("junit", e.subdir() + "/" + ReportWriter.JUNIT);
                }
            }
            row.put("status", ok ? "passed" : "failed");
            row.put("statusLabel", text.t(ok ? "report.result.passed" : "report.result.failed"));
            DrillResult r = e.result();
            if (r == null) {
                row.put("detail", text.f("index.error", e.error()));
                for (String k : List.of("engine", "seed", "availability", "outage", "splitBrain", "failovers")) row.put(k, "\u2013");
            } else {
                long p = r.verdicts().stream().filter(v -> v.status() == Verdict.Status.PASSED).count();
                long f = r.verdicts().stream().filter(Verdict::failed).count();
                row.put("detail", text.f("report.summary", p, f));
                boolean real = r.provenance().realHosts();
                row.put("engine", text.t("engine.badge." + (real ? "ssh" : "sim")));
                row.put("engineClass", real ? "ssh" : "sim");
                row.put("seed", real ? "\u2013" : Long.toString(r.drill().seed()));
                TimelineAnalysis a = r.analysis();
                ClientFigures c = r.client();
                row.put("availability", c.availabilityText());
                row.put("availabilityBad", c.availability() < 1.0);
                row.put("outage", Units.of(a.longestOutageUs()));
                row.put("splitBrain", Units.of(a.splitBrainUs()));
                row.put("splitBrainBad", a.splitBrainUs() > 0);
                row.put("failovers", Integer.toString(a.failovers().size()));
            }
            rows.add(row);
        }
        m.put("rows", rows);
        AtomicFiles.writeString(dir.resolve("index.html"), Templates.render("index.ftlx", m, locale));
    }
}
