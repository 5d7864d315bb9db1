package org.viplab.sweep;

import org.junit.jupiter.api.Test;
import org.viplab.core.timeline.Failover;
import org.viplab.core.timeline.Timeline;
import org.viplab.drill.Drill;
import org.viplab.drill.DrillParser;
import org.viplab.drill.DrillResult;
import org.viplab.drill.DrillRunner;
import org.viplab.engine.sim.SimulatedLab;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sweeps: plans from seeds × settings, figures taken from the drill's own analysis, the same bytes on any pool. */
class SweepTest {
    static final SweepRunner.LabFactory SIM = (d, t) -> SimulatedLab.steadyState(d.topology(), d.seed(), t);

    static Drill mode1() throws Exception { return DrillParser.parseFile(Path.of("samples/drills/01-mode1-basic-failover.json")); }

    static List<Setting> settings(String... args) throws SweepException {
        List<Setting> out = new ArrayList<>();
        for (String a : args) out.add(Setting.parse(a));
        return out;
    }

    @Test
    void quantilesAreMeasuredValuesByNearestRank() {
        long[] v = new long[100];
        for (int i = 0; i < 100; i++) v[i] = 100 - i; // any order
        assertEquals(new Quantiles(100, 1, 50, 90, 99, 100), Quantiles.of(v));
        assertEquals(new Quantiles(1, 7, 7, 7, 7, 7), Quantiles.of(new long[]{7}));
        // 10 values: p99 is the 10th (ceil(9.9)), p90 the 9th
        assertEquals(new Quantiles(10, 1, 5, 9, 10, 10), Quantiles.of(new long[]{10, 9, 8, 7, 6, 5, 4, 3, 2, 1}));
        assertEquals(null, Quantiles.of(new long[0]));
    }

    @Test
    void settingValuesAreReadAsADrillFileReadsThem() throws Exception {
        Setting s = Setting.parse("db2.keepalived.priority=90, 95,99");
        assertEquals(List.of("90", "95", "99"), s.texts());
        assertTrue(s.values().get(0).getAsJsonPrimitive().isNumber());
        assertTrue(Setting.parse("db1.keepalived.nopreempt=true,false").values().get(0).getAsJsonPrimitive().isBoolean());
        assertEquals("--set priority: the value 9 is given twice", assertThrows(SweepException.class, () -> Setting.parse("priority=9,9")).getMessage());
        assertTrue(assertThrows(SweepException.class, () -> Setting.parse("db2.keepalived.priority")).getMessage().contains("KEY=V1,V2"));
        assertTrue(assertThrows(SweepException.class, () -> Setting.parse("k=1,,2")).getMessage().contains("empty value"));
        assertTrue(assertThrows(SweepException.class, () -> Setting.parse("k=$(rm -rf)")).getMessage().contains("not a number"));
    }

    @Test
    void seedRangesAreCheckedAndCounted() throws Exception {
        assertEquals(1000, Seeds.parse("1-1000").count());
        assertEquals(1, Seeds.parse("7").count());
        assertThrows(SweepException.class, () -> Seeds.parse("10-1"));
        assertThrows(SweepException.class, () -> Seeds.parse("-5"));
        assertThrows(SweepException.class, () -> Seeds.parse("1-2-3"));
    }

    @Test
    void everyCombinationIsPlannedWithTheFirstSettingVaryingSlowest() throws Exception {
        SweepPlan p = SweepPlan.of(mode1(), Seeds.parse("5-7"), settings("db2.keepalived.priority=90,95", "db1.keepalived.advertIntSec=1,2,3"));
        assertEquals(6, p.combinations().size());
        assertEquals(18, p.runs());
        assertEquals("db2.keepalived.priority=90, db1.keepalived.advertIntSec=3", p.combinations().get(2).label());
        assertEquals("db2.keepalived.priority=95, db1.keepalived.advertIntSec=1", p.combinations().get(3).label());
        assertEquals(95, p.combinations().get(3).drill().topology().node("db2").keepalived.priority);
        assertEquals(2.0, p.combinations().get(4).drill().topology().node("db1").keepalived.advertIntSec);
        assertEquals(7, p.drillOf(2).seed());
        assertEquals(5, p.drillOf(3).seed());
        assertEquals(3, p.combinationOf(9).index());
    }

    @Test
    void aBadKeyOrValueStopsTheSweepWithTheDrillFormatsMessage() {
        SweepException key = assertThrows(SweepException.class,
                () -> SweepPlan.of(mode1(), Seeds.parse("1"), settings("db3.keepalived.priority=90")));
        assertTrue(key.getMessage().startsWith("--set db3.keepalived.priority: no such setting db3.keepalived.priority"), key.getMessage());
        SweepException range = assertThrows(SweepException.class,
                () -> SweepPlan.of(mode1(), Seeds.parse("1"), settings("db2.keepalived.priority=90,300")));
        assertTrue(range.getMessage().startsWith("--set db2.keepalived.priority=300: "), range.getMessage());
        assertTrue(range.getMessage().contains("255"), range.getMessage());
        SweepException type = assertThrows(SweepException.class,
                () -> SweepPlan.of(mode1(), Seeds.parse("1"), settings("db2.keepalived.priority=high")));
        assertTrue(type.getMessage().contains("wrong type"), type.getMessage());
        SweepException twice = assertThrows(SweepException.class,
                () -> SweepPlan.of(mode1(), Seeds.parse("1"), settings("db2.keepalived.priority=90", "db2.keepalived.priority=95")));
        assertTrue(twice.getMessage().contains("given twice"), twice.getMessage());
        assertThrows(SweepException.class, () -> SweepPlan.of(mode1(), Seeds.parse("1-600000"), settings("db2.keepalived.priority=90,95")));
        // a product that would overflow a long is refused, not wrapped round to a small count
        assertThrows(SweepException.class, () -> SweepPlan.of(mode1(), Seeds.parse("0-999999999999"), settings("db2.keepalived.priority=90,95")));
    }

