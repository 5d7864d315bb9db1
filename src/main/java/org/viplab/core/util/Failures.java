package org.viplab.core.util;

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
}
