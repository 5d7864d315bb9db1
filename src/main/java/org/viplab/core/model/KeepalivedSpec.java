package org.viplab.core.model;

import java.util.ArrayList;
import java.util.List;

/**
 * One node's keepalived.conf, reduced to what changes failover behaviour. Its fields are the first VRRP instance
 * (the one holding the client's VIP); further instances of the same keepalived are {@link #moreInstances}, each a
 * KeepalivedSpec whose instance fields are used (its routerId, moreInstances and syncGroups are not). The new
 * fields are null by default, so a topology without them writes the same JSON as before.
 */
public class KeepalivedSpec {
    public enum InitialState { MASTER, BACKUP }

    public String routerId = "LVS_DB";
    public String instance = "VI_1";
    public String iface = "eth0";
    public InitialState state = InitialState.BACKUP;
    public int priority = 100;
    public int virtualRouterId = 51;
    /** Seconds. VRRPv2 rounds it to whole seconds; v3 accepts 0.01 to 40.95. */
    public double advertIntSec = 1;
    public int vrrpVersion = 2;
    public boolean nopreempt;
    public double preemptDelaySec;
    /** Null or empty: no authentication block. */
    public String authPass = "1111";
    public List<String> vips = new ArrayList<>(List.of("10.9.8.120"));
    public boolean trackInterface = true;
    public double garpMasterDelaySec = 5;
    public int garpMasterRepeat = 5;
    public int downTimerAdverts = 3;
    public List<CheckScriptSpec> scripts = new ArrayList<>();
    /**
     * {@code track_interface} with a weight: the link's loss changes the priority by this much instead of putting
     * the instance in FAULT. Null: the interface is tracked without a weight (FAULT), as {@link #trackInterface} says.
     */
    public Integer trackInterfaceWeight;
    /** {@code unicast_src_ip}: the source of unicast adverts. Null: the node's address. */
    public String unicastSrcIp;
    /** {@code unicast_peer}: adverts go to these addresses only. Null or empty: multicast to 224.0.0.18. */
    public List<String> unicastPeers;
    /** The instance's notify scripts, in the order keepalived runs them (the state's own, then the generic). */
    public List<NotifySpec> notify;
    /** {@code lower_prio_no_advert}: a MASTER that hears a lower priority stays silent instead of answering. */
    public Boolean lowerPrioNoAdvert;
    /** {@code vrrp_garp_master_refresh}: seconds between repeated gratuitous ARPs while MASTER. Null or 0: never. */
    public Double garpMasterRefreshSec;
    /** The other vrrp_instances of this keepalived (first instance only). */
    public List<KeepalivedSpec> moreInstances;
    /** The vrrp_sync_groups of this keepalived (first instance only). */
    public List<SyncGroupSpec> syncGroups;

    /** This instance followed by the others: every VRRP instance of this keepalived. */
    public List<KeepalivedSpec> instances() {
        List<KeepalivedSpec> all = new ArrayList<>();
        all.add(this);
        if (moreInstances != null) for (KeepalivedSpec k : moreInstances) if (k != null) all.add(k);
        return all;
    }

    /** The sync group naming {@code instanceName}, or null. */
    public SyncGroupSpec syncGroupOf(String instanceName) {
        if (syncGroups == null) return null;
        for (SyncGroupSpec g : syncGroups) if (g != null && g.members != null && g.members.contains(instanceName)) return g;
        return null;
    }

    public boolean unicast() { return unicastPeers != null && !unicastPeers.isEmpty(); }

    public List<NotifySpec> notifyOrEmpty() { return notify == null ? List.of() : notify; }

    public boolean lowerPrioNoAdvertOn() { return lowerPrioNoAdvert != null && lowerPrioNoAdvert; }

    /** The refresh period in microseconds, or 0 when gratuitous ARPs are not repeated. */
    public long garpRefreshUs() { return garpMasterRefreshSec == null || garpMasterRefreshSec <= 0 ? 0 : Math.round(garpMasterRefreshSec * 1_000_000); }

    /**
     * keepalived clears nopreempt for {@code state MASTER} and for priority 255
     * (vrrp.c: "nopreempt will not work with initial state MASTER").
     */
    public boolean effectiveNopreempt() {
        return nopreempt && state != InitialState.MASTER && priority != 255;
    }

    /** keepalived clears preempt_delay for {@code state MASTER}. */
    public double effectivePreemptDelaySec() {
        return state == InitialState.MASTER ? 0 : preemptDelaySec;
    }

    /** The advert interval in microseconds as keepalived uses it (v2: whole seconds). */
    public long advertIntUs() {
        if (vrrpVersion == 2) return Math.max(1, Math.round(advertIntSec)) * 1_000_000L;
        long cs = Math.max(1, Math.min(4095, Math.round(advertIntSec * 100)));
        return cs * 10_000L;
    }
}
