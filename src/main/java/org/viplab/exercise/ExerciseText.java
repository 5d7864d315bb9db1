package org.viplab.exercise;

import org.viplab.core.util.BundleText;

import java.util.Objects;

/** A text of {@code org/viplab/i18n/exercise*.properties} and its arguments, rendered in the reader's language. */
public final class ExerciseText extends BundleText {
    static final String BUNDLE = "org.viplab.i18n.exercise";

    private ExerciseText(String key, Object[] args) { super(BUNDLE, key, args); }

    public static ExerciseText of(String key, Object... args) {
        return new ExerciseText(Objects.requireNonNull(key), args.clone());
    }
}
