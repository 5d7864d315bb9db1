package org.viplab.engine.sim;

import org.junit.jupiter.api.Test;
import org.viplab.core.model.ForeignRouterSpec;
import org.viplab.core.model.Limits;
import org.viplab.core.model.Presets;
import org.viplab.core.model.Topology;
import org.viplab.core.model.TopologyJson;
import org.viplab.core.timeline.LabEvent;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.viplab.engine.sim.Scenario.s;

/** Another cluster's router with our VRID: keepalived 2.2.7 drops its adverts unless auth and VIPs are ours. */
class ForeignRouterTest {
    private static Topology withForeign(int vrid, int priority, String auth, String... vips) {
        Topology t = Presets.mode1();
        ForeignRouterSpec f = new ForeignRouterSpec();
        f.vrid = vrid;
        f.priority = priority;
        f.authPass = auth;
        f.vips = new ArrayList<>(List.of(vips));
        f.fromSec = 5;
        t.foreignRouters = new ArrayList<>(List.of(f));
        return t;
    }

    private static long logs(Scenario sc, String host, String text) {
        return sc.events().stream().filter(e -> e instanceof LabEvent.LogLine l && l.host().equals(host) && l.text().contains(text)).count();
    }

    @Test
    void anotherClustersVipsAreLoggedAndDroppedAndOurMasterKeepsTheVip() {
        Scenario sc = new Scenario(withForeign(51, 120, "1111", "10.9.8.200")).at(s(15));
        assertTrue(sc.lab.hasVip("db1"), "db1 keeps the VIP");
        // one per advert heard, on both nodes: 5 s .. 15 s at 1 s
        assertTrue(logs(sc, "db1", "ip address associated with VRID 51 not present in MASTER advert: 10.9.8.120") >= 10);
        assertTrue(logs(sc, "db2", "not present in MASTER advert") >= 10);
        assertEquals(0, logs(sc, "db1", "not present in MASTER advert") - logs(sc, "db1", "not present in MASTER advert: 10.9.8.120"));
        assertEquals(0, logs(sc, "db1", "higher priority"));
    }

    @Test
    void aCopyOfOurVipsAndAuthWinsTheElectionAndOurClusterLosesTheVip() {
        Scenario sc = new Scenario(withForeign(51, 120, "1111", "10.9.8.120")).at(s(4.9));
        assertTrue(sc.lab.hasVip("db1"));
        sc.at(s(15));
        assertEquals(1, logs(sc, "db1", "Master received advert from 10.9.8.77 with higher priority 120, ours 100"));
        assertFalse(sc.lab.hasVip("db1"), "db1 stepped down");
        assertFalse(sc.lab.hasVip("db2"), "db2 hears the higher priority too and stays BACKUP");
        long removed = sc.vipRemoved("db1", s(5));
        assertTrue(removed >= s(5) && removed < s(5.1), "at the first advert: " + removed);
    }

    @Test
    void aLowerPriorityCopyIsAnsweredAndChangesNothing() {
        Scenario sc = new Scenario(withForeign(51, 50, "1111", "10.9.8.120")).at(s(10));
        assertTrue(sc.lab.hasVip("db1"));
        assertTrue(logs(sc, "db1", "Received advert from 10.9.8.77 with lower priority 50, ours 100, forcing new election") >= 4);
    }

    @Test
    void aCountOrAuthMismatchIsDroppedFirst() {
        Scenario count = new Scenario(withForeign(51, 120, "1111", "10.9.8.120", "10.9.8.121")).at(s(8));
        assertTrue(logs(count, "db1", "received an unexpected ip number count 2, expected 1!") >= 3);
        assertTrue(count.lab.hasVip("db1"));
        Scenario auth = new Scenario(withForeign(51, 120, null, "10.9.8.120")).at(s(8));
        assertTrue(logs(auth, "db1", "received a 0 auth, expecting 1!") >= 3);
        assertTrue(auth.lab.hasVip("db1"));
        Scenario pass = new Scenario(withForeign(51, 120, "2222", "10.9.8.120")).at(s(8));
        assertTrue(logs(pass, "db1", "received an invalid passwd!") >= 3);
    }

    @Test
    void anotherVridIsNotOurs() {
        Scenario sc = new Scenario(withForeign(52, 120, "1111", "10.9.8.120")).at(s(10));
        assertTrue(sc.lab.hasVip("db1"));
        assertEquals(0, logs(sc, "db1", "10.9.8.77"));
    }

    @Test
    void rangesAndAddressesAreChecked() {
        Topology t = withForeign(300, 0, "1111", "10.9.8.120");
        t.foreignRouters.get(0).advertInt = 0.5;
        List<String> fields = Limits.check(t).stream().map(Limits.Violation::field).toList();
        assertEquals(List.of("foreignRouters.0.vrid", "foreignRouters.0.priority", "foreignRouters.0.advertInt"), fields);
        Topology clash = withForeign(51, 120, "1111", "10.9.8.120");
        clash.foreignRouters.get(0).ip = clash.nodes.get(1).ip;
        assertTrue(TopologyJson.problems(clash).stream().anyMatch(p -> p.contains("is a node's address")), TopologyJson.problems(clash).toString());
        assertTrue(TopologyJson.problems(withForeign(51, 120, "1111", "10.9.8.120")).isEmpty());
    }
}
