package org.viplab.replay.capture;

import org.viplab.replay.IncidentException;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code tcpdump -w} files in pure Java, both formats: classic pcap (magic {@code a1b2c3d4} with
 * microseconds or {@code a1b23c4d} with nanoseconds, in either byte order) and pcapng (section header blocks
 * with their own byte order, interface description blocks with {@code if_tsresol}, enhanced packet blocks; other
 * blocks are skipped). No libpcap: a capture is evidence carried from another machine, read where it lands.
 * Sizes are bounded so that a damaged or hostile file fails with the offset of what is wrong.
 */
public final class CaptureReader {
    /** More frames than a VRRP/ARP capture of an incident needs; a bigger file is filtered first. */
    public static final int MAX_PACKETS = 2_000_000;
    private static final int MAX_FRAME = 262_144;
    private static final int PCAPNG_SHB = 0x0A0D0D0A;
    private static final int PCAPNG_BOM = 0x1A2B3C4D;

    private CaptureReader() { }

    /** True when {@code head} starts like a pcap or pcapng file. */
    public static boolean looksLikeCapture(byte[] head) {
        if (head.length < 4) return false;
        int be = ByteBuffer.wrap(head, 0, 4).order(ByteOrder.BIG_ENDIAN).getInt();
        int le = ByteBuffer.wrap(head, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        return be == PCAPNG_SHB || isPcapMagic(be) || isPcapMagic(le);
    }

    private static boolean isPcapMagic(int m) { return m == 0xA1B2C3D4 || m == 0xA1B23C4D; }

    /** @param name the file's name, for messages */
    public static List<Packet> read(String name, byte[] bytes) throws IncidentException {
        if (!looksLikeCapture(bytes)) throw at(name, 0, "not a pcap or pcapng capture (unknown magic number)");
        int be = ByteBuffer.wrap(bytes, 0, 4).order(ByteOrder.BIG_ENDIAN).getInt();
        return be == PCAPNG_SHB ? pcapng(name, bytes) : pcap(name, bytes);
    }

    private static List<Packet> pcap(String name, byte[] bytes) throws IncidentException {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
        if (!isPcapMagic(b.getInt(0))) b.order(ByteOrder.LITTLE_ENDIAN);
        boolean nanos = b.getInt(0) == 0xA1B23C4D;
        if (bytes.length < 24) throw at(name, 0, "pcap global header cut short (" + bytes.length + " of 24 bytes)");
        int linkType = b.getInt(20) & 0x0FFFFFFF; // the top bits may carry an FCS length
        List<Packet> out = new ArrayList<>();
        int pos = 24;
        while (pos < bytes.length) {
            if (bytes.length - pos < 16) throw at(name, pos, "packet record header cut short");
            long sec = Integer.toUnsignedLong(b.getInt(pos));
            long frac = Integer.toUnsignedLong(b.getInt(pos + 4));
            int incl = b.getInt(pos + 8);
            if (incl < 0 || incl > MAX_FRAME) throw at(name, pos, "packet length " + Integer.toUnsignedString(incl) + " out of range 0.." + MAX_FRAME);
            if (bytes.length - pos - 16 < incl) throw at(name, pos, "packet data cut short (" + incl + " bytes announced)");
            if (nanos ? frac >= 1_000_000_000L : frac >= 1_000_000L) throw at(name, pos, "timestamp fraction " + frac + " out of range");
            long us = sec * 1_000_000 + (nanos ? frac / 1000 : frac);
            byte[] data = java.util.Arrays.copyOfRange(bytes, pos + 16, pos + 16 + incl);
            add(name, out, new Packet(us, linkType, data, pos));
            pos += 16 + incl;
        }
        return out;
    }

    private static List<Packet> pcapng(String name, byte[] bytes) throws IncidentException {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        List<Packet> out = new ArrayList<>();
        List<int[]> ifaces = new ArrayList<>(); // per interface: link type
        List<long[]> resolutions = new ArrayList<>(); // per interface: units per second (power of 10 or 2)
        int pos = 0;
        while (pos < bytes.length) {
            if (bytes.length - pos < 12) throw at(name, pos, "pcapng block header cut short");
            int type = b.getInt(pos); // the section header's type reads the same in both byte orders
            if (type == PCAPNG_SHB) {
                // each section states its own byte order
                int bom = b.getInt(pos + 8);
                if (bom == PCAPNG_BOM) b.order(ByteOrder.BIG_ENDIAN);
                else if (Integer.reverseBytes(bom) == PCAPNG_BOM) b.order(ByteOrder.LITTLE_ENDIAN);
                else throw at(name, pos + 8, "pcapng section header with an unknown byte-order magic");
                ifaces.clear();
                resolutions.clear();
            }
            int len = b.getInt(pos + 4);
            if (len < 12 || len % 4 != 0 || len > bytes.length - pos) throw at(name, pos, "pcapng block length " + len + " invalid");
            if (b.getInt(pos + len - 4) != len) throw at(name, pos, "pcapng block's trailing length differs from its leading one");
            if (type == 1) {
                if (len < 20) throw at(name, pos, "interface description block too short");
                ifaces.add(new int[]{Short.toUnsignedInt(b.getShort(pos + 8))});
                resolutions.add(new long[]{tsresol(b, pos + 16, pos + len - 4)});
            } else if (type == 6) {
                if (len < 32) throw at(name, pos, "enhanced packet block too short");
                int iface = b.getInt(pos + 8);
                if (iface < 0 || iface >= ifaces.size()) throw at(name, pos, "packet names interface " + iface + ", which no interface block described");
                long ts = (Integer.toUnsignedLong(b.getInt(pos + 12)) << 32) | Integer.toUnsignedLong(b.getInt(pos + 16));
                int cap = b.getInt(pos + 20);
                if (cap < 0 || cap > MAX_FRAME || cap > len - 32) throw at(name, pos, "captured length " + cap + " does not fit its block");
                long perSecond = resolutions.get(iface)[0];
                long us = perSecond == 1_000_000 ? ts : ts / perSecond * 1_000_000 + (ts % perSecond) * 1_000_000 / perSecond;
                add(name, out, new Packet(us, ifaces.get(iface)[0], java.util.Arrays.copyOfRange(bytes, pos + 28, pos + 28 + cap), pos));
            }
            pos += len;
        }
        return out;
    }

    /** if_tsresol (option 9): 10^-n, or 2^-n when the top bit is set; microseconds when absent. */
    private static long tsresol(ByteBuffer b, int from, int to) {
        int p = from;
        while (p + 4 <= to) {
            int code = Short.toUnsignedInt(b.getShort(p));
            int olen = Short.toUnsignedInt(b.getShort(p + 2));
            if (code == 0) break;
            if (code == 9 && olen >= 1) {
                int v = b.get(p + 4) & 0xFF;
                int n = v & 0x7F;
                if ((v & 0x80) != 0) return n >= 62 ? Long.MAX_VALUE : 1L << n;
                long r = 1;
                for (int i = 0; i < Math.min(n, 18); i++) r *= 10;
                return r;
            }
            p += 4 + (olen + 3) / 4 * 4;
        }
        return 1_000_000;
    }

    private static void add(String name, List<Packet> out, Packet p) throws IncidentException {
        if (out.size() >= MAX_PACKETS) throw at(name, p.offset(), "more than " + MAX_PACKETS + " packets; filter the capture to VRRP and ARP first");
        out.add(p);
    }

    private static IncidentException at(String name, long offset, String what) {
        return new IncidentException(name + ": byte " + offset + ": " + what);
    }
}
