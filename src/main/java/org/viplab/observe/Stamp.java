package org.viplab.observe;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A timestamp at the start of a line, as the tools VIP Lab reads write it, and the rest of the line.
 * Recognised: {@code [2026-11-25T13:28:04.967471]} ({@code ip -ts monitor}), {@code 2026-11-25 13:28:04.962697}
 * ({@code tcpdump -tttt}, the lab's keepalived log wrapper), and keepalived's own {@code -l} prefix
 * {@code Wed Nov 25 13:28:04 2026: } (whole seconds only, so a finer prefix before it wins).
 *
 * @param epochUs the time in epoch microseconds, or {@link Long#MIN_VALUE} when the line has none
 */
public record Stamp(long epochUs, String rest) {
    private static final Pattern ISO = Pattern.compile(
            "^\\[?(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}:\\d{2}:\\d{2})(?:\\.(\\d{1,9}))?\\]?\\s+");
    private static final Pattern CTIME = Pattern.compile(
            "^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) ([A-Z][a-z]{2}) +(\\d{1,2}) (\\d{2}:\\d{2}:\\d{2}) (\\d{4}): ");
    /** syslog / journalctl short: "Nov 25 13:28:04 db1 Keepalived_vrrp[123]: " (no year: the current one). */
    private static final Pattern SYSLOG = Pattern.compile(
            "^([A-Z][a-z]{2}) +(\\d{1,2}) (\\d{2}:\\d{2}:\\d{2})(?:\\.(\\d{1,6}))? \\S+ [\\w.-]+(?:\\[\\d+\\])?: ");
    private static final DateTimeFormatter CTIME_FMT = DateTimeFormatter.ofPattern("MMM d HH:mm:ss yyyy", Locale.ROOT);

    public static final long NONE = Long.MIN_VALUE;

    public boolean hasTime() { return epochUs != NONE; }

    /** Strips every leading timestamp; the first (finest) one gives the time. */
    public static Stamp parse(String line, ZoneId zone) {
        String rest = line;
        long t = NONE;
        Matcher m = ISO.matcher(rest);
        if (m.find()) {
            t = epochUs(LocalDateTime.parse(m.group(1) + "T" + m.group(2)), m.group(3), zone);
            rest = rest.substring(m.end());
        }
        m = CTIME.matcher(rest);
        if (m.find()) {
            if (t == NONE) {
                try {
                    t = epochUs(LocalDateTime.parse(m.group(1) + " " + m.group(2) + " " + m.group(3) + " " + m.group(4), CTIME_FMT), null, zone);
                } catch (DateTimeParseException ignored) {
                    // leave the line without a time rather than guess
                }
            }
            rest = rest.substring(m.end());
        } else if (t == NONE) {
            m = SYSLOG.matcher(rest);
            if (m.find()) {
                int year = LocalDateTime.now(zone).getYear();
                try {
                    t = epochUs(LocalDateTime.parse(m.group(1) + " " + m.group(2) + " " + m.group(3) + " " + year, CTIME_FMT), m.group(4), zone);
                    rest = rest.substring(m.end());
                } catch (DateTimeParseException ignored) {
                    // not syslog after all
                }
            }
        }
        return new Stamp(t, rest);
    }

    private static long epochUs(LocalDateTime local, String fraction, ZoneId zone) {
        long us = local.atZone(zone).toEpochSecond() * 1_000_000;
        if (fraction != null && !fraction.isEmpty()) {
            String f = (fraction + "000000").substring(0, 6);
            us += Long.parseLong(f);
        }
        return us;
    }
}
