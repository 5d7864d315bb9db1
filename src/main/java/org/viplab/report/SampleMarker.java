package org.viplab.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the machine-readable marks a report carries: {@code <meta name="viplab-verdicts" content="1:done 2:passed">}
 * and {@code <meta name="viplab-result">}. Lets a test compare a committed sample report with a fresh run.
 */
public final class SampleMarker {
    private static final Pattern VERDICTS = Pattern.compile("<meta name=\"viplab-verdicts\" content=\"([^\"]*)\"");
    private static final Pattern RESULT = Pattern.compile("<meta name=\"viplab-result\" content=\"([^\"]*)\"");

    private SampleMarker() { }

    /** "1:done 2:passed 3:failed", or null when the page has no marker. */
    public static String verdicts(String html) {
        Matcher m = VERDICTS.matcher(html);
        return m.find() ? m.group(1) : null;
    }

    /** "passed" or "failed", or null. */
    public static String result(String html) {
        Matcher m = RESULT.matcher(html);
        return m.find() ? m.group(1) : null;
    }
}
