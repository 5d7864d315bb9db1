package org.viplab.engine.sim;

import org.junit.jupiter.api.Test;
import org.viplab.core.model.Flavour;
import org.viplab.core.model.NodeSpec;
import org.viplab.core.model.Presets;
import org.viplab.core.model.SupervisorSpec;
import org.viplab.core.model.Topology;
import org.viplab.core.model.VrrpState;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Reason;
import org.viplab.core.timeline.Reason.Code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.viplab.engine.sim.Scenario.s;

/** Three (and more) nodes: VRRP among all of them, Galera's weighted quorum and rejoin, Group Replication's majority. */
class ThreeNodeClusterTest {
    private static Topology galera3() {
        Topology t = Presets.galera3();
        for (NodeSpec n : t.nodes) n.mysqldSupervisor = SupervisorSpec.none();
        return t;
    }

    private static LabEvent.ClusterStatus status(Scenario sc, String host, long at) {
        return sc.last(LabEvent.ClusterStatus.class, at, c -> c.host().equals(host));
    }

    @Test
    void theHighestPriorityOfThreeHoldsTheVipAndEveryOneHearsIt() {
        Scenario sc = new Scenario(galera3()).at(s(1));
        assertTrue(sc.lab.hasVip("db1"));
        assertEquals(VrrpState.BACKUP, sc.lab.vrrpState("db2"));
        assertEquals(VrrpState.BACKUP, sc.lab.vrrpState("db3"));
        assertEquals(Reason.of(Code.GALERA_PRIMARY, 3, 3), status(sc, "db3", s(1)).status());
    }

    @Test
    void equalPrioritiesElectTheHighestAddress() {
        Topology t = galera3();
        for (NodeSpec n : t.nodes) {
            n.keepalived.priority = 100;
            n.keepalived.state = org.viplab.core.model.KeepalivedSpec.InitialState.BACKUP;
        }
        Scenario sc = new Scenario(t).at(s(1));
        // 10.9.8.231 > 10.9.8.223 > 10.9.8.201 (RFC 3768 6.4.3; keepalived compares the primary addresses)
        assertTrue(sc.lab.hasVip("db3"));
        assertFalse(sc.lab.hasVip("db1"));
        assertFalse(sc.lab.hasVip("db2"));
        // all three time out together and become MASTER; each yields to the first higher address it hears
        assertTrue(sc.events().stream().anyMatch(e -> e instanceof LabEvent.LogLine l && l.host().equals("db2")
                && l.text().equals("(VI_1) Master received advert from 10.9.8.231 with same priority 100 but higher IP address than ours")),
                "keepalived's own words for the tie");
        assertTrue(sc.events().stream().anyMatch(e -> e instanceof LabEvent.LogLine l && l.host().equals("db1")
                && l.text().endsWith("with same priority 100 but higher IP address than ours")));
    }

    @Test
    void theNextPriorityTakesOverAndTheLowestStaysBackup() {
        Scenario sc = new Scenario(galera3()).at(s(2)).act("stop", "db1/keepalived").at(s(10));
        assertTrue(sc.lab.hasVip("db2"));
        assertEquals(VrrpState.BACKUP, sc.lab.vrrpState("db3"), "db3 (50) hears db2's adverts (100) and stays backup");
        // priority 0 from db1: db2 waits Skew(100) = 156 * 1000000 / 256 = 609375 us, db3 would wait 804687 us
        long stopped = sc.first(LabEvent.AdvertSent.class, s(2), a -> a.host().equals("db1") && a.priority() == 0).timeUs();
        assertEquals(stopped + 609_375, sc.vipAdded("db2", s(2)));
    }

