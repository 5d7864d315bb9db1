package org.viplab.engine.sim;

import org.viplab.core.timeline.Actor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.viplab.drill.Drill;
import org.viplab.drill.DrillParser;
import org.viplab.drill.DrillResult;
import org.viplab.drill.DrillRunner;
import org.viplab.drill.Verdict;
import org.viplab.core.model.Presets;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Timeline;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A drill driven through the live simulation gives the command line's timeline, at any speed. The wall clock is
 * the test's: it moves only when a test moves it, so no test depends on how fast this machine is. (The timeouts
 * only stop a hung test.)
 */
@Timeout(60)
class LiveLabTest {
    /** The live simulation's wall clock, in nanoseconds. */
    private final AtomicLong wall = new AtomicLong(1_000_000_000L);
    private LiveSimulation live;

    private LiveSimulation started(org.viplab.core.model.Topology t, long seed) {
        live = new LiveSimulation(t, seed, wall::get).start();
        return live;
    }

    /** Virtual time as the engine sees it, after catching up with the wall clock. */
    private long engineNow() throws Exception { return live.submit(SimulatedLab::now).get(5, TimeUnit.SECONDS); }

    /** Moves the wall clock in steps of {@code stepNanos}, letting the engine catch up after each, until {@code done}. */
    private void driveUntil(BooleanSupplier done, long stepNanos) throws Exception {
        while (!done.getAsBoolean()) {
            wall.addAndGet(stepNanos);
            engineNow();
        }
    }

    /** Counts down when an action is applied on {@code t}. */
    private static CountDownLatch actionOn(Timeline t) {
        CountDownLatch applied = new CountDownLatch(1);
        t.addListener(e -> {
            if (e instanceof LabEvent.ActionApplied) applied.countDown();
        });
        return applied;
    }

