package org.viplab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code viplab tune}: the same output for the same arguments, its report, and its refusals. */
class TuneCommandTest {
    private static DrillCommandReportTest.Run run(String... args) { return DrillCommandReportTest.run(args); }

    private static final String[] SMALL = {"--seeds", "1-8", "--grid", "advert_int=1,2", "--grid", "interval=1",
        "--grid", "fall=1", "--grid", "weight=-5", "--grid", "preempt=preempt", "--grid", "rise=1"};

    private static String[] args(String... head) {
        String[] a = new String[head.length + SMALL.length];
        System.arraycopy(head, 0, a, 0, head.length);
        System.arraycopy(SMALL, 0, a, head.length, SMALL.length);
        return a;
    }

    @Test
    void sameArgumentsSameBytesWhateverTheWorkers(@TempDir Path tmp) throws Exception {
        DrillCommandReportTest.Run a = run(args("tune", "mode1", "--max-downtime-p99", "3s", "--stall", "3.7s", "--jobs", "1", "--json", tmp.resolve("a.json").toString()));
        DrillCommandReportTest.Run b = run(args("tune", "mode1", "--max-downtime-p99", "3s", "--stall", "3.7s", "--jobs", "2",
                "--json", tmp.resolve("b.json").toString(), "--report", tmp.resolve("r").toString(), "--lang", "zh-CN"));
        assertEquals(0, a.exit(), a.err());
        assertEquals(0, b.exit(), b.err());
        assertArrayEquals(Files.readAllBytes(tmp.resolve("a.json")), Files.readAllBytes(tmp.resolve("b.json")));
        assertEquals(a.out() + "report: " + tmp.resolve("r").resolve("tune.html") + System.lineSeparator(), b.out());
        // advert_int 1 flaps on the 3.7 s stall, so the best changes advert_int on both nodes (interval 3 -> 1 too)
        assertTrue(a.out().contains("To apply the best (advert_int=2 interval=1 "), a.out());
        assertTrue(a.out().contains("--- db1/keepalived.conf") && a.out().contains("-    advert_int 1\n+    advert_int 2"), a.out());
        String html = Files.readString(tmp.resolve("r").resolve("tune.html"));
        assertTrue(html.contains("lang=\"zh-CN\"") && html.contains("误切换") && html.contains("data:image/png;base64,"), "the zh-CN report with its plot");
        assertTrue(html.contains("+    advert_int 2"), "the diff is in the report");
        assertTrue(Files.exists(tmp.resolve("r").resolve("tune.json")));
    }

    @Test
    void nothingMeetingTheTargetExitsOneAndSaysSo() {
        DrillCommandReportTest.Run r = run(args("tune", "mode1", "--max-downtime-p99", "100ms"));
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.out().contains("Nothing meets the target"), r.out());
    }

    @Test
    void badInputIsRefusedBeforeAnythingRuns() {
        for (List<String> bad : List.of(
                List.of("tune", "mode9", "--max-downtime-p99", "3s"),
                List.of("tune", "mode1", "--max-downtime-p99", "fast"),
                List.of("tune", "mode1", "--max-downtime-p99", "3s", "--loss", "150%"),
                List.of("tune", "mode1", "--max-downtime-p99", "3s", "--grid", "advert=1,2"),
                List.of("tune", "mode1", "--max-downtime-p99", "3s", "--grid", "haproxy.inter=1000"),
                List.of("tune", "mode1", "--max-downtime-p99", "3s", "--grid", "advert_int=0"),
                List.of("tune", "mode1", "--max-downtime-p99", "3s", "--fault", "explode/mysqld"))) {
            DrillCommandReportTest.Run r = run(bad.toArray(String[]::new));
            assertEquals(2, r.exit(), bad + ": " + r.err());
            assertTrue(r.out().isEmpty(), bad + " printed " + r.out());
        }
        DrillCommandReportTest.Run r = run("tune", "mode1", "--max-downtime-p99", "3s", "--grid", "advert_int=0");
        assertTrue(r.err().contains("advert"), r.err());
    }
}
