package org.viplab.core.util;

/**
 * A failure that says what went wrong in no language yet. Engines throw these instead of English sentences, so
 * the app shows them in the user's language and the command line in English (or its {@code --lang}); read one
 * through {@link Failures#text(Throwable)}. {@link Throwable#getMessage()} stays the English text, for logs.
 */
public interface Localized {
    BundleText text();
}
