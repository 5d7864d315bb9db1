package org.viplab.engine.sim;

import org.junit.jupiter.api.Test;
import org.viplab.core.model.Presets;
import org.viplab.core.model.ProcessKind;
import org.viplab.core.model.ProcessState;
import org.viplab.core.model.Topology;
import org.viplab.core.model.VrrpState;
import org.viplab.core.timeline.LabEvent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.viplab.engine.sim.Scenario.s;

/** The timings the issue pins, from RFC 3768 and keepalived 2.2.7's integer arithmetic. */
class KeepalivedTimingTest {

    @Test
    void steadyStateHasDb1MasterHoldingTheVip() {
        Scenario sc = new Scenario(Presets.mode1());
        assertTrue(sc.lab.hasVip("db1"));
        assertFalse(sc.lab.hasVip("db2"));
        assertEquals(VrrpState.MASTER, sc.lab.vrrpState("db1"));
        assertEquals(VrrpState.BACKUP, sc.lab.vrrpState("db2"));
    }

    @Test
    void keepalivedStopMovesVipAfterSkewOfPriority90() {
        // Skew = (256 - 90) / 256 s = 648.4375 ms; keepalived keeps whole microseconds: 648437.
        // The SIGTERM lands SERVICE_COMMAND_US (10 ms, the service wrapper) after the command starts.
        Scenario sc = new Scenario(Presets.mode1()).at(s(5)).act("stop", "db1/keepalived");
        sc.at(s(10));
        long term = s(5) + Keepalived.SERVICE_COMMAND_US;
        LabEvent.AdvertSent zero = sc.first(LabEvent.AdvertSent.class, s(5), a -> a.priority() == 0);
        assertEquals(term, zero.timeUs());
        assertEquals("db1", zero.host());
        assertEquals(term, sc.vipRemoved("db1", s(5)));
        assertEquals(term + 648_437, sc.vipAdded("db2", s(5)));
        assertEquals(VrrpState.MASTER, sc.lab.vrrpState("db2"));
        // the process lingers for about a second after SIGTERM, as keepalived 2.2.7 does
        LabEvent.ProcessChanged gone = sc.first(LabEvent.ProcessChanged.class, s(5),
                p -> p.host().equals("db1") && p.process() == ProcessKind.KEEPALIVED && p.to() == ProcessState.STOPPED);
        assertEquals(term + s(1), gone.timeUs());
    }

    @Test
    void mode2HaproxyKilledTheNextCheckStopsKeepalivedAndTheGapIsSkewOf9() {
        // Skew(9) = (256 - 9) / 256 s = 964.84375 ms -> 964843 µs
        Scenario sc = new Scenario(Presets.mode2()).at(s(5)).act("kill", "db1/haproxy").at(s(15));
        long removed = sc.vipRemoved("db1", s(5));
        long added = sc.vipAdded("db2", s(5));
        assertEquals(964_843, added - removed);
        // detection waits for the script's next run: at most one 3 s interval plus the script's own run
        assertTrue(removed - s(5) <= s(3) + TrackScript.QUICK_RUN_US + Keepalived.SERVICE_COMMAND_US, "detected after " + (removed - s(5)));
        assertEquals(ProcessState.STOPPED, sc.lab.processState("db1", ProcessKind.KEEPALIVED));
        // the tutorial's script exits 0: its weight never applies, so no priority change is ever logged
        assertTrue(sc.events().stream().noneMatch(e -> e instanceof LabEvent.PriorityChanged));
    }

    @Test
    void sigkillOfEveryKeepalivedSendsNothingAndDb2WaitsAFullMasterDownInterval() {
        // MDI(90) = 3 x 1 s + 648437 µs, counted from the last advert db2 heard
        Scenario sc = new Scenario(Presets.mode1()).at(s(5)).act("kill", "db1/keepalived").at(s(15));
        LabEvent.AdvertSent lastFromDb1 = sc.last(LabEvent.AdvertSent.class, s(5), a -> a.host().equals("db1"));
        assertEquals(lastFromDb1.timeUs() + 3_648_437, sc.vipAdded("db2", s(5)));
        assertTrue(sc.events().stream().noneMatch(e -> e instanceof LabEvent.AdvertSent a && a.timeUs() >= s(5) && a.priority() == 0));
        // db1 keeps the VIP configured: both hosts hold it
        assertTrue(sc.lab.hasVip("db1"));
        assertTrue(sc.lab.hasVip("db2"));
        assertEquals(s(15) - sc.vipAdded("db2", s(5)), sc.analysis(s(15)).splitBrainUs());
    }

