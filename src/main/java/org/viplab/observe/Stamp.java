package org.viplab.observe;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A timestamp at the start of a line, as the tools VIP Lab reads write it, and the rest of the line.
 * Recognised: {@code [2026-11-25T13:28:04.967471]} ({@code ip -ts monitor}), {@code 2026-11-25 13:28:04.962697}
 * ({@code tcpdump -tttt}, the lab's keepalived log wrapper; MariaDB's error log writes {@code 2026-12-06  6:28:56}), RFC 3339 with its offset
 * ({@code 2026-12-06T01:30:05.123456+00:00}: rsyslog's high-precision format, {@code journalctl -o
 * short-iso-precise}'s {@code +0000}, MySQL 8's {@code Z}), keepalived's own {@code -l} prefix
 * {@code Wed Nov 25 13:28:04 2026: } (whole seconds only, so a finer prefix before it wins), and syslog's
 * {@code Nov 25 13:28:04} (RFC 3164; {@code journalctl -o short-precise} adds microseconds), which has no year.
 * After a syslog or RFC 3339 stamp the {@code host program[pid]: } tag is taken off too, and the program kept.
 *
 * @param epochUs the time in epoch microseconds, or {@link Long#MIN_VALUE} when the line has none
 * @param program the syslog tag's program ({@code Keepalived_vrrp}, {@code haproxy}), or null when there is none
 * @param resolutionUs how fine the stamp is: 1 s for syslog and keepalived's own prefix, else its digits
 */
public record Stamp(long epochUs, String rest, String program, long resolutionUs) {
    private static final Pattern ISO = Pattern.compile(
            "^\\[?(\\d{4}-\\d{2}-\\d{2})[T ] ?(\\d{1,2}:\\d{2}:\\d{2})(?:[.,](\\d{1,9}))?(Z|[+-]\\d{2}:?\\d{2})?\\]?\\s+");
    private static final Pattern CTIME = Pattern.compile(
            "^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) ([A-Z][a-z]{2}) +(\\d{1,2}) (\\d{2}:\\d{2}:\\d{2}) (\\d{4}): ");
    /** syslog / journalctl short(-precise): "Nov 25 13:28:04[.123456] db1 Keepalived_vrrp[123]: ". */
    private static final Pattern SYSLOG = Pattern.compile(
            "^([A-Z][a-z]{2}) +(\\d{1,2}) (\\d{2}:\\d{2}:\\d{2})(?:\\.(\\d{1,6}))? \\S+ ([\\w./-]+?)(?:\\[\\d+\\])?: ");
    /** The tag after an RFC 3339 stamp: "db1 Keepalived_vrrp[812]: ". */
    private static final Pattern TAG = Pattern.compile("^\\S+ ([\\w./-]+?)(?:\\[\\d+\\])?: ");
    private static final DateTimeFormatter CTIME_FMT = DateTimeFormatter.ofPattern("MMM d HH:mm:ss yyyy", Locale.ROOT);

    public static final long NONE = Long.MIN_VALUE;
    private static final long SECOND_US = 1_000_000;

    public Stamp(long epochUs, String rest) { this(epochUs, rest, null, SECOND_US); }

    public boolean hasTime() { return epochUs != NONE; }

    /** Strips every leading timestamp; the first (finest) one gives the time. A year-less stamp takes this year. */
    public static Stamp parse(String line, ZoneId zone) {
        return parse(line, zone, LocalDateTime.now(zone).getYear());
    }

    /**
     * The same, with {@code year} for stamps that carry none (RFC 3164): a replayed incident takes it from the
     * other evidence, not from today.
     */
    public static Stamp parse(String line, ZoneId zone, int year) {
        String rest = line;
        long t = NONE;
        String program = null;
        long resolution = SECOND_US;
        Matcher m = ISO.matcher(rest);
        if (m.find()) {
            ZoneId z = m.group(4) == null ? zone : offset(m.group(4));
            String hms = m.group(2).length() == 7 ? "0" + m.group(2) : m.group(2); // MariaDB pads the hour with a space
            t = epochUs(LocalDateTime.parse(m.group(1) + "T" + hms), m.group(3), z);
            resolution = resolution(m.group(3));
            rest = rest.substring(m.end());
            if (m.group(4) != null) {
                // rsyslog and journald put "host program[pid]: " after an RFC 3339 stamp; the wrappers do not
                Matcher tag = TAG.matcher(rest);
                if (tag.find()) {
                    program = tag.group(1);
                    rest = rest.substring(tag.end());
                }
            }
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
                try {
                    t = epochUs(LocalDateTime.parse(m.group(1) + " " + m.group(2) + " " + m.group(3) + " " + year, CTIME_FMT), m.group(4), zone);
                    resolution = resolution(m.group(4));
                    program = m.group(5);
                    rest = rest.substring(m.end());
                } catch (DateTimeParseException ignored) {
                    // not syslog after all
                }
            }
        }
        return new Stamp(t, rest, program, resolution);
    }

    private static ZoneId offset(String z) {
        if (z.equals("Z")) return ZoneOffset.UTC;
        String norm = z.length() == 5 ? z.substring(0, 3) + ":" + z.substring(3) : z;
        try {
            return ZoneOffset.of(norm);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    private static long resolution(String fraction) {
        if (fraction == null || fraction.isEmpty()) return SECOND_US;
        int digits = Math.min(6, fraction.length());
        long r = SECOND_US;
        for (int i = 0; i < digits; i++) r /= 10;
        return r;
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
