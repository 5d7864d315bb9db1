package org.viplab.cli;

import org.junit.jupiter.api.Test;
import org.viplab.drill.Drill;
import org.viplab.drill.DrillParser;
import org.viplab.drill.DrillResult;
import org.viplab.drill.Step;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The simulator at a real run's own action times: fidelity's "at real times". */
class FidelityAtRealTimesTest {
    private static final Path ONE_WAY = Path.of("samples/drills/real-mode1-vrrp-one-way.json");

    /**
     * Lab, 2026-12-06, load 10-19: when the one-way cut and its heal began on db2 (µs from t = 0; 0.2-0.7 s late)
     * and the split brain measured (µs). One host per action, so the action's time is the rule's.
     */
    private static final long[][] LAB = {
            {2_393_022, 14_677_667, 10_005_934}, {2_561_100, 14_727_500, 10_041_083},
            {2_384_400, 14_414_600, 10_011_103}, {2_220_700, 14_228_400, 9_002_309}};

    @Test
    void actionsMoveAndTheExpectationsAfterThemMoveWithThem() throws Exception {
        Drill d = DrillParser.parseFile(ONE_WAY);
        Drill late = d.atActionTimes(new long[] {2_400_000, 14_500_000});
        List<Step> before = d.steps();
        List<Step> after = late.steps();
        assertEquals(2_400_000, after.get(0).anchorUs());
        assertEquals(before.get(1).anchorUs() + 400_000, after.get(1).anchorUs(), "the split-brain expectation follows the late cut");
        assertEquals(before.get(2).anchorUs() + 400_000, after.get(2).anchorUs());
        assertEquals(14_500_000, after.get(3).anchorUs());
        assertEquals(before.get(4).anchorUs() + 500_000, after.get(4).anchorUs(), "the windows after the heal follow it");
        assertTrue(late.endUs() >= after.get(5).deadlineUs(), "the run lasts until the last window ends");
        assertThrows(IllegalArgumentException.class, () -> d.atActionTimes(new long[] {1}));
    }

    @Test
    void aRunRecordsWhenItsActionsBegan() throws Exception {
        Drill d = DrillParser.parseFile(ONE_WAY);
        assertEquals(List.of(2000.0, 14000.0), FidelityRuns.Run.of(DrillCommand.runDrill(d, 7L)).actionsMs);
        assertEquals(List.of(2400.0, 14500.0), FidelityRuns.Run.of(DrillCommand.runDrill(d.atActionTimes(new long[] {2_400_000, 14_500_000}), 7L)).actionsMs);
        FidelityRuns.Run old = new FidelityRuns.Run();
        assertNull(old.actionsUs(), "a record from before action times were kept has none");
    }

    @Test
    void atEachLabRunsOwnActionTimesTheSimulatorCoversTheSplitBrainItMeasured() throws Exception {
        Drill d = DrillParser.parseFile(ONE_WAY);
        List<String> missed = new ArrayList<>();
        for (long[] run : LAB) {
            double min = Double.MAX_VALUE, max = 0;
            for (long seed = 1; seed <= 60; seed++) {
                DrillResult r = DrillCommand.runDrill(d.atActionTimes(new long[] {run[0], run[1]}), seed);
                double sb = ((Number) r.metrics().get("splitBrainMs")).doubleValue();
                min = Math.min(min, sb);
                max = Math.max(max, sb);
            }
            double real = run[2] / 1000.0;
            if (real < min - FidelityDoc.TOLERANCE_MS || real > max + FidelityDoc.TOLERANCE_MS) {
                missed.add(String.format("cut %.3f heal %.3f: real %.1f, simulated %.1f-%.1f", run[0] / 1e6, run[1] / 1e6, real, min, max));
            }
        }
        assertEquals(List.of(), missed);
    }
}
