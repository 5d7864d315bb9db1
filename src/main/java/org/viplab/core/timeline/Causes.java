package org.viplab.core.timeline;

import java.util.Arrays;

/**
 * The cause side-table of a timeline: for each event id (its append index), the id of the earlier event that
 * caused it, or {@link #NONE} for a root (a user's or drill's action, a timer, anything spontaneous). Kept
 * beside the events rather than in them, so the event records stay what was seen and the causes can be exact
 * (simulator) or inferred (real hosts) without changing them. Immutable.
 */
public final class Causes {
    /** No cause known: the event is a root. */
    public static final long NONE = -1;

    private static final Causes EMPTY = new Causes(new long[0]);

    private final long[] causeOf;

    private Causes(long[] causeOf) { this.causeOf = causeOf; }

    /** Every event a root. */
    public static Causes none() { return EMPTY; }

    /** From an array indexed by event id; copied. */
    public static Causes of(long[] causeOf) { return new Causes(causeOf.clone()); }

    /** The cause of event {@code id}, or {@link #NONE}: also for ids past the table's end. */
    public long causeOf(long id) {
        return id >= 0 && id < causeOf.length ? causeOf[(int) id] : NONE;
    }

    /** How many ids the table covers. */
    public int size() { return causeOf.length; }

    /** Whether any event has a cause. */
    public boolean any() {
        for (long c : causeOf) if (c != NONE) return true;
        return false;
    }

    @Override
    public boolean equals(Object o) { return o instanceof Causes c && Arrays.equals(causeOf, c.causeOf); }

    @Override
    public int hashCode() { return Arrays.hashCode(causeOf); }

    @Override
    public String toString() { return "Causes" + Arrays.toString(causeOf); }
}