    @Test
    void aRunsFiguresAreThoseOfTheDrillItself() throws Exception {
        SweepPlan p = SweepPlan.of(mode1(), Seeds.parse("11-13"), List.of());
        SweepResult r = new SweepRunner().run(p, SIM, 1, null, 50);
        for (RunFigures f : r.runs()) {
            Drill d = p.drillOf((int) (f.seed() - 11));
            DrillResult drill = new DrillRunner().run(d, SIM.create(d, new Timeline()), null);
            Failover first = drill.analysis().failovers().get(0);
            assertEquals(first.detectionUs(), f.us(Metric.DETECTION));
            assertEquals(first.gapUs(), f.us(Metric.GAP));
            assertEquals(first.failoverUs(), f.us(Metric.FAILOVER));
            assertEquals(first.clientDowntimeUs(), f.us(Metric.CLIENT_DOWNTIME));
            assertEquals(drill.analysis().splitBrainUs(), f.us(Metric.SPLIT_BRAIN));
            assertEquals(drill.passed(), f.passed());
        }
        // Skew(90) = (256 - 90) / 256 s: mode 1's gap, whatever the seed
        assertEquals(new Quantiles(3, 648_437, 648_437, 648_437, 648_437, 648_437), r.stats().get(0).quantiles().get(Metric.GAP));
    }

    @Test
    void theSameSweepGivesTheSameBytesOnOneWorkerOrTwo() throws Exception {
        SweepPlan p = SweepPlan.of(mode1(), Seeds.parse("1-40"), settings("db2.keepalived.priority=90,99"));
        SweepResult one = new SweepRunner().run(p, SIM, 1, null, 50);
        SweepResult two = new SweepRunner().run(p, SIM, 2, null, 50);
        assertEquals(SweepJson.toJson(one), SweepJson.toJson(two));
        assertEquals(csv(one), csv(two));
        // and the runs differ by seed (the fault falls anywhere in the check interval), so the test means something
        assertTrue(one.stats().get(0).quantiles().get(Metric.DETECTION).min() < one.stats().get(0).quantiles().get(Metric.DETECTION).max());
        // a higher backup priority: a shorter Skew, (256 - 99) / 256 s
        assertEquals(613_281, one.stats().get(1).quantiles().get(Metric.GAP).p50());
        List<String> lines = csv(one).lines().toList();
        assertEquals("seed,db2.keepalived.priority,passed,detectionMs,gapMs,failoverMs,clientDowntimeMs,splitBrainMs", lines.get(0));
        assertTrue(lines.get(1).startsWith("1,90,true,"), lines.get(1));
        assertTrue(lines.get(41).startsWith("1,99,"), lines.get(41));
        assertEquals(81, lines.size());
    }

    @Test
    void aRunWithoutFailoverLeavesItsFailoverFiguresEmpty() throws Exception {
        Drill quiet = DrillParser.parse("quiet.json", """
                {"name": "nothing happens", "preset": "mode1", "duration": "5s",
                 "steps": [{"expect": "vip-on", "host": "db1", "for": "4s"}]}""", null);
        SweepResult r = new SweepRunner().run(SweepPlan.of(quiet, Seeds.parse("1-3"), List.of()), SIM, 2, null, 50);
        List<String> lines = csv(r).lines().toList();
        assertEquals("1,true,,,,,0", lines.get(1));
        assertEquals(null, r.stats().get(0).quantiles().get(Metric.DETECTION));
        assertEquals(1.0, r.stats().get(0).stepPassRate(0));
    }

    @Test
    void cancellingStopsStartingRunsAndSaysSo() throws Exception {
        SweepPlan p = SweepPlan.of(mode1(), Seeds.parse("1-50"), List.of());
        SweepRunner runner = new SweepRunner();
        AtomicInteger started = new AtomicInteger();
        SweepRunner.LabFactory cancelAtTheFifth = (d, t) -> {
            if (started.incrementAndGet() == 5) runner.cancel();
            return SIM.create(d, t);
        };
        SweepResult r = runner.run(p, cancelAtTheFifth, 1, null, 50);
        assertTrue(r.cancelled());
        assertEquals(5, r.finished(), "the run in hand finishes; no other starts");
        assertFalse(SweepJson.toJson(r).contains("\"cancelled\": false"));
    }

    @Test
    void aFailingRunNamesItsSeed() throws Exception {
        SweepPlan p = SweepPlan.of(mode1(), Seeds.parse("1-4"), List.of());
        SweepRunner.LabFactory broken = (d, t) -> {
            if (d.seed() == 3) throw new IllegalStateException("boom");
            return SIM.create(d, t);
        };
        SweepRunner.SweepRunException e = assertThrows(SweepRunner.SweepRunException.class, () -> new SweepRunner().run(p, broken, 2, null, 50));
        assertNotNull(e.getMessage());
        assertTrue(e.getMessage().startsWith("run with seed 3 failed: "), e.getMessage());
    }

    static String csv(SweepResult r) throws Exception {
        StringWriter w = new StringWriter();
        SweepCsv.write(r, w);
        return w.toString();
    }
}
