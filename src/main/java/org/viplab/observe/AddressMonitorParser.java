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
        if (line == null) return Optional.empty();
        Stamp s = Stamp.parse(line.strip(), zone);
        Matcher m = INET.matcher(s.rest().strip());
        if (!m.find() || !m.group(3).equals(vip)) return Optional.empty();
        long t = s.hasTime() ? time.labUs(s.epochUs()) : time.nowLabUs();
        boolean deleted = m.group(1) != null;
        return Optional.of(new LabEvent.VipChanged(t, host, vip, !deleted,
                Reason.of(deleted ? Reason.Code.REMOVED_FROM : Reason.Code.ADDED_TO, m.group(2))));
    }
}
