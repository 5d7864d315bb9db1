package org.viplab.ui.sessions;

import org.viplab.core.timeline.Actor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.viplab.core.model.Presets;
import org.viplab.core.model.ProcessKind;
import org.viplab.core.timeline.LabEvent;
import org.viplab.engine.sim.LiveSimulation;
import org.viplab.lab.Action;
import org.viplab.lab.Target;
import org.viplab.lab.Verb;
import org.viplab.session.SessionFiles;
import org.viplab.session.SessionReplay;
import org.viplab.ui.common.CurrentThreadTaskExecutor;
import org.viplab.ui.common.I18n;
import org.viplab.ui.controls.LabControls;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Save and open a session without a window: the same-thread task executor runs the file work and the hand-over at once. */
class SessionsModelTest {
    private final LiveSimulation live = new LiveSimulation(Presets.mode1(), 5);
    private final List<String> messages = new ArrayList<>();
    private final List<String> recovered = new ArrayList<>();

    @AfterEach
    void close() { live.close(); }

    private final SessionsModel.DrillSide drills = new SessionsModel.DrillSide() {
        public boolean drillRunning() { return false; }

        public String drillSource() { return "drills/x.json"; }

        public String recordingJson(String name) { return "{\"name\":\"" + name + "\"}"; }

        public void stopRecording() { }

        public void recovered(String json) { recovered.add(json); }

        public void showRecovered() { }
    };

    @Test
    void aSimulatorSessionIsSavedAndRebuiltWithItsRecording(@TempDir Path dir) throws Exception {
        live.pause();
        live.start();
        I18n i18n = new I18n(Locale.ENGLISH);
        LabControls controls = new LabControls(live, Runnable::run, i18n);
        SessionsModel model = new SessionsModel(controls, i18n, new CurrentThreadTaskExecutor(), drills, s -> messages.add(s.get()));
        live.runFastUntil(3_000_000).get(5, TimeUnit.SECONDS);
        live.apply(new Action(Verb.STOP, new Target.Process("db1", ProcessKind.MYSQLD)), Actor.USER).get(5, TimeUnit.SECONDS);
        live.runFastUntil(9_000_000).get(5, TimeUnit.SECONDS);
        List<LabEvent> before = live.timeline().snapshot();

        Path file = dir.resolve("class.viplab");
        model.saveSession(file).get(10, TimeUnit.SECONDS);
        assertFalse(model.busyProperty().get());
        assertEquals("drills/x.json", SessionFiles.read(file).settings().get("drill"));
        assertEquals("{\"name\":\"" + i18n.get("drills.record.name", "class") + "\"}", SessionFiles.read(file).recordingJson());

        live.reset(Presets.mode2(), "something else").get(5, TimeUnit.SECONDS);
        SessionReplay.Outcome o = model.openSession(file).get(10, TimeUnit.SECONDS);
        assertNull(o.difference());
        assertEquals(9_000_000, o.endUs());
        List<LabEvent> vipBefore = before.stream().filter(e -> e instanceof LabEvent.VipChanged).toList();
        List<LabEvent> vipAfter = live.timeline().snapshot().stream().filter(e -> e instanceof LabEvent.VipChanged).toList();
        assertEquals(vipBefore, vipAfter, "the VIP moves again as saved");
        assertEquals(List.of(SessionFiles.read(file).recordingJson()), recovered, "the recording goes back to the drill panel");
        assertTrue(messages.get(messages.size() - 1).startsWith("Session opened: class.viplab"), messages.toString());
        assertFalse(model.busyProperty().get());
    }
}
