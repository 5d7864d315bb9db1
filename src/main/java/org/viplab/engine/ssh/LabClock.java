package org.viplab.engine.ssh;

import org.viplab.observe.TimeMap;

import java.time.Clock;
import java.time.Instant;

/**
 * The SSH engine's one reading of the time: the injected wall clock, and lab time as microseconds since the
 * run's t = 0. Host clocks are wall clocks too, so a host's line is placed through its measured offset.
 */
final class LabClock {
    private final Clock clock;
    private volatile long zeroEpochUs;

    LabClock(Clock clock) {
        this.clock = clock;
        this.zeroEpochUs = epochUs();
    }

    /** Wall time now, in epoch microseconds. */
    long epochUs() {
        Instant i = clock.instant();
        return i.getEpochSecond() * 1_000_000 + i.getNano() / 1000;
    }

    /** Lab time now. */
    long nowUs() { return epochUs() - zeroEpochUs; }

    /** Makes now the lab's t = 0. */
    void restartAtZero() { zeroEpochUs = epochUs(); }

    /** Places a host's epoch times on the lab's time line, for a host clock {@code hostOffsetUs} ahead of ours. */
    TimeMap forOffset(long hostOffsetUs) {
        return new TimeMap() {
            public long labUs(long hostEpochUs) { return hostEpochUs - hostOffsetUs - zeroEpochUs; }

            public long nowLabUs() { return nowUs(); }
        };
    }
}
