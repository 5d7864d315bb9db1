package org.viplab.ui;

import org.viplab.core.timeline.Reason;
import org.viplab.core.timeline.Actor;
import org.junit.jupiter.api.Test;
import org.viplab.lab.Action;
import org.viplab.lab.Target;
import org.viplab.lab.Verb;
import org.viplab.core.model.Presets;
import org.viplab.core.model.ProcessKind;
import org.viplab.core.model.ProcessState;
import org.viplab.core.model.VrrpState;
import org.viplab.engine.sim.SimulatedLab;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Timeline;
import org.viplab.ui.common.FxTimelineBridge;
import org.viplab.ui.live.LabViewModel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The FX adapter batches, and the view model follows the timeline alone. Runs without a window. */
class BridgeAndViewModelTest {
    /** Keeps the bridge's periodic tick for the test to run by hand: no waiting for the clock. */
    static final class ManualTicker extends java.util.concurrent.ScheduledThreadPoolExecutor {
        private Runnable tick;

        ManualTicker() { super(1); }

        @Override
        public java.util.concurrent.ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period,
                java.util.concurrent.TimeUnit unit) {
            tick = command;
            return schedule(() -> { }, 1, java.util.concurrent.TimeUnit.DAYS);
        }

        void tick() { tick.run(); }
    }

    @Test
    void thousandsOfEventsCrossInAFewHandOversAndTheViewModelFollowsAFailover() throws Exception {
        ConcurrentLinkedQueue<Runnable> fxQueue = new ConcurrentLinkedQueue<>();
        LabViewModel vm = new LabViewModel();
        List<LabViewModel.VipMove> moves = new ArrayList<>();
        vm.addVipMoveListener(moves::add);
        ManualTicker ticker = new ManualTicker();
        try (FxTimelineBridge bridge = new FxTimelineBridge(fxQueue::add, ticker)) {
            bridge.addSink(vm);
            Timeline tl = new Timeline();
            bridge.follow(tl, Presets.mode1());
            SimulatedLab lab = SimulatedLab.steadyState(Presets.mode1(), 3, tl);
            lab.runUntil(1_000_000);
            lab.apply(new Action(Verb.STOP, new Target.Process("db1", ProcessKind.MYSQLD)), Actor.USER);
            lab.apply(new Action(Verb.CUT, new Target.PeerPath("db1", "db2", true)), Actor.USER);
            lab.apply(new Action(Verb.HEAL, new Target.PeerPath("db1", "db2", true)), Actor.USER);
            lab.apply(new Action(Verb.CUT, new Target.ClientPath("db2")), Actor.USER);
            lab.apply(new Action(Verb.HEAL, new Target.ClientPath("db2")), Actor.USER);
            lab.runUntil(600_000_000);
            int events = tl.size();
            assertTrue(events > 5000, "ten minutes of probes: " + events);

            for (int i = 0; i < 3; i++) ticker.tick();
            assertEquals(1, fxQueue.size(), "three ticks, one hand-over pending: a tick never queues a second one");
            Runnable r;
            while ((r = fxQueue.poll()) != null) r.run();
            assertEquals(1, bridge.handOvers(), "every event crossed in one hand-over");
            ticker.tick();
            assertTrue(fxQueue.isEmpty(), "nothing left to hand over");

            assertEquals(events, vm.events().size(), "every event reached the view model");
            assertEquals(List.of("db2"), vm.vipHolders());
            assertFalse(vm.host("db1").vipProperty().get());
            assertTrue(vm.host("db2").vipProperty().get());
            assertEquals(ProcessState.STOPPED, vm.host("db1").process(ProcessKind.MYSQLD).get());
            assertEquals(VrrpState.STOPPED, vm.host("db1").vrrpProperty().get(), "the check script stopped keepalived on db1");
            assertEquals(VrrpState.MASTER, vm.host("db2").vrrpProperty().get());
            assertEquals(90, vm.host("db2").priorityProperty().get());
            assertFalse(vm.host("db1").runs(ProcessKind.HAPROXY), "mode 1 has no haproxy");
            assertFalse(vm.vrrpBlockedProperty().get(), "blocked then healed");
            assertFalse(vm.host("db2").clientPathCutProperty().get());
            long lastTime = tl.snapshot().stream().mapToLong(LabEvent::timeUs).max().orElseThrow();
            assertEquals(lastTime, vm.clockProperty().get(), "the clock shows the latest event's time");
            assertTrue(lastTime > 599_000_000);
            LabEvent.ClientProbe last = vm.lastProbeProperty().get();
            assertTrue(last.ok() && last.backend().equals("db2"), "the client is served by db2 again: " + last);
            assertEquals(1, moves.size(), "one VIP move after t = 0: " + moves);
            assertEquals("db2", moves.get(0).host());
            assertEquals("db1", moves.get(0).from());
        }
    }

    @Test
    void aNewRunClearsTheOldStateAndTracksCutsInOrder() {
        ConcurrentLinkedQueue<Runnable> fxQueue = new ConcurrentLinkedQueue<>();
        LabViewModel vm = new LabViewModel();
        try (FxTimelineBridge bridge = new FxTimelineBridge(fxQueue::add, new ManualTicker())) {
            bridge.addSink(vm);
            Timeline first = new Timeline();
            bridge.follow(first, Presets.mode1());
            SimulatedLab lab = SimulatedLab.steadyState(Presets.mode1(), 3, first);
            lab.apply(new Action(Verb.CUT, new Target.PeerPath("db1", "db2", true)), Actor.USER);
            lab.apply(new Action(Verb.CUT, new Target.HostLink("db2")), Actor.USER);
            bridge.drain();
            assertTrue(vm.vrrpBlockedProperty().get());
            assertTrue(vm.host("db2").linkCutProperty().get());
            assertEquals(1, vm.runsProperty().get());

            Timeline second = new Timeline();
            bridge.follow(second, Presets.mode2());
            first.accept(new LabEvent.LinkChanged(5, "db1/link", true)); // the old run is no longer followed
            SimulatedLab.steadyState(Presets.mode2(), 3, second);
            bridge.drain();
            assertEquals(2, vm.runsProperty().get());
            assertFalse(vm.vrrpBlockedProperty().get());
            assertFalse(vm.host("db1").linkCutProperty().get());
            assertTrue(vm.host("db1").runs(ProcessKind.HAPROXY));
            assertEquals(ProcessState.RUNNING, vm.host("db1").process(ProcessKind.HAPROXY).get());
            assertEquals(second.size(), vm.events().size());
            assertEquals(List.of("db1"), vm.vipHolders());
            assertEquals(10, vm.host("db1").priorityProperty().get(), "mode 2's db1 advertises 10");
        }
    }

    /**
     * The SSH engine starts a new timeline at a drill's t = 0. Events of the old run still queued, the new run
     * and its events all wait in one queue: the sinks see the old events, then the new run, then only new
     * events; no batch mixes the two.
     */
    @Test
    void aNewRunReachesTheSinksAfterTheOldRunsQueuedEvents() {
        ConcurrentLinkedQueue<Runnable> fxQueue = new ConcurrentLinkedQueue<>();
        LabViewModel vm = new LabViewModel();
        List<String> seen = new ArrayList<>();
        Timeline[] runTimeline = new Timeline[1];
        try (FxTimelineBridge bridge = new FxTimelineBridge(fxQueue::add, new ManualTicker())) {
            bridge.addSink(vm);
            bridge.addSink(new FxTimelineBridge.Sink() {
                @Override
                public void runStarted(org.viplab.core.model.Topology t) { }

                @Override
                public void runStarted(org.viplab.core.model.Topology t, Timeline timeline) {
                    runTimeline[0] = timeline;
                    seen.add("run " + t.name);
                }

                @Override
                public void appended(List<LabEvent> batch) {
                    boolean old = batch.stream().anyMatch(e -> e.timeUs() >= 1_000_000_000L);
                    boolean fresh = batch.stream().anyMatch(e -> e.timeUs() < 1_000_000_000L);
                    assertFalse(old && fresh, "a batch mixes the two runs: " + batch);
                    seen.add((old ? "old " : "new ") + batch.size());
                }
            });
            Timeline tl = new Timeline();
            bridge.follow(tl, Presets.mode1());
            // the old run: late times, so that any old event is told apart from the new run's
            tl.accept(new LabEvent.LinkChanged(1_000_000_000L, "db1-db2/vrrp", true));
            tl.accept(new LabEvent.VipChanged(1_000_000_001L, "db2", "10.9.8.120", true, Reason.of(Reason.Code.VRRP_STATE, "MASTER")));
            tl.accept(new LabEvent.LinkChanged(1_000_000_002L, "db2/link", true));
            bridge.drain();
            assertTrue(vm.vrrpBlockedProperty().get());
            assertTrue(vm.host("db2").linkCutProperty().get());
            tl.accept(new LabEvent.ProcessChanged(1_000_000_003L, "db1", ProcessKind.MYSQLD, ProcessState.RUNNING, ProcessState.STOPPED, Reason.action("kill", Actor.USER)));
            // queued, not yet handed over: the new run and its events follow it in the same queue
            Timeline tl2 = new Timeline();
            bridge.follow(tl2, Presets.mode1());
            tl.accept(new LabEvent.VipChanged(1_000_000_004L, "db2", "10.9.8.120", false, Reason.text("the old run, after its end: never seen")));
            tl2.accept(new LabEvent.VipChanged(0, "db1", "10.9.8.120", true, Reason.of(Reason.Code.AT_ZERO)));
            tl2.accept(new LabEvent.VrrpStateChanged(0, "db1", VrrpState.INIT, VrrpState.MASTER, Reason.of(Reason.Code.AT_ZERO)));
            tl2.accept(new LabEvent.ProcessChanged(0, "db1", ProcessKind.MYSQLD, ProcessState.RUNNING, ProcessState.RUNNING, Reason.of(Reason.Code.AT_ZERO)));
            bridge.drain();

            assertEquals(List.of("run mode1", "old 3", "old 1", "run mode1", "new 3"), seen);
            assertSame(tl2, runTimeline[0], "the new run's timeline");
            assertEquals(2, vm.runsProperty().get());
            assertEquals(tl2.snapshot(), List.copyOf(vm.events()), "the view model (and the event list on it) holds the new run only");
            assertFalse(vm.vrrpBlockedProperty().get(), "the old run's cut is gone");
            assertFalse(vm.host("db2").linkCutProperty().get());
            assertEquals(List.of("db1"), vm.vipHolders());
            assertEquals(ProcessState.RUNNING, vm.host("db1").process(ProcessKind.MYSQLD).get());
            assertEquals(0, vm.clockProperty().get(), "the clock starts again at t = 0");
        }
    }
}
