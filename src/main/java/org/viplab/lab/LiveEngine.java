package org.viplab.lab;

import org.viplab.core.timeline.Actor;
import org.viplab.core.model.Topology;
import org.viplab.core.timeline.Timeline;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * A lab that runs on its own while the app watches it: the simulator in (scaled) wall time, or real hosts
 * over SSH. The app drives it only through here, and sees what happens only through its timeline; a new run
 * (a reset, a reconnect, a drill's t = 0) starts a new timeline and tells the {@link RunListener}s first.
 * Commands return at once with a future; none of them blocks the caller. The app asks a run what it can do
 * ({@link #capabilities()}), never which class it is. No JavaFX here.
 */
public interface LiveEngine extends AutoCloseable {
    /** Told, on the engine's own thread, when a new run and its timeline start, before its first event. */
    @FunctionalInterface
    interface RunListener {
        void runStarted(Timeline timeline, Topology topology);
    }

    /** Which kind of engine this is, for files and reports; views ask {@link #capabilities()} instead. */
    Engine engine();

    /** What this run can do; the UI enables its controls by these. */
    Set<Capability> capabilities();

    default boolean can(Capability c) { return capabilities().contains(c); }

    /** The run's clock controls, present exactly when it has {@link Capability#TIME_CONTROLS}. */
    default Optional<TimeControls> timeControls() { return Optional.empty(); }

    Timeline timeline();

    Topology topology();

    /** The lab clock in microseconds since the current run's t = 0. */
    long now();

    /** Applies an action now; it appears on the timeline as an ActionApplied. */
    CompletableFuture<Void> apply(Action action, Actor by);

    /** Puts everything back: resume, heal, start what is stopped. */
    CompletableFuture<Void> restore(Actor by);

    /** Adds a listener and tells it about the current run at once (on the engine's thread). */
    CompletableFuture<Void> addRunListener(RunListener l);

    void removeRunListener(RunListener l);

    /**
     * What an action would run on real hosts ("db1$ service mysql stop"), so that the user sees it before it
     * runs; empty for the simulator. Throws IllegalArgumentException or UnsupportedOperationException when the
     * action cannot be done here.
     */
    default List<String> commandsFor(Action action) { return List.of(); }

    /** The current run at one instant (its events up to the lab clock), read consistently on the engine's side. */
    CompletableFuture<RunSnapshot> snapshot();

    /**
     * Starts a drill's t = 0, on the caller's (drill) thread, which it may block (the simulator restarts on the
     * drill's topology and seed; real hosts restore and wait for their baseline). The returned lab is bound to
     * the new run. Engines without {@link Capability#DRILLS} throw UnsupportedOperationException.
     */
    default DrillLab startDrill(DrillStart start) throws InterruptedException {
        throw LabText.unsupported("engine.noDrills", engine().id());
    }

    @Override
    void close();
}
