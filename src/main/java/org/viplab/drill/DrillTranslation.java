package org.viplab.drill;

import java.util.Locale;
import java.util.Map;

/**
 * A drill's texts in one language other than English: its name, description and step texts. A step is keyed by
 * its 1-based index in {@code steps}; the parser resolves a step's {@code id} to that index, so a file can tie a
 * translation to an id that survives inserting steps.
 *
 * @param steps step index (1-based) to text; the parser rejects keys naming no step
 */
public record DrillTranslation(String name, String description, Map<Integer, String> steps) {
    /** The languages a drill file may translate into (BCP 47 tags); English is the file's own language. */
    public static final java.util.List<String> LANGUAGES = java.util.List.of("zh-CN");

    public DrillTranslation {
        steps = Map.copyOf(steps);
    }

    /** The tag of {@code locale} in {@link #LANGUAGES}, or null: any Chinese locale (zh, zh-CN, zh-Hans) reads zh-CN. */
    public static String languageOf(Locale locale) {
        if (locale == null) return null;
        if ("zh".equals(locale.getLanguage())) return "zh-CN";
        return null;
    }
}
