package org.viplab.observe;

import org.viplab.core.model.KeepalivedSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * The VRRP instances of one real host's keepalived, as its observers tell them apart: the instance that holds the
 * client's VIP ({@link #primary}, reported as {@code VrrpStateChanged} / {@code VipChanged}, as the simulator reports
 * its first instance) and the others (reported as {@code InstanceStateChanged} / {@code InstanceVipChanged}). With
 * one instance, {@link #primary} is null and every instance line of the log is the node's one instance, whatever its
 * name: a host's own config may call it anything.
 */
public record InstanceLayout(String primary, List<Other> others) {
    /** An instance other than the client VIP's: its name, VRID and VIPs. */
    public record Other(String name, int vrid, List<String> vips) {
        public Other {
            vips = List.copyOf(vips);
        }

        /** The VIPs as {@code InstanceVipChanged} carries them (the simulator's form). */
        public String vipText() { return String.join(",", vips); }
    }

    public InstanceLayout {
        others = List.copyOf(others);
    }

    /** One instance: no line is told apart by its instance's name. */
    public static InstanceLayout single() { return new InstanceLayout(null, List.of()); }

    /** The instances of a node's keepalived spec (the first holds the client's VIP). */
    public static InstanceLayout of(KeepalivedSpec k) {
        if (k == null || k.moreInstances == null || k.moreInstances.isEmpty()) return single();
        List<Other> others = new ArrayList<>();
        for (KeepalivedSpec i : k.instances().subList(1, k.instances().size())) {
            others.add(new Other(i.instance, i.virtualRouterId, i.vips == null ? List.of() : i.vips));
        }
        return new InstanceLayout(k.instance, others);
    }

    /** Whether lines are told apart by instance. */
    public boolean several() { return primary != null; }

    /** The instance of that name other than the primary, or null. */
    public Other other(String name) {
        for (Other o : others) if (o.name.equals(name)) return o;
        return null;
    }
}
