package org.viplab.report;

import org.viplab.core.text.TimeText;
import org.viplab.core.util.Durations;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One unit style in a report: the judge and the step texts write lengths as drill files do ("2.807626s",
 * "807.626ms", "0us", "t=2s"); a report shows every one as {@link TimeText#duration} does ("2.808 s",
 * "807.626 ms", "0 s", "t=2.000 s"). Only the display changes; result.json and junit.xml keep the judge's words.
 */
final class Units {
    private static final Pattern LENGTH = Pattern.compile("(?<![\\w.])(\\d+(?:\\.\\d+)?)(us|µs|ms|s|m|h)(?![\\w])");

    private Units() { }

    static String display(String text) {
        if (text == null || text.isEmpty()) return text;
        Matcher m = LENGTH.matcher(text);
        StringBuilder b = new StringBuilder(text.length() + 16);
        while (m.find()) {
            long us;
            try {
                us = Durations.parseUs(m.group(1) + m.group(2));
            } catch (IllegalArgumentException e) {
                continue; // not a length after all: left as written
            }
            m.appendReplacement(b, Matcher.quoteReplacement(TimeText.duration(us)));
        }
        m.appendTail(b);
        return b.toString();
    }

    /** A length in µs as shown. */
    static String of(long us) { return TimeText.duration(us); }
}
