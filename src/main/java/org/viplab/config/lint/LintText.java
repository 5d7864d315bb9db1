package org.viplab.config.lint;

import org.viplab.core.util.BundleText;

import java.util.Collection;
import java.util.Iterator;
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

    /**
     * Names as one list in the reader's language: "db1", "db1 and db2", "db1, db2 and db3" ("db1、db2 和 db3");
     * empty for none. Node lists of three to five nodes read as a list, not as "db1 and db2 and db3".
     */
    public static LintText names(Collection<String> names) {
        Iterator<String> it = names.iterator();
        if (!it.hasNext()) return literal("");
        LintText t = literal(it.next());
        while (it.hasNext()) {
            String n = it.next();
            t = it.hasNext() ? of("lint.list", t, n) : of("lint.and", t, n);
        }
        return t;
    }

    /** The lint bundle of a supported locale. */
    static ResourceBundle bundle(Locale l) { return bundle(BUNDLE, l); }
}
