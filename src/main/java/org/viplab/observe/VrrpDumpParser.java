package org.viplab.observe;

import org.viplab.core.timeline.LabEvent;

import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code tcpdump -l -nn -tttt vrrp}: each advertisement becomes an {@link LabEvent.AdvertSent} of the
 * host whose address sent it, with its priority and interval (v2 in seconds, v3 in centiseconds).
 */
public final class VrrpDumpParser {
    private static final Pattern ADVERT = Pattern.compile(
            "IP (\\d+\\.\\d+\\.\\d+\\.\\d+) > [\\d.]+: VRRPv(\\d), Advertisement, vrid (\\d+), prio (\\d+)"
                    + "(?:, authtype \\w+)?, intvl (\\d+)(s|cs)");

    private final Map<String, String> hostByAddress;
    private final ZoneId zone;

    /** @param hostByAddress source address to host name; adverts from other addresses are named by address */
    public VrrpDumpParser(Map<String, String> hostByAddress, ZoneId zone) {
        this.hostByAddress = Map.copyOf(hostByAddress);
        this.zone = zone;
    }

    public Optional<LabEvent.AdvertSent> parse(String line, TimeMap time) {
        if (line == null) return Optional.empty();
        Stamp s = Stamp.parse(line.strip(), zone);
        Matcher m = ADVERT.matcher(s.rest());
        if (!m.find()) return Optional.empty();
        long t = s.hasTime() ? time.labUs(s.epochUs()) : time.nowLabUs();
        String host = hostByAddress.getOrDefault(m.group(1), m.group(1));
        long interval = Long.parseLong(m.group(5)) * (m.group(6).equals("s") ? 1_000_000 : 10_000);
        return Optional.of(new LabEvent.AdvertSent(t, host, Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)),
                Integer.parseInt(m.group(2)), interval));
    }
}
