package org.viplab.report;

import org.junit.jupiter.api.Test;
import org.viplab.drill.DrillResult;
import org.viplab.testing.Drills;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The committed sample reports never go stale: each one's verdicts equal a fresh run of its drill. */
class SampleReportsTest {
    private static final Path DRILLS = Path.of("samples", "drills");
    private static final Path REPORTS = Path.of("samples", "reports");
    private static final String HOW = " (run samples/regenerate-reports.sh and commit samples/reports)";

    @Test
    void everySampleDrillHasAReportWithTheVerdictsOfAFreshRun() throws Exception {
        List<Path> drills;
        try (Stream<Path> s = Files.list(DRILLS)) {
            drills = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertFalse(drills.isEmpty(), "samples/drills has drills");
        List<String> problems = new ArrayList<>();
        for (Path drill : drills) {
            String base = drill.getFileName().toString().replaceFirst("\\.json$", "");
            boolean real = base.startsWith("real-");
            // a real-* drill ran on both engines (samples/regenerate-real-reports.sh): its simulator side is checked here
            Path report = real ? REPORTS.resolve(base).resolve("sim").resolve(ReportWriter.HTML) : REPORTS.resolve(base).resolve(ReportWriter.HTML);
            if (!Files.exists(report)) {
                problems.add(base + ": no " + report);
                continue;
            }
            String html = Files.readString(report);
            DrillResult fresh = Drills.runFile(drill);
            String expected = ReportWriterTest.expectedMarker(fresh);
            String committed = SampleMarker.verdicts(html);
            if (!expected.equals(committed)) problems.add(base + ": committed verdicts [" + committed + "], a fresh run gives [" + expected + "]");
            String result = fresh.passed() ? "passed" : "failed";
            if (!result.equals(SampleMarker.result(html))) problems.add(base + ": committed result " + SampleMarker.result(html) + ", fresh " + result);
            if (!html.contains("<svg")) problems.add(base + ": no inline charts");
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems) + HOW);
    }

    /** samples/reports/real-* come from real hosts, with the simulator's run and the comparison beside them. */
    @Test
    void realSamplesComeFromRealHosts() throws Exception {
        List<Path> drills;
        try (Stream<Path> s = Files.list(DRILLS)) {
            drills = s.filter(p -> p.getFileName().toString().matches("real-.*\\.json")).sorted().toList();
        }
        assertFalse(drills.isEmpty());
        for (Path drill : drills) {
            Path dir = REPORTS.resolve(drill.getFileName().toString().replaceFirst("\\.json$", ""));
            String ssh = Files.readString(dir.resolve("ssh").resolve(ReportWriter.HTML));
            assertTrue(ssh.contains("data-engine=\"ssh\">REAL HOSTS</span>"), dir + ": the real run is badged REAL HOSTS");
            assertTrue(ssh.contains("class=\"hosts\"") && ssh.contains("Keepalived v"), dir + ": the hosts' own versions");
            String sim = Files.readString(dir.resolve("sim").resolve(ReportWriter.HTML));
            assertTrue(sim.contains("data-engine=\"sim\">SIMULATOR</span>"), dir + ": the simulated run is badged SIMULATOR");
            String comparison = Files.readString(dir.resolve(Comparison.HTML));
            assertTrue(comparison.contains("data-engine=\"both\""), dir + ": comparison.html");
            assertFalse(Files.exists(dir.resolve(ReportWriter.HTML)), dir + ": no simulator report posing as the real one");
        }
    }

    /** Several inline SVGs share a page's ids: one id twice would draw a chart with another chart's clip path. */
    @Test
    void noCommittedReportRepeatsAnId() throws Exception {
        java.util.regex.Pattern id = java.util.regex.Pattern.compile(" id=\"([^\"]+)\"");
        List<String> twice = new ArrayList<>();
        try (Stream<Path> s = Files.walk(REPORTS)) {
            for (Path f : s.filter(p -> p.getFileName().toString().equals(ReportWriter.HTML)).sorted().toList()) {
                java.util.Set<String> seen = new java.util.HashSet<>();
                var m = id.matcher(Files.readString(f));
                while (m.find()) if (!seen.add(m.group(1))) twice.add(f + ": " + m.group(1));
            }
        }
        assertEquals(List.of(), twice, HOW);
    }

    /** A record's toString ("ClusterStatus[timeUs=2000000, host=db1, ...") or a raw reason code never reaches a reader. */
    @Test
    void noCommittedReportShowsARecordDump() throws Exception {
        java.util.regex.Pattern dump = java.util.regex.Pattern.compile("\\w+\\[\\w+=|\\[timeUs=");
        List<String> found = new ArrayList<>();
        try (Stream<Path> s = Files.walk(REPORTS)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
                var m = dump.matcher(Files.readString(f));
                if (m.find()) found.add(f + ": " + m.group());
            }
        }
        assertEquals(List.of(), found, HOW);
    }

    @Test
    void noReportWithoutItsDrill() throws Exception {
        List<String> orphans = new ArrayList<>();
        try (Stream<Path> s = Files.list(REPORTS)) {
            for (Path d : s.filter(Files::isDirectory).toList()) {
                if (!Files.exists(DRILLS.resolve(d.getFileName() + ".json"))) orphans.add(d.getFileName().toString());
            }
        }
        assertEquals(List.of(), orphans, "reports of drills that are gone" + HOW);
    }
}
