package org.viplab.core.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code vrrp_sync_group}: its instances move together (keepalived 2.2.7, vrrp_sync.c). One member going MASTER
 * takes the others to MASTER only once every member wants MASTER; one going BACKUP takes the others to BACKUP; one
 * going FAULT faults them all. The group's own notify scripts run after its members have been moved.
 */
public class SyncGroupSpec {
    public String name = "VG_1";
    /** Instance names, as in the group's {@code group { }} block. */
    public List<String> members = new ArrayList<>();
    /** Null or empty: none. */
    public List<NotifySpec> notify;

    public SyncGroupSpec() { }

    public SyncGroupSpec(String name, List<String> members) {
        this.name = name;
        this.members = new ArrayList<>(members);
    }

    public List<NotifySpec> notifyOrEmpty() { return notify == null ? List.of() : notify; }
}
