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
 * S2 with db2's clock set 35 ms fast: the test rewrites every stamp of db2's files (keepalived's lab ms stamp,
 * ip monitor's µs stamp) +35 ms. The capture's clock is untouched, so db2's MASTER line against its first advert
 * shows the offset, and the replay puts db2's events back where they were.
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
    void db2s35msFastClockIsEstimatedWithItsUncertaintyAndCorrected() throws Exception {
        Incident i = s2(Map.of()).build();
        ClockOffset db2 = i.offsets().get("db2");
        // the unshifted run's estimate is +0.722 ms (keepalived's line a little after its advert)
        assertThat(db2.offsetUs()).isEqualTo(SHIFT_US + 722);
        assertThat(db2.uncertaintyUs()).isEqualTo(ClockOffsets.LOG_LATENCY_US + 1_000);
        assertThat(db2.applied()).isTrue();
        assertThat(i.offsets().get("db1").applied()).isFalse();
        // mon-db2 said 13:31:11.509892 on the true clock; corrected, the replay is within the estimate's 0.7 ms of it
        long truth = LocalDateTime.parse("2026-11-25T13:31:11.509892").toEpochSecond(ZoneOffset.UTC) * 1_000_000 + 509_892;
        assertThat(Math.abs(vipAddedOnDb2(i) - truth)).isLessThanOrEqualTo(1_000);
        assertThat(i.analysis().failovers()).hasSize(1);
        assertThat(i.analysis().failovers().get(0).gapUs()).isBetween(646_000L, 649_000L);
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
