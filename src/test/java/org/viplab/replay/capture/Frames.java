package org.viplab.replay.capture;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/** Frames and capture files built byte by byte, as tcpdump would write them (the layouts of pcap(5) and the pcapng draft). */
public final class Frames {
    public static final String DB1_MAC = "16:90:de:f4:19:3b";
    public static final String DB2_MAC = "62:d9:ea:3a:c4:9c";

    private Frames() { }

    /** An IPv4 VRRP advertisement (v2: interval in seconds; v3: in centiseconds) from {@code src}, VIP 10.9.8.120. */
    public static byte[] vrrp(String src, int version, int vrid, int priority, int interval) {
        ByteBuffer b = ByteBuffer.allocate(40);
        b.put(new byte[]{0x45, (byte) 0xc0, 0x00, 0x28, 0, 0, 0, 0, (byte) 0xff, 112, 0, 0});
        b.put(ip(src)).put(ip("224.0.0.18"));
        b.put((byte) (version << 4 | 1)).put((byte) vrid).put((byte) priority).put((byte) 1);
        if (version == 2) b.put((byte) 1).put((byte) interval);
        else b.putShort((short) (interval & 0x0fff));
        b.putShort((short) 0).put(ip("10.9.8.120"));
        return b.array();
    }

    /** An ARP request for {@code target} from {@code senderMac}/{@code senderIp} (gratuitous when the two addresses match). */
    public static byte[] arp(String senderMac, String senderIp, String target) {
        ByteBuffer b = ByteBuffer.allocate(28);
        b.putShort((short) 1).putShort((short) 0x0800).put((byte) 6).put((byte) 4).putShort((short) 1);
        b.put(mac(senderMac)).put(ip(senderIp)).put(new byte[6]).put(ip(target));
        return b.array();
    }

    public static byte[] ethernet(String srcMac, int etherType, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(14 + payload.length);
        b.put(mac("01:00:5e:00:00:12")).put(mac(srcMac)).putShort((short) etherType).put(payload);
        return b.array();
    }

    /** Linux cooked capture v1: packet type, ARPHRD_ETHER, address length 6, address padded to 8, protocol. */
    public static byte[] sll(String srcMac, int etherType, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(16 + payload.length);
        b.putShort((short) 4).putShort((short) 1).putShort((short) 6).put(mac(srcMac)).put(new byte[2]).putShort((short) etherType).put(payload);
        return b.array();
    }

    /** Linux cooked capture v2: protocol, reserved, ifindex, ARPHRD_ETHER, packet type, address length, address. */
    public static byte[] sll2(String srcMac, int etherType, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(20 + payload.length);
        b.putShort((short) etherType).putShort((short) 0).putInt(2).putShort((short) 1).put((byte) 4).put((byte) 6)
                .put(mac(srcMac)).put(new byte[2]).put(payload);
        return b.array();
    }

    public record Frame(long epochUs, byte[] data) { }

    /** Classic pcap: microsecond or nanosecond magic, in {@code order}. */
    public static byte[] pcap(ByteOrder order, boolean nanos, int linkType, List<Frame> frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer h = ByteBuffer.allocate(24).order(order);
        h.putInt(nanos ? 0xa1b23c4d : 0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(262144).putInt(linkType);
        out.writeBytes(h.array());
        for (Frame f : frames) {
            ByteBuffer r = ByteBuffer.allocate(16).order(order);
            long frac = nanos ? f.epochUs() % 1_000_000 * 1000 : f.epochUs() % 1_000_000;
            r.putInt((int) (f.epochUs() / 1_000_000)).putInt((int) frac).putInt(f.data().length).putInt(f.data().length);
            out.writeBytes(r.array());
            out.writeBytes(f.data());
        }
        return out.toByteArray();
    }

    /** pcapng: a section header, one interface (with if_tsresol = 10^-{@code tsresol}) and an enhanced packet block per frame. */
    public static byte[] pcapng(ByteOrder order, int linkType, int tsresol, List<Frame> frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer shb = ByteBuffer.allocate(28).order(order);
        shb.putInt(0x0A0D0D0A).putInt(28).putInt(0x1A2B3C4D).putShort((short) 1).putShort((short) 0).putLong(-1).putInt(28);
        out.writeBytes(shb.array());
        ByteBuffer idb = ByteBuffer.allocate(32).order(order);
        idb.putInt(1).putInt(32).putShort((short) linkType).putShort((short) 0).putInt(262144)
                .putShort((short) 9).putShort((short) 1).put((byte) tsresol).put(new byte[3]).putInt(0).putInt(32);
        out.writeBytes(idb.array());
        long perUs = 1;
        for (int i = 6; i < tsresol; i++) perUs *= 10;
        for (Frame f : frames) {
            int padded = (f.data().length + 3) / 4 * 4;
            int len = 32 + padded;
            ByteBuffer epb = ByteBuffer.allocate(len).order(order);
            long ts = f.epochUs() * perUs;
            epb.putInt(6).putInt(len).putInt(0).putInt((int) (ts >>> 32)).putInt((int) ts).putInt(f.data().length).putInt(f.data().length)
                    .put(f.data()).put(new byte[padded - f.data().length]).putInt(len);
            out.writeBytes(epb.array());
        }
        return out.toByteArray();
    }

    public static byte[] ip(String a) {
        String[] p = a.split("\\.");
        return new byte[]{(byte) Integer.parseInt(p[0]), (byte) Integer.parseInt(p[1]), (byte) Integer.parseInt(p[2]), (byte) Integer.parseInt(p[3])};
    }

    public static byte[] mac(String m) {
        String[] p = m.split(":");
        byte[] b = new byte[6];
        for (int i = 0; i < 6; i++) b[i] = (byte) Integer.parseInt(p[i], 16);
        return b;
    }
}