    @Test
    void galeraLosingOneOfThreeStallsForTheSuspectTimeoutThenKeepsQuorum() {
        Scenario sc = new Scenario(galera3()).at(s(2)).act("cut", "db1/link").at(s(20));
        LabEvent.ClusterStatus stall = sc.first(LabEvent.ClusterStatus.class, s(2), c -> c.host().equals("db2"));
        assertEquals(Reason.of(Code.SUSPECTING_PEER), stall.status());
        assertEquals(s(2), stall.timeUs());
        LabEvent.ClusterStatus primary = sc.first(LabEvent.ClusterStatus.class, s(2), c -> c.host().equals("db2") && c.writable());
        assertEquals(s(2) + Cluster.SUSPECT_US, primary.timeUs());
        assertEquals(Reason.of(Code.GALERA_PRIMARY, 2, 2), primary.status());
        assertEquals(Reason.of(Code.GALERA_NO_QUORUM, 1, 3), status(sc, "db1", s(20)).status(), "db1 alone is 1 of 3");
        assertTrue(sc.lab.hasVip("db2"));
        LabEvent.ClientProbe last = sc.last(LabEvent.ClientProbe.class, s(20), p -> true);
        assertTrue(last.ok(), "writes go on through db2's haproxy on the two survivors: " + last);
        assertTrue(sc.events().stream().filter(e -> e instanceof LabEvent.ClientProbe p && p.ok() && p.timeUs() > s(3))
                .allMatch(e -> ((LabEvent.ClientProbe) e).backend().equals("db2")), "only the first backup server (db2) is used, never db3");
    }

    @Test
    void galeraLosingTwoOfThreeRejectsWritesOnTheSurvivor() {
        Scenario sc = new Scenario(galera3()).at(s(2)).act("cut", "db1/link").act("cut", "db2/link").at(s(30));
        assertEquals(Reason.of(Code.GALERA_NO_QUORUM, 1, 3), status(sc, "db3", s(30)).status());
        assertTrue(sc.lab.hasVip("db3"));
        LabEvent.ClientProbe last = sc.last(LabEvent.ClientProbe.class, s(30), p -> true);
        assertEquals(LabEvent.ProbeFailure.REJECTED, last.failure(), "mysql-check passes a non-Primary node, which rejects the write");
    }

    @Test
    void aHeavierNodeKeepsTheQuorumAlone() {
        Topology t = galera3();
        t.node("db3").pcWeight = 3; // 3 of 5: more than half
        Scenario sc = new Scenario(t).at(s(2)).act("cut", "db1/link").act("cut", "db2/link").at(s(10));
        assertEquals(Reason.of(Code.GALERA_PRIMARY, 1, 1), status(sc, "db3", s(10)).status());
        assertTrue(status(sc, "db3", s(10)).writable());
    }

    @Test
    void cleanLeavesShrinkTheMembershipSoTheLastNodeStaysPrimary() {
        Scenario sc = new Scenario(galera3()).at(s(2)).act("stop", "db2/mysqld").at(s(4)).act("stop", "db3/mysqld").at(s(12));
        assertEquals(Reason.of(Code.GALERA_PRIMARY, 1, 1), status(sc, "db1", s(12)).status());
        assertFalse(sc.events().stream().anyMatch(e -> e instanceof LabEvent.ClusterStatus c && c.host().equals("db1")
                && c.status().is(Code.SUSPECTING_PEER)), "a clean leave never stalls the others");
    }

    @Test
    void aRejoiningNodeIsAJoinerUntilItsStateTransferEnds() {
        Scenario ist = new Scenario(galera3()).at(s(2)).act("stop", "db3/mysqld").at(s(5)).act("start", "db3/mysqld").at(s(10));
        LabEvent.ClusterStatus joiner = ist.first(LabEvent.ClusterStatus.class, s(5), c -> c.host().equals("db3") && c.status().is(Code.GALERA_JOINER));
        assertEquals(Reason.of(Code.GALERA_JOINER, "IST"), joiner.status());
        LabEvent.ClusterStatus synced = ist.first(LabEvent.ClusterStatus.class, joiner.timeUs(), c -> c.host().equals("db3") && c.writable());
        assertEquals(1_000_000, synced.timeUs() - joiner.timeUs(), "the default IST of 1 s");

        Topology small = galera3();
        small.cluster.gcacheWritesets = 5; // 3 s of writes at 10 a second overflow it
        Scenario sst = new Scenario(small).at(s(2)).act("stop", "db3/mysqld").at(s(5)).act("start", "db3/mysqld").at(s(40));
        LabEvent.ClusterStatus full = sst.first(LabEvent.ClusterStatus.class, s(5), c -> c.host().equals("db3") && c.status().is(Code.GALERA_JOINER));
        assertEquals(Reason.of(Code.GALERA_JOINER, "SST"), full.status());
        LabEvent.ClusterStatus after = sst.first(LabEvent.ClusterStatus.class, full.timeUs(), c -> c.host().equals("db3") && c.writable());
        assertEquals(30_000_000, after.timeUs() - full.timeUs());
    }