    private static CompletableFuture<DrillResult> runAsync(DrillRunner runner, Drill d, LiveLab lab) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return runner.run(d, lab, null);
            } catch (InterruptedException e) {
                throw new RuntimeException(e);
            }
        });
    }

    @AfterEach
    void close() {
        if (live != null) live.close();
    }

    private static List<LabEvent> vipAndActions(List<LabEvent> events, long end) {
        return events.stream().filter(e -> (e instanceof LabEvent.VipChanged || e instanceof LabEvent.ActionApplied
                || e instanceof LabEvent.VrrpStateChanged) && e.timeUs() >= 0 && e.timeUs() <= end).toList();
    }

    /** Runs {@code d} on a fresh live simulation, moving the wall clock 10 ms at a time until it is done. */
    private DrillResult runLive(Drill d, int speed, boolean fastest) throws Exception {
        started(Presets.mode2(), 99);
        live.setSpeed(speed).get(5, TimeUnit.SECONDS);
        live.reset(d.topology(), d.seed(), "drill: " + d.name()).get(5, TimeUnit.SECONDS);
        try (LiveLab lab = new LiveLab(live, fastest)) {
            wall.addAndGet(1_000_000_000L);
            assertEquals(0, engineNow(), "held at t = 0 until the drill's first step, whatever the wall clock says");
            CompletableFuture<DrillResult> result = runAsync(new DrillRunner(), d, lab);
            driveUntil(result::isDone, 10_000_000L);
            return result.get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aSampleDrillGivesTheSameTimelineLiveAsOnTheCommandLine() throws Exception {
        Drill d = DrillParser.parseFile(Path.of("samples/drills/01-mode1-basic-failover.json"));
        DrillResult cli = new DrillRunner().run(d, SimulatedLab.steadyState(d.topology(), d.seed(), new Timeline()), null);
        DrillResult fast = runLive(d, 1, true);
        assertEquals(vipAndActions(cli.events(), d.endUs()), vipAndActions(fast.events(), d.endUs()));
        assertEquals(cli.verdicts().stream().map(Verdict::status).toList(), fast.verdicts().stream().map(Verdict::status).toList());
        assertTrue(fast.passed());
        close();

        long wallBefore = wall.get();
        DrillResult at100 = runLive(d, 100, false);
        long wallUs = (wall.get() - wallBefore) / 1000;
        assertEquals(vipAndActions(cli.events(), d.endUs()), vipAndActions(at100.events(), d.endUs()),
                "the holds keep every action at its exact virtual time in wall-clock mode too");
        assertTrue(wallUs * 100 >= d.endUs(), "at 100x virtual time never runs ahead of the wall clock: " + d.endUs()
                + " µs of lab time in " + wallUs + " µs of wall time");
    }

    @Test
    void aResetDuringTheDrillEndsItWithoutTouchingTheNewRun() throws Exception {
        Drill d = DrillParser.parse("x", """
                {"name": "slow", "preset": "mode1", "steps": [
                  {"at": "1s", "action": "stop", "target": "db1/mysqld"},
                  {"at": "50s", "expect": "vip-on", "host": "db1"}
                ]}""", null);
        started(Presets.mode1(), 1);
        live.reset(d.topology(), d.seed(), null).get(5, TimeUnit.SECONDS);
        LiveLab lab = new LiveLab(live, false);
        CountDownLatch stopped = actionOn(lab.timeline());
        CompletableFuture<DrillResult> result = runAsync(new DrillRunner(), d, lab);
        driveUntil(() -> stopped.getCount() == 0, 100_000_000L); // the drill's stop at 1 s is done
        live.reset(Presets.mode2(), "other").get(5, TimeUnit.SECONDS);
        var e = org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.ExecutionException.class, () -> result.get(5, TimeUnit.SECONDS));
        assertTrue(e.getCause().getMessage().contains("reset during the drill"), e.getCause().toString());
        assertTrue(live.timeline().snapshot().stream().noneMatch(ev -> ev instanceof LabEvent.ActionApplied), "the new run was left alone");
    }

    /**
     * The drill panel's race: the user's Reset is queued right behind the drill's own reset. The drill must be
     * bound to the run its reset made, read on the engine thread, not to whatever run is current once the
     * reset's future completes: that is already the user's run, and the drill would play on it.
     */
    @Test
    void aResetQueuedRightBehindTheDrillsOwnIsNotTakenForTheDrillsRun() throws Exception {
        Drill d = DrillParser.parse("x", """
                {"name": "slow", "preset": "mode1", "steps": [
                  {"at": "1s", "action": "stop", "target": "db1/mysqld"},
                  {"at": "50s", "expect": "vip-on", "host": "db1"}
                ]}""", null);
        live = new LiveSimulation(Presets.mode2(), 1, wall::get); // not started yet: both resets wait in the queue, in this order
        CompletableFuture<LiveSimulation.Run> drillRun = live.resetForDrill(d.topology(), d.seed(), "drill: slow");
        CompletableFuture<Void> userReset = live.reset(Presets.mode2(), "the user pressed Reset");
        live.start();
        LiveSimulation.Run run = drillRun.get(5, TimeUnit.SECONDS);
        userReset.get(5, TimeUnit.SECONDS);
        assertEquals("mode1", run.topology().name, "the drill's run");
        assertTrue(run.timeline() != live.timeline(), "the user's run is current");
        LiveLab unbound = new LiveLab(live, false);
        assertEquals("mode2", unbound.topology().name, "reading the current run after the fact gets the user's: what the panel did");

        LiveLab lab = new LiveLab(live, false, run);
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> new DrillRunner().run(d, lab, null));
        assertTrue(e.getMessage().contains("reset during the drill"), e.toString());
        var held = org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.ExecutionException.class,
                () -> live.runTo(5_000_000, true, run.timeline()).get(5, TimeUnit.SECONDS));
        assertTrue(held.getCause() instanceof java.util.concurrent.CancellationException, "nothing held on the user's run: " + held);
        wall.addAndGet(1_000_000_000L);
        assertEquals(1_000_000, engineNow(), "the user's run flows at 1x, neither held nor raced to 5 s");
        assertTrue(live.timeline().snapshot().stream().noneMatch(ev -> ev instanceof LabEvent.ActionApplied), "the user's run was left alone");
    }

    /** The check that counts is on the engine thread: a reset queued between the drill's own check and its action wins. */
    @Test
    void anActionQueuedBehindAResetIsRefusedOnTheEngineThread() throws Exception {
        started(Presets.mode1(), 1);
        LiveLab lab = new LiveLab(live, false, live.submit(x -> new LiveSimulation.Run(live.timeline(), live.topology())).get(5, TimeUnit.SECONDS));
        java.util.concurrent.CountDownLatch engineBusy = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        live.submit(x -> {
            engineBusy.countDown();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            return null;
        });
        assertTrue(engineBusy.await(5, TimeUnit.SECONDS));
        CompletableFuture<Void> userReset = live.reset(Presets.mode2(), "the user pressed Reset"); // queued, not run yet
        CompletableFuture<Void> action = new CompletableFuture<>();
        Thread drill = new Thread(() -> {
            try {
                lab.apply(new org.viplab.lab.Action(org.viplab.lab.Verb.STOP,
                        org.viplab.lab.Target.parse("db1/mysqld", List.of("db1", "db2"))), Actor.DRILL);
                action.complete(null);
            } catch (RuntimeException ex) {
                action.completeExceptionally(ex);
            }
        }, "drill");
        drill.start();
        // the drill thread passed its own check (the old run is still current), queued the action and waits for it
        while (!waitingInApply(drill)) Thread.onSpinWait();
        release.countDown();
        userReset.get(5, TimeUnit.SECONDS);
        var e = org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.ExecutionException.class, () -> action.get(5, TimeUnit.SECONDS));
        assertTrue(e.getCause().getMessage().contains("reset during the drill"), e.getCause().toString());
        assertTrue(live.timeline().snapshot().stream().noneMatch(ev -> ev instanceof LabEvent.ActionApplied), "the user's run was left alone");
    }

    /** True once {@code t} is parked inside LiveLab.apply, waiting for the engine to run what it queued. */
    private static boolean waitingInApply(Thread t) {
        if (t.getState() != Thread.State.WAITING) return false;
        for (StackTraceElement f : t.getStackTrace()) {
            if (f.getClassName().equals(LiveLab.class.getName()) && f.getMethodName().equals("apply")) return true;
        }
        return false;
    }

    @Test
    void abortStopsWaitingAndTheRestoreRunsOnTheLiveTimeline() throws Exception {
        Drill d = DrillParser.parse("x", """
                {"name": "slow", "preset": "mode1", "steps": [
                  {"at": "1s", "action": "stop", "target": "db1/mysqld"},
                  {"at": "50s", "expect": "vip-on", "host": "db1"}
                ]}""", null);
        started(Presets.mode1(), 1);
        live.reset(d.topology(), d.seed(), null).get(5, TimeUnit.SECONDS);
        DrillRunner runner = new DrillRunner();
        LiveLab lab = new LiveLab(live, false);
        CountDownLatch stopped = actionOn(lab.timeline());
        CompletableFuture<DrillResult> result = runAsync(runner, d, lab);
        driveUntil(() -> stopped.getCount() == 0, 100_000_000L); // the drill's stop at 1 s is done
        wall.addAndGet(500_000_000L);
        engineNow();
        runner.abort();
        lab.abort();
        DrillResult r = result.get(5, TimeUnit.SECONDS);
        lab.close();
        assertTrue(runner.aborted());
        assertTrue(live.now() < 10_000_000, "stopped long before 50 s: " + live.now());
        assertTrue(live.timeline().snapshot().stream().anyMatch(e -> e instanceof LabEvent.ActionApplied a
                && a.by() == Actor.RESTORE && a.target().equals("db1/mysqld") && a.action().equals("start")), "mysqld started again by the restore");
        assertEquals(Verdict.Status.PENDING, r.verdicts().get(1).status(), "never reached");
        assertFalse(r.passed() && r.verdicts().get(1).status() == Verdict.Status.FAILED);
        // time flows again after the drill (close released the hold; this query is queued behind it)
        long before = engineNow();
        wall.addAndGet(300_000_000L);
        assertEquals(before + 300_000, engineNow(), "300 ms of wall time at 1x");
    }
}
