package org.viplab.replay.capture;

import org.viplab.core.timeline.LabEvent;
import org.viplab.observe.TimeMap;
import org.viplab.observe.VrrpDumpParser;

import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code tcpdump -nn -tttt} text (the stamp already read): VRRP adverts through the SSH engine's
 * {@link VrrpDumpParser}, and ARP requests and replies ({@code who-has X tell Y}, {@code X is-at MAC}). Without
 * {@code -e} a text capture names no sender MAC, so its gratuitous ARPs are attributed later, by the host
 * that had just become MASTER.
 */
public final class TcpdumpText {
    private static final Pattern WHO_HAS = Pattern.compile("^ARP, Request who-has (\\d+\\.\\d+\\.\\d+\\.\\d+)(?: \\(\\S+\\))? tell (\\d+\\.\\d+\\.\\d+\\.\\d+)");
    private static final Pattern IS_AT = Pattern.compile("^ARP, Reply (\\d+\\.\\d+\\.\\d+\\.\\d+) is-at ([0-9a-f:]{17})");
    private static final Pattern LINE = Pattern.compile("^(?:IP \\S+ > \\S+: VRRPv|ARP, )");

    private static final VrrpDumpParser ADVERTS = new VrrpDumpParser(Map.of(), ZoneId.of("UTC"));

    private TcpdumpText() { }

    public static boolean recognises(String text) { return LINE.matcher(text).find(); }

    /** @param text the line after its stamp */
    public static Optional<WireFact> parse(long epochUs, String text) {
        TimeMap at = new TimeMap() {
            public long labUs(long hostEpochUs) { return hostEpochUs; }

            public long nowLabUs() { return epochUs; }
        };
        Optional<LabEvent.AdvertSent> a = ADVERTS.parse(text, at);
        if (a.isPresent()) {
            LabEvent.AdvertSent x = a.get();
            // with an empty address book the parser names the sender by its address
            return Optional.of(new WireFact.Advert(epochUs, x.host(), "", x.version(), x.vrid(), x.priority(), x.intervalUs()));
        }
        Matcher m = WHO_HAS.matcher(text);
        if (m.find()) return Optional.of(new WireFact.Arp(epochUs, "", m.group(2), m.group(1), false, m.group(1).equals(m.group(2))));
        m = IS_AT.matcher(text);
        if (m.find()) return Optional.of(new WireFact.Arp(epochUs, m.group(2), m.group(1), "", true, false));
        return Optional.empty();
    }
}
