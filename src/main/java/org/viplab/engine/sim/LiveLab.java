package org.viplab.engine.sim;

import org.viplab.core.timeline.Actor;
import org.viplab.lab.Action;
import org.viplab.lab.DrillLab;
import org.viplab.lab.Lab;
import org.viplab.lab.RunReplacedException;
import org.viplab.core.model.Topology;
import org.viplab.core.timeline.Timeline;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The live simulation seen as a {@link Lab}, so that the drill runner can drive the app's one simulation and
 * its one timeline. The runner's thread blocks while the engine thread lets virtual time flow (at the app's
 * speed, or as fast as possible) up to each step and holds it there; the step's action then runs at exactly
 * that virtual time, as on the command line, so the drill produces the same timeline. Bound to the run that is
 * current when it is made: after a reset, every call fails instead of acting on a lab the drill did not start.
 */
public final class LiveLab implements DrillLab {
    private final LiveSimulation live;
    private final boolean fastest;
    private final Timeline timeline;
    private final Topology topology;
    private volatile boolean aborted;
    private volatile CompletableFuture<Long> waiting;

    /**
     * Bound to the run current now. Prefer {@link #LiveLab(LiveSimulation, boolean, LiveSimulation.Run)} right
     * after a reset: by the time this runs, a reset queued behind the drill's may already be current.
     *
     * @param fastest run as fast as the CPU allows instead of at the live simulation's speed
     */
    public LiveLab(LiveSimulation live, boolean fastest) {
        this(live, fastest, new LiveSimulation.Run(live.timeline(), live.topology()));
    }

    /** Bound to {@code run}, as {@link LiveSimulation#resetForDrill} gave it. */
    public LiveLab(LiveSimulation live, boolean fastest, LiveSimulation.Run run) {
        this.live = live;
        this.fastest = fastest;
        this.timeline = run.timeline();
        this.topology = run.topology();
    }

    @Override
    public Topology topology() { return topology; }

    @Override
    public Timeline timeline() { return timeline; }

    @Override
    public String engine() { return "sim"; }

    @Override
    public long now() { return live.now(); }

    @Override
    public void apply(Action action, Actor by) {
        checkSameRun();
        // Checked again on the engine thread, in the same step as the action: a reset may be queued in between.
        await(live.submit(lab -> {
            checkSameRun();
            lab.apply(action, by);
            return null;
        }));
    }

    /** Blocks until virtual time reaches {@code timeUs}; returns early, without getting there, once aborted. */
    @Override
    public void runUntil(long timeUs) throws InterruptedException {
        checkSameRun();
        if (aborted) return;
        CompletableFuture<Long> f = live.runTo(timeUs, fastest, timeline);
        waiting = f;
        if (aborted) return;
        try {
            f.get();
        } catch (CancellationException e) {
            if (!aborted) throw new RunReplacedException(e);
        } catch (ExecutionException e) {
            if (!aborted) throw new RunReplacedException(e.getCause());
        }
    }

    @Override
    public void restore(Actor by) {
        checkSameRun();
        await(live.submit(lab -> {
            checkSameRun();
            lab.restore(by);
            return null;
        }));
    }

    /** Stops waiting; the runner sees its own abort flag and runs the restore at the current time. */
    @Override
    public void abort() {
        aborted = true;
        CompletableFuture<Long> f = waiting;
        if (f != null) f.cancel(false);
    }

    /** Lets time flow freely again. */
    @Override
    public void close() { live.releaseHold(); }

    private void checkSameRun() {
        if (live.timeline() != timeline) throw new RunReplacedException(null);
    }

    private static void await(CompletableFuture<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        }
    }
}
