package org.viplab.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds English prose in a text that should be Chinese. Config words, commands in backticks, quoted log
 * lines, file paths and names stay as they are in any language; what must not remain is a run of English
 * function words ("the VIP stays on db1", "is too small"). So: strip `code`, "quotes" and paths, then look for
 * two or more English words in a row (a-hyphenated-word is one) of which one is a common function word.
 */
public final class EnglishText {
    private static final Pattern CODE = Pattern.compile("`[^`]*`|\"[^\"]*\"|'[^']*'|\\S*/\\S*");
    private static final Pattern RUN = Pattern.compile("(?<![\\w-])[A-Za-z]+(?:-[A-Za-z]+)*(?:[ ,]+[A-Za-z]+(?:-[A-Za-z]+)*)+(?![\\w-])");
    private static final java.util.Set<String> FUNCTION = java.util.Set.of("the", "is", "are", "was", "a", "an", "of", "to", "on", "in",
            "at", "and", "or", "not", "never", "when", "with", "by", "for", "from", "its", "it", "this", "that", "be", "after", "only",
            "still", "stays", "moves", "has", "have", "does", "no");

    private EnglishText() { }

    /** The English phrases in {@code text}; empty when there are none. */
    public static List<String> phrases(String text) {
        String s = CODE.matcher(text).replaceAll(" ");
        List<String> out = new ArrayList<>();
        Matcher m = RUN.matcher(s);
        while (m.find()) {
            String run = m.group();
            for (String w : run.split("[ ,]+")) {
                if (FUNCTION.contains(w.toLowerCase(java.util.Locale.ROOT))) {
                    out.add(run);
                    break;
                }
            }
        }
        return out;
    }

    /** True when the text has at least one CJK ideograph. */
    public static boolean hasChinese(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }
}
