package org.viplab.sweep;

/** A sweep that cannot start: a seed range or a {@code --set} that does not fit the drill. The message says which. */
public final class SweepException extends Exception {
    public SweepException(String message) { super(message); }
}
