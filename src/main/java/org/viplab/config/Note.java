package org.viplab.config;

import java.util.Locale;

/**
 * Something a parser kept but did not act on (an unknown keyword, an ignored value), with its position.
 * The text is a {@link ConfigText}, read in a language with {@link #message(Locale)}; {@link #message()}
 * reads English.
 */
public record Note(SourcePos pos, ConfigText text) {
    /** A note with a fixed text (the same in every language). */
    public Note(SourcePos pos, String message) {
        this(pos, ConfigText.literal(message));
    }

    /** The text in English. */
    public String message() { return text.english(); }

    public String message(Locale l) { return text.render(l); }

    /** {@code file:line:col: text} in a language. */
    public String toString(Locale l) { return pos + ": " + message(l); }

    @Override
    public String toString() { return toString(Locale.ENGLISH); }
}
