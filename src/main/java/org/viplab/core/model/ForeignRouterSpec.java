package org.viplab.core.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A VRRP router of another cluster on the same segment (not one of the topology's nodes): it only sends adverts,
 * every {@link #advertInt} seconds from {@link #fromSec} on, to the multicast group, so every node's instance with
 * the same VRID hears them. What keepalived 2.2.7 then does is {@code engine.sim.ForeignRouter}'s.
 */
public class ForeignRouterSpec {
    /** Its source address. */
    public String ip = "10.9.8.77";
    public int vrid = 51;
    public int priority = 100;
    /** Seconds between its adverts (VRRPv2 carries whole seconds). */
    public double advertInt = 1;
    /** The VIPs it advertises: another cluster's own, or a copy of ours (a cloned VM). */
    public List<String> vips = new ArrayList<>();
    /** Its {@code auth_pass}; null or blank: no authentication block. */
    public String authPass = "1111";
    /** When it starts advertising, in drill seconds (0: already there). */
    public double fromSec;

    /**
     * An address for a new foreign router on the nodes' /24 (10.9.8.0/24 as the presets' segment): the first from
     * .77 up that no node, the VIP, the client or another foreign router has, since a router with a node's address
     * is refused ({@link TopologyJson#problems}).
     */
    public static String freeAddress(Topology t) {
        Set<String> used = new HashSet<>();
        String net = "10.9.8.";
        for (NodeSpec n : t.nodes) {
            if (n == null) continue;
            used.add(n.ip);
            if (n == t.nodes.get(0) && n.ip != null && n.ip.matches("\\d+\\.\\d+\\.\\d+\\.\\d+")) net = n.ip.substring(0, n.ip.lastIndexOf('.') + 1);
        }
        used.add(t.vip);
        used.add(t.clientIp);
        if (t.foreignRouters != null) for (ForeignRouterSpec f : t.foreignRouters) if (f != null) used.add(f.ip);
        for (int i = 77; i < 255; i++) if (!used.contains(net + i)) return net + i;
        for (int i = 2; i < 77; i++) if (!used.contains(net + i)) return net + i;
        return net + "254";
    }
}
