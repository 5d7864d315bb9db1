package org.viplab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.viplab.report.SampleMarker;
import org.viplab.testing.Drills;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DrillCommandReportTest {
    record Run(int exit, String out, String err) { }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Launcher.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void singleFileWithReportKeepsTheOutputAndWritesTheReport(@TempDir Path tmp) throws Exception {
        Path drill = tmp.resolve("stop.json");
        Files.writeString(drill, Drills.KEEPALIVED_STOP);
        Run plain = run("drill", drill.toString());
        Path dir = tmp.resolve("report");
        Run withReport = run("drill", drill.toString(), "--report", dir.toString(), "--lang", "zh-CN");
        assertEquals(0, plain.exit());
        assertEquals(0, withReport.exit());
        assertEquals(plain.out() + "report: " + dir.resolve("report.html") + System.lineSeparator(), withReport.out(),
                "the same output, plus where the report is");
        for (String f : List.of("report.html", "report.pdf", "events.csv", "timeline.jsonl", "result.json", "junit.xml")) {
            assertTrue(Files.exists(dir.resolve(f)), f);
        }
        assertTrue(Files.readString(dir.resolve("report.html")).contains("lang=\"zh-CN\""));
    }

    @Test
    void batchWritesAReportPerDrillAndAnIndexAndFailsWhenOneFails(@TempDir Path tmp) throws Exception {
        Path pass = tmp.resolve("a-pass.json");
        Path fail = tmp.resolve("b-fail.json");
        Files.writeString(pass, Drills.KEEPALIVED_STOP);
        Files.writeString(fail, Drills.SPLIT_BRAIN);
        Path dir = tmp.resolve("reports");
        Run r = run("drill", pass.toString(), fail.toString(), "--report", dir.toString(), "--html-only");
        assertEquals(ExitCodes.FAILED, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("2 drills: 1 passed, 1 failed"), r.out());
        assertEquals("passed", SampleMarker.result(Files.readString(dir.resolve("a-pass/report.html"))));
        assertEquals("failed", SampleMarker.result(Files.readString(dir.resolve("b-fail/report.html"))));
        assertFalse(Files.exists(dir.resolve("a-pass/report.pdf")), "--html-only");
        String index = Files.readString(dir.resolve("index.html"));
        assertEquals("failed", SampleMarker.result(index));
        assertTrue(index.contains("href=\"a-pass/report.html\""));
        assertTrue(index.contains("href=\"b-fail/report.html\""));
        List<String> verdicts = new ArrayList<>();
        var m = java.util.regex.Pattern.compile("data-verdict=\"(\\w+)\"").matcher(index);
        while (m.find()) verdicts.add(m.group(1));
        assertEquals(List.of("passed", "failed"), verdicts);
    }

    @Test
    void batchRecordsABrokenFileAndGoesOn(@TempDir Path tmp) throws Exception {
        Path good = tmp.resolve("good.json");
        Path bad = tmp.resolve("bad.json");
        Files.writeString(good, Drills.KEEPALIVED_STOP);
        Files.writeString(bad, "{\"name\": \"x\", \"preset\": \"nope\", \"steps\": []}");
        Path dir = tmp.resolve("reports");
        Run r = run("drill", bad.toString(), good.toString(), "--report", dir.toString(), "--html-only");
        assertEquals(ExitCodes.BAD_INPUT, r.exit());
        assertTrue(r.err().contains("bad.json"), r.err());
        assertTrue(Files.exists(dir.resolve("good/report.html")));
        assertTrue(Files.readString(dir.resolve("index.html")).contains("could not run"));
    }

    @Test
    void severalFilesNeedReport(@TempDir Path tmp) throws Exception {
        Path a = tmp.resolve("a.json");
        Files.writeString(a, Drills.KEEPALIVED_STOP);
        Run r = run("drill", a.toString(), a.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exit());
        assertTrue(r.err().contains("--report"), r.err());
        Run lang = run("drill", a.toString(), "--report", tmp.resolve("x").toString(), "--lang", "fr");
        assertEquals(ExitCodes.BAD_INPUT, lang.exit());
        assertTrue(lang.err().contains("zh-CN"), lang.err());
    }

    /** CI reads junit.xml even when the drill cannot run: an error with the file:line message, and a result.json. */
    @Test
    void aDrillThatCannotRunLeavesAJUnitError(@TempDir Path tmp) throws Exception {
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, "{\"name\": \"x\", \"preset\": \"mode1\",\n \"steps\": [{\"at\": \"soon\", \"action\": \"stop\", \"target\": \"db1/mysqld\"}]}");
        Path dir = tmp.resolve("report");
        Run r = run("drill", bad.toString(), "--report", dir.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exit(), r.err());
        String junit = Files.readString(dir.resolve("junit.xml"));
        assertTrue(junit.contains("<error message=\"" + bad + ":2:"), junit);
        assertTrue(Files.readString(dir.resolve("result.json")).contains("\"exitCode\": 2"));
    }

    @Test
    void aBatchWritesOneCombinedJUnitAtItsRoot(@TempDir Path tmp) throws Exception {
        Path pass = tmp.resolve("a-pass.json");
        Path bad = tmp.resolve("c-bad.json");
        Files.writeString(pass, Drills.KEEPALIVED_STOP);
        Files.writeString(bad, "{");
        Path dir = tmp.resolve("reports");
        Run r = run("drill", pass.toString(), bad.toString(), "--report", dir.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exit(), r.out() + r.err());
        String junit = Files.readString(dir.resolve("junit.xml"));
        assertTrue(junit.contains("name=\"viplab.a-pass\"") && junit.contains("name=\"viplab.c-bad\""), junit);
        assertTrue(junit.contains("<error "), "the drill that cannot run is an error, so CI goes red");
    }
}
