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

    /** Either a table, or (for a view of a timeline) null with {@code lookup} and {@code size} set. */
    private final long[] causeOf;
    private final java.util.function.IntToLongFunction lookup;
    private final int size;

    private Causes(long[] causeOf) {
        this.causeOf = causeOf;
        this.lookup = null;
        this.size = causeOf.length;
    }

    private Causes(int size, java.util.function.IntToLongFunction lookup) {
        this.causeOf = null;
        this.lookup = lookup;
        this.size = size;
    }

    /** A read-only view of {@code size} causes read through {@code lookup} (a timeline's store): no copy. */
    static Causes view(int size, java.util.function.IntToLongFunction lookup) { return new Causes(size, lookup); }

    /** Every event a root. */
    public static Causes none() { return EMPTY; }

    /** From an array indexed by event id; copied. */
    public static Causes of(long[] causeOf) { return new Causes(causeOf.clone()); }

    /** The cause of event {@code id}, or {@link #NONE}: also for ids past the table's end. */
    public long causeOf(long id) {
        if (id < 0 || id >= size) return NONE;
        return causeOf != null ? causeOf[(int) id] : lookup.applyAsLong((int) id);
    }

    /** How many ids the table covers. */
    public int size() { return size; }

    /** Whether any event has a cause. */
    public boolean any() {
        for (int i = 0; i < size; i++) if (causeOf(i) != NONE) return true;
        return false;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Causes c) || c.size != size) return false;
        for (int i = 0; i < size; i++) if (causeOf(i) != c.causeOf(i)) return false;
        return true;
    }

    @Override
    public int hashCode() { return Arrays.hashCode(table()); }

    @Override
    public String toString() { return "Causes" + Arrays.toString(table()); }

    private long[] table() {
        if (causeOf != null) return causeOf;
        long[] t = new long[size];
        for (int i = 0; i < size; i++) t[i] = causeOf(i);
        return t;
    }
}