    private static Topology mgr3(boolean singlePrimary) {
        Topology t = galera3();
        t.flavour = Flavour.MGR;
        t.cluster.singlePrimary = singlePrimary;
        return t;
    }

    @Test
    void mgrMajorityKeepsWritingAndExpelsTheSilentMemberAfterDetectionPlusExpelTimeout() {
        Scenario sc = new Scenario(mgr3(false)).at(s(2)).act("kill", "db3/mysqld").at(s(20));
        assertFalse(sc.events().stream().anyMatch(e -> e instanceof LabEvent.ClusterStatus c && c.host().equals("db1") && !c.writable()),
                "two of three commit without waiting for the unreachable member");
        LabEvent.ClusterStatus expelled = sc.first(LabEvent.ClusterStatus.class, s(2), c -> c.host().equals("db1") && c.status().equals(Reason.of(Code.MGR_ONLINE, 2, 2)));
        assertEquals(s(2) + s(10), expelled.timeUs(), "5 s detection + group_replication_member_expel_timeout 5 s");
    }

    @Test
    void mgrSinglePrimaryRefusesWritesOnSecondariesAndElectsANewPrimary() {
        Topology t = mgr3(true);
        t.node("db3").memberWeight = 70;
        Scenario sc = new Scenario(t).at(s(1));
        assertEquals(Reason.of(Code.MGR_SECONDARY, "db3"), status(sc, "db1", s(1)).status());
        assertFalse(status(sc, "db1", s(1)).writable());
        LabEvent.ClientProbe p = sc.last(LabEvent.ClientProbe.class, s(1), x -> true);
        assertEquals(LabEvent.ProbeFailure.REJECTED, p.failure(), "the VIP's haproxy sends writes to db1, a super_read_only secondary");

        sc.act("stop", "db3/mysqld").at(s(3));
        assertTrue(status(sc, "db1", s(3)).writable(), "db3 left: db1 (weight 50, first UUID) is elected over db2 (50)");
        assertFalse(status(sc, "db2", s(3)).writable());
    }

    @Test
    void blockingVrrpBetweenOnePairSplitsTheBrainWhileTheThirdHearsBoth() {
        Scenario sc = new Scenario(galera3()).at(s(2)).act("cut", "db1-db3/vrrp").at(s(10));
        assertTrue(sc.lab.hasVip("db1"), "db1 still hears nobody better");
        assertTrue(sc.lab.hasVip("db3"), "db3 (50) no longer hears db1 and takes over: a split brain");
        assertEquals(VrrpState.BACKUP, sc.lab.vrrpState("db2"), "db2 hears db1 (150) and discards db3's 50");
        assertEquals(Reason.of(Code.GALERA_PRIMARY, 3, 3), status(sc, "db3", s(10)).status(), "only VRRP is blocked: the cluster is whole");
        sc.act("heal", "db1-db3/vrrp").at(s(14));
        assertFalse(sc.lab.hasVip("db3"), "healed: db3 hears 150 and yields");
    }

    @Test
    void aCutBetweenTwoHostsLeavesTheirPathsToTheThirdAlone() {
        Scenario sc = new Scenario(galera3()).at(s(2)).act("cut", "db1-db3").at(s(12));
        // components are transitive in VIP Lab (db1 and db3 both reach db2): the three stay one Primary Component
        assertEquals(Reason.of(Code.GALERA_PRIMARY, 3, 3), status(sc, "db2", s(12)).status());
        assertTrue(sc.lab.hasVip("db3") && sc.lab.hasVip("db1"), "but VRRP between db1 and db3 is cut too: both hold the VIP");
        assertEquals(VrrpState.BACKUP, sc.lab.vrrpState("db2"));
    }
}
