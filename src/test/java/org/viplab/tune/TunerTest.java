package org.viplab.tune;

import org.junit.jupiter.api.Test;
import org.viplab.core.model.Presets;
import org.viplab.core.model.Topology;
import org.viplab.core.model.TopologyJson;
import org.viplab.engine.sim.SimulatedLab;
import org.viplab.sweep.Metric;
import org.viplab.sweep.Quantiles;
import org.viplab.sweep.RunFigures;
import org.viplab.sweep.Seeds;
import org.viplab.sweep.SweepPlan;
import org.viplab.sweep.SweepResult;
import org.viplab.sweep.SweepRunner;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tuning search on small grids: what it recommends really meets the target, and what flaps is rejected. */
class TunerTest {
    private static final SweepRunner.LabFactory SIM = (d, t) -> SimulatedLab.steadyState(d.topology(), d.seed(), t);

    private static Map<Knob, List<String>> grid(String... entries) {
        Map<Knob, List<String>> m = new EnumMap<>(Knob.class);
        for (String e : entries) {
            Map.Entry<Knob, List<String>> g = TuneRequest.gridEntry(e);
            m.put(g.getKey(), g.getValue());
        }
        return m;
    }

    private static Evaluation find(TuneResult r, String label) {
        return r.evaluations().stream().filter(e -> e.candidate().label().equals(label)).findFirst().orElseThrow(() -> new AssertionError(label));
    }

    @Test
    void advertInt1WithA37sStallIsRejectedForFalseFailoversAnd2RidesItOut() throws Exception {
        TuneRequest q = new TuneRequest(3_000_000, new Stress(3_700_000, null), new Seeds(1, 12), null,
                grid("advert_int=1,2", "interval=1", "fall=1", "weight=-5", "preempt=preempt", "rise=1"));
        TuneResult r = new Tuner(SIM, 2).run(Presets.mode1(), q, null);
        Evaluation one = find(r, "advert_int=1 interval=1 fall=1 weight=-5 preempt=preempt rise=1");
        Evaluation two = find(r, "advert_int=2 interval=1 fall=1 weight=-5 preempt=preempt rise=1");
        // Master_Down_Interval 3.648 s < 3.7 s: the backup takes over in every run; 3 × 2 + 0.648 s > 3.7 + 2 s: never
        assertEquals(Evaluation.Verdict.FALSE_FAILOVERS, one.verdict());
        assertEquals(one.noFaultRuns(), one.falseFailovers(), "every stalled run flaps");
        assertEquals(0, two.falseFailovers());
        assertEquals(Evaluation.Verdict.MEETS, two.verdict(), two.toString());
        assertFalse(r.recommended().contains(one));
        assertTrue(r.recommended().contains(two));
        // the as-written candidate (interval 3) is there too, and flaps for the same reason
        assertEquals(Evaluation.Verdict.FALSE_FAILOVERS, r.asWritten().verdict());
    }

    @Test
    void everyRecommendationMeetsTheTargetInItsOwnSweep() throws Exception {
        long target = 2_500_000;
        Seeds seeds = new Seeds(1, 30);
        TuneRequest q = new TuneRequest(target, new Stress(800_000, "5%"), seeds, null,
                grid("advert_int=1", "interval=1,2,3", "fall=1", "weight=-5", "preempt=preempt", "rise=1"));
        Topology base = Presets.mode1();
        TuneResult r = new Tuner(SIM, 2).run(base, q, null);
        assertFalse(r.recommended().isEmpty(), "interval 1 detects within 1.3 s + Skew");
        assertTrue(r.evaluations().stream().anyMatch(e -> e.verdict() == Evaluation.Verdict.TOO_SLOW), "interval 3 waits up to 3 s");
        for (Evaluation e : r.recommended()) {
            // only the interval differs from the settings as written: set it by hand and sweep again, from scratch
            for (Knob k : e.candidate().values().keySet()) {
                if (k != Knob.INTERVAL) assertEquals(r.grid().asWritten().value(k), e.candidate().value(k), k.id());
            }
            Topology t = TopologyJson.copy(base);
            for (var n : t.nodes) n.keepalived.scripts.get(0).intervalSec = Double.parseDouble(e.candidate().value(Knob.INTERVAL));
            SweepResult failover = new SweepRunner().run(SweepPlan.of(r.drills().failover().on(t), seeds, List.of()), SIM, 2, null, 1000);
            long[] d = failover.runs().stream().mapToLong(f -> f.has(Metric.CLIENT_DOWNTIME) ? f.us(Metric.CLIENT_DOWNTIME) : Long.MAX_VALUE).toArray();
            assertEquals(seeds.count(), d.length);
            Quantiles qs = Quantiles.of(d);
            assertTrue(qs.p99() <= target, e.candidate().label() + ": p99 " + qs.p99());
            assertEquals(qs.p99(), e.downtime().p99());
            SweepResult quiet = new SweepRunner().run(SweepPlan.of(r.drills().noFault().on(t), seeds, List.of()), SIM, 2, null, 1000);
            for (RunFigures f : quiet.runs()) assertTrue(f.passed(), "no false failover with seed " + f.seed());
        }
    }

