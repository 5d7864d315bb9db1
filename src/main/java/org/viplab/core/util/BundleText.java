package org.viplab.core.util;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A text in no language yet: a key of a bundle (a MessageFormat pattern) and its arguments. An argument is a
 * plain value (names, file paths, config words: never translated) or another BundleText (a clause rendered in
 * the same language, from its own bundle). Arguments are rendered with {@link String#valueOf}, so "1111" never
 * becomes "1,111" and English stays byte for byte what string concatenation gave. The shared core of the lint
 * texts and the parsers' notes and errors, which differ only in their bundle.
 */
public abstract class BundleText {
    private static final ConcurrentHashMap<String, ResourceBundle> BUNDLES = new ConcurrentHashMap<>();

    private final String bundleName;
    private final String key;
    private final Object[] args;

    /** @param key null for a literal: {@code args} is then the one text, the same in every language */
    protected BundleText(String bundleName, String key, Object[] args) {
        this.bundleName = bundleName;
        this.key = key;
        this.args = args;
    }

    /** The bundle's key, or null for a literal. */
    public String key() { return key; }

    public List<Object> args() { return Arrays.asList(args); }

    /** Rendered in English or Simplified Chinese (any zh locale); every other locale reads English. */
    public String render(Locale locale) {
        if (key == null) return String.valueOf(args[0]);
        Locale l = supported(locale);
        Object[] a = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            Object x = args[i];
            a[i] = x instanceof BundleText t ? t.render(l) : String.valueOf(x);
        }
        return new MessageFormat(bundle(bundleName, l).getString(key), l).format(a);
    }

    /** Text that is the same in every language: a message from elsewhere (the JDK, JSch, a remote command). */
    public static BundleText literal(String text) { return new Literal(text); }

    /** English, as the command line prints by default. */
    public String english() { return render(Locale.ENGLISH); }

    @Override
    public String toString() { return english(); }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && Objects.equals(key, ((BundleText) o).key)
                && Arrays.deepEquals(args, ((BundleText) o).args);
    }

    @Override
    public int hashCode() { return Objects.hash(key, Arrays.deepHashCode(args)); }

    /** Chinese for any zh locale, English otherwise. */
    public static Locale supported(Locale l) {
        return l != null && l.getLanguage().equals("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }

    /** A bundle in a supported locale, with no fallback to the JVM's default locale (English stays English on a Chinese desktop). */
    public static ResourceBundle bundle(String bundleName, Locale l) {
        Locale s = supported(l);
        return BUNDLES.computeIfAbsent(bundleName + "|" + s, x -> ResourceBundle.getBundle(bundleName, s,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
    }

    private static final class Literal extends BundleText {
        Literal(String text) { super(null, null, new Object[] {text}); }
    }
}
