package org.viplab.replay;

import org.junit.jupiter.api.Test;
import org.viplab.core.timeline.Failover;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Reason;
import org.viplab.core.timeline.Span;
import org.viplab.drill.DrillResult;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each real-lab recording replayed as an incident (the hosts' keepalived logs, their ip monitor and the bridge's
 * tcpdump text, as the fixture README lists them), checked against the raw lines themselves: every VIP move lands
 * within 2 ms of the host's own line, and the failovers, the split brain and the black hole are those the
 * recording shows.
 */
class RealLabIncidentTest {
    private static final String[] ALL = {"keepalived-db1.log", "keepalived-db2.log", "mon-db1.log", "mon-db2.log", "tcpdump-br0.txt"};

    @Test
    void s1KeepalivedStopAndStartFailsOverAndBackWithoutSplitBrain() throws Exception {
        Incident i = ReplayFixtures.run("S1-run1", ALL).build();
        assertVipMovesMatchTheHostsOwnLines(i, "S1-run1");
        List<Failover> f = i.analysis().failovers();
        assertThat(f).extracting(Failover::from, Failover::to).containsExactly(
                org.assertj.core.groups.Tuple.tuple("db1", "db2"), org.assertj.core.groups.Tuple.tuple("db2", "db1"));
        // mon-db1 Deleted 13:28:04.967471, mon-db2 added 13:28:05.613380: 645.909 ms without the VIP
        assertThat(f.get(0).gapUs()).isEqualTo(645_909);
        assertThat(i.analysis().splitBrains()).isEmpty();
        assertThat(Findings.of(i)).isEmpty();
    }

