package org.viplab.replay;

import org.junit.jupiter.api.Test;
import org.viplab.core.timeline.Failover;
import org.viplab.core.timeline.LabEvent;
import org.viplab.replay.capture.Frames;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * S2's bridge capture written out as the pcapng {@code tcpdump -w} would have given (each text line one frame,
 * byte for byte; the gratuitous ARPs carry db2's MAC, the only host that took the VIP in that run): the replay
 * reads the same incident from it as from the text, and names the ARPs' sender by MAC.
 */
class PcapIncidentTest {
    private static final Pattern ADVERT = Pattern.compile("^(\\S+ \\S+) IP (\\S+) > \\S+: VRRPv2, Advertisement, vrid (\\d+), prio (\\d+)");
    private static final Pattern GARP = Pattern.compile("^(\\S+ \\S+) ARP, Request who-has (\\S+) \\(\\S+\\) tell \\2,");

    @Test
    void s2FromAPcapngIsTheSameIncidentAsFromTheText() throws Exception {
        String[] logs = {"keepalived-db1.log", "keepalived-db2.log", "mon-db1.log", "mon-db2.log"};
        IncidentBuilder fromPcap = ReplayFixtures.run("S2-run2", logs);
        fromPcap.capture("S2.pcapng", Frames.pcapng(ByteOrder.LITTLE_ENDIAN, 1, 6, frames("S2-run2/tcpdump-br0.txt")));
        Incident pcap = fromPcap.build();
        IncidentBuilder fromText = ReplayFixtures.run("S2-run2", logs);
        fromText.capture("tcpdump-br0.txt", ReplayFixtures.bytes("S2-run2/tcpdump-br0.txt"));
        Incident text = fromText.build();

        assertThat(pcap.analysis().failovers()).isEqualTo(text.analysis().failovers());
        assertThat(pcap.startEpochUs()).isEqualTo(text.startEpochUs());
        Failover f = pcap.analysis().failovers().get(0);
        assertThat(pcap.result("p").why(f)).extracting(l -> l.event().toString())
                .isEqualTo(text.result("t").why(f).stream().map(l -> l.event().toString()).toList());
        assertThat(pcap.wireGarps()).isNotEmpty().extracting(LabEvent.GarpSent::host).containsOnly("db2");
        assertThat(pcap.offsets().get("db1").pairs()).isEqualTo(text.offsets().get("db1").pairs()).isPositive();
    }

    private static List<Frames.Frame> frames(String path) {
        List<Frames.Frame> out = new ArrayList<>();
        for (String line : new String(ReplayFixtures.bytes(path), StandardCharsets.UTF_8).split("\n")) {
            Matcher a = ADVERT.matcher(line);
            Matcher g = GARP.matcher(line);
            if (a.find()) {
                String mac = a.group(2).equals("10.9.8.201") ? Frames.DB1_MAC : Frames.DB2_MAC;
                out.add(new Frames.Frame(us(a.group(1)), Frames.ethernet(mac, 0x0800,
                        Frames.vrrp(a.group(2), 2, Integer.parseInt(a.group(3)), Integer.parseInt(a.group(4)), 1))));
            } else if (g.find()) {
                out.add(new Frames.Frame(us(g.group(1)), Frames.ethernet(Frames.DB2_MAC, 0x0806, Frames.arp(Frames.DB2_MAC, g.group(2), g.group(2)))));
            }
        }
        return out;
    }

    private static long us(String stamp) {
        LocalDateTime t = LocalDateTime.parse(stamp.replace(' ', 'T'));
        return t.toEpochSecond(ZoneOffset.UTC) * 1_000_000 + t.getNano() / 1000;
    }
}
