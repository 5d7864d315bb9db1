package org.viplab.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.viplab.drill.Drill;
import org.viplab.drill.DrillParser;
import org.viplab.engine.sim.SimulatedLab;
import org.viplab.sweep.Seeds;
import org.viplab.sweep.Setting;
import org.viplab.sweep.SweepPlan;
import org.viplab.sweep.SweepResult;
import org.viplab.sweep.SweepRunner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** sweep.html: the CDFs, a histogram per combination and metric, the quantiles and the worst runs, in both languages. */
class SweepReportTest {
    private static SweepResult sweep() throws Exception {
        Drill d = DrillParser.parseFile(Path.of("samples/drills/01-mode1-basic-failover.json"));
        SweepPlan plan = SweepPlan.of(d, Seeds.parse("1-20"), List.of(Setting.parse("db2.keepalived.priority=90,99")));
        return new SweepRunner().run(plan, (dr, t) -> SimulatedLab.steadyState(dr.topology(), dr.seed(), t), 2, null, 50);
    }

    @Test
    void theReportDrawsEachMetricAndNamesTheCommandBehindEachWorstRun(@TempDir Path dir) throws Exception {
        SweepResult r = sweep();
        SweepReport.write(r, dir, Locale.ENGLISH, (c, seed) -> "viplab drill d.json --seed " + seed + " --set " + c.label().replace(", ", " --set "));
        String html = Files.readString(dir.resolve(SweepReport.HTML));
        // CDFs of detection, gap, failover time and downtime (split brain is 0 in every run: said, not drawn),
        // and per combination a histogram of each of the three that vary plus the gap
        int images = html.split("data:image/png;base64,").length - 1;
        // and per combination the failover budget's stacked bar
        assertEquals(4 + 2 * 4 + 2, images);
        // 300 ms shutdown + 0-3 s to the next check + 10 + 10 ms + Skew(90) + 0-100 ms for the client's next connect
        assertTrue(html.contains("With these settings clients can be down up to 4.07 s; the new holder takes over 0.97–3.97 s after the fault."), "budget at 90");
        assertTrue(html.contains("<td>wait for the next check</td><td class=\"num\">0.0 – 3000.0</td><td><code>db1.keepalived.scripts.0.intervalSec = 3</code></td>"));
        assertTrue(html.contains("split brain</b>: <span class=\"muted\">0 in every run"), "split brain");
        assertTrue(html.contains("<h2 id=\"combination-2\">db2.keepalived.priority=99</h2>"));
        // Skew(90) = 648.4 ms and Skew(99) = 613.3 ms, the gap in every run of each combination
        assertTrue(html.contains("<td>no-VIP gap</td><td class=\"num\">20</td><td class=\"num\">648.4</td>"), "gap at priority 90");
        assertTrue(html.contains("<td>no-VIP gap</td><td class=\"num\">20</td><td class=\"num\">613.3</td>"), "gap at priority 99");
        assertTrue(html.contains("<code>viplab drill d.json --seed "), "the command that repeats a worst run");
        assertTrue(html.contains(" --set db2.keepalived.priority=99</code>"));
        assertTrue(Files.readString(dir.resolve(SweepReport.CSV)).startsWith("seed,db2.keepalived.priority,passed,"));
        assertTrue(Files.readString(dir.resolve(SweepReport.JSON)).contains("\"finished\": 40"));
    }

    @Test
    void theChineseReportIsInChinese(@TempDir Path dir) throws Exception {
        SweepReport.write(sweep(), dir, Locale.SIMPLIFIED_CHINESE, (c, seed) -> "viplab drill d.json --seed " + seed);
        String html = Files.readString(dir.resolve(SweepReport.HTML));
        assertTrue(html.contains("lang=\"zh-CN\""));
        assertTrue(html.contains("客户端中断时间") && html.contains("最差的运行") && html.contains("20 次运行中 20 次通过"), "Chinese texts");
        assertFalse(html.contains("The worst runs"));
    }
}