    @Test
    void vrrpBlockedGivesSplitBrainUntilTheFirstAdvertAfterHealing() {
        Scenario sc = new Scenario(Presets.mode1()).at(s(5)).act("cut", "db1-db2/vrrp").at(s(25));
        LabEvent.AdvertSent lastHeard = sc.last(LabEvent.AdvertSent.class, s(5), a -> a.host().equals("db1"));
        long db2Master = sc.vipAdded("db2", s(5));
        assertEquals(lastHeard.timeUs() + 3_648_437, db2Master);
        sc.act("heal", "db1-db2/vrrp").at(s(35));
        LabEvent.AdvertSent firstAfter = sc.first(LabEvent.AdvertSent.class, s(25), a -> true);
        assertEquals(firstAfter.timeUs(), sc.vipRemoved("db2", s(25)));
        var brains = sc.analysis(s(35)).splitBrains();
        assertEquals(1, brains.size());
        assertEquals(db2Master, brains.get(0).startUs());
        assertEquals(firstAfter.timeUs(), brains.get(0).endUs());
    }

    @Test
    void stateMasterRestartingEntersBackupAndTakesOverOneMasterDownIntervalLater() {
        // keepalived 2.2.7: no fast start. MDI(100) = 3 s + (256-100)/256 s = 3.609375 s, counted from when the VRRP
        // instance starts: 10 ms (service wrapper) + 5 ms (keepalived's init) after the command. Lab: 3621-3628 ms.
        Scenario sc = new Scenario(Presets.mode1()).at(s(5)).act("stop", "db1/keepalived").at(s(20));
        assertTrue(sc.lab.hasVip("db2"));
        sc.act("start", "db1/keepalived").at(s(30));
        LabEvent.VrrpStateChanged backup = sc.first(LabEvent.VrrpStateChanged.class, s(20), c -> c.host().equals("db1") && c.to() == VrrpState.BACKUP);
        assertEquals(s(20) + 15_000, backup.timeUs());
        assertEquals(s(20) + 3_624_375, sc.vipAdded("db1", s(20)));
        assertEquals(s(20) + 3_624_375, sc.vipRemoved("db2", s(20)));
        // it discarded db2's lower-priority adverts meanwhile
        assertTrue(sc.events().stream().anyMatch(e -> e instanceof LabEvent.LogLine l && l.host().equals("db1")
                && l.text().contains("received lower priority (90) advert from 10.9.8.223 - discarding")));
    }

    @Test
    void vrrpV3SkewAndMasterDownIntervalScaleWithTheAdvertInterval() {
        // v3, advert_int 0.1 s, priority 90: MDI = 0.3 s + 166 x 100000 / 256 µs = 364843 µs; Skew = 64843 µs
        Topology t = Presets.mode1();
        for (var n : t.nodes) {
            n.keepalived.vrrpVersion = 3;
            n.keepalived.advertIntSec = 0.1;
        }
        Scenario sc = new Scenario(t).at(s(5)).act("stop", "db1/keepalived").at(s(6));
        assertEquals(s(5) + Keepalived.SERVICE_COMMAND_US + 64_843, sc.vipAdded("db2", s(5)));
        Scenario killed = new Scenario(t).at(s(5)).act("kill", "db1/keepalived").at(s(6));
        LabEvent.AdvertSent last = killed.last(LabEvent.AdvertSent.class, s(5), a -> a.host().equals("db1"));
        assertEquals(last.timeUs() + 364_843, killed.vipAdded("db2", s(5)));
    }

    @Test
    void linkDownOnTheMasterMeansFaultAndTheBackupWaitsAFullInterval() {
        Scenario sc = new Scenario(Presets.mode1()).at(s(5)).act("cut", "db1/link").at(s(12));
        assertEquals(VrrpState.FAULT, sc.lab.vrrpState("db1"));
        assertFalse(sc.lab.hasVip("db1"));
        LabEvent.AdvertSent last = sc.last(LabEvent.AdvertSent.class, s(5), a -> a.host().equals("db1"));
        assertTrue(last.priority() > 0, "the priority-0 advert cannot leave a down link");
        assertEquals(last.timeUs() + 3_648_437, sc.vipAdded("db2", s(5)));
        sc.act("heal", "db1/link").at(s(20));
        assertEquals(VrrpState.MASTER, sc.lab.vrrpState("db1"), "back to BACKUP, then preempts db2 at priority 100");
    }

    @Test
    void otherKeepalivedVersionsStartStateMasterFastAndOneXLogsTheOldFormat() {
        // keepalived's current source: one advert interval plus the minimum skew, 1 s + 3906 µs
        Topology t = Presets.mode1();
        t.keepalivedVersion = "2.4.3";
        Scenario sc = new Scenario(t).at(s(5)).act("stop", "db1/keepalived").at(s(20)).act("start", "db1/keepalived").at(s(30));
        assertEquals(s(20) + 15_000 + 1_003_906, sc.vipAdded("db1", s(20)), "after the 15 ms start-up");
        Topology old = Presets.mode1();
        old.keepalivedVersion = "1.3.5";
        Scenario o = new Scenario(old);
        assertTrue(o.events().stream().anyMatch(e -> e instanceof LabEvent.LogLine l && l.text().equals("VRRP_Instance(VI_1) Entering MASTER STATE")));
    }
}
