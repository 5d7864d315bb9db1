package org.viplab.drill;

/** A drill file that cannot be used, with where the problem is. */
public class DrillException extends Exception {
    private final String source;
    private final int line;
    private final int column;

    public DrillException(String source, int line, int column, String message) {
        super(message);
        this.source = source;
        this.line = line;
        this.column = column;
    }

    public String source() { return source; }

    public int line() { return line; }

    /** "samples/drills/x.json:12:5: what is wrong" */
    @Override
    public String toString() {
        return source + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "") + ": " + getMessage();
    }
}
