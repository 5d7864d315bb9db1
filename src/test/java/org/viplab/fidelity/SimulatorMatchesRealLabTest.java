package org.viplab.fidelity;

import org.viplab.core.timeline.Actor;
import org.junit.jupiter.api.Test;
import org.viplab.lab.Action;
import org.viplab.lab.Target;
import org.viplab.lab.Verb;
import org.viplab.core.model.Presets;
import org.viplab.core.model.Topology;
import org.viplab.engine.sim.SimulatedLab;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Timeline;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The six failovers recorded on real keepalived 2.2.7 / haproxy 2.6.12 / MariaDB 10.11 hosts with the
 * tutorial's configs, against the simulator running the same action. Tolerances are what the real runs varied by.
 */
class SimulatorMatchesRealLabTest {
    private static final long TOLERANCE_US = 50_000;

    /** Gap between the VIP leaving db1 and arriving on db2, in a run. */
    private static long realGap(String run) throws Exception {
        long off = RealLabFixtures.vip(run, "db1").stream().filter(v -> !v.added()).findFirst().orElseThrow().us();
        long on = RealLabFixtures.vip(run, "db2").stream().filter(RealLabFixtures.VipChange::added).findFirst().orElseThrow().us();
        return on - off;
    }

    private static List<LabEvent> simulate(Topology t, String verb, String target, long atUs, long untilUs) {
        return simulate(t, untilUs, new Object[]{atUs, verb, target});
    }

    /** Runs the steady-state lab with each {at, verb, target} applied in turn, until {@code untilUs}. */
    private static List<LabEvent> simulate(Topology t, long untilUs, Object[]... steps) {
        Timeline tl = new Timeline();
        SimulatedLab lab = SimulatedLab.steadyState(t, 1, tl);
        for (Object[] step : steps) {
            lab.runUntil((Long) step[0]);
            lab.apply(new Action(Verb.fromId((String) step[1]), Target.parse((String) step[2], t.nodeNames())), Actor.DRILL);
        }
        lab.runUntil(untilUs);
        return tl.snapshot();
    }

    private static long simGap(List<LabEvent> events) {
        long off = -1;
        for (LabEvent e : events) {
            if (e instanceof LabEvent.VipChanged v && e.timeUs() > 0) {
                if (v.host().equals("db1") && !v.added() && off < 0) off = v.timeUs();
                if (v.host().equals("db2") && v.added() && off >= 0) return v.timeUs() - off;
            }
        }
        throw new AssertionError("no failover simulated");
    }

    @Test
    void s1KeepalivedStopGapIsSkewOf90() throws Exception {
        long real = realGap("S1-run1");
        long sim = simGap(simulate(Presets.mode1(), "stop", "db1/keepalived", 2_000_000, 10_000_000));
        assertEquals(real, sim, TOLERANCE_US, "real " + real + " µs, simulated " + sim + " µs");
    }

    @Test
    void s1FailbackTakesOneMasterDownIntervalAfterStart() throws Exception {
        long start = RealLabFixtures.logLine("S1-run1", "db1", "Starting Keepalived", 0);
        long back = RealLabFixtures.vip("S1-run1", "db1").stream().filter(RealLabFixtures.VipChange::added).findFirst().orElseThrow().us();
        long real = back - start;
        List<LabEvent> ev = simulate(Presets.mode1(), 30_000_000,
                new Object[]{2_000_000L, "stop", "db1/keepalived"}, new Object[]{20_000_000L, "start", "db1/keepalived"});
        long simBack = ev.stream().filter(e -> e instanceof LabEvent.VipChanged v && v.host().equals("db1") && v.added()
                && v.timeUs() > 20_000_000).findFirst().orElseThrow().timeUs() - 20_000_000;
        assertEquals(real, simBack, TOLERANCE_US, "real " + real + " µs, simulated " + simBack + " µs");
    }

    @Test
    void s2MysqlStopGapMatches() throws Exception {
        long real = realGap("S2-run2");
        long sim = simGap(simulate(Presets.mode1(), "stop", "db1/mysqld", 2_000_000, 12_000_000));
        assertEquals(real, sim, TOLERANCE_US);
    }

    @Test
    void s3HaproxyKilledGapIsSkewOf9() throws Exception {
        long real = realGap("S3-run1");
        long sim = simGap(simulate(Presets.mode2(), "kill", "db1/haproxy", 2_000_000, 12_000_000));
        assertEquals(real, sim, TOLERANCE_US, "real " + real + " µs, simulated " + sim + " µs");
    }

    @Test
    void s6SigkillDb2TakesOverOneMasterDownIntervalAfterTheLastAdvert() throws Exception {
        long db2On = RealLabFixtures.vip("S6-run1", "db2").stream().filter(RealLabFixtures.VipChange::added).findFirst().orElseThrow().us();
        long lastDb1 = RealLabFixtures.adverts("S6-run1").stream().filter(a -> a.from().equals("10.9.8.201") && a.us() < db2On)
                .reduce((a, b) -> b).orElseThrow().us();
        long real = db2On - lastDb1;
        List<LabEvent> ev = simulate(Presets.mode1(), "kill", "db1/keepalived", 2_000_000, 10_000_000);
        long simOn = ev.stream().filter(e -> e instanceof LabEvent.VipChanged v && v.host().equals("db2") && v.added()).findFirst().orElseThrow().timeUs();
        long simLast = ev.stream().filter(e -> e instanceof LabEvent.AdvertSent a && a.host().equals("db1") && a.timeUs() < simOn)
                .reduce((a, b) -> b).orElseThrow().timeUs();
        assertEquals(real, simOn - simLast, TOLERANCE_US, "real " + real + " µs, simulated " + (simOn - simLast) + " µs");
        // and db1 kept the VIP: both held it until keepalived came back
        assertTrue(ev.stream().noneMatch(e -> e instanceof LabEvent.VipChanged v && v.host().equals("db1") && !v.added() && v.timeUs() > 0));
    }

    @Test
    void s5BlackHoleFollowsTheNeighbourStateMachine() throws Exception {
        // real: REACHABLE (random 15-45 s) -> STALE -> DELAY 5 s -> PROBE, 3 probes 1 s apart -> FAILED -> broadcast
        List<RealLabFixtures.Neigh> n = RealLabFixtures.neigh("S5-run3");
        long stale = n.stream().filter(x -> x.state().equals("STALE") && x.us() > RealLabFixtures.us("2026-11-25T13:47:00")).findFirst().orElseThrow().us();
        long probe = n.stream().filter(x -> x.state().equals("PROBE")).findFirst().orElseThrow().us();
        long failed = n.stream().filter(x -> x.state().equals("FAILED")).findFirst().orElseThrow().us();
        assertEquals(5_000_000, probe - stale, 200_000, "DELAY lasts delay_first_probe_time");
        assertEquals(3_000_000, failed - probe, 200_000, "3 unicast probes, 1 s apart");
        long db2Off = RealLabFixtures.vip("S5-run3", "db2").stream().filter(v -> !v.added()).findFirst().orElseThrow().us();
        long db1Reach = n.stream().filter(x -> "16:90:de:f4:19:3b".equals(x.mac()) && x.state().equals("REACHABLE")).findFirst().orElseThrow().us();
        long realHole = db1Reach - db2Off;
        // the simulator's envelope: whatever is left of a 15-45 s REACHABLE, plus 5 s DELAY and 3 s PROBE
        assertTrue(realHole > 8_000_000 && realHole < 45_000_000 + 8_000_000 + 1_000_000, "real black hole " + realHole);
    }
}
