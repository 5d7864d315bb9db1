package org.viplab.session;

/** The bytes all of a session's entries may inflate to together. */
final class Budget {
    private final long max;
    private long used;

    Budget(long max) { this.max = max; }

    long max() { return max; }

    /** Takes {@code n} bytes; false once the total is over the cap. */
    boolean take(long n) {
        used += n;
        return used <= max;
    }
}
