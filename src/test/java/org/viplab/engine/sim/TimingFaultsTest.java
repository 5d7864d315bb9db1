package org.viplab.engine.sim;

import org.junit.jupiter.api.Test;
import org.viplab.core.model.Presets;
import org.viplab.core.model.VrrpState;
import org.viplab.core.timeline.Actor;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Reason;
import org.viplab.lab.Action;
import org.viplab.lab.Target;
import org.viplab.lab.Verb;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.viplab.engine.sim.Scenario.s;

/**
 * The timing faults, rule by rule, by exact event. Mode 1: advert_int 1 s, priorities 100/90, so
 * Master_Down_Interval(90) = 3 x 1 s + Skew(90) = 3 s + 648437 us.
 */
class TimingFaultsTest {
    static final long DOWN_90 = 3_000_000 + 648_437;

    private static Scenario apply(Scenario sc, Verb verb, String target, Action.Amount amount) {
        sc.lab.apply(new Action(verb, Target.parse(target, sc.lab.topology().nodeNames()), amount), Actor.DRILL);
        return sc;
    }

    private static long lastAdvert(Scenario sc, String host, long before) {
        return sc.last(LabEvent.AdvertSent.class, before, a -> a.host().equals(host)).timeUs();
    }

    private static List<LabEvent.VrrpStateChanged> states(Scenario sc, String host, long from) {
        return sc.events().stream().filter(e -> e.timeUs() >= from && e instanceof LabEvent.VrrpStateChanged v && v.host().equals(host))
                .map(e -> (LabEvent.VrrpStateChanged) e).toList();
    }

    @Test
    void aStallLongerThanMasterDownIntervalFailsOverThenTheMasterForcesAnElectionAtTheStallsEnd() {
        Scenario sc = new Scenario(Presets.mode1()).at(s(5));
        long last = lastAdvert(sc, "db1", s(5));
        apply(sc, Verb.STALL, "db1", Action.Amount.duration(s(3.7))).at(s(12));
        // db1 sends nothing while it has no CPU
        assertTrue(sc.events().stream().noneMatch(e -> e instanceof LabEvent.AdvertSent a && a.host().equals("db1")
                && a.timeUs() > s(5) && a.timeUs() < s(8.7)));
        List<LabEvent.VrrpStateChanged> db2 = states(sc, "db2", s(5));
        assertEquals(2, db2.size(), "db2 takes over once and gives back once: " + db2);
        assertEquals(VrrpState.MASTER, db2.get(0).to());
        assertEquals(last + DOWN_90, db2.get(0).timeUs(), "Master_Down_Interval from db1's last advert before the stall");
        assertTrue(db2.get(0).reason().is(Reason.Code.ADVERT_TIMEOUT));
        assertEquals(VrrpState.BACKUP, db2.get(1).to());
        assertEquals(s(8.7), db2.get(1).timeUs(), "db1's advert at the stall's end sends db2 back");
        // db1 read db2's queued advert first: lower priority, so a new election with fresh gratuitous ARPs
        assertEquals(s(8.7), sc.first(LabEvent.GarpSent.class, s(8.7), g -> g.host().equals("db1")).timeUs());
        assertEquals(s(8.7), sc.first(LabEvent.AdvertSent.class, s(8.7), a -> a.host().equals("db1")).timeUs());
        assertTrue(states(sc, "db1", s(5)).isEmpty(), "db1 was MASTER throughout as far as it knows");
        assertTrue(sc.lab.hasVip("db1"));
        assertFalse(sc.lab.hasVip("db2"));
        // --why: db2's takeover follows from the stall, through the advert timeout
        org.viplab.core.timeline.Timeline.Caused run = sc.timeline.caused();
        int takeover = run.events().indexOf(db2.get(0));
        List<org.viplab.core.timeline.CauseChain.Link> chain = org.viplab.core.timeline.CauseChain.why(run.events(), run.causes(), takeover);
        assertTrue(chain.get(0).event() instanceof LabEvent.ActionApplied a && a.action().equals("stall") && a.host().equals("db1"), chain.toString());
    }

    @Test
    void aStallShorterThanMasterDownIntervalIsNoFailoverAndTheLateAdvertGoesOutAtItsEnd() {
        Scenario sc = new Scenario(Presets.mode1()).at(s(5));
        apply(sc, Verb.STALL, "db1", Action.Amount.duration(s(2))).at(s(12));
        assertTrue(states(sc, "db2", s(5)).isEmpty());
        assertEquals(s(7), sc.first(LabEvent.AdvertSent.class, s(5) + 1, a -> a.host().equals("db1")).timeUs(),
                "the advert that fell due during the stall is sent once, when the CPU returns");
    }

