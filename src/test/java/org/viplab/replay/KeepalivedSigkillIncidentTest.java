package org.viplab.replay;

import org.junit.jupiter.api.Test;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Span;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** keepalived SIGKILLed on db1 in mode 1, recorded on the lab (fixtures/lab-2026-12-06-keepalived-sigkill/README.md). */
class KeepalivedSigkillIncidentTest {
    private static final String DIR = "/fixtures/lab-2026-12-06-keepalived-sigkill/";

    private static Incident replay() throws Exception {
        IncidentBuilder b = ReplayFixtures.builder();
        b.log("db1", "keepalived-db1.log", ReplayFixtures.bytes(DIR + "keepalived-db1.log"));
        b.log("db2", "keepalived-db2.log", ReplayFixtures.bytes(DIR + "keepalived-db2.log"));
        b.log("db2", "mon-db2.log", ReplayFixtures.bytes(DIR + "mon-db2.log"));
        return b.capture("vrrp.pcap", ReplayFixtures.bytes(DIR + "vrrp.pcap")).build();
    }

    @Test
    void theBackupTakesOverAFullMasterDownIntervalAfterTheLastAdvertAndBothHoldTheVip() throws Exception {
        Incident i = replay();
        // t = 0: db1's first log line, 09:10:41.067
        assertThat(i.startEpochUs()).isEqualTo(1_796_548_241_067_000L);
        List<LabEvent.AdvertSent> db1 = i.wireAdverts().stream().filter(a -> a.host().equals("db1")).toList();
        List<LabEvent.AdvertSent> db2 = i.wireAdverts().stream().filter(a -> a.host().equals("db2")).toList();
        // db1's last advert 09:10:56.759676, db2's first 09:11:00.408345: 3 x advert_int + Skew(90) = 3.648 s
        long waited = db2.get(0).timeUs() - db1.get(db1.size() - 1).timeUs();
        assertThat(waited).isBetween(3_648_437L - 5_000, 3_648_437L + 5_000);
        assertThat(db1).noneMatch(a -> a.priority() == 0); // SIGKILL: no priority-0 advert
        // db2's VIP: mon-db2.log's line 09:11:00.408481, within 2 ms of db2's own "setting VIPs." at 09:11:00.411
        LabEvent.VipChanged added = i.events().stream().filter(e -> e instanceof LabEvent.VipChanged v && v.host().equals("db2") && v.added())
                .map(e -> (LabEvent.VipChanged) e).findFirst().orElseThrow();
        assertThat(i.startEpochUs() + added.timeUs()).isEqualTo(1_796_548_260_408_481L);
        // db1 never released it (its log stops at the kill; ip addr at the end shows it on both): one split brain to the end
        assertThat(i.analysis().failovers()).isEmpty();
        List<Span> sb = i.analysis().splitBrains();
        assertThat(sb).hasSize(1);
        assertThat(sb.get(0).startUs()).isEqualTo(added.timeUs());
        assertThat(sb.get(0).startUs() + sb.get(0).lengthUs()).isEqualTo(i.endUs());
        assertThat(Findings.of(i)).extracting(Finding::kind).containsExactly("split-brain");
    }
}
