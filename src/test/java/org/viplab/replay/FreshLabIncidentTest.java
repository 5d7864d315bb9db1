package org.viplab.replay;

import org.junit.jupiter.api.Test;
import org.viplab.core.timeline.Failover;
import org.viplab.core.timeline.LabEvent;
import org.viplab.drill.DrillResult;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The incident recorded on the lab on 2026-12-06 with a tcpdump -w pcap (fixtures/lab-2026-12-06-mysql-stop/README.md). */
class FreshLabIncidentTest {
    private static final String DIR = "/fixtures/lab-2026-12-06-mysql-stop/";

    private static Incident replay() throws Exception {
        IncidentBuilder b = ReplayFixtures.builder();
        for (String h : List.of("db1", "db2")) {
            for (String f : List.of("keepalived-" + h + ".log", "mon-" + h + ".log", "mariadb-" + h + ".err")) b.log(h, f, ReplayFixtures.bytes(DIR + f));
        }
        return b.capture("vrrp.pcap", ReplayFixtures.bytes(DIR + "vrrp.pcap")).build();
    }

    @Test
    void mysqldStopOnDb1ReplaysAsOneFailoverWhoseWhyStartsAtMysqldAndAsTheCheckScriptsStop() throws Exception {
        Incident i = replay();
        // t = 0 is db1's first advert in the pcap: 06:28:53.922270, floored to the ms
        assertThat(i.startEpochUs()).isEqualTo(1_796_538_533_922_000L);
        DrillResult r = i.result("fresh");
        List<Failover> f = r.analysis().failovers();
        assertThat(f).hasSize(1);
        assertThat(f.get(0).from() + "->" + f.get(0).to()).isEqualTo("db1->db2");
        List<LabEvent> chain = r.why(f.get(0)).stream().map(l -> l.event()).toList();
        assertThat(chain.get(0)).isInstanceOfSatisfying(LabEvent.ProcessChanged.class,
                p -> assertThat(p.host() + " " + p.process().id() + " " + p.to()).isEqualTo("db1 mysqld STOPPED"));
        assertThat(chain.get(chain.size() - 1)).isInstanceOfSatisfying(LabEvent.VipChanged.class, v -> assertThat(v.host()).isEqualTo("db2"));
        assertThat(i.analysis().splitBrains()).isEmpty();
        assertThat(Findings.of(i)).extracting(Finding::kind).containsExactly("check-script-stop");
        // the GARPs are db2's by their MAC
        assertThat(i.wireGarps()).extracting(LabEvent.GarpSent::host).containsOnly("db2");
    }

    @Test
    void theLogWrappers67msDelayOnALoadedMachineIsNotTakenForAClockOffset() throws Exception {
        ClockOffset db2 = replay().offsets().get("db2");
        // 06:29:00.313 "Entering MASTER STATE" against the advert at 06:29:00.246317
        assertThat(db2.offsetUs()).isEqualTo(66_683);
        assertThat(db2.applied()).isFalse();
    }
}
