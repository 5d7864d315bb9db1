package org.viplab.core.util;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them in drill files: "10s", "648ms", "1.5s", "2m", "1h", "250us". */
public final class Durations {
    private static final Pattern P = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*(us|µs|ms|s|m|min|h)\\s*");

    /** The longest simulated time a duration may name: 31 days (a month of a lab is plenty; more only fills memory). */
    public static final long MAX_US = 31L * 24 * 3600 * 1_000_000;

    private Durations() { }

    /** Microseconds; throws IllegalArgumentException with an example of the expected form. */
    public static long parseUs(String text) {
        Matcher m = P.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("\"" + text + "\" is not a duration; write e.g. \"10s\", \"500ms\", \"1.5s\", \"2m\"");
        }
        double v = Double.parseDouble(m.group(1));
        double factor = switch (m.group(2)) {
            case "us", "µs" -> 1;
            case "ms" -> 1e3;
            case "s" -> 1e6;
            case "m", "min" -> 60e6;
            default -> 3600e6;
        };
        double us = v * factor;
        if (us > MAX_US) {
            throw new IllegalArgumentException("\"" + text.strip() + "\" is longer than the maximum of 31 days of simulated time");
        }
        return Math.round(us);
    }

    /** "3.648s", "648.437ms", "250us": short and exact to the microsecond. No String.format (hot in a 24 h CSV). */
    public static String format(long us) {
        if (us < 0) return "-" + format(-us);
        if (us < 1000) return us + "us";
        StringBuilder b = new StringBuilder(16);
        if (us < 1_000_000) return decimals(b, us / 1000, us % 1000, 3).append("ms").toString();
        return decimals(b, us / 1_000_000, us % 1_000_000, 6).append('s').toString();
    }

    /** Appends "whole.frac" with {@code frac} of {@code digits} digits, trailing zeros (and a bare point) dropped. */
    public static StringBuilder decimals(StringBuilder b, long whole, long frac, int digits) {
        b.append(whole);
        if (frac == 0) return b;
        String f = Long.toString(frac);
        b.append('.');
        for (int i = f.length(); i < digits; i++) b.append('0');
        int end = f.length();
        while (f.charAt(end - 1) == '0') end--;
        return b.append(f, 0, end);
    }

    /** Milliseconds with up to three decimals, for JSON. */
    public static double ms(long us) { return us / 1000.0; }
}
