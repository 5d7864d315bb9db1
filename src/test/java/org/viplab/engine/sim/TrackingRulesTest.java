package org.viplab.engine.sim;

import org.junit.jupiter.api.Test;
import org.viplab.core.model.CheckScriptSpec;
import org.viplab.core.model.KeepalivedSpec;
import org.viplab.core.model.Presets;
import org.viplab.core.model.Topology;
import org.viplab.core.model.VrrpState;
import org.viplab.core.timeline.LabEvent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.viplab.engine.sim.Scenario.s;

/** vrrp_script weights, FAULT, preemption and the priority rules of keepalived 2.2. */
class TrackingRulesTest {

    /** Mode 1 with a check that really exits 1 on failure and does not stop keepalived. */
    static Topology mode1WithExitingCheck(int weight, int fall, int rise) {
        Topology t = Presets.mode1();
        for (var n : t.nodes) {
            CheckScriptSpec c = n.keepalived.scripts.get(0);
            c.stopsKeepalivedOnFailure = false;
            c.exitNonZeroOnFailure = true;
            c.weight = weight;
            c.fall = fall;
            c.rise = rise;
        }
        return t;
    }

    @Test
    void theTutorialsWeightOfMinus5NeverMovesTheVipBecause95IsAbove90() {
        Scenario sc = new Scenario(mode1WithExitingCheck(-5, 1, 1)).at(s(2)).act("stop", "db1/mysqld").at(s(30));
        LabEvent.PriorityChanged pc = sc.first(LabEvent.PriorityChanged.class, s(2), p -> p.host().equals("db1"));
        assertEquals(100, pc.from());
        assertEquals(95, pc.to());
        assertTrue(sc.lab.hasVip("db1"), "95 > 90: db1 stays master while its clients are refused");
        assertFalse(sc.lab.hasVip("db2"));
        assertTrue(sc.analysis(s(30)).longestOutageUs() > s(20));
        // and the adverts on the wire now carry 95
        LabEvent.AdvertSent a = sc.last(LabEvent.AdvertSent.class, s(30), x -> x.host().equals("db1"));
        assertEquals(95, a.priority());
    }

    @Test
    void aWeightBigEnoughMovesTheVipOneMasterDownIntervalAfterTheFirstLowAdvert() {
        Scenario sc = new Scenario(mode1WithExitingCheck(-20, 1, 1)).at(s(2)).act("stop", "db1/mysqld").at(s(30));
        LabEvent.AdvertSent firstLow = sc.first(LabEvent.AdvertSent.class, s(2), a -> a.host().equals("db1") && a.priority() == 80);
        // db2 (90) discards adverts of 80; MDI(90) after the last advert it accepted (the last one at 100)
        LabEvent.AdvertSent lastAccepted = sc.last(LabEvent.AdvertSent.class, firstLow.timeUs() - 1, a -> a.host().equals("db1"));
        assertEquals(lastAccepted.timeUs() + 3_648_437, sc.vipAdded("db2", s(2)));
        assertEquals(VrrpState.BACKUP, sc.lab.vrrpState("db1"));
    }

    @Test
    void weightZeroMeansFaultAfterFallFailuresAndBackAfterRiseSuccesses() {
        Scenario sc = new Scenario(mode1WithExitingCheck(0, 2, 2)).at(s(2)).act("stop", "db1/mysqld").at(s(20));
        assertEquals(VrrpState.FAULT, sc.lab.vrrpState("db1"));
        var fault = sc.first(LabEvent.VrrpStateChanged.class, s(2), c -> c.host().equals("db1") && c.to() == VrrpState.FAULT);
        var results = sc.events().stream().filter(e -> e instanceof LabEvent.ScriptResult r && r.host().equals("db1")
                && r.timeUs() > s(2) && r.exitStatus() != 0).toList();
        assertEquals(results.get(1).timeUs(), fault.timeUs(), "FAULT on the second consecutive failure (fall 2)");
        // FAULT sends priority 0: db2 takes over after its Skew
        LabEvent.AdvertSent zero = sc.first(LabEvent.AdvertSent.class, s(2), a -> a.priority() == 0);
        assertEquals(zero.timeUs() + 648_437, sc.vipAdded("db2", s(2)));
        sc.act("start", "db1/mysqld").at(s(40));
        assertEquals(VrrpState.MASTER, sc.lab.vrrpState("db1"), "recovers by itself and preempts (state MASTER, priority 100)");
    }

