package org.viplab.lab;

import org.viplab.core.timeline.Actor;
import org.viplab.core.model.Topology;
import org.viplab.core.timeline.Timeline;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A lab that runs on its own while the app watches it: the simulator in (scaled) wall time, or real hosts
 * over SSH. The app drives it only through here, and sees what happens only through its timeline; a new run
 * (a reset, a reconnect, a drill's t = 0) starts a new timeline and tells the {@link RunListener}s first.
 * Commands return at once with a future; none of them blocks the caller. No JavaFX here.
 */
public interface LiveEngine extends AutoCloseable {
    /** Told, on the engine's own thread, when a new run and its timeline start, before its first event. */
    @FunctionalInterface
    interface RunListener {
        void runStarted(Timeline timeline, Topology topology);
    }

    /** "sim" or "ssh". */
    String engine();

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

    /** True for a run that can only be looked at (a recording): every action fails. */
    default boolean readOnly() { return false; }

    @Override
    void close();
}
