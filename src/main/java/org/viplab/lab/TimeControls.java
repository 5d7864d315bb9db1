package org.viplab.lab;

import org.viplab.core.model.Topology;
import org.viplab.core.timeline.LabEvent;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The clock of a run that lives in virtual time (the simulator): what the toolbar's pause, step and speed
 * buttons and the settings' restart do. Every command returns at once with a future.
 */
public interface TimeControls {
    /** The speeds offered (1x, 2x, ...). */
    List<Integer> SPEEDS = List.of(1, 2, 5, 10, 100);

    boolean paused();

    int speed();

    /** The seed of the current run. */
    long seed();

    CompletableFuture<Void> pause();

    CompletableFuture<Void> play();

    /** Runs every event at the next event time and stops there (pausing first); completes with the new time. */
    CompletableFuture<Long> stepToNextEvent();

    /**
     * Steps event time by event time until one of the events it ran is {@code wanted} (what the event list shows),
     * or {@code maxUs} of virtual time passed; completes with the new time. "Next event" skips what is hidden.
     */
    default CompletableFuture<Long> stepUntil(java.util.function.Predicate<LabEvent> wanted, long maxUs) { return stepToNextEvent(); }

    /**
     * Pauses the running clock at the first event that is {@code when} (null: never), at that event's own time rather
     * than when a viewer notices it: at 100x a notice comes seconds of lab time late. Not while a drill holds the run.
     */
    default CompletableFuture<Void> pauseWhen(java.util.function.Predicate<LabEvent> when) { return CompletableFuture.completedFuture(null); }

    /** One of {@link #SPEEDS}. */
    CompletableFuture<Void> setSpeed(int speed);

    /** Starts {@code topology} afresh at t = 0 on a new timeline; {@code why}, when given, is logged on it. */
    CompletableFuture<Void> reset(Topology topology, String why);

    /**
     * Rebuilds a saved run: starts {@code topology} with {@code seed} at t = 0, applies {@code actions} at their
     * times as fast as possible up to {@code endUs}, and completes with the rebuilt run (pause state unchanged).
     */
    CompletableFuture<RunSnapshot> replay(Topology topology, long seed, List<LabEvent.ActionApplied> actions, long endUs, String why);
}
