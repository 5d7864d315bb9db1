package org.viplab.lab;

/**
 * What can be done to a process, a host or a link. The timing faults (stall, delay, loss, slow) carry an
 * amount ({@link Action.Amount}); each is undone by {@link #undoneBy()} or by the implicit restore.
 */
public enum Verb {
    START, STOP, KILL, HANG, RESUME, RESTART, CUT, HEAL,
    /** {@code stall HOST for D}: the host's processes get no CPU for D. */
    STALL,
    /** {@code delay LINK by D [jitter J]}: netem-style delay on a path, each direction. */
    DELAY,
    /** {@code loss LINK P%}: netem-style random loss on a path, each direction. */
    LOSS,
    /** {@code slow HOST/mysqld by D}: every query answers D late. */
    SLOW;

    public String id() { return name().toLowerCase(); }

    /** Verbs whose targets are links (cut, heal, delay, loss). */
    public boolean forLinks() { return this == CUT || this == HEAL || this == DELAY || this == LOSS; }

    /** Whether this verb carries an amount (a duration, a delay, a loss rate). */
    public boolean timingFault() { return this == STALL || this == DELAY || this == LOSS || this == SLOW; }

    /** The verb that undoes this timing fault before its time (a stall also ends by itself), or null. */
    public Verb undoneBy() {
        return switch (this) {
            case STALL, SLOW -> RESUME;
            case DELAY, LOSS -> HEAL;
            default -> null;
        };
    }

    public static Verb fromId(String id) {
        for (Verb v : values()) if (v.id().equals(id)) return v;
        return null;
    }
}
