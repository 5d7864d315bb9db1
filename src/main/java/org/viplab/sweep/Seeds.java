package org.viplab.sweep;

/** A range of seeds, {@code --seeds 1-1000} or a single {@code --seeds 7}: first to last, both included. */
public record Seeds(long first, long last) {
    /** Seeds are drill seeds (a whole number); kept below 10^12 so a range never overflows or reads as a typo. */
    public static final long MAX_SEED = 999_999_999_999L;

    public Seeds {
        if (first < 0 || last > MAX_SEED || last < first) throw new IllegalArgumentException("seeds " + first + "-" + last);
    }

    public static Seeds parse(String text) throws SweepException {
        String t = text.trim();
        String hint = "--seeds " + text + ": write FIRST-LAST (e.g. 1-1000) or one seed, whole numbers from 0 to " + MAX_SEED;
        if (!t.matches("\\d{1,12}(-\\d{1,12})?")) throw new SweepException(hint);
        int dash = t.indexOf('-');
        long a = Long.parseLong(dash < 0 ? t : t.substring(0, dash));
        long b = dash < 0 ? a : Long.parseLong(t.substring(dash + 1));
        if (b < a) throw new SweepException("--seeds " + text + ": the last seed is before the first");
        return new Seeds(a, b);
    }

    public long count() { return last - first + 1; }

    @Override
    public String toString() { return first == last ? Long.toString(first) : first + "-" + last; }
}
