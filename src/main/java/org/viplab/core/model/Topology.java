package org.viplab.core.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything a simulation needs: the nodes (2 to 5), the VIP, the client and the timing knobs that are not
 * part of any config file. Serialised as the topology JSON (see README) by {@link TopologyJson}.
 */
public class Topology {
    public String name = "custom";
    public String description;
    public Mode mode = Mode.DB_TRACKING;
    public Flavour flavour = Flavour.DUAL_MASTER;
    public String vip = "10.9.8.120";
    /** Null: the mode's port (3306 or 6039). */
    public Integer clientPort;
    public String clientIp = "10.9.8.1";
    public long probeIntervalMs = 100;
    public long probeTimeoutMs = 1000;
    /** The client writes a row with each probe (an INSERT) instead of only reading: shows replication and quorum. */
    public boolean clientWrites;
    /** keepalived version whose behaviour is modelled ("2.2.7"); affects VRID clash handling and log format. */
    public String keepalivedVersion = "2.2.7";
    /** Base of Linux's randomised ARP reachable time (base_reachable_time_ms). */
    public long arpBaseReachableMs = 30_000;
    /** The database cluster's timers and modes (Galera/PXC, Group Replication). */
    public ClusterSpec cluster = new ClusterSpec();
    /** 2 to 5 nodes ({@link Limits#MIN_NODES}..{@link Limits#MAX_NODES}). */
    public List<NodeSpec> nodes = new ArrayList<>();
    /** Other clusters' VRRP routers on the segment (a VRID clash); null by default, so older files read the same. */
    public List<ForeignRouterSpec> foreignRouters;

    public int effectiveClientPort() { return clientPort != null ? clientPort : mode.defaultClientPort(); }

    public NodeSpec node(String name) {
        for (NodeSpec n : nodes) if (n.name.equals(name)) return n;
        return null;
    }

    public List<String> nodeNames() { return nodes.stream().map(n -> n.name).toList(); }
}
