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

    /**
     * Real runs beside the seeds: the KS table and one chart per metric with both CDFs, first on the page, in both
     * languages. The "real" runs here are the simulator on other seeds (RealComparisonTest says why that is enough).
     */
    @Test
    void realRunsAreOverlaidOnTheSimulatedOnesWithTheKsTable(@TempDir Path dir) throws Exception {
        Drill d = DrillParser.parseFile(Path.of("samples/drills/01-mode1-basic-failover.json"));
        SweepResult sim = new SweepRunner().run(SweepPlan.of(d, Seeds.parse("1-30"), List.of()),
                (dr, t) -> SimulatedLab.steadyState(dr.topology(), dr.seed(), t), 2, null, 50);
        List<org.viplab.sweep.RunFigures> real = new java.util.ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            Drill one = d.withSeed(700 + i);
            real.add(org.viplab.sweep.RunFigures.of(0, i, new org.viplab.drill.DrillRunner().run(one,
                    SimulatedLab.steadyState(one.topology(), one.seed(), new org.viplab.core.timeline.Timeline()), null)));
        }
        org.viplab.sweep.RealComparison c = new org.viplab.sweep.RealComparison(sim, real, 3, false);
        SweepReport.write(sim, c, dir, Locale.ENGLISH, (x, seed) -> "viplab drill d.json --seed " + seed);
        String html = Files.readString(dir.resolve(SweepReport.HTML));
        assertTrue(html.indexOf("Real hosts against the simulator") < html.indexOf("The simulated seeds"), "the comparison comes first");
        assertTrue(html.contains("3 runs on real hosts (3 passed) beside the simulator&apos;s seeds 1-30 (30 runs)."), "summary");
        // gap: Skew(90) on every run of both: D = 0, nothing to tell apart
        assertTrue(html.contains("<td>no-VIP gap</td><td class=\"num\">3 / 30</td><td class=\"num\">648.4</td>"), "gap row");
        assertTrue(html.contains("<td class=\"num\">0.000</td><td class=\"num\">1.000</td>"), "D 0, p 1 for the gap");
        // the overlay: both CDFs on one chart for each metric but split brain (0 in every run on both sides: not drawn)
        int before = html.substring(0, html.indexOf("The simulated seeds")).split("data:image/png;base64,").length - 1;
        assertEquals(4, before);
        assertTrue(html.contains("<th>run</th>") && html.contains("Each real run"));
        String csv = Files.readString(dir.resolve(SweepReport.CSV));
        assertTrue(csv.startsWith("engine,seed,run,passed,") && csv.contains("\nreal,,3,true,"), csv);
        SweepReport.write(sim, c, dir.resolve("zh"), Locale.SIMPLIFIED_CHINESE, (x, seed) -> "viplab drill d.json --seed " + seed);
        String zh = Files.readString(dir.resolve("zh").resolve(SweepReport.HTML));
        assertTrue(zh.contains("真实主机与模拟器对比") && zh.contains("在真实主机上运行 3 次（3 次通过）"), "Chinese texts");
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
