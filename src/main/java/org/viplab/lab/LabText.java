package org.viplab.lab;

import org.viplab.core.util.BundleText;
import org.viplab.core.util.Localized;

import java.util.List;
import java.util.Objects;

/**
 * What the lab and its engines say in no language yet: a key of {@code org/viplab/i18n/lab*.properties} and its
 * arguments (see {@link BundleText}): why an action, a target or an inventory is refused, what a host lacks, why a
 * remote command failed. Host names, addresses, commands and what a host or a library answered are arguments,
 * never translated. The exceptions below carry one, so the engines stay free of bundles and of the UI, and a
 * message is rendered where it is shown: the app in the user's language, the command line in English.
 */
public final class LabText extends BundleText {
    static final String BUNDLE = "org.viplab.i18n.lab";

    private LabText(String key, Object[] args) { super(BUNDLE, key, args); }

    /** The text of {@code key} with its arguments. */
    public static LabText of(String key, Object... args) {
        return new LabText(Objects.requireNonNull(key), args.clone());
    }

    /** Texts one after the other, "a; b; c" (what a restore could not do). */
    public static BundleText joined(List<? extends BundleText> texts) {
        BundleText out = texts.get(0);
        for (int i = 1; i < texts.size(); i++) out = of("joined", out, texts.get(i));
        return out;
    }

    /** Bad input: an action, target, amount or inventory the lab refuses. */
    public static IllegalArgumentException refused(String key, Object... args) { return new Refused(of(key, args), null); }

    /** Bad input, with the failure that revealed it (a JSON syntax error). */
    public static IllegalArgumentException refused(Throwable cause, String key, Object... args) {
        return new Refused(of(key, args), cause);
    }

    /** Something these hosts or this kind of run cannot do (no netem, no iptables, a recording). */
    public static UnsupportedOperationException unsupported(String key, Object... args) { return unsupported(of(key, args)); }

    /** {@link #unsupported(String, Object...)} of a text already made (what a host lacks). */
    public static UnsupportedOperationException unsupported(BundleText why) { return new Unsupported(why); }

    /** The engine could not go on: a baseline never reached, a remote failure under an action. */
    public static IllegalStateException failed(BundleText text, Throwable cause) { return new Failed(text, cause); }

    /** {@link #failed(BundleText, Throwable)} of a key. */
    public static IllegalStateException failed(String key, Object... args) { return new Failed(of(key, args), null); }

    private static final class Refused extends IllegalArgumentException implements Localized {
        private final transient BundleText text;

        Refused(BundleText text, Throwable cause) {
            super(text.english(), cause);
            this.text = text;
        }

        public BundleText text() { return text; }
    }

    private static final class Unsupported extends UnsupportedOperationException implements Localized {
        private final transient BundleText text;

        Unsupported(BundleText text) {
            super(text.english());
            this.text = text;
        }

        public BundleText text() { return text; }
    }

    private static final class Failed extends IllegalStateException implements Localized {
        private final transient BundleText text;

        Failed(BundleText text, Throwable cause) {
            super(text.english(), cause);
            this.text = text;
        }

        public BundleText text() { return text; }
    }
}
