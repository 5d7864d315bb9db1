package org.viplab.config;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A parser note or parse error in no language yet: a key of {@code org/viplab/i18n/config*.properties}
 * (a MessageFormat pattern) and its arguments, the sibling of {@code lint.LintText} for the parsers (config
 * must not depend on config.lint). An argument is a plain value (keywords, file paths, values quoted from
 * the user's file, keepalived's and haproxy's own words: never translated) or another {@code ConfigText}
 * (a clause rendered in the same language). Arguments are rendered with {@link String#valueOf}, exactly as
 * the string concatenation they replace did, so English stays byte for byte what it was (no "1,111").
 */
public final class ConfigText {
    static final String BUNDLE = "org.viplab.i18n.config";
    private static final ConcurrentHashMap<Locale, ResourceBundle> BUNDLES = new ConcurrentHashMap<>();

    private final String key;
    private final Object[] args;

    private ConfigText(String key, Object[] args) {
        this.key = key;
        this.args = args;
    }

    /** The text of {@code key} with its arguments. */
    public static ConfigText of(String key, Object... args) {
        return new ConfigText(Objects.requireNonNull(key), args.clone());
    }

    /** Text that is the same in every language (e.g. a message from the JDK). */
    public static ConfigText literal(String text) {
        return new ConfigText(null, new Object[] {text});
    }

    /** {@code key} of the bundle, or null for a literal. */
    public String key() { return key; }

    public List<Object> args() { return Arrays.asList(args); }

    /** Rendered in English or Simplified Chinese (any zh locale); every other locale reads English. */
    public String render(Locale locale) {
        if (key == null) return String.valueOf(args[0]);
        Locale l = supported(locale);
        Object[] a = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            Object x = args[i];
            a[i] = x instanceof ConfigText t ? t.render(l) : String.valueOf(x);
        }
        return new MessageFormat(bundle(l).getString(key), l).format(a);
    }

    /** English, as the command line prints by default. */
    public String english() { return render(Locale.ENGLISH); }

    @Override
    public String toString() { return english(); }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfigText t && Objects.equals(key, t.key) && Arrays.deepEquals(args, t.args);
    }

    @Override
    public int hashCode() { return Objects.hash(key, Arrays.deepHashCode(args)); }

    /** Chinese for any zh locale, English otherwise. */
    public static Locale supported(Locale l) {
        return l != null && l.getLanguage().equals("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }

    /** The bundle of a supported locale, with no fallback to the JVM's default locale (English stays English on a Chinese desktop). */
    public static ResourceBundle bundle(Locale l) {
        return BUNDLES.computeIfAbsent(supported(l), x -> ResourceBundle.getBundle(BUNDLE, x,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
    }
}
