package org.viplab.core.text;

import java.util.Locale;

/**
 * The one way lab times are written: the event list, CSV, reports, notifications and the CLI all show
 * "12.346" (seconds, rounded half up to the millisecond), the big clock shows "+00:01:02.3". No String.format:
 * a 24 h events.csv writes a million of these.
 */
public final class TimeText {
    private TimeText() { }

    /** Seconds with millisecond precision, rounded half up on the microsecond count: "5.000", "-31.204". */
    public static String seconds(long us) {
        long ms = Math.floorDiv(Math.abs(us) + 500, 1000);
        StringBuilder b = new StringBuilder(12);
        if (us < 0 && ms > 0) b.append('-');
        b.append(ms / 1000).append('.');
        long frac = ms % 1000;
        if (frac < 100) b.append('0');
        if (frac < 10) b.append('0');
        return b.append(frac).toString();
    }

    /**
     * A length as a report shows it, one style throughout: under a millisecond in µs ("250 µs"), under a second in
     * ms with three decimals ("807.626 ms", exact to the µs), else seconds to the millisecond ("2.808 s",
     * "75.000 s"); zero is "0 s".
     */
    public static String duration(long us) {
        if (us < 0) return "-" + duration(-us);
        if (us == 0) return "0 s";
        if (us < 1000) return us + " \u00B5s";
        if (us < 1_000_000) {
            long frac = us % 1000;
            StringBuilder b = new StringBuilder(12).append(us / 1000).append('.');
            if (frac < 100) b.append('0');
            if (frac < 10) b.append('0');
            return b.append(frac).append(" ms").toString();
        }
        return seconds(us) + " s";
    }

    /** The big clock: "+00:01:02.3" (sign, hours, minutes, seconds and tenths, truncated). */
    public static String clock(long us) {
        String sign = us < 0 ? "-" : "+";
        long a = Math.abs(us) / 100_000; // tenths
        long s = a / 10;
        StringBuilder b = new StringBuilder(12).append(sign);
        two(b, s / 3600).append(':');
        two(b, (s / 60) % 60).append(':');
        return two(b, s % 60).append('.').append(a % 10).toString();
    }

    /**
     * A length people read, such as a probe's latency, with its unit in the reader's language: "800 µs",
     * "12.5 ms", "1.204 s"; in Chinese "800 微秒", "12.5 毫秒", "1.204 秒". Exact to the microsecond (trailing
     * zeros dropped). Drill files keep their own parseable form ("800us", {@code Durations.format}).
     */
    public static String length(long us, Locale locale) {
        boolean zh = locale != null && locale.getLanguage().equals("zh");
        StringBuilder b = new StringBuilder(16);
        if (us < 0) b.append('-');
        long a = Math.abs(us);
        if (a < 1000) return b.append(a).append(zh ? " 微秒" : " \u00b5s").toString();
        if (a < 1_000_000) return org.viplab.core.util.Durations.decimals(b, a / 1000, a % 1000, 3).append(zh ? " 毫秒" : " ms").toString();
        return org.viplab.core.util.Durations.decimals(b, a / 1_000_000, a % 1_000_000, 6).append(zh ? " 秒" : " s").toString();
    }

    /** Time a person spends, in whole seconds, as a kitchen timer shows it: "3:07", "21:10", "125:00". */
    public static String minutesSeconds(long seconds) {
        long s = Math.max(0, seconds);
        return two(new StringBuilder(8).append(s / 60).append(':'), s % 60).toString();
    }

    private static StringBuilder two(StringBuilder b, long v) {
        if (v < 10) b.append('0');
        return b.append(v);
    }
}
