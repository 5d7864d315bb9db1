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

    /** The client's log with every stamp moved by {@code ms}: a client whose clock is that far ahead of the hosts'. */
    private static byte[] clientAhead(long ms) {
        String text = new String(ReplayFixtures.bytes(DIR + "neigh-client.log"), java.nio.charset.StandardCharsets.UTF_8);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\[([^\\]]+)\\]", java.util.regex.Pattern.MULTILINE).matcher(text);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            java.time.LocalDateTime t = java.time.LocalDateTime.parse(m.group(1)).plusNanos(ms * 1_000_000);
            m.appendReplacement(b, "[" + t.format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS")) + "]");
        }
        m.appendTail(b);
        return b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static Incident replayWithClient(byte[] client, java.util.Map<String, Long> given) throws Exception {
        IncidentBuilder b = new IncidentBuilder(java.time.ZoneOffset.UTC, given, null);
        b.log("db1", "keepalived-db1.log", ReplayFixtures.bytes(DIR + "keepalived-db1.log"));
        b.log("db2", "keepalived-db2.log", ReplayFixtures.bytes(DIR + "keepalived-db2.log"));
        b.client("neigh-client.log", client);
        return b.capture("vrrp.pcap", ReplayFixtures.bytes(DIR + "vrrp.pcap")).build();
    }

    private static long firstArpMinusDb2sVip(Incident i) {
        LabEvent.ArpChanged arp = i.events().stream().filter(e -> e instanceof LabEvent.ArpChanged).map(e -> (LabEvent.ArpChanged) e).findFirst().orElseThrow();
        LabEvent.VipChanged db2 = i.events().stream().filter(e -> e instanceof LabEvent.VipChanged v && v.host().equals("db2") && v.added())
                .map(e -> (LabEvent.VipChanged) e).findFirst().orElseThrow();
        return arp.timeUs() - db2.timeUs();
    }

    @Test
    void theClientsClockIsEstimatedFromItsEntrysMovesAgainstTheVipsAndOnOneClockItIsWithinItsBound() throws Exception {
        ClockOffset c = replay().offsets().get(IncidentBuilder.CLIENT);
        // two moves: to db2 (09:12:33.720607) against db2's GARP on the wire, back to db1 (09:12:53.332097) against db1's
        // "setting VIPs" (the capture had stopped); the lab's client shares the hosts' clock
        assertThat(c.pairs()).isEqualTo(2);
        assertThat(Math.abs(c.offsetUs())).isLessThan(2_000);
        // the logs' ms stamps plus the 20 ms a log line may lag what it tells
        assertThat(c.uncertaintyUs()).isEqualTo(1_000 + ClockOffsets.LOG_LATENCY_US);
        assertThat(c.applied()).isFalse();
    }

    @Test
    void aClientClock1point5sAheadIsEstimatedCorrectedAndItsEntryFollowsTheTakeoverAgain() throws Exception {
        Incident i = replayWithClient(clientAhead(1_500), java.util.Map.of());
        ClockOffset c = i.offsets().get(IncidentBuilder.CLIENT);
        assertThat(c.pairs()).isEqualTo(2);
        assertThat(c.offsetUs()).isBetween(1_498_000L, 1_502_000L);
        assertThat(c.applied()).isTrue();
        // corrected: the entry moves with db2's takeover, as on the lab, not 1.5 s after it
        assertThat(Math.abs(firstArpMinusDb2sVip(i))).isLessThan(2_000);
        // the same log with its offset given: taken as stated
        Incident given = replayWithClient(clientAhead(1_500), java.util.Map.of(IncidentBuilder.CLIENT, 1_500_000L));
        assertThat(given.offsets().get(IncidentBuilder.CLIENT).given()).isTrue();
        assertThat(Math.abs(firstArpMinusDb2sVip(given))).isLessThan(2_000);
    }

    @Test
    void aClientWhoseEntryNeverMovesNearAVipMoveHasNoEstimate() throws Exception {
        // 30 s ahead: no move of the VIP within the pairing window of either move of the entry
        Incident i = replayWithClient(clientAhead(30_000), java.util.Map.of());
        ClockOffset c = i.offsets().get(IncidentBuilder.CLIENT);
        assertThat(c.known()).isFalse();
        assertThat(c.applied()).isFalse();
    }
}
