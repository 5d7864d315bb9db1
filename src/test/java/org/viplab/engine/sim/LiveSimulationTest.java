package org.viplab.engine.sim;

import org.viplab.core.timeline.Actor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.viplab.lab.Action;
import org.viplab.lab.Target;
import org.viplab.lab.Verb;
import org.viplab.core.model.Presets;
import org.viplab.core.model.ProcessKind;
import org.viplab.core.model.Topology;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Timeline;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LiveSimulationTest {
    /** A wall clock the test moves by hand, in nanoseconds. */
    private final AtomicLong wall = new AtomicLong(1_000_000_000L);
    private LiveSimulation live;

    @AfterEach
    void close() {
        if (live != null) live.close();
    }

    private LiveSimulation started(Topology t) {
        live = new LiveSimulation(t, 7, wall::get).start();
        // The first run is built on the engine thread and anchored to the wall clock when ready: wait for it.
        live.submit(lab -> lab.now()).join();
        return live;
    }

    private long get(java.util.concurrent.CompletableFuture<Long> f) throws Exception { return f.get(5, TimeUnit.SECONDS); }

    /** Asks the engine for its virtual time (the command catches the lab up with the wall clock first). */
    private long engineNow() throws Exception { return get(live.submit(lab -> lab.now())); }

    @Test
    void oneWallSecondIsOneVirtualSecondAt1xAndTenAt10x() throws Exception {
        started(Presets.mode1());
        assertEquals(0, engineNow(), "starts at t = 0");
        wall.addAndGet(2_000_000_000L);
        assertEquals(2_000_000, engineNow());
        live.setSpeed(10).get(5, TimeUnit.SECONDS);
        wall.addAndGet(1_500_000_000L);
        assertEquals(2_000_000 + 15_000_000, engineNow(), "1.5 s of wall time at 10x is 15 s of lab time");
        live.setSpeed(100).get(5, TimeUnit.SECONDS);
        wall.addAndGet(100_000_000L);
        assertEquals(27_000_000, engineNow(), "0.1 s at 100x is 10 s");
    }

    @Test
    void pauseFreezesVirtualTimeAndPlayResumesFromThere() throws Exception {
        started(Presets.mode1());
        wall.addAndGet(1_000_000_000L);
        live.pause().get(5, TimeUnit.SECONDS);
        assertTrue(live.paused());
        long frozen = engineNow();
        assertEquals(1_000_000, frozen);
        wall.addAndGet(60_000_000_000L);
        assertEquals(frozen, engineNow(), "a minute of wall time while paused changes nothing");
        live.play().get(5, TimeUnit.SECONDS);
        wall.addAndGet(500_000_000L);
        assertEquals(1_500_000, engineNow(), "time continues from where it was paused, not from the wall clock");
    }

    @Test
    void stepRunsExactlyToTheNextEventTime() throws Exception {
        started(Presets.mode1());
        live.pause().get(5, TimeUnit.SECONDS);
        long before = engineNow();
        long expected = get(live.submit(SimulatedLab::nextEventTime));
        long after = get(live.stepToNextEvent());
        assertTrue(expected > before, "the next event is in the future");
        assertEquals(expected, after);
        assertEquals(after, live.now());
        long expected2 = get(live.submit(SimulatedLab::nextEventTime));
        assertTrue(expected2 > after, "every event at that instant ran: the next one is strictly later");
        assertEquals(expected2, get(live.stepToNextEvent()));
        assertTrue(live.paused(), "stepping leaves the simulation paused");
    }

    @Test
    void stepUntilRunsPastUnwantedEventsToTheFirstWantedOne() throws Exception {
        started(Presets.mode1());
        live.pause().get(5, TimeUnit.SECONDS);
        long from = engineNow();
        // the event list hides adverts and probes: "Next event" goes to the next check-script result
        long at = get(live.stepUntil(e -> e instanceof org.viplab.core.timeline.LabEvent.ScriptResult, 60_000_000));
        org.viplab.core.timeline.LabEvent first = firstAfter(from);
        assertTrue(first instanceof org.viplab.core.timeline.LabEvent.ScriptResult, "first wanted event " + first);
        assertEquals(first.timeUs(), at, "stopped at the first wanted event's time");
        assertTrue(live.paused());
        // nothing wanted within the bound: it stops at the bound, not later
        long bounded = get(live.stepUntil(e -> false, 2_000_000));
        assertTrue(bounded <= at + 2_000_000 && bounded > at, "stopped within the bound: " + bounded);
    }

    /** The first script result after {@code from} on the run's timeline, or null. */
    private org.viplab.core.timeline.LabEvent firstAfter(long from) throws Exception {
        return live.snapshot().get(5, TimeUnit.SECONDS).events().stream()
                .filter(e -> e.timeUs() > from && e instanceof org.viplab.core.timeline.LabEvent.ScriptResult).findFirst().orElse(null);
    }

    @Test
    void stepWhileRunningPauses() throws Exception {
        started(Presets.mode1());
        wall.addAndGet(3_000_000_000L);
        long t = get(live.stepToNextEvent());
        assertTrue(t > 3_000_000 && t < 4_000_000, "first event after 3 s, got " + t);
        assertTrue(live.paused());
    }

    @Test
    void actionsLandOnTheTimelineAtTheCurrentVirtualTimeAndFailoverFollows() throws Exception {
        started(Presets.mode1());
        wall.addAndGet(1_250_000_000L);
        Action stop = new Action(Verb.STOP, new Target.Process("db1", ProcessKind.MYSQLD));
        live.apply(stop, Actor.USER).get(5, TimeUnit.SECONDS);
        Timeline tl = live.timeline();
        LabEvent.ActionApplied applied = tl.snapshot().stream()
                .filter(e -> e instanceof LabEvent.ActionApplied).map(e -> (LabEvent.ActionApplied) e)
                .findFirst().orElseThrow();
        assertEquals(1_250_000, applied.timeUs());
        assertEquals("stop", applied.action());
        assertEquals("db1/mysqld", applied.target());
        assertEquals(Actor.USER, applied.by());

        live.pause().get(5, TimeUnit.SECONDS);
        assertEquals(30_000_000, get(live.runFastUntil(30_000_000)));
        assertTrue(live.submit(lab -> lab.hasVip("db2")).get(5, TimeUnit.SECONDS), "mode 1: the VIP moves to db2");
        assertFalse(live.submit(lab -> lab.hasVip("db1")).get(5, TimeUnit.SECONDS));
        assertTrue(tl.snapshot().stream().anyMatch(e -> e instanceof LabEvent.VipChanged v && v.host().equals("db2") && v.added()
                && v.timeUs() > 1_250_000 && v.timeUs() < 30_000_000));
    }

    @Test
    void pauseWhenStopsTheRunningClockAtTheWantedEventsOwnTime() throws Exception {
        started(Presets.mode1());
        live.pauseWhen(e -> e instanceof LabEvent.VipChanged v && v.added()).get(5, TimeUnit.SECONDS);
        live.setSpeed(100).get(5, TimeUnit.SECONDS);
        wall.addAndGet(10_000_000L); // 1 s of lab time
        live.apply(new Action(Verb.STOP, new Target.Process("db1", ProcessKind.MYSQLD)), Actor.USER).get(5, TimeUnit.SECONDS);
        // one wall second at 100x would be 100 s of lab time: the failover (about 3 s after the stop) comes first
        wall.addAndGet(1_000_000_000L);
        long now = engineNow();
        assertTrue(live.paused(), "paused by the VIP's arrival on db2");
        LabEvent.VipChanged arrived = live.timeline().snapshot().stream()
                .filter(e -> e instanceof LabEvent.VipChanged v && v.added() && v.host().equals("db2"))
                .map(e -> (LabEvent.VipChanged) e).findFirst().orElseThrow();
        assertEquals(arrived.timeUs(), now, "stopped at the VIP's own time, not 100 s later");
        wall.addAndGet(5_000_000_000L);
        assertEquals(now, engineNow(), "stays paused");

        live.pauseWhen(null).get(5, TimeUnit.SECONDS);
        live.play().get(5, TimeUnit.SECONDS);
        wall.addAndGet(10_000_000L);
        assertEquals(now + 1_000_000, engineNow(), "play continues from there");
    }

    @Test
    void badActionsFailTheirFutureAndTheEngineKeepsRunning() throws Exception {
        started(Presets.mode1());
        Action noHaproxy = new Action(Verb.STOP, new Target.Process("db1", ProcessKind.HAPROXY));
        var f = live.apply(noHaproxy, Actor.USER);
        var e = assertThrows(java.util.concurrent.ExecutionException.class, () -> f.get(5, TimeUnit.SECONDS));
        assertTrue(e.getCause().getMessage().contains("haproxy"), e.getCause().getMessage());
        wall.addAndGet(1_000_000_000L);
        assertEquals(1_000_000, engineNow());
    }

    @Test
    void resetStartsAFreshTimelineAndTellsListenersFirst() throws Exception {
        started(Presets.mode1());
        List<String> runs = new CopyOnWriteArrayList<>();
        List<Integer> sizeWhenTold = new CopyOnWriteArrayList<>();
        live.addRunListener((tl, topo) -> {
            runs.add(topo.name);
            sizeWhenTold.add(tl.size());
        }).get(5, TimeUnit.SECONDS);
        Timeline first = live.timeline();
        wall.addAndGet(5_000_000_000L);
        engineNow();
        live.reset(Presets.mode2(), "mode 2").get(5, TimeUnit.SECONDS);
        assertEquals(List.of("mode1", "mode2"), runs);
        assertEquals(0, sizeWhenTold.get(1), "a listener hears of the new timeline before its first event");
        assertNotSame(first, live.timeline());
        assertEquals(0, engineNow(), "the new run starts at t = 0");
        assertTrue(live.timeline().snapshot().stream().anyMatch(e -> e instanceof LabEvent.LogLine l && l.source().equals("settings")
                && l.text().equals("mode 2")));
        assertTrue(live.timeline().snapshot().stream().anyMatch(e -> e instanceof LabEvent.ProcessChanged p && p.process() == ProcessKind.HAPROXY));
    }

    @Test
    void resetRejectsABrokenTopologyWithItsProblems() {
        started(Presets.mode1());
        Topology broken = Presets.mode1();
        broken.node("db1").keepalived.priority = 300;
        var f = live.reset(broken, "x");
        var e = assertThrows(java.util.concurrent.ExecutionException.class, () -> f.get(5, TimeUnit.SECONDS));
        assertTrue(e.getCause().getMessage().contains("priority must be 1..255"), e.getCause().getMessage());
    }
}