    @Test
    void aStalledBackupReadsTheQueuedAdvertAndDoesNotTakeOver() {
        Scenario sc = new Scenario(Presets.mode1()).at(s(5));
        apply(sc, Verb.STALL, "db2", Action.Amount.duration(s(10))).at(s(20));
        assertTrue(states(sc, "db2", s(5)).isEmpty(), "its down timer is late too, and db1's latest advert is waiting");
        assertTrue(sc.lab.hasVip("db1"));
    }

    @Test
    void resumeEndsAStallEarlyAndRestoreResumesAStalledHost() {
        Scenario sc = new Scenario(Presets.mode1()).at(s(5));
        apply(sc, Verb.STALL, "db1", Action.Amount.duration(s(60))).at(s(6));
        assertEquals(List.of(new Action(Verb.RESUME, new Target.Host("db1"))), sc.lab.restoreActions());
        sc.act("resume", "db1");
        assertEquals(s(6), sc.first(LabEvent.AdvertSent.class, s(6), a -> a.host().equals("db1")).timeUs());
        assertTrue(sc.lab.restoreActions().isEmpty());
        sc.at(s(20));
        assertTrue(states(sc, "db2", s(5)).isEmpty());
    }

    @Test
    void aClientProbeToAStalledHostIsAnsweredWhenTheStallEndsIfThatIsWithinItsTimeout() {
        Scenario sc = new Scenario(Presets.mode1()).at(s(5));
        apply(sc, Verb.STALL, "db1", Action.Amount.duration(s(2))).at(s(8));
        int late = 0;
        int timedOut = 0;
        for (LabEvent e : sc.events()) {
            if (!(e instanceof LabEvent.ClientProbe p) || p.timeUs() < s(5) || p.timeUs() >= s(7)) continue;
            long wait = s(7) - p.timeUs();
            if (wait + Client.DIRECT_LATENCY_US < 1_000_000) {
                assertTrue(p.ok(), "greeted when the stall ends: " + p);
                assertEquals(wait + Client.DIRECT_LATENCY_US, p.latencyUs());
                late++;
            } else {
                assertEquals(LabEvent.ProbeFailure.TIMEOUT, p.failure(), "the 1 s probe timeout runs out first: " + p);
                assertEquals(1_000_000, p.latencyUs());
                timedOut++;
            }
        }
        assertEquals(10, late);
        assertEquals(10, timedOut);
    }

    @Test
    void fullVrrpLossIsSilenceAndHealRestoresTheAdverts() {
        Scenario sc = new Scenario(Presets.mode1()).at(s(5));
        long last = lastAdvert(sc, "db1", s(5));
        apply(sc, Verb.LOSS, "db1-db2/vrrp", Action.Amount.loss(10_000)).at(s(10));
        assertEquals(last + DOWN_90, states(sc, "db2", s(5)).get(0).timeUs());
        assertEquals(List.of(new Action(Verb.HEAL, new Target.PeerPath("db1", "db2", true))), sc.lab.restoreActions());
        sc.act("heal", "db1-db2/vrrp");
        assertTrue(sc.lab.restoreActions().isEmpty());
        sc.at(s(12));
        assertEquals(VrrpState.BACKUP, sc.lab.vrrpState("db2"), "db1's next advert gets through: the higher priority wins");
    }

    @Test
    void partialLossIsDrawnFromTheSeedAlone() {
        List<LabEvent> a = lossRun(1);
        assertEquals(a, lossRun(1), "the same seed loses the same adverts");
        assertNotEquals(a, lossRun(2));
    }

    private static List<LabEvent> lossRun(long seed) {
        Scenario sc = new Scenario(Presets.mode1(), seed).at(s(1));
        apply(sc, Verb.LOSS, "db1-db2/vrrp", Action.Amount.loss(3_000)).at(s(120));
        return sc.events();
    }

    @Test
    void aDelayLongerThanTheDownTimersSlackFailsOverUntilTheFirstLateAdvertArrives() {
        // adverts every 1 s, now 2.7 s late: after the last on-time advert at T the next arrives at T + 1 + 2.7 > T + 3.648437
        Scenario sc = new Scenario(Presets.mode1()).at(s(5));
        long last = lastAdvert(sc, "db1", s(5));
        apply(sc, Verb.DELAY, "db1-db2", Action.Amount.delay(s(2.7), 0)).at(s(30));
        List<LabEvent.VrrpStateChanged> db2 = states(sc, "db2", s(5));
        assertEquals(2, db2.size(), db2.toString());
        assertEquals(last + DOWN_90, db2.get(0).timeUs());
        assertEquals(last + s(1) + s(2.7), db2.get(1).timeUs());
        assertEquals(VrrpState.BACKUP, db2.get(1).to());
    }