    @Test
    void effectivePriorityIsClampedTo1Through254AndPriority255IgnoresWeights() {
        Topology t = mode1WithExitingCheck(50, 1, 1);
        t.node("db1").keepalived.priority = 230; // +50 while OK -> clamped at 254
        Scenario sc = new Scenario(t);
        assertEquals(254, sc.lab.effectivePriority("db1"));
        Topology owner = mode1WithExitingCheck(-100, 1, 1);
        owner.node("db1").keepalived.priority = 255;
        Scenario o = new Scenario(owner).at(s(1)).act("stop", "db1/mysqld").at(s(10));
        assertEquals(255, o.lab.effectivePriority("db1"));
        Topology low = mode1WithExitingCheck(-100, 1, 1);
        Scenario l = new Scenario(low).at(s(1)).act("stop", "db2/mysqld").at(s(10));
        assertEquals(1, l.lab.effectivePriority("db2"));
    }

    @Test
    void nopreemptOnABackupNeverDisplacesALiveMasterEvenAtHigherPriority() {
        Topology t = Presets.mode1();
        for (var n : t.nodes) {
            n.keepalived.state = KeepalivedSpec.InitialState.BACKUP;
            n.keepalived.nopreempt = true;
        }
        Scenario sc = new Scenario(t).at(s(2)).act("stop", "db1/keepalived").at(s(10));
        assertTrue(sc.lab.hasVip("db2"));
        sc.act("start", "db1/keepalived").at(s(40));
        assertTrue(sc.lab.hasVip("db2"), "no failback with nopreempt");
        assertEquals(VrrpState.BACKUP, sc.lab.vrrpState("db1"));
    }

    @Test
    void stateMasterClearsNopreemptSoTheOldMasterFailsBackAnyway() {
        Topology t = Presets.mode1();
        t.node("db1").keepalived.nopreempt = true; // still state MASTER: keepalived ignores it
        Scenario sc = new Scenario(t).at(s(2)).act("stop", "db1/keepalived").at(s(10)).act("start", "db1/keepalived").at(s(20));
        assertTrue(sc.lab.hasVip("db1"));
    }

    @Test
    void preemptDelayHoldsOffTheTakeover() {
        Topology t = Presets.mode1();
        t.node("db1").keepalived.state = KeepalivedSpec.InitialState.BACKUP;
        t.node("db1").keepalived.preemptDelaySec = 10;
        Scenario sc = new Scenario(t).at(s(2)).act("stop", "db1/keepalived").at(s(10)).act("start", "db1/keepalived").at(s(40));
        long back = sc.vipAdded("db1", s(10));
        // adverts are accepted for 10 s from start; one MDI(100) after the last one accepted, db1 takes over
        assertTrue(back >= s(10) + s(9) + 3_609_375 && back <= s(10) + s(10) + 3_609_375, "took over at " + back);
        Scenario none = new Scenario(Presets.mode1()).at(s(2)).act("stop", "db1/keepalived").at(s(10)).act("start", "db1/keepalived").at(s(40));
        assertEquals(s(10) + 15_000 + 3_609_375, none.vipAdded("db1", s(10)), "without the delay: one MDI after the 15 ms start-up");
    }

    @Test
    void equalPrioritiesTheHigherPrimaryAddressWins() {
        Topology t = Presets.mode1();
        t.node("db2").keepalived.priority = 100;
        t.node("db2").keepalived.state = KeepalivedSpec.InitialState.MASTER;
        Scenario sc = new Scenario(t);
        // both start in BACKUP with the same timer; both become MASTER; 10.9.8.223 > 10.9.8.201 wins
        assertTrue(sc.lab.hasVip("db2"));
        assertFalse(sc.lab.hasVip("db1"));
    }

