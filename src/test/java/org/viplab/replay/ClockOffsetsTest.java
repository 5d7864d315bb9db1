package org.viplab.replay;

import org.junit.jupiter.api.Test;
import org.viplab.core.timeline.LabEvent;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A host's clock set 35 ms fast: the test rewrites every stamp of its files (keepalived's lab ms stamp, ip
 * monitor's µs stamp) +35 ms. The capture's clock is untouched, so the host's own acts against their packets show
 * the offset. S1's db1 has two such acts (priority 0 at its stop, MASTER at its restart): corrected. S2's db2 has
 * one (its MASTER line), which cannot tell an offset from the log's delay: shown, not applied.
 */
class ClockOffsetsTest {
    private static final long SHIFT_US = 35_000;
    private static final DateTimeFormatter MS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private static final DateTimeFormatter US = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");

    private static byte[] shifted(String path) {
        StringBuilder out = new StringBuilder();
        for (String line : new String(ReplayFixtures.bytes(path), StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith("[")) {
                LocalDateTime t = LocalDateTime.parse(line.substring(1, 27)).plusNanos(SHIFT_US * 1000);
                out.append('[').append(t.format(US)).append(line.substring(27));
            } else if (line.matches("^\\d{4}-\\d{2}-\\d{2} .*")) {
                LocalDateTime t = LocalDateTime.parse(line.substring(0, 23).replace(' ', 'T')).plusNanos(SHIFT_US * 1000);
                out.append(t.format(MS)).append(line.substring(23));
            } else {
                out.append(line);
            }
            out.append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static IncidentBuilder s2(Map<String, Long> given) {
        IncidentBuilder b = new IncidentBuilder(ZoneOffset.UTC, given, null);
        for (String f : List.of("keepalived-db1.log", "mon-db1.log")) b.log("db1", f, ReplayFixtures.bytes("S2-run2/" + f));
        for (String f : List.of("keepalived-db2.log", "mon-db2.log")) b.log("db2", f, shifted("S2-run2/" + f));
        return b.capture("tcpdump-br0.txt", ReplayFixtures.bytes("S2-run2/tcpdump-br0.txt"));
    }

    private static long vipAddedOnDb2(Incident i) {
        return i.events().stream().filter(e -> e instanceof LabEvent.VipChanged v && v.host().equals("db2") && v.added())
                .mapToLong(e -> i.startEpochUs() + e.timeUs()).findFirst().orElseThrow();
    }

    @Test
    void db1s35msFastClockIsEstimatedFromTwoActsWithItsUncertaintyAndCorrected() throws Exception {
        IncidentBuilder b = new IncidentBuilder(ZoneOffset.UTC, Map.of(), null);
        for (String f : List.of("keepalived-db1.log", "mon-db1.log")) b.log("db1", f, shifted("S1-run1/" + f));
        for (String f : List.of("keepalived-db2.log", "mon-db2.log")) b.log("db2", f, ReplayFixtures.bytes("S1-run1/" + f));
        Incident i = b.capture("tcpdump-br0.txt", ReplayFixtures.bytes("S1-run1/tcpdump-br0.txt")).build();
        ClockOffset db1 = i.offsets().get("db1");
        // unshifted, db1's promptest line is 0.697 ms *before* its packet by the ms stamp's truncation
        assertThat(db1.offsetUs()).isEqualTo(SHIFT_US - 697);
        assertThat(db1.pairs()).isEqualTo(2);
        assertThat(db1.applied()).isTrue();
        assertThat(i.offsets().get("db2").applied()).isFalse();
        // mon-db1 said Deleted at 13:28:04.967471 on the true clock; corrected, the replay is within 1 ms of it
        long truth = LocalDateTime.parse("2026-11-25T13:28:04").toEpochSecond(ZoneOffset.UTC) * 1_000_000 + 967_471;
        long removed = i.events().stream().filter(e -> e instanceof LabEvent.VipChanged v && v.host().equals("db1") && !v.added()
                && v.timeUs() > 0).mapToLong(e -> i.startEpochUs() + e.timeUs()).findFirst().orElseThrow();
        assertThat(Math.abs(removed - truth)).isLessThanOrEqualTo(1_000);
        assertThat(i.analysis().failovers().get(0).gapUs()).isBetween(645_000L, 647_000L);
    }

    @Test
    void oneActAloneIsShownButNotApplied() throws Exception {
        ClockOffset db2 = s2(Map.of()).build().offsets().get("db2");
        // the unshifted run's pair is +0.722 ms (keepalived's line a little after its advert)
        assertThat(db2.offsetUs()).isEqualTo(SHIFT_US + 722);
        assertThat(db2.uncertaintyUs()).isEqualTo(ClockOffsets.LOG_LATENCY_US + 1_000);
        assertThat(db2.pairs()).isEqualTo(1);
        assertThat(db2.applied()).isFalse();
    }

    @Test
    void aGivenOffsetWinsOverTheEstimate() throws Exception {
        Incident i = s2(Map.of("db2", SHIFT_US)).build();
        ClockOffset db2 = i.offsets().get("db2");
        assertThat(db2.given()).isTrue();
        assertThat(db2.offsetUs()).isEqualTo(SHIFT_US);
        long truth = LocalDateTime.parse("2026-11-25T13:31:11.509892").toEpochSecond(ZoneOffset.UTC) * 1_000_000 + 509_892;
        assertThat(vipAddedOnDb2(i)).isEqualTo(truth);
    }

    @Test
    void withoutACaptureNoOffsetIsClaimed() throws Exception {
        Incident i = ReplayFixtures.run("S2-run2", "keepalived-db1.log", "keepalived-db2.log").build();
        assertThat(i.offsets().values()).allSatisfy(c -> {
            assertThat(c.known()).isFalse();
            assertThat(c.applied()).isFalse();
        });
    }
}
