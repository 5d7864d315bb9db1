package org.viplab.replay.capture;

/** What a captured frame says about the cluster: a VRRP advertisement or an ARP packet. */
public sealed interface WireFact {
    long epochUs();

    /** @param intervalUs the advertised interval (v2 in seconds, v3 in centiseconds), in microseconds */
    record Advert(long epochUs, String sourceIp, String sourceMac, int version, int vrid, int priority, long intervalUs) implements WireFact { }

    /** @param gratuitous sender and target address are the same (how keepalived announces a VIP) */
    record Arp(long epochUs, String senderMac, String senderIp, String targetIp, boolean reply, boolean gratuitous) implements WireFact { }
}
