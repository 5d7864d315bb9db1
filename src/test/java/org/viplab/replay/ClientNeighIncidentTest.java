package org.viplab.replay;

import org.junit.jupiter.api.Test;
import org.viplab.core.timeline.LabEvent;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A client's ip -ts monitor neigh during a mysqld stop and the failback, on the lab (fixtures/lab-2026-12-06-client-neigh/README.md). */
class ClientNeighIncidentTest {
    private static final String DIR = "/fixtures/lab-2026-12-06-client-neigh/";

    private static Incident replay() throws Exception {
        IncidentBuilder b = ReplayFixtures.builder();
        b.log("db1", "keepalived-db1.log", ReplayFixtures.bytes(DIR + "keepalived-db1.log"));
        b.log("db2", "keepalived-db2.log", ReplayFixtures.bytes(DIR + "keepalived-db2.log"));
        b.client("neigh-client.log", ReplayFixtures.bytes(DIR + "neigh-client.log"));
        return b.capture("vrrp.pcap", ReplayFixtures.bytes(DIR + "vrrp.pcap")).build();
    }

    @Test
    void theClientsArpEntryForTheVipFollowsEachTakeoverNamedByTheHostsMac() throws Exception {
        Incident i = replay();
        List<LabEvent.ArpChanged> arp = i.events().stream().filter(e -> e instanceof LabEvent.ArpChanged).map(e -> (LabEvent.ArpChanged) e).toList();
        // the VIP's lines only (the lab's teardown deleted the hosts' own entries too): STALE at db2, REACHABLE, STALE at db1
        // (the failback), REACHABLE, deleted
        assertThat(arp).extracting(a -> a.pointsAt() + " " + a.state())
                .containsExactly("db2 STALE", "db2 REACHABLE", "db1 STALE", "db1 REACHABLE", "db1 DELETED");
        // 09:12:33.720607: the entry moved with db2's takeover (its MASTER line 09:12:33.720)
        assertThat(i.startEpochUs() + arp.get(0).timeUs()).isEqualTo(1_796_548_353_720_607L);
        assertThat(i.analysis().failovers()).extracting(f -> f.from() + "->" + f.to()).containsExactly("db1->db2", "db2->db1");
        LabEvent.VipChanged db2 = i.events().stream().filter(e -> e instanceof LabEvent.VipChanged v && v.host().equals("db2") && v.added())
                .map(e -> (LabEvent.VipChanged) e).findFirst().orElseThrow();
        assertThat(Math.abs(arp.get(0).timeUs() - db2.timeUs())).isLessThan(2_000);
    }

    @Test
    void theSourcesListCountsTheClientsLines() throws Exception {
        IncidentBuilder b = ReplayFixtures.builder();
        b.log("db1", "keepalived-db1.log", ReplayFixtures.bytes(DIR + "keepalived-db1.log"));
        b.client("neigh-client.log", ReplayFixtures.bytes(DIR + "neigh-client.log"));
        b.build();
        InputSummary client = b.summaries().stream().filter(s -> s.file().equals("neigh-client.log")).findFirst().orElseThrow();
        assertThat(client.host()).isEqualTo("client");
        assertThat(client.format()).isEqualTo("ip -ts monitor");
        assertThat(client.read()).isEqualTo(10);
        // the IPv6 NOARP entries are not IPv4 neighbour lines VIP Lab reads
        assertThat(client.used()).isEqualTo(7);
    }
}
