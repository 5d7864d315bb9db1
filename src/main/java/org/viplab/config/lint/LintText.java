package org.viplab.config.lint;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A lint text in no language yet: a key of {@code org/viplab/i18n/lint*.properties} (a MessageFormat
 * pattern) and its arguments. An argument is a plain value (names, file paths, config words: never
 * translated) or another {@code LintText} (a clause rendered in the same language). So a finding is built
 * once and read in English on the command line and in Chinese in the app, and a switch of the app's
 * language only renders it again.
 *
 * <p>Numbers are passed as text, so "1111" never becomes "1,111" and English stays byte for byte what
 * it was before the texts moved to the bundle.
 */
public final class LintText {
    static final String BUNDLE = "org.viplab.i18n.lint";
    private static final ConcurrentHashMap<Locale, ResourceBundle> BUNDLES = new ConcurrentHashMap<>();

    private final String key;
    private final Object[] args;

    private LintText(String key, Object[] args) {
        this.key = key;
        this.args = args;
    }

    /** The text of {@code key} with its arguments. */
    public static LintText of(String key, Object... args) {
        return new LintText(Objects.requireNonNull(key), args.clone());
    }

    /** Text that is the same in every language (a message from elsewhere, e.g. an exception). */
    public static LintText literal(String text) {
        return new LintText(null, new Object[] {text});
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
            a[i] = x instanceof LintText t ? t.render(l) : String.valueOf(x);
        }
        return new MessageFormat(bundle(l).getString(key), l).format(a);
    }

    /** English, as the command line prints by default. */
    public String english() { return render(Locale.ENGLISH); }

    @Override
    public String toString() { return english(); }

    @Override
    public boolean equals(Object o) {
        return o instanceof LintText t && Objects.equals(key, t.key) && Arrays.deepEquals(args, t.args);
    }

    @Override
    public int hashCode() { return Objects.hash(key, Arrays.deepHashCode(args)); }

    /** Chinese for any zh locale, English otherwise. */
    public static Locale supported(Locale l) {
        return l != null && l.getLanguage().equals("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }

    /** The bundle of a supported locale, with no fallback to the JVM's default locale (English stays English on a Chinese desktop). */
    static ResourceBundle bundle(Locale l) {
        return BUNDLES.computeIfAbsent(supported(l), x -> ResourceBundle.getBundle(BUNDLE, x,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
    }
}
