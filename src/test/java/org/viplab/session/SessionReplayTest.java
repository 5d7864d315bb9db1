package org.viplab.session;

import org.viplab.core.timeline.Actor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.viplab.lab.Action;
import org.viplab.lab.Target;
import org.viplab.lab.Verb;
import org.viplab.core.model.Presets;
import org.viplab.core.model.ProcessKind;
import org.viplab.core.model.Topology;
import org.viplab.engine.sim.LiveSimulation;
import org.viplab.core.timeline.LabEvent;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionReplayTest {
    private LiveSimulation live;

    @AfterEach
    void close() {
        if (live != null) live.close();
    }

    @Test
    void aSavedLiveSessionReopensToTheSameTimeline(@TempDir Path dir) throws Exception {
        Topology t = Presets.mode1();
        t.node("db2").keepalived.priority = 80;
        live = new LiveSimulation(t, 23, () -> 0L).start(); // a stopped wall clock: only runFastUntil moves time
        live.pause().get(5, TimeUnit.SECONDS);
        live.runFastUntil(4_321_000).get(5, TimeUnit.SECONDS);
        live.apply(new Action(Verb.KILL, new Target.Process("db1", ProcessKind.KEEPALIVED)), Actor.USER).get(5, TimeUnit.SECONDS);
        live.runFastUntil(12_000_000).get(5, TimeUnit.SECONDS);
        live.restore(Actor.USER).get(5, TimeUnit.SECONDS);
        live.runFastUntil(25_000_000).get(5, TimeUnit.SECONDS);
        Session s = SessionReplay.capture(live.snapshot().get(10, TimeUnit.SECONDS), Map.of("speed", "1"), null);
        Path f = dir.resolve("s.viplab");
        SessionFiles.write(f, s, "test");

        // the app moves on to something else, then reopens the file
        live.reset(Presets.mode2(), "other").get(5, TimeUnit.SECONDS);
        Session back = SessionFiles.read(f);
        SessionReplay.Outcome o = SessionReplay.replay(live, back, "reopened").get(10, TimeUnit.SECONDS);
        assertNull(o.difference(), "the VIP timeline is rebuilt exactly");
        assertEquals(25_000_000, o.endUs(), "up to the lab time it was saved at, past the last event");
        List<LabEvent> rebuilt = live.timeline().snapshot().stream().filter(e -> !(e instanceof LabEvent.LogLine l && l.source().equals("settings"))).toList();
        List<LabEvent> saved = s.events().stream().filter(e -> !(e instanceof LabEvent.LogLine l && l.source().equals("settings"))).toList();
        assertEquals(saved, rebuilt, "every event, not only the VIP's");
        assertEquals(80, live.topology().node("db2").keepalived.priority);
        assertTrue(live.paused(), "left paused where the user left off");
        assertEquals(25_000_000, live.submit(lab -> lab.now()).get(5, TimeUnit.SECONDS));
    }

    @Test
    void aDifferentTimelineIsReported() {
        var a = List.<LabEvent>of(new LabEvent.VipChanged(5_000_000, "db1", "v", true, null));
        var b = List.<LabEvent>of(new LabEvent.VipChanged(6_000_000, "db1", "v", true, null));
        assertTrue(SessionReplay.difference(a, b, 10_000_000).startsWith("saved 5.000 s db1: VIP v added, replayed 6.000 s db1"));
        assertNull(SessionReplay.difference(a, a, 10_000_000));
    }
}
