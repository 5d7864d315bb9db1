package org.viplab.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.viplab.drill.Drill;
import org.viplab.drill.DrillParser;
import org.viplab.drill.DrillResult;
import org.viplab.drill.DrillRunner;
import org.viplab.engine.sim.SimulatedLab;
import org.viplab.core.timeline.Timeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The side-by-side comparison, fed here with two simulator runs that differ in a known way. */
class ComparisonTest {
    private static DrillResult run(String json) throws Exception {
        Drill d = DrillParser.parse("t.json", json, Path.of("."));
        return new DrillRunner().run(d, SimulatedLab.steadyState(d.topology(), d.seed(), new Timeline()), null);
    }

    @Test
    void rowsPairFailoversAndShowTheDifference(@TempDir Path dir) throws Exception {
        String drill = "{\"name\": \"x\", \"preset\": \"mode1\", \"steps\": [{\"at\": \"2s\", \"action\": \"stop\", \"target\": \"db1/keepalived\"},"
                + "{\"expect\": \"vip-on\", \"host\": \"db2\", \"within\": \"5s\"}], \"duration\": \"10s\"}";
        DrillResult a = run(drill);
        // the "real" side: db2 at priority 60 waits Skew(60) = 765.625 ms instead of Skew(90) = 648.437 ms
        DrillResult b = run(drill.replace("\"preset\": \"mode1\",", "\"preset\": \"mode1\", \"set\": {\"db2.keepalived.priority\": 60},"));
        List<Comparison.Row> rows = Comparison.rows(a, b);
        Comparison.Row gap = rows.stream().filter(r -> r.what().endsWith("no-VIP gap") && r.what().startsWith("failover 1")).findFirst().orElseThrow();
        assertEquals(648.437, gap.simMs(), 1e-9);
        assertEquals(765.625, gap.realMs(), 1e-9);
        assertEquals(-117.188, gap.diffMs(), 1e-9);
        Comparison.write(a, b, dir, new ReportOptions(Locale.ENGLISH, true, null));
        String html = Files.readString(dir.resolve(Comparison.HTML));
        assertTrue(html.contains("648.4") && html.contains("765.6") && html.contains("-117.2"), "the table");
        assertEquals(2, html.split("data:image/png;base64,").length - 1, "both timelines' charts");
        assertTrue(Files.exists(dir.resolve("sim/report.html")) && Files.exists(dir.resolve("ssh/report.html")));
        assertTrue(Files.readString(dir.resolve(Comparison.JSON)).contains("\"diffMs\": -117.188"));
    }

    @Test
    void aFailoverOnOneSideOnlyHasNoDifference() throws Exception {
        DrillResult moved = run("{\"name\": \"x\", \"preset\": \"mode1\", \"steps\": [{\"at\": \"2s\", \"action\": \"stop\", \"target\": \"db1/keepalived\"}], \"duration\": \"8s\"}");
        DrillResult stayed = run("{\"name\": \"x\", \"preset\": \"mode1\", \"steps\": [{\"at\": \"2s\", \"action\": \"stop\", \"target\": \"db2/keepalived\"}], \"duration\": \"8s\"}");
        Comparison.Row gap = Comparison.rows(moved, stayed).stream().filter(r -> r.what().endsWith("no-VIP gap") && r.what().startsWith("failover 1"))
                .findFirst().orElseThrow();
        assertNull(gap.realMs());
        assertNull(gap.diffMs());
    }
}
