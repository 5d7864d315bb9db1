package org.viplab.exercise;

/**
 * What an exercise's time limit does to answers given after it (samples/exercises/README.md): by default they
 * lock (the app takes no more input, and the judge counts an answer last changed after the limit as not given);
 * or, with {@code "overTime": {"penaltyPerMinute": P}}, late answers count but lose P % of the task's points per
 * started minute late. The seconds come from the answer file, so a trainer's scoreboard applies the same rule.
 *
 * @param penaltyPercentPerMinute 0: lock; 1–100: the penalty per started minute late
 */
public record OverTime(int penaltyPercentPerMinute) {
    public static final OverTime LOCK = new OverTime(0);

    public OverTime {
        if (penaltyPercentPerMinute < 0 || penaltyPercentPerMinute > 100) throw new IllegalArgumentException("penaltyPerMinute must be 0 to 100");
    }

    /** Whether answers after the limit are refused rather than docked. */
    public boolean locks() { return penaltyPercentPerMinute == 0; }

    /** Points left of {@code points} (out of {@code max}) for an answer {@code lateSec} seconds after the limit. */
    public double afterPenalty(double points, int max, long lateSec) {
        if (lateSec <= 0) return points;
        if (locks()) return 0;
        long minutes = (lateSec + 59) / 60;
        double cut = max * Math.min(100, minutes * penaltyPercentPerMinute) / 100.0;
        return Math.max(0, points - cut);
    }
}
