package org.viplab.engine.sim;

import org.viplab.core.timeline.Actor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
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
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A drill driven through the live simulation gives the command line's timeline, at any speed. */
class LiveLabTest {
    private LiveSimulation live;

    @AfterEach
    void close() {
        if (live != null) live.close();
    }

    private static List<LabEvent> vipAndActions(List<LabEvent> events, long end) {
        return events.stream().filter(e -> (e instanceof LabEvent.VipChanged || e instanceof LabEvent.ActionApplied
                || e instanceof LabEvent.VrrpStateChanged) && e.timeUs() >= 0 && e.timeUs() <= end).toList();
    }

    private DrillResult runLive(Drill d, int speed, boolean fastest) throws Exception {
        live = new LiveSimulation(Presets.mode2(), 99).start();
        live.setSpeed(speed).get(5, TimeUnit.SECONDS);
        live.reset(d.topology(), d.seed(), "drill: " + d.name()).get(5, TimeUnit.SECONDS);
        try (LiveLab lab = new LiveLab(live, fastest)) {
            Thread.sleep(50); // held at t = 0 meanwhile
            assertEquals(0, live.submit(SimulatedLab::now).get(5, TimeUnit.SECONDS));
            return new DrillRunner().run(d, lab, null);
        }
    }

    @Test
    void aSampleDrillGivesTheSameTimelineLiveAsOnTheCommandLine() throws Exception {
        Drill d = DrillParser.parseFile(Path.of("samples/drills/01-mode1-basic-failover.json"));
        DrillResult cli = new DrillRunner().run(d, SimulatedLab.steadyState(d.topology(), d.seed(), new Timeline()), null);
        long t0 = System.nanoTime();
        DrillResult fast = runLive(d, 1, true);
        long fastMs = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(vipAndActions(cli.events(), d.endUs()), vipAndActions(fast.events(), d.endUs()));
        assertEquals(cli.verdicts().stream().map(Verdict::status).toList(), fast.verdicts().stream().map(Verdict::status).toList());
        assertTrue(fast.passed());
        assertTrue(fastMs < 5000, "fastest took " + fastMs + " ms");
        close();

        t0 = System.nanoTime();
        DrillResult at100 = runLive(d, 100, false);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(vipAndActions(cli.events(), d.endUs()), vipAndActions(at100.events(), d.endUs()),
                "the holds keep every action at its exact virtual time in wall-clock mode too");
        System.out.printf("live drill %s: fastest %d ms, at 100x %d ms wall for %d ms of lab time%n", d.name(), fastMs, ms, d.endUs() / 1000);
        assertTrue(ms >= d.endUs() / 100 / 1000 - 20, "at 100x a " + d.endUs() / 1000 + " ms drill takes about a hundredth: " + ms + " ms");
    }

    @Test
    void aResetDuringTheDrillEndsItWithoutTouchingTheNewRun() throws Exception {
        Drill d = DrillParser.parse("x", """
                {"name": "slow", "preset": "mode1", "steps": [
                  {"at": "1s", "action": "stop", "target": "db1/mysqld"},
                  {"at": "50s", "expect": "vip-on", "host": "db1"}
                ]}""", null);
        live = new LiveSimulation(Presets.mode1(), 1).start();
        live.reset(d.topology(), d.seed(), null).get(5, TimeUnit.SECONDS);
        LiveLab lab = new LiveLab(live, false);
        CompletableFuture<DrillResult> result = CompletableFuture.supplyAsync(() -> {
            try {
                return new DrillRunner().run(d, lab, null);
            } catch (InterruptedException e) {
                throw new RuntimeException(e);
            }
        });
        long deadline = System.currentTimeMillis() + 5000;
        while (live.now() < 1_500_000 && System.currentTimeMillis() < deadline) Thread.sleep(20);
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
        live = new LiveSimulation(Presets.mode2(), 1); // not started yet: both resets wait in the queue, in this order
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
        Thread.sleep(50);
        assertTrue(live.now() < 5_000_000, "the user's run flows at 1x, not held or raced to 5 s: " + live.now());
        assertTrue(live.timeline().snapshot().stream().noneMatch(ev -> ev instanceof LabEvent.ActionApplied), "the user's run was left alone");
    }

    /** The check that counts is on the engine thread: a reset queued between the drill's own check and its action wins. */
    @Test
    void anActionQueuedBehindAResetIsRefusedOnTheEngineThread() throws Exception {
        live = new LiveSimulation(Presets.mode1(), 1).start();
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
        CompletableFuture<Void> action = CompletableFuture.runAsync(() -> lab.apply(
                new org.viplab.lab.Action(org.viplab.lab.Verb.STOP, org.viplab.lab.Target.parse("db1/mysqld", List.of("db1", "db2"))), Actor.DRILL));
        Thread.sleep(100); // the drill thread passed its own check (the old run is still current) and queued the action
        release.countDown();
        userReset.get(5, TimeUnit.SECONDS);
        var e = org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.ExecutionException.class, () -> action.get(5, TimeUnit.SECONDS));
        assertTrue(e.getCause().getMessage().contains("reset during the drill"), e.getCause().toString());
        assertTrue(live.timeline().snapshot().stream().noneMatch(ev -> ev instanceof LabEvent.ActionApplied), "the user's run was left alone");
    }

    @Test
    void abortStopsWaitingAndTheRestoreRunsOnTheLiveTimeline() throws Exception {
        Drill d = DrillParser.parse("x", """
                {"name": "slow", "preset": "mode1", "steps": [
                  {"at": "1s", "action": "stop", "target": "db1/mysqld"},
                  {"at": "50s", "expect": "vip-on", "host": "db1"}
                ]}""", null);
        live = new LiveSimulation(Presets.mode1(), 1).start();
        live.reset(d.topology(), d.seed(), null).get(5, TimeUnit.SECONDS);
        DrillRunner runner = new DrillRunner();
        LiveLab lab = new LiveLab(live, false);
        CompletableFuture<DrillResult> result = CompletableFuture.supplyAsync(() -> {
            try {
                return runner.run(d, lab, null);
            } catch (InterruptedException e) {
                throw new RuntimeException(e);
            }
        });
        long deadline = System.currentTimeMillis() + 5000;
        while (live.now() < 1_500_000 && System.currentTimeMillis() < deadline) Thread.sleep(20);
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
        // time flows again after the drill
        long before = live.now();
        Thread.sleep(300);
        assertTrue(live.submit(SimulatedLab::now).get(5, TimeUnit.SECONDS) > before);
    }
}
