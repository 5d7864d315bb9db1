package org.viplab.observe;

import org.viplab.core.timeline.Reason;
import org.viplab.core.timeline.LabEvent;

import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code ip -ts -o monitor address} (and the two-line form without {@code -o}): a line naming the VIP
 * is the VIP added to this host, or removed when it starts with {@code Deleted}. Other addresses and the
 * {@code valid_lft} continuation lines are ignored.
 */
public final class AddressMonitorParser {
    private static final Pattern INET = Pattern.compile("^(Deleted )?\\d+: (\\S+)\\s+inet6? (\\S+?)/(\\d+)");

    private final String host;
    private final String vip;
    private final ZoneId zone;

    public AddressMonitorParser(String host, String vip, ZoneId zone) {
        this.host = host;
        this.vip = vip;
        this.zone = zone;
    }

    public Optional<LabEvent.VipChanged> parse(String line, TimeMap time) {
        return read(line, zone, time).filter(a -> a.address().equals(vip)).map(a -> new LabEvent.VipChanged(a.timeUs(), host, vip, a.added(),
                Reason.of(a.added() ? Reason.Code.ADDED_TO : Reason.Code.REMOVED_FROM, a.iface())));
    }

    /** One address line of {@code ip monitor}: when (lab time), added or deleted, on which interface, which address. */
    record AddressLine(long timeUs, boolean added, String iface, String address) { }

    /** Any address's line (the VIP parsers pick theirs), or empty for the continuation lines and the rest. */
    static Optional<AddressLine> read(String line, ZoneId zone, TimeMap time) {
        if (line == null) return Optional.empty();
        Stamp s = Stamp.parse(line.strip(), zone);
        Matcher m = INET.matcher(s.rest().strip());
        if (!m.find()) return Optional.empty();
        long t = s.hasTime() ? time.labUs(s.epochUs()) : time.nowLabUs();
        return Optional.of(new AddressLine(t, m.group(1) == null, m.group(2), m.group(3)));
    }
}
