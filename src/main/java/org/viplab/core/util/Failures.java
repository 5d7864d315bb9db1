package org.viplab.core.util;

import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** The one place that unwraps what futures wrap around a failure. */
public final class Failures {
    private Failures() { }

    /** The failure itself, without the CompletionException / ExecutionException layers futures add. */
    public static Throwable root(Throwable t) {
        while (t.getCause() != null && (t instanceof CompletionException || t instanceof ExecutionException)) t = t.getCause();
        return t;
    }

    /** The root failure's message, or its class when it has none. */
    public static String message(Throwable t) {
        Throwable r = root(t);
        return r.getMessage() != null ? r.getMessage() : r.toString();
    }

    /**
     * The root failure's message in no language yet: its own text when it is {@link Localized} (the engines'
     * failures), else its message as it is. The UI passes it to its texts, which render it in the user's language.
     */
    public static BundleText text(Throwable t) {
        Throwable r = root(t);
        return r instanceof Localized l ? l.text() : BundleText.literal(message(r));
    }

    /** The root failure's message in a language (English for any but zh). */
    public static String message(Throwable t, Locale l) { return text(t).render(l); }
}
