package org.viplab.replay;

import org.viplab.core.util.BundleText;

import java.util.Objects;

/**
 * A replay text in no language yet: a key of {@code org/viplab/i18n/replay*.properties} and its arguments, so a
 * finding is built once and read in English on the command line and in Chinese in a zh-CN report.
 */
public final class ReplayText extends BundleText {
    static final String BUNDLE = "org.viplab.i18n.replay";

    private ReplayText(String key, Object[] args) { super(BUNDLE, key, args); }

    public static ReplayText of(String key, Object... args) {
        return new ReplayText(Objects.requireNonNull(key), args.clone());
    }
}
