package org.viplab.charts;

/**
 * How much lab time the live charts show at a speed. At a fixed 60 s window a failover at 100x would scroll off the
 * charts in 0.6 s of wall time, before anyone has read it; so the window holds {@link #WALL_SECONDS} of wall time
 * at any speed, never less than {@link #MIN_SECONDS} of lab time (at 1x and 2x a minute of context, as before) and
 * never more than {@link #MAX_SECONDS} (beyond an hour a few seconds' failover is narrower than a pixel column).
 * At 1x: 60 s; 5x: 150 s; 10x: 300 s; 100x: 3000 s. Real hosts run at 1x.
 */
public final class LiveWindow {
    /** Wall seconds an event stays on the live charts at any speed (until the bound). */
    public static final double WALL_SECONDS = 30;
    public static final double MIN_SECONDS = 60;
    public static final double MAX_SECONDS = 3600;

    private LiveWindow() { }

    /** The live window in lab seconds at {@code speed} (lab seconds per wall second; below 1 counts as 1). */
    public static double seconds(double speed) {
        double s = Math.max(1, speed) * WALL_SECONDS;
        return Math.max(MIN_SECONDS, Math.min(MAX_SECONDS, s));
    }

    /** For how many wall seconds an event stays in view at {@code speed} once it reached the charts' right edge. */
    public static double wallSecondsInView(double speed) { return seconds(speed) / Math.max(1, speed); }
}