    @Test
    void screeningRejectsOnlyWhatEverySeedWouldReject() throws Exception {
        TuneRequest q = new TuneRequest(2_500_000, new Stress(3_700_000, null), new Seeds(1, 24), null,
                grid("advert_int=1,2", "interval=1,3", "fall=1", "weight=-5", "preempt=preempt", "rise=1"));
        TuneResult screened = new Tuner(SIM, 2, 6).run(Presets.mode1(), q, null);
        TuneResult full = new Tuner(SIM, 2, 24).run(Presets.mode1(), q, null);
        assertTrue(screened.runs() < full.runs(), screened.runs() + " vs " + full.runs());
        assertTrue(screened.evaluations().stream().anyMatch(Evaluation::screenedOut));
        assertEquals(full.evaluations().size(), screened.evaluations().size());
        for (int i = 0; i < full.evaluations().size(); i++) {
            Evaluation a = screened.evaluations().get(i);
            Evaluation b = full.evaluations().get(i);
            assertEquals(b.verdict(), a.verdict(), b.candidate().label());
            if (!a.screenedOut()) assertEquals(b.downtime(), a.downtime());
        }
        assertEquals(full.recommended().stream().map(e -> e.candidate().label()).toList(),
                screened.recommended().stream().map(e -> e.candidate().label()).toList());
    }

    @Test
    void whenLossFlapsEveryCandidateTheClosestWithinTheTargetAreListedFewestFalseFailoversFirst() throws Exception {
        TuneRequest q = new TuneRequest(3_000_000, new Stress(0, "30%"), new Seeds(1, 6), null,
                grid("advert_int=1,3", "interval=1", "fall=1", "weight=-5", "preempt=preempt", "rise=1"));
        TuneResult r = new Tuner(SIM, 2, 6).run(Presets.mode1(), q, null);
        assertTrue(r.recommended().isEmpty(), "30 % VRRP loss: three adverts lost in a row within 60 s in some run of each");
        assertNull(r.best());
        List<Evaluation> near = r.nearest();
        assertFalse(near.isEmpty());
        for (Evaluation e : near) assertTrue(e.downtime().p99() <= q.maxDowntimeP99Us() && e.falseFailovers() > 0, e.toString());
        for (int i = 1; i < near.size(); i++) assertTrue(near.get(i - 1).falseFailovers() <= near.get(i).falseFailovers());
    }

    @Test
    void cancelStopsTheSearchAndMarksTheResult() throws Exception {
        TuneRequest q = new TuneRequest(3_000_000, new Stress(800_000, null), new Seeds(1, 200), null, Map.of());
        Tuner tuner = new Tuner(SIM, 2);
        java.util.concurrent.atomic.AtomicInteger updates = new java.util.concurrent.atomic.AtomicInteger();
        TuneResult r = tuner.run(Presets.mode1(), q, (phase, done, total) -> {
            if (done > 0 && updates.incrementAndGet() == 1) tuner.cancel();
        });
        assertTrue(r.cancelled());
        assertTrue(r.runs() < 6_480, "stopped inside the first screening pass: " + r.runs());
    }

    @Test
    void theBestCandidatesDiffChangesOnlyItsKnobsOnBothNodes() {
        Topology base = Presets.mode1();
        Grid g = Grid.of(base, grid("advert_int=2", "interval=1"));
        Candidate c = g.asWritten().with(Knob.ADVERT_INT, "2").with(Knob.INTERVAL, "1");
        List<ConfigDiff.FileDiff> d = ConfigDiff.of(base, Tuner.applied(base, c));
        assertEquals(List.of("db1/keepalived.conf", "db2/keepalived.conf"), d.stream().map(ConfigDiff.FileDiff::path).toList());
        for (ConfigDiff.FileDiff f : d) {
            List<String> changed = f.lines().stream().filter(l -> l.startsWith("-") || l.startsWith("+")).toList();
            assertEquals(List.of("-    interval 3", "+    interval 1", "-    advert_int 1", "+    advert_int 2"), changed, f.text());
        }
        assertTrue(ConfigDiff.of(base, Tuner.applied(base, g.asWritten())).isEmpty(), "the settings as written change nothing");
    }

    @Test
    void gridsStartWithTheSettingsAsWrittenAndNopreemptSetsStateBackup() {
        Topology base = Presets.mode2();
        Grid g = Grid.of(base, Map.of());
        assertEquals("1", g.values().get(Knob.ADVERT_INT).get(0));
        assertEquals("3", g.values().get(Knob.INTERVAL).get(0));
        assertTrue(g.values().containsKey(Knob.HAPROXY_INTER), "mode 2 has haproxy on both nodes");
        assertFalse(Grid.of(Presets.mode1(), Map.of()).values().containsKey(Knob.HAPROXY_INTER));
        assertEquals(g.asWritten(), g.coarse().get(0));
        Topology t = Tuner.applied(base, g.asWritten().with(Knob.PREEMPT, "nopreempt"));
        for (var n : t.nodes) assertTrue(n.keepalived.effectiveNopreempt(), n.name);
        // the weight that drops mode 1's master (100) below the backup (90) is tried
        assertTrue(Grid.of(Presets.mode1(), Map.of()).values().get(Knob.WEIGHT).contains("-15"));
        assertNotNull(TuneRequest.gridEntry("haproxy.inter=500,1000"));
    }
}
