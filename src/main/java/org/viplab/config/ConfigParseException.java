package org.viplab.config;

import java.util.Locale;

/**
 * The one exception the config parsers throw for bad input: a syntax error (unbalanced braces, an
 * unterminated quote, a missing value), an include that cannot be read, or a file over the size limit.
 * The message always names the file, line and column and says what was expected, e.g.
 * {@code keepalived.conf:12:5: expected a number after "priority", got "high"}.
 * Everything else a parser meets that it does not understand is kept and reported as a note instead.
 * The reason is a {@link ConfigText}: {@link #getMessage()} and {@link #reason()} read English,
 * {@link #message(Locale)} and {@link #reason(Locale)} another language.
 */
public class ConfigParseException extends Exception {
    private final SourcePos pos;
    private final ConfigText reason;

    public ConfigParseException(SourcePos pos, String reason) {
        this(pos, ConfigText.literal(reason));
    }

    public ConfigParseException(SourcePos pos, ConfigText reason) {
        super(pos + ": " + reason.english());
        this.pos = pos;
        this.reason = reason;
    }

    public SourcePos pos() { return pos; }

    /** The message without the position, in English. */
    public String reason() { return reason.english(); }

    public String reason(Locale l) { return reason.render(l); }

    public ConfigText reasonText() { return reason; }

    /** {@code file:line:col: reason} in a language. */
    public String message(Locale l) { return pos + ": " + reason(l); }
}
