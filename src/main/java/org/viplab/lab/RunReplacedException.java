package org.viplab.lab;

/** A drill's run was replaced under it (the user reset the lab): the drill cannot go on. */
public final class RunReplacedException extends IllegalStateException {
    public RunReplacedException(Throwable cause) {
        super("the lab was reset during the drill", cause);
    }
}
