package org.viplab.replay;

import org.junit.jupiter.api.Test;
import org.viplab.core.timeline.LabEvent;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * S2's keepalived log on db1, rendered by this test into each form people hand over (journald's outputs,
 * rsyslog's, classic syslog, keepalived's own without the lab's ms prefix), gives the same events at the
 * times each form can state.
 */
class LogFormatsTest {
    private static final String RUN = "S2-run2/keepalived-db1.log";

    /** The raw lines: the lab's local ms stamp and keepalived's message after its own "Wed Nov 25 ... 2026: ". */
    private record Raw(LocalDateTime at, String ctime, String message) { }

    private static List<Raw> raw() {
        List<Raw> out = new ArrayList<>();
        for (String line : new String(ReplayFixtures.bytes(RUN), StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) continue;
            int colon = line.indexOf(" 2026: ");
            out.add(new Raw(LocalDateTime.parse(line.substring(0, 23).replace(' ', 'T')), line.substring(24, colon + 5), line.substring(colon + 7)));
        }
        return out;
    }

    private static String render(BiFunction<Raw, Integer, String> form) {
        StringBuilder s = new StringBuilder();
        List<Raw> r = raw();
        for (int i = 0; i < r.size(); i++) s.append(form.apply(r.get(i), i)).append('\n');
        return s.toString();
    }

    private static final DateTimeFormatter ISO_US = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");
    private static final DateTimeFormatter SYSLOG = DateTimeFormatter.ofPattern("MMM dd HH:mm:ss", Locale.ROOT);

    /** The events db1's log gives, keyed by what they say, with their times. */
    private static List<String> events(String content, long resolutionUs) throws Exception {
        Incident i = ReplayFixtures.builder().log("db1", "db1.log", content.getBytes(StandardCharsets.UTF_8)).build();
        List<String> out = new ArrayList<>();
        for (LabEvent e : i.events()) {
            if (e instanceof LabEvent.LogLine) continue;
            long t = (i.startEpochUs() + e.timeUs()) / resolutionUs;
            out.add(t + " " + e.getClass().getSimpleName() + " " + e.toString().replaceAll("timeUs=\\d+, ", ""));
        }
        return out;
    }

    @Test
    void everyFormGivesTheSameEvents() throws Exception {
        List<String> lab = events(new String(ReplayFixtures.bytes(RUN), StandardCharsets.UTF_8), 1000);
        assertThat(lab).anyMatch(s -> s.contains("from=MASTER, to=STOPPED")).anyMatch(s -> s.contains("STOPPING, to=STOPPED"));
        // journalctl -o short-iso-precise (journald keeps microseconds; the lab's ms stamp is the best we have)
        String shortIso = render((r, i) -> r.at().format(ISO_US) + "+0000 db1 Keepalived_vrrp[812]: " + r.message());
        // rsyslog's RFC 3339 high-precision template
        String rfc3339 = render((r, i) -> r.at().format(ISO_US) + "+00:00 db1 Keepalived_vrrp[812]: " + r.message());
        // journalctl -o json: microseconds since the epoch in __REALTIME_TIMESTAMP
        String json = render((r, i) -> "{\"__REALTIME_TIMESTAMP\":\"" + (r.at().toEpochSecond(ZoneOffset.UTC) * 1_000_000 + r.at().getNano() / 1000)
                + "\",\"_HOSTNAME\":\"db1\",\"SYSLOG_IDENTIFIER\":\"Keepalived_vrrp\",\"MESSAGE\":\"" + r.message().replace("\"", "\\\"") + "\"}");
        // journalctl -o short-precise
        String shortPrecise = render((r, i) -> r.at().format(SYSLOG) + "." + String.format("%06d", r.at().getNano() / 1000) + " db1 Keepalived_vrrp[812]: " + r.message());
        for (String form : List.of(shortIso, rfc3339, json, shortPrecise)) assertThat(events(form, 1000)).isEqualTo(lab);
        // whole seconds: classic RFC 3164 syslog (no year: the builder takes it from the other evidence or today)
        // and keepalived's own -l -D prefix without the lab's wrapper
        List<String> bySecond = events(new String(ReplayFixtures.bytes(RUN), StandardCharsets.UTF_8), 1_000_000);
        String rfc3164 = render((r, i) -> r.at().format(SYSLOG) + " db1 Keepalived_vrrp[812]: " + r.message());
        String own = render((r, i) -> r.ctime() + ": " + r.message());
        assertThat(events(own, 1_000_000)).isEqualTo(bySecond);
        IncidentBuilder withYear = ReplayFixtures.builder().log("db1", "syslog", rfc3164.getBytes(StandardCharsets.UTF_8))
                .log("db1", "mon-db1.log", ReplayFixtures.bytes("S2-run2/mon-db1.log"));
        assertThat(withYear.build().startEpochUs() / 1_000_000).isEqualTo(raw().get(0).at().toEpochSecond(ZoneOffset.UTC));
    }

    @Test
    void keepalived1xWordingGivesTheSameStates() throws Exception {
        String v2 = new String(ReplayFixtures.bytes("S2-run2/keepalived-db2.log"), StandardCharsets.UTF_8);
        String v1 = v2.replace(": (VI_1) ", ": VRRP_Instance(VI_1) ");
        Incident a = ReplayFixtures.builder().log("db2", "v2", v2.getBytes(StandardCharsets.UTF_8)).build();
        Incident b = ReplayFixtures.builder().log("db2", "v1", v1.getBytes(StandardCharsets.UTF_8)).build();
        assertThat(b.events().stream().filter(e -> e instanceof LabEvent.VrrpStateChanged).toList())
                .isEqualTo(a.events().stream().filter(e -> e instanceof LabEvent.VrrpStateChanged).toList()).isNotEmpty();
    }

    @Test
    void whatCannotBeReadIsNamedByFileAndLine() {
        byte[] noStamp = "Keepalived_vrrp: (VI_1) Entering MASTER STATE\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ReplayFixtures.builder().log("db1", "db1.log", noStamp).build())
                .isInstanceOf(IncidentException.class).hasMessageStartingWith("db1.log:1: no timestamp VIP Lab can read at the start of \"Keepalived_vrrp: (VI_1)");
        byte[] badJson = "{\"__REALTIME_TIMESTAMP\":\"1795613470861262\",\"MESSAGE\":\"(VI_1) sent 0 priority\"}\n{\"MESSAGE\":\"x\"}\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ReplayFixtures.builder().log("db1", "journal.json", badJson).build())
                .hasMessage("journal.json:2: __REALTIME_TIMESTAMP missing or not a number of microseconds");
        byte[] unrelated = "2026-11-25 13:31:10.859 something else entirely\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ReplayFixtures.builder().log("db1", "other.log", unrelated).build())
                .hasMessage("other.log:1: no line of keepalived, haproxy, MariaDB, ip -ts monitor or tcpdump that VIP Lab reads");
        byte[] binary = {0x4d, 0x5a, (byte) 0xff, (byte) 0xfe, 0x00};
        assertThatThrownBy(() -> ReplayFixtures.builder().log("db1", "a.out", binary).build()).hasMessageContaining("a.out").hasMessageContaining("not UTF-8");
        byte[] pcap = org.viplab.replay.capture.Frames.pcap(java.nio.ByteOrder.LITTLE_ENDIAN, false, 1, List.of());
        assertThatThrownBy(() -> ReplayFixtures.builder().log("db1", "c.pcap", pcap).build()).hasMessage("c.pcap: a packet capture; give it with --capture");
    }
}
