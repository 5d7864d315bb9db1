package org.viplab.cli;

/** Exit codes shared by every command. */
public final class ExitCodes {
    public static final int OK = 0;
    /** A drill expectation or a lint error: the tool worked, the lab did not pass. */
    public static final int FAILED = 1;
    /** Bad input: a file that cannot be read or parsed, a wrong option. */
    public static final int BAD_INPUT = 2;
    /** The engine itself failed (a host unreachable, a remote command that broke). */
    public static final int ENGINE = 3;

    private ExitCodes() { }
}
