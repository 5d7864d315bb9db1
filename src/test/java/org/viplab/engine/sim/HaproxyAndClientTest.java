package org.viplab.engine.sim;

import org.junit.jupiter.api.Test;
import org.viplab.core.model.HaproxySpec;
import org.viplab.core.model.Presets;
import org.viplab.core.model.Topology;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Timeline;
import org.viplab.core.timeline.JsonLines;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.viplab.engine.sim.Scenario.s;

/** haproxy 2.6 checks (inter 2 s, fall 3, rise 2), the probing client and its ARP cache. */
class HaproxyAndClientTest {

    private static List<LabEvent.ServerCheck> checks(Scenario sc, String haproxyHost, String server, long from) {
        return sc.events().stream().filter(e -> e instanceof LabEvent.ServerCheck c && c.host().equals(haproxyHost)
                && c.server().equals(server) && c.timeUs() >= from).map(e -> (LabEvent.ServerCheck) e).toList();
    }

    @Test
    void aStoppedDatabaseGoesUp1of3Up2of3ThenDownAndHalfTheClientsFailMeanwhile() {
        Scenario sc = new Scenario(Presets.mode2()).at(s(2)).act("stop", "db1/mysqld").at(s(20));
        List<LabEvent.ServerCheck> c = checks(sc, "db1", "db1", s(2));
        assertEquals(List.of("UP 1/3", "UP 2/3", "DOWN"), c.stream().map(LabEvent.ServerCheck::status).toList());
        assertEquals("L4CON", c.get(2).checkStatus());
        long down = c.get(2).timeUs() - s(2);
        assertTrue(down >= s(4) && down <= s(6) + 1000, "DOWN after " + down + " µs (3 checks, 2 s apart)");
        assertTrue(sc.lab.hasVip("db1"), "the VIP stays: haproxy still runs");
        long during = sc.events().stream().filter(e -> e instanceof LabEvent.ClientProbe p && p.timeUs() > s(2) && p.timeUs() < c.get(2).timeUs()).count();
        long failedDuring = sc.events().stream().filter(e -> e instanceof LabEvent.ClientProbe p && !p.ok() && p.timeUs() > s(2) && p.timeUs() < c.get(2).timeUs()).count();
        assertEquals(0.5, failedDuring / (double) during, 0.05, "roundrobin sends half the new connections to the dead server");
        assertTrue(sc.events().stream().filter(e -> e instanceof LabEvent.ClientProbe p && p.timeUs() > c.get(2).timeUs() + 1)
                .allMatch(e -> ((LabEvent.ClientProbe) e).ok() && ((LabEvent.ClientProbe) e).backend().equals("db2")));
        sc.act("start", "db1/mysqld").at(s(40));
        List<LabEvent.ServerCheck> back = checks(sc, "db1", "db1", s(20));
        assertEquals(List.of("DOWN 1/2", "UP"), back.stream().map(LabEvent.ServerCheck::status).toList());
    }

    @Test
    void aBareTcpCheckPassesAHungMysqldButMysqlCheckMarksItDown() {
        Scenario tcp = new Scenario(Presets.mode2()).at(s(2)).act("hang", "db1/mysqld").at(s(30));
        assertTrue(checks(tcp, "db1", "db1", s(2)).isEmpty(), "L4OK forever: the kernel still accepts");
        Topology t = Presets.mode2();
        for (var n : t.nodes) {
            n.haproxy.checkType = HaproxySpec.CheckType.MYSQL;
            n.haproxy.timeoutCheckMs = null; // each check capped at inter
        }
        Scenario my = new Scenario(t).at(s(2)).act("hang", "db1/mysqld").at(s(30));
        List<LabEvent.ServerCheck> c = checks(my, "db1", "db1", s(2));
        assertEquals("DOWN", c.get(c.size() - 1).status());
        assertEquals("L7TOUT", c.get(c.size() - 1).checkStatus());
        long down = c.get(c.size() - 1).timeUs() - s(2);
        assertTrue(down >= s(10) && down <= s(12) + 1000, "each timed-out check takes 2 s + 2 s: DOWN after " + down);
    }

