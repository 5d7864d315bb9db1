package org.viplab.config;

import org.viplab.core.util.BundleText;

import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * A parser note or parse error in no language yet: a key of {@code org/viplab/i18n/config*.properties} and its
 * arguments (see {@link BundleText}). Keywords, file paths, values quoted from the user's file and keepalived's
 * and haproxy's own words are arguments and are never translated.
 */
public final class ConfigText extends BundleText {
    static final String BUNDLE = "org.viplab.i18n.config";

    private ConfigText(String key, Object[] args) { super(BUNDLE, key, args); }

    /** The text of {@code key} with its arguments. */
    public static ConfigText of(String key, Object... args) {
        return new ConfigText(Objects.requireNonNull(key), args.clone());
    }

    /** Text that is the same in every language (e.g. a message from the JDK). */
    public static ConfigText literal(String text) {
        return new ConfigText(null, new Object[] {text});
    }

    /** The config bundle of a supported locale. */
    public static ResourceBundle bundle(Locale l) { return bundle(BUNDLE, l); }
}
