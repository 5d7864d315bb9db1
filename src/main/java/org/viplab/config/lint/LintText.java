package org.viplab.config.lint;

import org.viplab.core.util.BundleText;

import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * A lint text in no language yet: a key of {@code org/viplab/i18n/lint*.properties} and its arguments (see
 * {@link BundleText}). So a finding is built once and read in English on the command line and in Chinese in
 * the app, and a switch of the app's language only renders it again.
 */
public final class LintText extends BundleText {
    static final String BUNDLE = "org.viplab.i18n.lint";

    private LintText(String key, Object[] args) { super(BUNDLE, key, args); }

    /** The text of {@code key} with its arguments. */
    public static LintText of(String key, Object... args) {
        return new LintText(Objects.requireNonNull(key), args.clone());
    }

    /** Text that is the same in every language (a message from elsewhere, e.g. an exception). */
    public static LintText literal(String text) {
        return new LintText(null, new Object[] {text});
    }

    /** The lint bundle of a supported locale. */
    static ResourceBundle bundle(Locale l) { return bundle(BUNDLE, l); }
}
