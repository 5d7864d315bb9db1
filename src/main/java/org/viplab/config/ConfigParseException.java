package org.viplab.config;

/**
 * The one exception the config parsers throw for bad input: a syntax error (unbalanced braces, an
 * unterminated quote, a missing value), an include that cannot be read, or a file over the size limit.
 * The message always names the file, line and column and says what was expected, e.g.
 * {@code keepalived.conf:12:5: expected a number after "priority", got "high"}.
 * Everything else a parser meets that it does not understand is kept and reported as a note instead.
 */
public class ConfigParseException extends Exception {
    private final SourcePos pos;
    private final String reason;

    public ConfigParseException(SourcePos pos, String reason) {
        super(pos + ": " + reason);
        this.pos = pos;
        this.reason = reason;
    }

    public SourcePos pos() { return pos; }

    /** The message without the position. */
    public String reason() { return reason; }
}
