package org.viplab.engine.sim;

import java.util.function.LongSupplier;

/**
 * Maps the wall clock to virtual time at a speed: one simulated second per 1/speed wall seconds, counted from the
 * last {@link #anchor}. Re-anchoring on every change of speed, pause or hold keeps wall time that did not flow
 * (paused, held) from counting. Used on the engine thread only; the clock is injectable for tests.
 */
final class WallPace {
    private final LongSupplier nanoClock;
    private long anchorVirtualUs;
    private long anchorWallNanos;

    WallPace(LongSupplier nanoClock) { this.nanoClock = nanoClock; }

    void anchor(long virtualUs) {
        anchorVirtualUs = virtualUs;
        anchorWallNanos = nanoClock.getAsLong();
    }

    /** The virtual time that the wall clock says it is now, at {@code speed}. */
    long targetUs(int speed) {
        long wallUs = (nanoClock.getAsLong() - anchorWallNanos) / 1000;
        return anchorVirtualUs + wallUs * speed;
    }
}
