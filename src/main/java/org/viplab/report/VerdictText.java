package org.viplab.report;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A verdict's detail ("true from t=6.47s, 4.47s after t=2s") in the report's language. The judge writes it
 * in English; each of its shapes is a pattern here and a {@code verdict.*} key of {@code report*.properties},
 * whose English reproduces the judge's text exactly (a test holds them to it). Times, hosts and states stay as
 * they are; a detail of another shape is shown as written.
 */
public final class VerdictText {
    private static final String T = "(t=\\S+)";
    private static final String D = "(\\S+)";
    /** In the order tried. */
    private static final List<Map.Entry<Pattern, String>> SHAPES = List.of(
            Map.entry(Pattern.compile("held from " + T + " to " + T), "verdict.held"),
            Map.entry(Pattern.compile("not true at " + T + " \\((.+)\\)"), "verdict.notTrueAt"),
            Map.entry(Pattern.compile("already true at " + T), "verdict.alreadyTrue"),
            Map.entry(Pattern.compile("true from " + T + ", " + D + " after " + T), "verdict.trueFrom"),
            Map.entry(Pattern.compile("never true between " + T + " and " + T + " \\((.+?)\\); first true at " + T + ", " + D + " after the deadline"), "verdict.neverTrueThen"),
            Map.entry(Pattern.compile("never true between " + T + " and " + T + " \\((.+?)\\); not true by the end of the run"), "verdict.neverTrueEnd"),
            Map.entry(Pattern.compile("never true between " + T + " and " + T + " \\((.+)\\)"), "verdict.neverTrue"),
            Map.entry(Pattern.compile("split brain from " + T + " for " + D), "verdict.splitBrain"),
            Map.entry(Pattern.compile("the VIP was never on both hosts"), "verdict.neverBoth"),
            Map.entry(Pattern.compile("no split brain \\((\\d+) handover overlaps? under 100 ms\\)"), "verdict.overlaps"),
            Map.entry(Pattern.compile("no split brain in the " + D + " window from " + T + " to " + T + "; " + D + " of split brain elsewhere in the run"), "verdict.windowElsewhere"),
            Map.entry(Pattern.compile("no split brain in the " + D + " window from " + T + " to " + T), "verdict.window"),
            Map.entry(Pattern.compile("availability (\\S+%), (\\d+) of (\\d+) probes failed"), "verdict.availability"),
            Map.entry(Pattern.compile("no probe ran between " + T + " and " + T), "verdict.noProbe"),
            Map.entry(Pattern.compile("no failed probe"), "verdict.noFailedProbe"),
            Map.entry(Pattern.compile("longest outage " + D + " from " + T), "verdict.longestOutage"));
    /** What the condition saw, inside the parentheses of a failed verdict. */
    private static final List<Map.Entry<Pattern, String>> SEEN = List.of(
            Map.entry(Pattern.compile("(\\S+) was (\\S+)"), "verdict.seen.state"),
            Map.entry(Pattern.compile("at " + T), "verdict.seen.at"),
            Map.entry(Pattern.compile("clients failing"), "verdict.seen.clientsFailing"),
            Map.entry(Pattern.compile("clients served"), "verdict.seen.clientsServed"),
            Map.entry(Pattern.compile("VIP on no host"), "verdict.seen.noHost"),
            Map.entry(Pattern.compile("VIP on (\\S+) and (\\S+)"), "verdict.seen.two"),
            Map.entry(Pattern.compile("VIP on (\\S+)"), "verdict.seen.one"));

    static final String BUNDLE = "org.viplab.i18n.report";

    private final ResourceBundle bundle;
    private final Locale locale;

    private VerdictText(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    static boolean isEnglish(Locale l) { return l == null || !l.getLanguage().equals("zh"); }

    /** The texts of one language (the report's bundle, no fallback to the JVM's locale). */
    public static VerdictText in(Locale locale) {
        return new VerdictText(ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)), locale);
    }

    /** {@code detail} in this language; English and unknown shapes as written. */
    public String detail(String detail) {
        if (detail == null || detail.isEmpty()) return detail;
        return match(SHAPES, detail);
    }

    private String match(List<Map.Entry<Pattern, String>> shapes, String text) {
        for (Map.Entry<Pattern, String> s : shapes) {
            Matcher m = s.getKey().matcher(text);
            if (!m.matches()) continue;
            Object[] args = new Object[m.groupCount()];
            for (int i = 0; i < args.length; i++) args[i] = m.group(i + 1);
            // the last group of these two is what the condition saw: translated too
            if (s.getValue().equals("verdict.notTrueAt")) args[args.length - 1] = match(SEEN, m.group(args.length));
            if (s.getValue().startsWith("verdict.neverTrue")) args[2] = match(SEEN, m.group(3));
            if (s.getValue().equals("verdict.overlaps")) args[0] = Long.parseLong(m.group(1)); // a count, for the plural
            return new MessageFormat(bundle.getString(s.getValue()), locale).format(args);
        }
        return text;
    }
}
