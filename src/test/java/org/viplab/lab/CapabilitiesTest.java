package org.viplab.lab;

import org.viplab.core.timeline.Actor;
import org.junit.jupiter.api.Test;
import org.viplab.core.model.Presets;
import org.viplab.core.model.ProcessKind;
import org.viplab.core.model.Topology;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Timeline;
import org.viplab.engine.sim.LiveSimulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What each kind of run says it can do, and the snapshot it gives reports and sessions. */
class CapabilitiesTest {
    @Test
    void theSimulatorHasTimeControlsAndRunsAndRecordsDrills() throws Exception {
        try (LiveSimulation sim = new LiveSimulation(Presets.mode1(), 7, () -> 0L).start()) { // a stopped wall clock: only runFastUntil moves time
            sim.pause().get(5, TimeUnit.SECONDS);
            assertEquals(Set.of(Capability.TIME_CONTROLS, Capability.DRILLS, Capability.RECORD_DRILLS), sim.capabilities());
            assertSame(sim, sim.timeControls().orElseThrow());
            sim.runFastUntil(3_000_000).get(5, TimeUnit.SECONDS);
            RunSnapshot run = sim.snapshot().get(5, TimeUnit.SECONDS);
            assertEquals(Engine.SIM, run.engine());
            assertEquals(7, run.seed());
            assertEquals(3_000_000, run.nowUs());
            assertEquals(sim.timeline().snapshot(), run.events());
        }
    }

    @Test
    void aRecordingIsReadOnlyAndKeepsTheNameOfTheEngineThatMadeIt() throws Exception {
        Topology t = Presets.mode1();
        List<LabEvent> events = List.of(
                new LabEvent.LinkChanged(1_000_000, "db1-db2", true),
                new LabEvent.LinkChanged(9_000_000, "db1-db2", false));
        RecordedRun rec = new RecordedRun(Engine.SSH, t, events, 5_000_000);
        assertEquals(Engine.RECORDED, rec.engine());
        assertTrue(rec.can(Capability.READ_ONLY));
        assertFalse(rec.can(Capability.DRILLS));
        assertTrue(rec.timeControls().isEmpty());
        RunSnapshot run = rec.snapshot().get();
        assertEquals(Engine.SSH, run.engine(), "a report of the recording names the engine it was recorded on");
        assertEquals(events.subList(0, 1), run.events(), "nothing after where the recording ends");
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> rec.apply(new Action(Verb.STOP, new Target.Process("db1", ProcessKind.MYSQLD)), Actor.USER).get());
        assertTrue(e.getCause() instanceof UnsupportedOperationException);
        assertThrows(UnsupportedOperationException.class, () -> rec.startDrill(null));
    }

    @Test
    void aNewListenerHearsTheCurrentRunAndThenEveryNewOne() {
        Topology t1 = Presets.mode1();
        Topology t2 = Presets.mode2();
        Timeline first = new Timeline();
        Timeline second = new Timeline();
        RunListeners runs = new RunListeners(first, t1);
        List<Timeline> heard = new ArrayList<>();
        LiveEngine.RunListener l = (timeline, topology) -> heard.add(timeline);
        runs.add(l);
        runs.start(second, t2);
        assertEquals(List.of(first, second), heard);
        assertSame(second, runs.timeline());
        assertSame(t2, runs.topology());
        runs.remove(l);
        runs.start(new Timeline(), t1);
        assertEquals(2, heard.size(), "a removed listener hears nothing more");
    }

    @Test
    void onlyTheSimulatorsFilesAreRebuilt() {
        assertTrue(Engine.fromId("sim").deterministic());
        assertFalse(Engine.fromId("ssh").deterministic());
        assertEquals(Engine.RECORDED, Engine.fromId("incident-2027"), "an engine this version does not know is only shown");
    }
}
