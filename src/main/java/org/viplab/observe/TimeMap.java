package org.viplab.observe;

/**
 * Places a remote host's timestamps on the lab's time line. A real host stamps its lines with its own clock;
 * the engine measured that clock's offset at connect, so a line's host time becomes a lab time here.
 */
public interface TimeMap {
    /** Lab microseconds for a host wall-clock time in epoch microseconds. */
    long labUs(long hostEpochUs);

    /** Lab microseconds now: for lines that carry no timestamp of their own. */
    long nowLabUs();

    /** Host time is lab time (tests, and fixtures read back as recorded). */
    static TimeMap identity() {
        return new TimeMap() {
            public long labUs(long hostEpochUs) { return hostEpochUs; }

            public long nowLabUs() { return System.currentTimeMillis() * 1000; }
        };
    }

    /** Lab time = host epoch time minus the host's clock offset minus the lab's epoch at t = 0. */
    static TimeMap offset(long labZeroEpochUs, long hostOffsetUs) {
        return new TimeMap() {
            public long labUs(long hostEpochUs) { return hostEpochUs - hostOffsetUs - labZeroEpochUs; }

            public long nowLabUs() { return System.currentTimeMillis() * 1000 - labZeroEpochUs; }
        };
    }
}