    @Test
    void bothDatabasesDownInMode2TheVipDoesNotMoveAndHaproxyHasNoServer() {
        Scenario sc = new Scenario(Presets.mode2()).at(s(2)).act("stop", "db1/mysqld").act("stop", "db2/mysqld").at(s(20));
        assertTrue(sc.lab.hasVip("db1"));
        LabEvent.ClientProbe p = sc.last(LabEvent.ClientProbe.class, s(20), x -> true);
        assertEquals(LabEvent.ProbeFailure.CLOSED, p.failure());
    }

    @Test
    void aConnectToTheVipWhileNoHostHoldsItTimesOut() {
        Scenario sc = new Scenario(Presets.mode1()).at(s(2)).act("stop", "db1/keepalived").at(s(2) + 300_000);
        LabEvent.ClientProbe p = sc.last(LabEvent.ClientProbe.class, s(2) + 300_000, x -> true);
        assertEquals(LabEvent.ProbeFailure.TIMEOUT, p.failure());
        assertEquals(1_000_000, p.latencyUs());
    }

    /**
     * Healing a split brain: if db1's advert reaches db2 first, db2 drops the VIP silently and the client's ARP
     * entry keeps pointing at db2 until it goes stale and is re-resolved; if db2's reaches db1 first, db1 forces a
     * new election with fresh GARPs and clients move back at once.
     */
    @Test
    void healingASplitBrainBlackHolesClientsOnlyWhenDb1sAdvertArrivesFirst() {
        long[] outcome = new long[2];
        for (int which = 0; which < 2; which++) {
            Scenario sc = new Scenario(Presets.mode1()).at(s(2)).act("cut", "db1-db2/vrrp").at(s(20));
            assertTrue(sc.lab.hasVip("db1") && sc.lab.hasVip("db2"));
            LabEvent.AdvertSent db1Last = sc.last(LabEvent.AdvertSent.class, s(20), a -> a.host().equals("db1"));
            LabEvent.AdvertSent db2Last = sc.last(LabEvent.AdvertSent.class, s(20), a -> a.host().equals("db2"));
            assertNotEquals(db1Last.timeUs() % 1_000_000, db2Last.timeUs() % 1_000_000, "the two masters advertise at different phases");
            // heal just after the advert of the host that should NOT arrive first
            long healAt = (which == 0 ? db2Last.timeUs() : db1Last.timeUs()) + s(1) + 1;
            sc.at(healAt).act("heal", "db1-db2/vrrp").at(healAt + s(60));
            var outages = sc.analysis(healAt + s(60)).outages().stream().filter(o -> o.endUs() > healAt).toList();
            outcome[which] = outages.isEmpty() ? 0 : outages.get(0).lengthUs();
            boolean garpAfterHeal = sc.events().stream().anyMatch(e -> e instanceof LabEvent.GarpSent g && g.host().equals("db1") && g.timeUs() >= healAt);
            assertEquals(which == 1, garpAfterHeal, which == 1 ? "db1 forces a new election and re-GARPs" : "db1 sends no GARP");
        }
        assertTrue(outcome[0] >= s(15) && outcome[0] <= s(55), "db1's advert first: black hole of " + outcome[0] + " µs");
        assertEquals(0, outcome[1], "db2's advert first: clients follow the fresh GARP at once");
    }

    @Test
    void theSameTopologyAndSeedGiveTheSameTimelineByteForByte() throws Exception {
        String a = run(7);
        String b = run(7);
        assertEquals(a, b);
        assertNotEquals(a, run(8), "another seed shifts the phases");
    }

    private static String run(long seed) throws Exception {
        Timeline t = new Timeline();
        SimulatedLab lab = SimulatedLab.steadyState(Presets.mode2(), seed, t);
        lab.runUntil(s(3));
        lab.apply(new org.viplab.lab.Action(org.viplab.lab.Verb.KILL, org.viplab.lab.Target.parse("db1/haproxy", lab.topology().nodeNames())), org.viplab.core.timeline.Actor.USER);
        lab.runUntil(s(20));
        var out = new java.io.ByteArrayOutputStream();
        JsonLines.write(t.snapshot(), out);
        assertFalse(out.toString().isEmpty());
        return out.toString();
    }
}
