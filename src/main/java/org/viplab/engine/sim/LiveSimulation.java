package org.viplab.engine.sim;

import org.viplab.core.timeline.Actor;
import org.viplab.lab.Action;
import org.viplab.lab.Capability;
import org.viplab.lab.DrillLab;
import org.viplab.lab.DrillStart;
import org.viplab.lab.Engine;
import org.viplab.lab.LiveEngine;
import org.viplab.lab.RunListeners;
import org.viplab.lab.RunSnapshot;
import org.viplab.lab.TimeControls;
import org.viplab.core.model.Topology;
import org.viplab.core.model.TopologyJson;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Timeline;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * A {@link SimulatedLab} running in (scaled) wall time on its own daemon thread, for the desktop app.
 * At speed s one simulated second takes 1/s wall seconds. Everything that touches the lab goes through a
 * command queue and runs on that thread, so the lab stays single-threaded; callers get a future that
 * completes once the command ran. What happens reaches readers only through the {@link Timeline}; a reset
 * starts a fresh timeline and tells the {@link RunListener}s first. No JavaFX here.
 */
public final class LiveSimulation implements LiveEngine, TimeControls {
    private static final Set<Capability> CAPABILITIES = Set.of(Capability.TIME_CONTROLS, Capability.DRILLS, Capability.RECORD_DRILLS);

    /** The longest the engine thread sleeps while running, so that it re-reads the wall clock often. */
    private static final long MAX_SLEEP_NANOS = 10_000_000;

    private final BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
    /** Touched on the engine thread only, so that runs and new listeners are told in order. */
    private final RunListeners runs;
    private final WallPace pace;
    private final Thread thread;

    // Owned by the engine thread.
    private SimulatedLab lab;
    private boolean closed;
    private final DrillHold hold = new DrillHold();
    /** Pause at the first such event while running freely (the app's "pause on a VIP change"); null: never. */
    private java.util.function.Predicate<LabEvent> pauseWhen;

    // Published for readers on other threads.
    private volatile boolean paused;
    private volatile int speed = 1;
    private volatile long nowUs;
    private volatile long seed;

    /** A simulation of {@code topology} at t = 0, running at 1x. Call {@link #start()} to let time pass. */
    public LiveSimulation(Topology topology, long seed) {
        this(topology, seed, System::nanoTime);
    }

    /** With an injectable wall clock (nanoseconds), so that tests can move wall time by hand. */
    public LiveSimulation(Topology topology, long seed, LongSupplier nanoClock) {
        this.pace = new WallPace(nanoClock);
        this.seed = seed;
        this.thread = new Thread(this::loop, "viplab-sim");
        this.thread.setDaemon(true);
        Topology copy = TopologyJson.copy(topology);
        this.runs = new RunListeners(null, copy);
        queue.add(() -> startRun(copy, null));
    }

    public LiveSimulation start() {
        thread.start();
        return this;
    }

    @Override
    public Engine engine() { return Engine.SIM; }

    @Override
    public Set<Capability> capabilities() { return CAPABILITIES; }

    @Override
    public Optional<TimeControls> timeControls() { return Optional.of(this); }

    /** Adds a listener and, on the engine thread, tells it about the current run at once. */
    @Override
    public CompletableFuture<Void> addRunListener(RunListener l) {
        return submit(lab -> {
            runs.add(l);
            return null;
        });
    }

    @Override
    public void removeRunListener(RunListener l) { runs.remove(l); }

    /** The whole timeline and the virtual clock, read together on the engine thread. */
    @Override
    public CompletableFuture<RunSnapshot> snapshot() {
        return submit(lab -> RunSnapshot.upTo(Engine.SIM, runs.topology(), seed, runs.timeline().caused(), lab.now()));
    }

    /**
     * Restarts on the drill's topology and seed, holding t = 0 until the drill's first step, and binds the
     * drill's lab to that very run (a reset pressed meanwhile fails the drill, never hosts it).
     */
    @Override
    public DrillLab startDrill(DrillStart start) throws InterruptedException {
        try {
            return new LiveLab(this, start.fastest(), resetForDrill(start.topology(), start.seed(), "drill: " + start.name()).get());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        }
    }

    // ---- commands ---------------------------------------------------------------------------------

    /** Applies an action at the current virtual time; it appears on the timeline as an ActionApplied. */
    @Override
    public CompletableFuture<Void> apply(Action action, Actor by) {
        return submit(lab -> {
            lab.apply(action, by);
            return null;
        });
    }

