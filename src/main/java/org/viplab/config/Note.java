package org.viplab.config;

/** Something a parser kept but did not act on (an unknown keyword, an ignored value), with its position. */
public record Note(SourcePos pos, String message) {
    @Override
    public String toString() { return pos + ": " + message; }
}
