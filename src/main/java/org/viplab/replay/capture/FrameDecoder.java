package org.viplab.replay.capture;

import java.util.Optional;

/**
 * Finds VRRP adverts and ARP packets in captured frames: Ethernet (with one 802.1Q tag), Linux cooked
 * capture v1 (SLL, {@code tcpdump -i any} before libpcap 1.10) and v2 (SLL2), and raw IP. Anything else is
 * not evidence about the VIP and is skipped. Every read is bounds-checked: a short frame is skipped, not a crash.
 */
public final class FrameDecoder {
    private static final int ETHERTYPE_IPV4 = 0x0800;
    private static final int ETHERTYPE_ARP = 0x0806;
    private static final int ETHERTYPE_VLAN = 0x8100;
    private static final int PROTO_VRRP = 112;

    private FrameDecoder() { }

    public static Optional<WireFact> decode(Packet p) {
        byte[] d = p.data();
        int etherType;
        int payload;
        String mac;
        switch (p.linkType()) {
            case 1 -> { // Ethernet: dst 6, src 6, type 2
                if (d.length < 14) return Optional.empty();
                mac = mac(d, 6, 6);
                etherType = u16(d, 12);
                payload = 14;
                if (etherType == ETHERTYPE_VLAN && d.length >= 18) {
                    etherType = u16(d, 16);
                    payload = 18;
                }
            }
            case 113 -> { // SLL: packet type 2, ARPHRD 2, address length 2, address 8, protocol 2
                if (d.length < 16) return Optional.empty();
                mac = mac(d, 6, Math.min(8, u16(d, 4)));
                etherType = u16(d, 14);
                payload = 16;
            }
            case 276 -> { // SLL2: protocol 2, reserved 2, ifindex 4, ARPHRD 2, packet type 1, address length 1, address 8
                if (d.length < 20) return Optional.empty();
                etherType = u16(d, 0);
                mac = mac(d, 12, Math.min(8, d[11] & 0xFF));
                payload = 20;
            }
            case 101, 12, 228 -> { // raw IPv4
                mac = "";
                etherType = ETHERTYPE_IPV4;
                payload = 0;
            }
            default -> { return Optional.empty(); }
        }
        if (etherType == ETHERTYPE_IPV4) return vrrp(p.epochUs(), d, payload, mac);
        if (etherType == ETHERTYPE_ARP) return arp(p.epochUs(), d, payload);
        return Optional.empty();
    }

    private static Optional<WireFact> vrrp(long t, byte[] d, int ip, String mac) {
        if (d.length < ip + 20 || (d[ip] & 0xF0) != 0x40 || (d[ip + 9] & 0xFF) != PROTO_VRRP) return Optional.empty();
        int ihl = (d[ip] & 0x0F) * 4;
        int v = ip + ihl;
        if (ihl < 20 || d.length < v + 8) return Optional.empty();
        int version = (d[v] & 0xF0) >> 4;
        int type = d[v] & 0x0F;
        if (type != 1 || version != 2 && version != 3) return Optional.empty();
        long interval = version == 2 ? (d[v + 5] & 0xFF) * 1_000_000L : (u16(d, v + 4) & 0x0FFF) * 10_000L;
        String src = ip4(d, ip + 12);
        return Optional.of(new WireFact.Advert(t, src, mac, version, d[v + 1] & 0xFF, d[v + 2] & 0xFF, interval));
    }

    private static Optional<WireFact> arp(long t, byte[] d, int a) {
        // Ethernet/IPv4 ARP only: hardware length 6, protocol length 4
        if (d.length < a + 28 || (d[a + 4] & 0xFF) != 6 || (d[a + 5] & 0xFF) != 4) return Optional.empty();
        int op = u16(d, a + 6);
        String spa = ip4(d, a + 14);
        String tpa = ip4(d, a + 24);
        return Optional.of(new WireFact.Arp(t, mac(d, a + 8, 6), spa, tpa, op == 2, spa.equals(tpa)));
    }

    private static int u16(byte[] d, int i) { return (d[i] & 0xFF) << 8 | d[i + 1] & 0xFF; }

    private static String ip4(byte[] d, int i) {
        return (d[i] & 0xFF) + "." + (d[i + 1] & 0xFF) + "." + (d[i + 2] & 0xFF) + "." + (d[i + 3] & 0xFF);
    }

    private static String mac(byte[] d, int i, int n) {
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < n && i + k < d.length; k++) {
            if (k > 0) s.append(':');
            s.append(String.format("%02x", d[i + k] & 0xFF));
        }
        return s.toString();
    }
}