    @Test
    void authenticationMismatchDropsAdvertsAndBothBecomeMaster() {
        Topology t = Presets.mode1();
        t.node("db2").keepalived.authPass = "2222";
        Scenario sc = new Scenario(t);
        assertTrue(sc.lab.hasVip("db1") && sc.lab.hasVip("db2"));
        assertTrue(sc.events().stream().anyMatch(e -> e instanceof LabEvent.LogLine l && l.text().contains("invalid passwd")));
    }

    @Test
    void v2AdvertIntervalMismatchAndVersionMismatchAlsoSplitTheBrain() {
        Topology t = Presets.mode1();
        t.node("db2").keepalived.advertIntSec = 2;
        Scenario sc = new Scenario(t);
        assertTrue(sc.lab.hasVip("db1") && sc.lab.hasVip("db2"));
        Topology v = Presets.mode1();
        v.node("db2").keepalived.vrrpVersion = 3;
        Scenario sv = new Scenario(v);
        assertTrue(sv.lab.hasVip("db1") && sv.lab.hasVip("db2"));
    }

    @Test
    void hungMysqldPassesPsAndTheVipStaysWhileClientsTimeOut() {
        Scenario sc = new Scenario(Presets.mode1()).at(s(2)).act("hang", "db1/mysqld").at(s(32));
        assertTrue(sc.lab.hasVip("db1"));
        var a = sc.analysis(s(32));
        assertEquals(0, a.failovers().size());
        assertTrue(a.longestOutageUs() >= s(29), "clients down for the whole hang: " + a.longestOutageUs());
        assertTrue(sc.events().stream().filter(e -> e instanceof LabEvent.ClientProbe p && p.timeUs() > s(2))
                .allMatch(e -> ((LabEvent.ClientProbe) e).failure() == LabEvent.ProbeFailure.TIMEOUT));
        sc.act("resume", "db1/mysqld").at(s(34));
        assertTrue(sc.last(LabEvent.ClientProbe.class, s(34), p -> true).ok());
    }

    @Test
    void mariadbdIsNotFoundByPsCMysqldSoKeepalivedStopsOnBothNodesAndNoVipEverAppears() {
        Topology t = Presets.mode1();
        for (var n : t.nodes) n.mysqldProcessName = "mariadbd";
        Scenario sc = new Scenario(t);
        assertFalse(sc.lab.hasVip("db1"));
        assertFalse(sc.lab.hasVip("db2"));
        assertTrue(sc.events().stream().noneMatch(e -> e instanceof LabEvent.VipChanged v && v.added()));
        assertEquals(VrrpState.STOPPED, sc.lab.vrrpState("db1"));
        assertEquals(VrrpState.STOPPED, sc.lab.vrrpState("db2"));
    }

    @Test
    void aGracefulMysqldStopIsRefusedAtOnceWhilePsStillSeesTheProcess() {
        // the default shutdown is 300 ms (measured on the real lab, docs/calibration.md): at 250 ms the
        // process still exists for `ps -C mysqld` but refuses clients; at 300 ms it is gone
        Scenario sc = new Scenario(Presets.mode1()).at(s(2)).act("stop", "db1/mysqld").at(s(2.25));
        LabEvent.ClientProbe p = sc.first(LabEvent.ClientProbe.class, s(2) + 1, x -> true);
        assertFalse(p.ok());
        assertEquals(LabEvent.ProbeFailure.REFUSED, p.failure());
        assertEquals(org.viplab.core.model.ProcessState.STOPPING, sc.lab.processState("db1", org.viplab.core.model.ProcessKind.MYSQLD),
                "ps -C mysqld still finds the stopping process");
        assertTrue(sc.lab.hasVip("db1"));
        sc.at(s(2.3));
        assertEquals(org.viplab.core.model.ProcessState.STOPPED, sc.lab.processState("db1", org.viplab.core.model.ProcessKind.MYSQLD));
        LabEvent.ProcessChanged gone = sc.first(LabEvent.ProcessChanged.class, s(2),
                c -> c.host().equals("db1") && c.process() == org.viplab.core.model.ProcessKind.MYSQLD && c.to() == org.viplab.core.model.ProcessState.STOPPED);
        assertEquals(s(2.3), gone.timeUs(), "mysqldShutdownMs = 300 after the stop");
    }
}
