package org.viplab.replay.capture;

import org.junit.jupiter.api.Test;
import org.viplab.replay.IncidentException;

import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CaptureReaderTest {
    /** 2026-11-25 13:31:10.861262 UTC, the priority-0 advert of S2's recording. */
    private static final long T = 1_795_613_470_861_262L;

    private static List<Frames.Frame> ethernetFrames() {
        return List.of(
                new Frames.Frame(T, Frames.ethernet(Frames.DB1_MAC, 0x0800, Frames.vrrp("10.9.8.201", 2, 51, 0, 1))),
                new Frames.Frame(T + 648_630, Frames.ethernet(Frames.DB2_MAC, 0x0806, Frames.arp(Frames.DB2_MAC, "10.9.8.120", "10.9.8.120"))),
                new Frames.Frame(T + 1_000_000, Frames.ethernet(Frames.DB2_MAC, 0x0800, Frames.vrrp("10.9.8.223", 3, 51, 90, 100))));
    }

    private static List<WireFact> facts(byte[] file) throws IncidentException {
        return CaptureReader.read("test.pcap", file).stream().map(FrameDecoder::decode).flatMap(java.util.Optional::stream).toList();
    }

    @Test
    void classicPcapLittleEndianMicrosecondsOnEthernet() throws Exception {
        List<WireFact> f = facts(Frames.pcap(ByteOrder.LITTLE_ENDIAN, false, 1, ethernetFrames()));
        assertThat(f).containsExactly(
                new WireFact.Advert(T, "10.9.8.201", Frames.DB1_MAC, 2, 51, 0, 1_000_000),
                new WireFact.Arp(T + 648_630, Frames.DB2_MAC, "10.9.8.120", "10.9.8.120", false, true),
                // VRRPv3 states its interval in centiseconds: 100 cs = 1 s
                new WireFact.Advert(T + 1_000_000, "10.9.8.223", Frames.DB2_MAC, 3, 51, 90, 1_000_000));
    }

    @Test
    void classicPcapBigEndianNanosecondsOnLinuxCookedCapture() throws Exception {
        List<Frames.Frame> sll = List.of(
                new Frames.Frame(T, Frames.sll(Frames.DB1_MAC, 0x0800, Frames.vrrp("10.9.8.201", 2, 51, 100, 1))),
                new Frames.Frame(T + 5, Frames.sll(Frames.DB2_MAC, 0x0806, Frames.arp(Frames.DB2_MAC, "10.9.8.223", "10.9.8.1"))));
        List<WireFact> f = facts(Frames.pcap(ByteOrder.BIG_ENDIAN, true, 113, sll));
        assertThat(f).containsExactly(
                new WireFact.Advert(T, "10.9.8.201", Frames.DB1_MAC, 2, 51, 100, 1_000_000),
                new WireFact.Arp(T + 5, Frames.DB2_MAC, "10.9.8.223", "10.9.8.1", false, false));
    }

    @Test
    void pcapngWithNanosecondResolutionOnSll2InBothByteOrders() throws Exception {
        List<Frames.Frame> frames = List.of(
                new Frames.Frame(T, Frames.sll2(Frames.DB1_MAC, 0x0800, Frames.vrrp("10.9.8.201", 2, 51, 0, 1))),
                new Frames.Frame(T + 648_630, Frames.sll2(Frames.DB2_MAC, 0x0806, Frames.arp(Frames.DB2_MAC, "10.9.8.120", "10.9.8.120"))));
        for (ByteOrder order : List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)) {
            byte[] file = Frames.pcapng(order, 276, 9, frames);
            assertThat(CaptureReader.looksLikeCapture(file)).isTrue();
            assertThat(facts(file)).as(order.toString()).containsExactly(
                    new WireFact.Advert(T, "10.9.8.201", Frames.DB1_MAC, 2, 51, 0, 1_000_000),
                    new WireFact.Arp(T + 648_630, Frames.DB2_MAC, "10.9.8.120", "10.9.8.120", false, true));
        }
    }

    @Test
    void pcapngWithMicrosecondsOnEthernetKeepsTheTimeToTheMicrosecond() throws Exception {
        List<Packet> p = CaptureReader.read("x.pcapng", Frames.pcapng(ByteOrder.LITTLE_ENDIAN, 1, 6, ethernetFrames()));
        assertThat(p).extracting(Packet::epochUs).containsExactly(T, T + 648_630, T + 1_000_000);
        assertThat(p).extracting(Packet::linkType).containsOnly(1);
    }

    @Test
    void aCutFileNamesTheByteWhereItEnds() {
        byte[] whole = Frames.pcap(ByteOrder.LITTLE_ENDIAN, false, 1, ethernetFrames());
        byte[] cut = Arrays.copyOf(whole, whole.length - 10);
        int lastRecord = 24 + (16 + 54) + (16 + 42);
        assertThatThrownBy(() -> CaptureReader.read("cut.pcap", cut)).isInstanceOf(IncidentException.class)
                .hasMessage("cut.pcap: byte " + lastRecord + ": packet data cut short (54 bytes announced)");
        byte[] ng = Frames.pcapng(ByteOrder.LITTLE_ENDIAN, 1, 6, ethernetFrames());
        ng[28 + 4] = 33; // the interface block's length, no longer a multiple of 4
        assertThatThrownBy(() -> CaptureReader.read("bad.pcapng", ng)).hasMessage("bad.pcapng: byte 28: pcapng block length 33 invalid");
        assertThatThrownBy(() -> CaptureReader.read("notes.txt", "hello world".getBytes()))
                .hasMessage("notes.txt: byte 0: not a pcap or pcapng capture (unknown magic number)");
    }

    @Test
    void framesThatAreNotVrrpOrArpAreSkippedAndShortOnesDoNotBreakTheReader() throws Exception {
        byte[] tcp = Frames.vrrp("10.9.8.201", 2, 51, 100, 1);
        tcp[9] = 6; // TCP, not VRRP
        List<Frames.Frame> frames = List.of(
                new Frames.Frame(T, Frames.ethernet(Frames.DB1_MAC, 0x0800, tcp)),
                new Frames.Frame(T + 1, new byte[]{1, 2, 3}),
                new Frames.Frame(T + 2, Frames.ethernet(Frames.DB1_MAC, 0x86dd, new byte[40])));
        assertThat(facts(Frames.pcap(ByteOrder.LITTLE_ENDIAN, false, 1, frames))).isEmpty();
    }
}