    @Test
    void aDelayOnTheClientsPathAddsFourOneWayTripsToEveryProbe() {
        Scenario sc = new Scenario(Presets.mode1()).at(s(5));
        apply(sc, Verb.DELAY, "clients-db1", Action.Amount.delay(100_000, 0)).at(s(8));
        LabEvent.ClientProbe p = sc.first(LabEvent.ClientProbe.class, s(5) + 1, x -> true);
        assertTrue(p.ok());
        assertEquals(Client.DIRECT_LATENCY_US + 4 * 100_000, p.latencyUs());
        apply(sc, Verb.LOSS, "clients-db1", Action.Amount.loss(10_000)).at(s(10));
        LabEvent.ClientProbe lost = sc.first(LabEvent.ClientProbe.class, s(8) + 1, x -> true);
        assertEquals(LabEvent.ProbeFailure.TIMEOUT, lost.failure());
    }

    @Test
    void aSlowMysqldFailsAQueryCheckWhoseTimeoutItExceedsAndPassesOneItFitsIn() {
        Scenario sc = new Scenario(Presets.mode1Recommended()).at(s(5));
        LabEvent.ScriptResult okBefore = sc.last(LabEvent.ScriptResult.class, s(5), r -> r.host().equals("db1"));
        long run = okBefore.timeUs() - 20_000; // a passing query check takes 20 ms
        while (run < s(5)) run += s(2);       // interval 2 s: the first run after the slowdown
        apply(sc, Verb.SLOW, "db1/mysqld", Action.Amount.duration(s(2.5))).at(s(15));
        LabEvent.ScriptResult slow = sc.first(LabEvent.ScriptResult.class, s(5), r -> r.host().equals("db1"));
        assertEquals(run + s(2), slow.timeUs(), "killed at the 2 s timeout");
        assertEquals(-1, slow.exitStatus());
        assertTrue(slow.detail().is(Reason.Code.QUERY_SLOW));
        LabEvent.VrrpStateChanged fault = sc.first(LabEvent.VrrpStateChanged.class, s(5), v -> v.host().equals("db1"));
        assertEquals(VrrpState.FAULT, fault.to());
        assertEquals(run + s(2) + s(2), fault.timeUs(), "fall 2: the second timed-out run");

        Scenario fits = new Scenario(Presets.mode1Recommended()).at(s(5));
        apply(fits, Verb.SLOW, "db1/mysqld", Action.Amount.duration(s(1.5))).at(s(15));
        assertTrue(states(fits, "db1", s(5)).isEmpty(), "1.5 s fits in the 2 s timeout");
        LabEvent.ClientProbe p = fits.first(LabEvent.ClientProbe.class, s(5) + 1, x -> true);
        assertEquals(LabEvent.ProbeFailure.TIMEOUT, p.failure(), "but not in the client's 1 s");
        apply(fits, Verb.SLOW, "db1/mysqld", Action.Amount.duration(300_000)).at(s(16));
        LabEvent.ClientProbe quick = fits.first(LabEvent.ClientProbe.class, s(15) + 1, x -> true);
        assertTrue(quick.ok());
        assertEquals(Client.DIRECT_LATENCY_US + 300_000, quick.latencyUs());
        assertEquals(List.of(new Action(Verb.RESUME, new Target.Process("db1", org.viplab.core.model.ProcessKind.MYSQLD))), fits.lab.restoreActions());
        fits.act("resume", "db1/mysqld").at(s(17));
        LabEvent.ClientProbe normal = fits.first(LabEvent.ClientProbe.class, s(16) + 1, x -> true);
        assertEquals(Client.DIRECT_LATENCY_US, normal.latencyUs(), "resume ends the slowdown");
    }

    @Test
    void theActionsEventCarriesItsAmountAndReplaysToTheSameTimeline() {
        Scenario sc = new Scenario(Presets.mode1()).at(s(5));
        apply(sc, Verb.STALL, "db1", Action.Amount.duration(s(3.7)));
        LabEvent.ActionApplied a = sc.last(LabEvent.ActionApplied.class, s(5), x -> true);
        assertEquals("for 3.7s", a.detail());
        assertEquals(new Action(Verb.STALL, new Target.Host("db1"), Action.Amount.duration(s(3.7))), Action.of(a, List.of("db1", "db2")));
    }
}
