package org.viplab.replay;

/**
 * One line of an incident input with its timestamp read: where it came from (for messages and for "what each
 * file contributed"), its host's wall-clock time, how fine that stamp is, the syslog program when the line
 * had a tag, and the text after the stamp.
 */
public record StampedLine(String file, int line, long epochUs, long resolutionUs, String program, String text) {
    /** "file:line", as errors and the sources list name a line. */
    public String where() { return file + ":" + line; }
}
