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

    /**
     * The tutorial's haproxy.cfg (retries 3, option redispatch, roundrobin over two UP servers): a refused connect to
     * db1 is redispatched at once to db2 (haproxy 2.6 stream_choose_redispatch: round robin with srv_act > 1; no
     * turn-around when not retrying the same server). Lab: 0 of 250 probes failed in 3 of 3 runs, every probe after
     * the stop answered by db2 in 0.5-28 ms, db1 DOWN 4.2-6.2 s after the stop.
     */
    @Test
    void aStoppedDatabaseGoesUp1of3Up2of3ThenDownAndRedispatchHidesItFromClients() {
        Scenario sc = new Scenario(Presets.mode2()).at(s(2)).act("stop", "db1/mysqld").at(s(20));
        List<LabEvent.ServerCheck> c = checks(sc, "db1", "db1", s(2));
        assertEquals(List.of("UP 1/3", "UP 2/3", "DOWN"), c.stream().map(LabEvent.ServerCheck::status).toList());
        assertEquals("L4CON", c.get(2).checkStatus());
        long down = c.get(2).timeUs() - s(2);
        assertTrue(down >= s(4) && down <= s(6) + 1000, "DOWN after " + down + " µs (3 checks, 2 s apart)");
        assertTrue(sc.lab.hasVip("db1"), "the VIP stays: haproxy still runs");
        List<LabEvent.ClientProbe> after = sc.events().stream().filter(e -> e instanceof LabEvent.ClientProbe p && p.timeUs() > s(2))
                .map(e -> (LabEvent.ClientProbe) e).toList();
        assertTrue(after.size() > 150);
        for (LabEvent.ClientProbe p : after) {
            assertTrue(p.ok() && p.backend().equals("db2"), "every probe after the stop is served by db2: " + p);
            assertTrue(p.latencyUs() < 28_000, "within the lab's 0.5-28 ms: " + p.latencyUs());
        }
        sc.act("start", "db1/mysqld").at(s(40));
        List<LabEvent.ServerCheck> back = checks(sc, "db1", "db1", s(20));
        assertEquals(List.of("DOWN 1/2", "UP"), back.stream().map(LabEvent.ServerCheck::status).toList());
    }

    /**
     * Without option redispatch haproxy retries the same refused server after a turn-around of min(timeout connect,
     * 1 s) each time: 3 retries take 3 s, longer than the client's 1 s, so the half of the connections that
     * roundrobin gives db1 time out until the checks mark it DOWN.
     */
    @Test
    void withoutRedispatchHalfTheClientsTimeOutUntilTheChecksMarkTheServerDown() {
        Topology t = Presets.mode2();
        for (var n : t.nodes) n.haproxy.redispatch = false;
        Scenario sc = new Scenario(t).at(s(2)).act("stop", "db1/mysqld").at(s(20));
        List<LabEvent.ServerCheck> c = checks(sc, "db1", "db1", s(2));
        long downAt = c.get(2).timeUs();
        long during = sc.events().stream().filter(e -> e instanceof LabEvent.ClientProbe p && p.timeUs() > s(2) && p.timeUs() < downAt).count();
        List<LabEvent.ClientProbe> failed = sc.events().stream().filter(e -> e instanceof LabEvent.ClientProbe p && !p.ok()
                && p.timeUs() > s(2) && p.timeUs() < downAt).map(e -> (LabEvent.ClientProbe) e).toList();
        assertEquals(0.5, failed.size() / (double) during, 0.05, "roundrobin sends half the new connections to the dead server");
        assertTrue(failed.stream().allMatch(p -> p.failure() == LabEvent.ProbeFailure.TIMEOUT && p.latencyUs() == 1_000_000));
        assertTrue(sc.events().stream().filter(e -> e instanceof LabEvent.ClientProbe p && p.timeUs() > downAt + 1)
                .allMatch(e -> ((LabEvent.ClientProbe) e).ok() && ((LabEvent.ClientProbe) e).backend().equals("db2")));
    }

    /** retries 3 with both databases refusing (checks still UP): 4 connects, redispatched at once, then the client's connection is closed. */
    @Test
    void whenEveryRetryIsRefusedTheClientsConnectionIsClosedAtOnce() {
        Scenario sc = new Scenario(Presets.mode2()).at(s(2)).act("kill", "db1/mysqld").act("kill", "db2/mysqld").at(s(2) + 20_000);
        LabEvent.ClientProbe p = sc.first(LabEvent.ClientProbe.class, s(2), x -> true);
        assertEquals(LabEvent.ProbeFailure.CLOSED, p.failure());
        assertEquals(4 * HaproxyForward.REFUSED_US, p.latencyUs(), "1 connect + 3 retries, no turn-around between servers");
    }

    /**
     * A server that cannot be reached (path cut) is not refused: each connect waits for timeout connect, and the
     * retry follows without a turn-around. The tutorial's timeout connect (10 s) outlasts the client's 1 s; with
     * 200 ms the redispatch to db1 answers at 200 ms plus one proxied round trip. The redispatch's own pick moves
     * the round robin on, so with one client at a time every new connection tries db2 first.
     */
    @Test
    void anUnreachableServerCostsTimeoutConnectBeforeTheRedispatch() {
        Scenario tutorial = new Scenario(Presets.mode2()).at(s(2)).act("cut", "db1-db2").at(s(3));
        List<LabEvent.ClientProbe> lost = tutorial.events().stream().filter(e -> e instanceof LabEvent.ClientProbe p && p.timeUs() > s(2) && !p.ok())
                .map(e -> (LabEvent.ClientProbe) e).toList();
        assertEquals(5, lost.size(), "every other probe goes to db2 and waits");
        assertTrue(lost.stream().allMatch(p -> p.failure() == LabEvent.ProbeFailure.TIMEOUT));
        Topology t = Presets.mode2();
        for (var n : t.nodes) n.haproxy.timeoutConnectMs = 200;
        Scenario quick = new Scenario(t).at(s(2)).act("cut", "db1-db2").at(s(3));
        List<LabEvent.ClientProbe> probes = quick.events().stream().filter(e -> e instanceof LabEvent.ClientProbe p && p.timeUs() > s(2))
                .map(e -> (LabEvent.ClientProbe) e).toList();
        assertTrue(probes.stream().allMatch(p -> p.ok() && p.backend().equals("db1")));
        assertEquals(10, probes.size());
        assertEquals(9, probes.stream().filter(p -> p.latencyUs() == 200_000 + Client.PROXIED_LATENCY_US).count(),
                "all but the first, which the round robin gave db1 directly");
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
