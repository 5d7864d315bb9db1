package org.viplab.replay;

/**
 * An incident input that cannot be read: the message names the file and the line (or, in a capture, the byte
 * offset) and what is wrong there. The command line maps it to exit code 2.
 */
public final class IncidentException extends Exception {
    public IncidentException(String message) { super(message); }

    /** "{@code file:line: what}". */
    public static IncidentException at(Object file, long line, String what) {
        return new IncidentException(file + ":" + line + ": " + what);
    }
}