    @Test
    void s2MysqldStopFailsOverOnceAndTheWhyChainRunsFromDb1sStopToDb2sVip() throws Exception {
        Incident i = ReplayFixtures.run("S2-run2", ALL).build();
        assertVipMovesMatchTheHostsOwnLines(i, "S2-run2");
        DrillResult r = i.result("S2");
        assertThat(r.causesInferred()).isTrue();
        List<Failover> f = r.analysis().failovers();
        assertThat(f).hasSize(1);
        List<LabEvent> chain = r.why(f.get(0)).stream().map(l -> l.event()).toList();
        assertThat(chain.get(0).host()).isEqualTo("db1");
        assertThat(chain).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(LabEvent.AdvertSent.class,
                a -> assertThat(a.host() + " " + a.priority()).isEqualTo("db1 0")));
        assertThat(chain.get(chain.size() - 1)).isInstanceOfSatisfying(LabEvent.VipChanged.class,
                v -> assertThat(v.host() + " " + v.added()).isEqualTo("db2 true"));
        assertThat(i.analysis().splitBrains()).isEmpty();
        assertThat(Findings.of(i)).extracting(Finding::kind).doesNotContain("black-hole", "split-brain");
    }

    @Test
    void s3HaproxyKillFailsOverOnceWithTheSkewGap() throws Exception {
        Incident i = ReplayFixtures.run("S3-run1", ALL).build();
        assertVipMovesMatchTheHostsOwnLines(i, "S3-run1");
        List<Failover> f = i.analysis().failovers();
        assertThat(f).hasSize(1);
        // mon-db1 Deleted 13:40:24.254106, mon-db2 added 13:40:25.200016
        assertThat(f.get(0).gapUs()).isEqualTo(945_910);
        assertThat(Findings.of(i)).isEmpty();
    }

    @Test
    void s5VrrpBlockedGivesASplitBrainOf17_4sAndTheBlackHoleWhereDb2LetGoSilently() throws Exception {
        Incident i = ReplayFixtures.run("S5-run3", "keepalived-db2.log", "mon-db2.log", "tcpdump-br0.txt").address("db1", "10.9.8.201").build();
        assertVipMovesMatchTheHostsOwnLines(i, "S5-run3");
        List<Span> split = i.analysis().splitBrains();
        assertThat(split).hasSize(1);
        // mon-db2: added 13:46:50.862149, Deleted 13:47:08.236841 while db1 kept advertising
        assertThat(split.get(0).lengthUs()).isEqualTo(17_374_692);
        assertThat(split.get(0).holders()).containsExactlyInAnyOrder("db1", "db2");
        assertThat(i.analysis().failovers()).isEmpty(); // the VIP came back to where it was
        List<Finding> findings = Findings.of(i);
        assertThat(findings).extracting(Finding::kind).containsExactly("split-brain", "black-hole");
        assertThat(findings.get(0).text().english()).isEqualTo("db2 held the VIP for 17.4 s while db1 still advertised: split brain");
        assertThat(findings.get(1).text().english()).startsWith("db2 released the VIP at 23.0 s without a gratuitous ARP from db1");
        assertThat(findings.get(1).text().render(java.util.Locale.SIMPLIFIED_CHINESE)).contains("免费 ARP").contains("db2");
    }

    @Test
    void s6KeepalivedKilledKeepsTheVipOnDb1SplitBrainUntilItsRestartButNoBlackHole() throws Exception {
        Incident i = ReplayFixtures.run("S6-run1", ALL).build();
        assertVipMovesMatchTheHostsOwnLines(i, "S6-run1");
        List<Span> split = i.analysis().splitBrains();
        assertThat(split).hasSize(1);
        // mon-db2 added 13:37:49.028000; mon-db1 Deleted 13:38:11.421932 as keepalived starts again on db1
        assertThat(split.get(0).lengthUs()).isEqualTo(22_393_932);
        assertThat(i.analysis().failovers()).hasSize(2);
        List<Finding> findings = Findings.of(i);
        assertThat(findings).extracting(Finding::kind).containsExactly("split-brain");
        // a SIGKILLed keepalived sends nothing: db1 held the VIP, it did not advertise
        assertThat(findings.get(0).text().english()).isEqualTo("db2 held the VIP for 22.4 s while db1 still had it (no removal seen): split brain");
    }

    @Test
    void theCapturesAddressesAreNamedFromTheLogsAndTheSameClockGivesNoCorrection() throws Exception {
        Incident i = ReplayFixtures.run("S2-run2", ALL).build();
        assertThat(i.wireAdverts()).extracting(LabEvent.AdvertSent::host).containsOnly("db1", "db2");
        // one machine, one clock: the estimates are a few ms of keepalived's logging delay, inside their uncertainty
        for (ClockOffset c : i.offsets().values()) {
            assertThat(c.pairs()).isGreaterThan(0);
            assertThat(Math.abs(c.offsetUs())).isLessThan(c.uncertaintyUs());
            assertThat(c.applied()).isFalse();
        }
    }

    /** Every VIP change replayed for a host is at the time its own ip monitor line says, within 2 ms. */
    static void assertVipMovesMatchTheHostsOwnLines(Incident i, String run) {
        for (String host : List.of("db1", "db2")) {
            String path = run + "/mon-" + host + ".log";
            if (ReplayFixtures.class.getResource(ReplayFixtures.DIR + path) == null) continue;
            List<long[]> raw = rawMoves(new String(ReplayFixtures.bytes(path), StandardCharsets.UTF_8));
            List<LabEvent.VipChanged> replayed = new ArrayList<>();
            for (LabEvent e : i.events()) {
                if (e instanceof LabEvent.VipChanged v && v.host().equals(host) && v.reason().code() != Reason.Code.AT_ZERO) replayed.add(v);
            }
            assertThat(replayed).as(host + " in " + run).hasSameSizeAs(raw);
            for (int k = 0; k < raw.size(); k++) {
                assertThat(replayed.get(k).added()).isEqualTo(raw.get(k)[1] == 1);
                assertThat(Math.abs(replayed.get(k).timeUs() + i.startEpochUs() - raw.get(k)[0])).as(host + " move " + k).isLessThanOrEqualTo(2_000);
            }
        }
    }

    /** The test's own reading of "[2026-11-25T13:28:04.967471] Deleted 2: eth0 inet 10.9.8.120/32": epoch µs and 1 for added. */
    private static List<long[]> rawMoves(String text) {
        List<long[]> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.startsWith("[") || !line.contains("10.9.8.120/")) continue;
            LocalDateTime t = LocalDateTime.parse(line.substring(1, line.indexOf(']')));
            long us = t.toEpochSecond(ZoneOffset.UTC) * 1_000_000 + t.getNano() / 1000;
            out.add(new long[]{us, line.contains("] Deleted ") ? 0 : 1});
        }
        return out;
    }
}