    /** Puts everything back (resume, heal, start) at the current virtual time. */
    @Override
    public CompletableFuture<Void> restore(Actor by) {
        return submit(lab -> {
            lab.restore(by);
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> pause() {
        return submit(lab -> {
            paused = true;
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> play() {
        return submit(lab -> {
            if (paused) {
                paused = false;
                anchor();
            }
            return null;
        });
    }

    /**
     * Runs every event at the next event time and stops there; pauses first if running. Completes with the
     * new virtual time.
     */
    @Override
    public CompletableFuture<Long> stepToNextEvent() {
        return submit(lab -> {
            paused = true;
            long next = Math.min(lab.nextEventTime(), hold.limitUs());
            if (next != Long.MAX_VALUE && next > lab.now()) lab.runUntil(next);
            publishNow();
            hold.check(lab.now());
            return lab.now();
        });
    }

    /** As {@link #stepToNextEvent()}, repeated until an event it ran is {@code wanted} or {@code maxUs} passed. */
    @Override
    public CompletableFuture<Long> stepUntil(java.util.function.Predicate<LabEvent> wanted, long maxUs) {
        return submit(lab -> {
            paused = true;
            EventStepping.stepUntil(lab, runs.timeline(), wanted, Math.min(hold.limitUs(), lab.now() + Math.max(0, maxUs)));
            publishNow();
            hold.check(lab.now());
            return lab.now();
        });
    }

    @Override
    public CompletableFuture<Void> pauseWhen(java.util.function.Predicate<LabEvent> when) {
        return submit(lab -> {
            pauseWhen = when;
            return null;
        });
    }

    /** One of {@link #SPEEDS}; virtual time keeps flowing from where it is. */
    @Override
    public CompletableFuture<Void> setSpeed(int newSpeed) {
        if (!SPEEDS.contains(newSpeed)) throw new IllegalArgumentException("speed must be one of " + SPEEDS + ", got " + newSpeed);
        return submit(lab -> {
            speed = newSpeed;
            anchor();
            return null;
        });
    }

    /**
     * Throws the current run away and starts {@code newTopology} at t = 0 on a fresh timeline (same seed,
     * same pause state and speed). {@code why}, when given, is logged on the new timeline.
     */
    @Override
    public CompletableFuture<Void> reset(Topology newTopology, String why) {
        return checkedCopy(newTopology).thenCompose(copy -> submit(lab -> {
            startRun(copy, why);
            return null;
        }));
    }

    /**
     * Like {@link #reset(Topology, String)} with another seed, for a drill: it starts from its own topology and
     * seed, so that it produces the same timeline as on the command line. The new run holds at t = 0 (see
     * {@link #runTo}) until the drill's first {@code runTo} or {@link #releaseHold()}, so no virtual time passes
     * before the drill is ready, whatever the speed.
     */
    public CompletableFuture<Void> reset(Topology newTopology, long newSeed, String why) {
        return resetForDrill(newTopology, newSeed, why).thenApply(run -> null);
    }

    /** One run of the simulation: its timeline (a new one per reset) and its topology. */
    public record Run(Timeline timeline, Topology topology) { }

    /**
     * {@link #reset(Topology, long, String)} that completes with the new run, read on the engine thread in the
     * same step as the reset. A drill binds its {@link LiveLab} to that run: reading {@link #timeline()} after
     * the future completes could already see a reset queued right behind (the user pressed Reset), and the
     * drill would then act on the user's run instead of failing.
     */
    public CompletableFuture<Run> resetForDrill(Topology newTopology, long newSeed, String why) {
        return checkedCopy(newTopology).thenCompose(copy -> submit(lab -> {
            seed = newSeed;
            startRun(copy, why);
            hold.holdOnly(this.lab.now()); // the new run's lab, not the old one passed in
            return new Run(runs.timeline(), runs.topology());
        }));
    }

    /**
     * For a drill driving the live lab: lets virtual time flow up to {@code timeUs} and holds it there (wall
     * time passes, virtual time does not) until the next {@code runTo} or {@link #releaseHold()}. Time flows at
     * the current speed, or as fast as the CPU allows when {@code fastest}; a pause pauses it either way.
     * Completes with the virtual time once there (at once if already past); completes exceptionally with a
     * CancellationException when the lab is reset first. Each call replaces the previous hold.
     */
    public CompletableFuture<Long> runTo(long timeUs, boolean fastest) {
        return runTo(timeUs, fastest, null);
    }

    /**
     * {@link #runTo(long, boolean)} for the run whose timeline is {@code run} only: when another run is current
     * by the time the engine gets to it, it completes with a CancellationException and holds nothing (a drill
     * never holds the user's fresh run). {@code run} null: whatever run is current.
     */
    public CompletableFuture<Long> runTo(long timeUs, boolean fastest, Timeline run) {
        return submit(lab -> {
            if (run != null && run != runs.timeline()) {
                return CompletableFuture.<Long>failedFuture(new CancellationException("the lab was reset"));
            }
            CompletableFuture<Long> f = hold.holdAt(timeUs, fastest);
            anchor(); // held wall time does not count
            catchUp();
            hold.check(lab.now());
            return f;
        }).thenCompose(f -> f);
    }

    /**
     * Rebuilds a saved run: the simulator is deterministic, so its topology, seed and actions at their times
     * give the very same timeline. An action that fails fails as it did the first time (its ActionApplied is
     * on the timeline). The hold is released afterwards; the pause state is the caller's.
     */
    @Override
    public CompletableFuture<RunSnapshot> replay(Topology newTopology, long newSeed, List<LabEvent.ActionApplied> actions, long endUs, String why) {
        return reset(newTopology, newSeed, why)
                .thenCompose(v -> submit(lab -> Replay.applyAll(lab, newTopology.nodeNames(), actions, endUs)))
                .thenCompose(now -> releaseHold().thenCompose(v -> submit(lab ->
                        RunSnapshot.upTo(Engine.SIM, runs.topology(), seed, runs.timeline().caused(), now))));
    }

    /** Lets virtual time flow freely again after a drill. */
    public CompletableFuture<Void> releaseHold() {
        return submit(lab -> {
            hold.clear(null);
            anchor();
            return null;
        });
    }

    /**
     * Test and script hook: runs the lab as fast as the CPU allows up to virtual time {@code timeUs} (pause
     * state unchanged; when running, wall time then carries on from there). Completes with the new time.
     */
    public CompletableFuture<Long> runFastUntil(long timeUs) {
        return submit(lab -> {
            if (timeUs > lab.now()) lab.runUntil(timeUs);
            anchor();
            return lab.now();
        });
    }

    /** Runs {@code query} on the engine thread with the lab; for state look-ups in tests. */
    public <T> CompletableFuture<T> submit(Function<SimulatedLab, T> query) {
        CompletableFuture<T> f = new CompletableFuture<>();
        queue.add(() -> {
            try {
                catchUp();
                f.complete(query.apply(lab));
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f;
    }

    // ---- readers ----------------------------------------------------------------------------------

    @Override
    public Timeline timeline() { return runs.timeline(); }

    @Override
    public Topology topology() { return runs.topology(); }

    @Override
    public boolean paused() { return paused; }

    @Override
    public int speed() { return speed; }

    /** Virtual time at the engine's last tick (microseconds). */
    @Override
    public long now() { return nowUs; }

    /** The seed of the current run. */
    @Override
    public long seed() { return seed; }

    @Override
    public void close() {
        queue.add(() -> closed = true);
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The engine's own copy of a topology (callers may change theirs), or a failed future naming its problems. */
    private static CompletableFuture<Topology> checkedCopy(Topology t) {
        List<String> problems = TopologyJson.problems(t);
        if (!problems.isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(String.join("; ", problems)));
        }
        return CompletableFuture.completedFuture(TopologyJson.copy(t));
    }

    // ---- engine thread ----------------------------------------------------------------------------

    private void startRun(Topology t, String why) {
        hold.clear(new CancellationException("the lab was reset"));
        Timeline fresh = new Timeline();
        runs.start(fresh, t);
        lab = SimulatedLab.steadyState(t, seed, fresh);
        if (why != null) fresh.accept(new LabEvent.LogLine(lab.now(), LabEvent.LAB, "settings", why));
        anchor();
        publishNow();
    }

    private void anchor() {
        pace.anchor(lab.now());
        publishNow();
    }

    private void publishNow() { nowUs = lab.now(); }

    /** Runs the lab up to the wall clock's virtual time (when running), never past a drill's hold. */
    private void catchUp() {
        if (lab == null || paused) return;
        long target = hold.fastest() ? hold.limitUs() : Math.min(pace.targetUs(speed), hold.limitUs());
        if (target > lab.now()) {
            // event time by event time only while someone waits for an event, and never under a drill's hold
            if (pauseWhen != null && hold.limitUs() == Long.MAX_VALUE && EventStepping.stepUntil(lab, runs.timeline(), pauseWhen, target)) {
                paused = true;
            } else if (target > lab.now()) {
                lab.runUntil(target);
            }
        }
        publishNow();
        hold.check(lab.now());
    }

    private boolean held() { return lab != null && hold.heldAt(lab.now()); }

    private void loop() {
        while (!closed) {
            try {
                Runnable cmd;
                if (paused || lab == null || held()) {
                    cmd = queue.take();
                } else {
                    catchUp();
                    long next = Math.min(lab.nextEventTime(), hold.limitUs());
                    long wait = MAX_SLEEP_NANOS;
                    if (next != Long.MAX_VALUE) {
                        long untilNextNanos = Math.max(0, (next - lab.now()) * 1000 / speed);
                        wait = Math.min(wait, Math.max(untilNextNanos, 200_000));
                    }
                    cmd = queue.poll(wait, TimeUnit.NANOSECONDS);
                }
                if (cmd != null) cmd.run();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // A bug in one event must not kill the engine thread; the lab is left where it stopped.
                Thread.UncaughtExceptionHandler h = Thread.getDefaultUncaughtExceptionHandler();
                if (h != null) h.uncaughtException(thread, e);
                else e.printStackTrace();
                paused = true;
            }
        }
    }
}
