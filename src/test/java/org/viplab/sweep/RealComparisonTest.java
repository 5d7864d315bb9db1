package org.viplab.sweep;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.viplab.core.timeline.Timeline;
import org.viplab.drill.Drill;
import org.viplab.drill.DrillRunner;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real runs beside a simulated sweep. No lab here: the "real" runs are drill runs of another engine instance (the
 * simulator on other seeds, or with another setting), which the comparison cannot tell from SSH runs: it reads
 * only {@link RunFigures}. The lab's own runs are in RealLabE2ETest.
 */
class RealComparisonTest {
    static SweepResult sweep(Drill d, String seeds) throws Exception {
        return new SweepRunner().run(SweepPlan.of(d, Seeds.parse(seeds), List.of()), SweepTest.SIM, 2, null, 50);
    }

    /** Runs 1..n of {@code d} as real runs would be numbered, each on its own seed {@code firstSeed + i}. */
    static List<RunFigures> runs(Drill d, long firstSeed, int n) throws Exception {
        List<RunFigures> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Drill one = d.withSeed(firstSeed + i);
            out.add(RunFigures.of(0, i + 1, new DrillRunner().run(one, SweepTest.SIM.create(one, new Timeline()), null)));
        }
        return out;
    }

    @Test
    void theSameDrillOnOtherSeedsShowsNoDifferenceAnotherAdvertIntervalDoes() throws Exception {
        Drill d = SweepTest.mode1();
        SweepResult sim = sweep(d, "1-60");
        RealComparison same = new RealComparison(sim, runs(d, 1001, 12), 12, false);
        RealComparison.Row down = same.rows().stream().filter(r -> r.metric() == Metric.CLIENT_DOWNTIME).findFirst().orElseThrow();
        assertEquals(12, down.real().n());
        assertEquals(60, down.simulated().n());
        assertEquals(RealComparison.Verdict.NO_DIFFERENCE, down.verdict(), "p " + down.ks().pValue());
        // the "real" hosts with a slower check: every failover takes longer, and 12 runs are enough to say so
        Drill slow = SweepPlan.withSettings(d, List.of("db1.keepalived.scripts.0.intervalSec=10"));
        RealComparison other = new RealComparison(sim, runs(slow, 1001, 12), 12, false);
        RealComparison.Row det = other.rows().stream().filter(r -> r.metric() == Metric.DETECTION).findFirst().orElseThrow();
        assertEquals(RealComparison.Verdict.DIFFER, det.verdict(), "D " + det.ks().d() + " p " + det.ks().pValue());
        assertTrue(det.ks().exact());
        // no split brain on either side: both samples are all zeros, D = 0
        RealComparison.Row split = other.rows().stream().filter(r -> r.metric() == Metric.SPLIT_BRAIN).findFirst().orElseThrow();
        assertEquals(0, split.ks().d(), 0);
    }

    @Test
    void theJsonAndCsvCarryBothSamplesAndTheTest() throws Exception {
        Drill d = SweepTest.mode1();
        SweepResult sim = sweep(d, "1-20");
        RealComparison c = new RealComparison(sim, runs(d, 500, 2), 3, false);
        JsonObject real = JsonParser.parseString(SweepJson.toJson(sim, c)).getAsJsonObject().getAsJsonObject("real");
        assertEquals(3, real.get("runsAsked").getAsInt());
        assertEquals(2, real.get("runs").getAsInt());
        JsonObject down = real.getAsJsonObject("metrics").getAsJsonObject("clientDowntimeMs");
        assertEquals(2, down.getAsJsonArray("realValues").size());
        assertEquals(20, down.getAsJsonObject("simulated").get("n").getAsInt());
        JsonObject ks = down.getAsJsonObject("ks");
        assertEquals("exact", ks.get("method").getAsString());
        // 2 against 20: the best p is 2 / C(22,2) = 0.0087, so some D is significant
        assertTrue(ks.get("criticalD").isJsonPrimitive(), ks.toString());
        StringWriter csv = new StringWriter();
        SweepCsv.write(c, csv);
        List<String> rows = csv.toString().lines().toList();
        assertEquals("engine,seed,run,passed,detectionMs,gapMs,failoverMs,clientDowntimeMs,splitBrainMs", rows.get(0));
        assertEquals(1 + 20 + 2, rows.size());
        assertTrue(rows.get(1).startsWith("sim,1,,"), rows.get(1));
        assertTrue(rows.get(21).startsWith("real,,1,"), rows.get(21));
        // the simulated sweep alone keeps its own JSON: no "real" block
        assertNull(JsonParser.parseString(SweepJson.toJson(sim)).getAsJsonObject().get("real"));
    }
}
