package org.viplab.observe;

import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Reason;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the same {@code ip monitor address} stream as {@link AddressMonitorParser} for the VIPs of the instances
 * other than the client VIP's ({@link InstanceLayout#others()}). keepalived adds and removes an instance's VIPs
 * together, and the simulator reports them as one {@link LabEvent.InstanceVipChanged}: so does this parser, at the
 * first of them to appear and the first to go.
 */
public final class InstanceVipParser {
    private final String host;
    private final ZoneId zone;
    private final InstanceLayout layout;
    private final Map<String, Boolean> held = new HashMap<>();

    public InstanceVipParser(String host, ZoneId zone, InstanceLayout layout) {
        this.host = host;
        this.zone = zone;
        this.layout = layout;
    }

    /** What the host held at connect, so that a repeat is not taken for a change. */
    public void assume(String instance, boolean holds) { held.put(instance, holds); }

    public Optional<LabEvent.InstanceVipChanged> parse(String line, TimeMap time) {
        Optional<AddressMonitorParser.AddressLine> a = AddressMonitorParser.read(line, zone, time);
        if (a.isEmpty()) return Optional.empty();
        for (InstanceLayout.Other o : layout.others()) {
            if (!o.vips().contains(a.get().address())) continue;
            Boolean before = held.put(o.name(), a.get().added());
            if (before != null && before == a.get().added()) return Optional.empty();
            return Optional.of(new LabEvent.InstanceVipChanged(a.get().timeUs(), host, o.name(), o.vipText(), a.get().added(),
                    Reason.of(a.get().added() ? Reason.Code.ADDED_TO : Reason.Code.REMOVED_FROM, a.get().iface())));
        }
        return Optional.empty();
    }
}
