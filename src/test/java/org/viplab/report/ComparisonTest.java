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
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        assertTrue(html.contains("<td>failover 1 (db1 \u2192 db2): no-VIP gap</td>"), "the figure in English");
        assertTrue(html.contains("<a href=\"sim/report.html\">report</a>") && html.contains("<a href=\"ssh/report.html\">report</a>"));

        Path zhDir = dir.resolve("zh");
        Comparison.write(a, b, zhDir, new ReportOptions(Locale.SIMPLIFIED_CHINESE, true, null));
        String zh = Files.readString(zhDir.resolve(Comparison.HTML));
        assertTrue(zh.contains("lang=\"zh-CN\"") && zh.contains("x：模拟器与真实主机对比"), "the title in Chinese");
        assertTrue(zh.contains("<td>第 1 次故障切换（db1 \u2192 db2）：无 VIP 间隔</td>"), "the figures in Chinese");
        assertTrue(zh.contains("648.4") && zh.contains("-117.2"));
        assertFalse(zh.contains("no-VIP gap") || zh.contains("simulator vs real"), "no English left");
        assertTrue(Files.readString(zhDir.resolve(Comparison.JSON)).contains("\"what\": \"failover 1 (db1 \u2192 db2): no-VIP gap\""),
                "comparison.json keeps its English figure names whatever the language");
    }

    @Test
    void aDrillNameIsEscapedInTheComparison(@TempDir Path dir) throws Exception {
        String drill = "{\"name\": \"<b>x</b>\", \"preset\": \"mode1\", \"steps\": [{\"at\": \"2s\", \"action\": \"stop\", \"target\": \"db1/keepalived\"}], \"duration\": \"6s\"}";
        DrillResult a = run(drill);
        Comparison.write(a, a, dir, new ReportOptions(Locale.ENGLISH, true, null));
        String html = Files.readString(dir.resolve(Comparison.HTML));
        assertTrue(html.contains("&lt;b&gt;x&lt;/b&gt;: simulator vs real hosts"), "escaped by the template");
        assertFalse(html.contains("<b>x</b>"));
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
