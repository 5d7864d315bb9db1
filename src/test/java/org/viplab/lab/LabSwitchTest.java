package org.viplab.lab;

import org.viplab.core.timeline.Actor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.viplab.core.model.Mode;
import org.viplab.core.model.Presets;
import org.viplab.core.model.Topology;
import org.viplab.engine.sim.LiveSimulation;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Timeline;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LabSwitchTest {
    LiveSimulation a = new LiveSimulation(Presets.mode1(), 1);
    LiveSimulation b = new LiveSimulation(Presets.mode2(), 1);

    @AfterEach
    void close() {
        a.close();
        b.close();
    }

    record Run(Timeline timeline, Topology topology) { }

    @Test
    void listenersFollowTheEngineInUseAndNeverHearAnOldOne() throws Exception {
        a.pause();
        b.pause();
        a.start();
        b.start();
        LabSwitch lab = new LabSwitch(a);
        List<Run> runs = new CopyOnWriteArrayList<>();
        lab.addRunListener((t, topo) -> runs.add(new Run(t, topo))).get(5, TimeUnit.SECONDS);
        assertEquals(1, runs.size(), "told about the current run at once");
        assertSame(a.timeline(), runs.get(0).timeline());

        lab.use(b).get(5, TimeUnit.SECONDS);
        assertEquals(2, runs.size());
        assertSame(b.timeline(), runs.get(1).timeline(), "switching is a new run for the listeners");
        assertEquals(Mode.HAPROXY_TRACKING, runs.get(1).topology().mode);
        assertSame(b.timeline(), lab.timeline());
        assertEquals(Mode.HAPROXY_TRACKING, lab.topology().mode);

        a.reset(Presets.mode1(), "old engine restarts").get(5, TimeUnit.SECONDS);
        assertEquals(2, runs.size(), "a run of the engine switched away from is not passed on");
        b.reset(Presets.mode2(), "current engine restarts").get(5, TimeUnit.SECONDS);
        assertEquals(3, runs.size());
        assertSame(b.timeline(), runs.get(2).timeline());

        lab.apply(new Action(Verb.STOP, Target.parse("db1/haproxy", List.of("db1", "db2"))), Actor.USER).get(5, TimeUnit.SECONDS);
        assertTrue(b.timeline().snapshot().stream().anyMatch(e -> e instanceof LabEvent.ActionApplied x && x.target().equals("db1/haproxy")),
                "actions go to the engine in use");
        assertTrue(a.timeline().snapshot().stream().noneMatch(e -> e instanceof LabEvent.ActionApplied), "not to the other one");

        lab.use(a).get(5, TimeUnit.SECONDS);
        assertSame(a.timeline(), runs.get(runs.size() - 1).timeline(), "and back");
    }
}
