package org.viplab.core.model;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What makes a node's several VRRP instances and sync groups unusable, as readable sentences. */
final class InstanceChecks {
    private InstanceChecks() { }

    static void check(String where, KeepalivedSpec k, List<String> out) {
        Set<String> names = new HashSet<>();
        Set<Integer> vrids = new HashSet<>();
        for (KeepalivedSpec i : k.instances()) {
            if (i.instance == null || i.instance.isBlank()) {
                out.add(where + ": a VRRP instance needs a name");
                continue;
            }
            if (!names.add(i.instance)) out.add(where + ": two VRRP instances are called " + i.instance);
            // keepalived refuses two instances with one VRID on one interface: they would read each other's adverts
            if (!vrids.add(i.virtualRouterId)) out.add(where + ": VRRP instance " + i.instance + " reuses virtual_router_id " + i.virtualRouterId);
            if (i.vips == null || i.vips.isEmpty()) out.add(where + ": VRRP instance " + i.instance + " has no VIP");
            if (i.vrrpVersion != 2 && i.vrrpVersion != 3) out.add(where + ": VRRP instance " + i.instance + ": vrrpVersion must be 2 or 3");
        }
        if (k.syncGroups == null) return;
        Set<String> grouped = new HashSet<>();
        for (SyncGroupSpec g : k.syncGroups) {
            if (g == null || g.members == null) {
                out.add(where + ": a sync group needs members");
                continue;
            }
            for (String m : g.members) {
                if (!names.contains(m)) out.add(where + ": sync group " + g.name + " names unknown instance " + m);
                else if (!grouped.add(m)) out.add(where + ": instance " + m + " is in two sync groups");
            }
        }
    }
}
