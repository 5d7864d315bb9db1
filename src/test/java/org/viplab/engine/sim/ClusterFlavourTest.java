package org.viplab.engine.sim;

import org.viplab.core.timeline.Reason;
import org.junit.jupiter.api.Test;
import org.viplab.core.model.Flavour;
import org.viplab.core.model.Presets;
import org.viplab.core.model.Topology;
import org.viplab.core.timeline.LabEvent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.viplab.engine.sim.Scenario.s;

/** What "healthy and writable" means per flavour, and what replication does. */
class ClusterFlavourTest {
    private static Topology writing(Flavour f) {
        Topology t = Presets.mode1();
        t.flavour = f;
        t.clientWrites = true;
        return crashStaysDown(t);
    }

    /** A crashed mysqld that nothing restarts (the presets' mysqld_safe would bring it back in 250 ms). */
    private static Topology crashStaysDown(Topology t) {
        for (var n : t.nodes) n.mysqldSupervisor = org.viplab.core.model.SupervisorSpec.none();
        return t;
    }

    private static LabEvent.ClusterStatus status(Scenario sc, String host, long at) {
        return sc.last(LabEvent.ClusterStatus.class, at, c -> c.host().equals(host));
    }

    @Test
    void galeraKeepsQuorumWhenThePeerLeavesCleanlyButNotWhenItCrashes() {
        Scenario clean = new Scenario(writing(Flavour.GALERA)).at(s(2)).act("stop", "db2/mysqld").at(s(20));
        assertTrue(status(clean, "db1", s(20)).writable());
        assertEquals(Reason.of(Reason.Code.GALERA_PRIMARY, 1, 1), status(clean, "db1", s(20)).status());

        Scenario crash = new Scenario(writing(Flavour.GALERA)).at(s(2)).act("kill", "db2/mysqld").at(s(20));
        LabEvent.ClusterStatus nonPrimary = crash.first(LabEvent.ClusterStatus.class, s(2), c -> c.host().equals("db1") && c.status().is(Reason.Code.GALERA_NO_QUORUM));
        assertEquals(s(2) + Cluster.SUSPECT_US, nonPrimary.timeUs(), "after the suspect timeout");
        LabEvent.ClientProbe p = crash.last(LabEvent.ClientProbe.class, s(20), x -> true);
        assertEquals(LabEvent.ProbeFailure.REJECTED, p.failure(), "a non-Primary node rejects queries at once");
        assertTrue(crash.lab.hasVip("db1"), "ps -C mysqld still passes: the VIP stays on a node that rejects everything");
    }

    @Test
    void mgrMinorityBlocksWritesInsteadOfRejectingThem() {
        Scenario sc = new Scenario(writing(Flavour.MGR)).at(s(2)).act("kill", "db2/mysqld").at(s(20));
        assertEquals(Reason.of(Reason.Code.MGR_NO_MAJORITY, 1, 2), status(sc, "db1", s(20)).status());
        LabEvent.ClientProbe p = sc.last(LabEvent.ClientProbe.class, s(20), x -> true);
        assertEquals(LabEvent.ProbeFailure.TIMEOUT, p.failure());
        sc.act("start", "db2/mysqld").at(s(30));
        assertTrue(status(sc, "db1", s(30)).writable(), "the member rejoins and the majority is back");
    }

    @Test
    void dualMasterStaysWritableAndRowsWaitForTheReplicaThread() {
        Topology t = Presets.mode2();
        t.clientWrites = true;
        Scenario sc = new Scenario(t).at(s(2)).act("cut", "db1-db2").at(s(10));
        LabEvent.ReplicationChanged behind = sc.last(LabEvent.ReplicationChanged.class, s(10), r -> r.host().equals("db2"));
        assertFalse(behind.connected());
        // half of 10 writes a second land on db1 until db2 wins the split brain (3.65 s) and the client follows its GARP
        assertTrue(behind.behind() >= 15, "rows on db1 that never reached db2: " + behind.behind());
        assertTrue(status(sc, "db1", s(10)).writable());
        sc.act("heal", "db1-db2").at(s(11));
        LabEvent.ReplicationChanged caughtUp = sc.last(LabEvent.ReplicationChanged.class, s(11), r -> r.host().equals("db2"));
        assertTrue(caughtUp.connected());
        assertEquals(0, caughtUp.behind());
    }

    @Test
    void theHealthQueryFailsOnANonPrimaryNodeWhileThePsCheckPasses() {
        Topology t = Presets.mode1Recommended();
        t.flavour = Flavour.PXC;
        Scenario sc = new Scenario(crashStaysDown(t)).at(s(2)).act("kill", "db2/mysqld").at(s(20));
        assertEquals(org.viplab.core.model.VrrpState.FAULT, sc.lab.vrrpState("db1"), "the weight-0 health query puts db1 in FAULT");
        assertFalse(sc.lab.hasVip("db1"));
    }
}
