package org.viplab.drill;

import org.viplab.core.timeline.Actor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.viplab.lab.Action;
import org.viplab.lab.Target;
import org.viplab.lab.Verb;
import org.viplab.core.model.Presets;
import org.viplab.core.model.ProcessKind;
import org.viplab.core.model.Topology;
import org.viplab.core.model.TopologyJson;
import org.viplab.engine.sim.SimulatedLab;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Timeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DrillRecorderTest {
    private static final long SEED = 11;

    private static Action act(Verb v, String target, Topology t) { return new Action(v, Target.parse(target, t.nodeNames())); }

    private static List<LabEvent.VipChanged> vipChanges(List<LabEvent> events, long upToUs) {
        return events.stream().filter(e -> e instanceof LabEvent.VipChanged && e.timeUs() >= 0 && e.timeUs() <= upToUs)
                .map(e -> (LabEvent.VipChanged) e).toList();
    }

    /** A trainer's session by hand: mysqld stopped at an odd time, brought back, keepalived started again. */
    private static Timeline byHand(Topology t, long endUs) {
        Timeline tl = new Timeline();
        SimulatedLab lab = SimulatedLab.steadyState(t, SEED, tl);
        lab.runUntil(2_345_678);
        lab.apply(act(Verb.STOP, "db1/mysqld", t), Actor.USER);
        lab.runUntil(15_000_000);
        lab.apply(act(Verb.START, "db1/mysqld", t), Actor.USER);
        lab.runUntil(17_250_000);
        lab.apply(act(Verb.START, "db1/keepalived", t), Actor.USER);
        lab.apply(act(Verb.CUT, "clients-db2", t), Actor.DRILL); // not the user's: must not be recorded
        lab.apply(act(Verb.HEAL, "clients-db2", t), Actor.DRILL);
        lab.runUntil(endUs);
        return tl;
    }

    @Test
    void aRecordedDrillReplaysToTheSameVipTimelineAndItsExpectationsPass(@TempDir Path dir) throws Exception {
        Topology t = Presets.mode1();
        long end = 40_000_000;
        Timeline tl = byHand(t, end);
        List<LabEvent> events = tl.snapshot();

        DrillRecorder rec = new DrillRecorder(t, SEED, 0);
        assertEquals(3, rec.actions(events).size(), "only the user's three actions: " + rec.actions(events));
        LabEvent.VipChanged toDb2 = vipChanges(events, end).stream().filter(v -> v.added() && v.host().equals("db2")).findFirst().orElseThrow();
        DrillRecorder.RecordedExpect e = rec.expectVipOn(events, toDb2);
        assertEquals(2_345_678, e.atUs(), "anchored at the stop of mysqld, the last action before the switch");
        long took = toDb2.timeUs() - 2_345_678;
        assertTrue(e.withinUs() > took && e.withinUs() % 100_000 == 0, "rounded up with a margin: " + e.withinUs() + " for " + took);
        rec.expectNoSplitBrain();
        rec.expectClientDowntimeUnder(events, end);

        Path file = dir.resolve("recorded.json");
        rec.save(file, events, end, "Recorded by hand", "stop mysqld, bring it back");
        Drill drill = DrillParser.parseFile(file);
        assertEquals("mode1", drill.presetName());
        assertEquals(SEED, drill.seed());
        assertEquals(end, drill.endUs());
        assertTrue(drill.warnings().isEmpty(), drill.warnings().toString());

        Timeline replay = new Timeline();
        DrillResult r = new DrillRunner().run(drill, SimulatedLab.steadyState(drill.topology(), drill.seed(), replay), null);
        assertEquals(vipChanges(events, end), vipChanges(r.events(), end), "same VIP events at the same times");
        assertFalse(vipChanges(events, end).isEmpty());
        assertTrue(r.passed(), "the recorded expectations hold on the replay: " + r.verdicts());
        assertEquals(3 + 3, r.verdicts().size());
    }

    @Test
    void anEditedTopologyIsWrittenAsPresetAndOverridesThatParseBackExactly(@TempDir Path dir) throws Exception {
        Topology t = Presets.mode1();
        t.node("db2").keepalived.priority = 95;
        t.node("db1").mysqldShutdownMs = 4000;
        t.node("db1").keepalived.scripts.get(0).weight = -20;
        t.clientWrites = true;
        t.description = null;
        long end = 30_000_000;
        List<LabEvent> events = byHand(t, end).snapshot();
        DrillRecorder rec = new DrillRecorder(t, SEED, 0);
        String json = rec.toJson(events, end, "edited", null);
        assertTrue(json.contains("\"db2.keepalived.priority\": 95"), json);
        assertTrue(json.contains("\"db1.keepalived.scripts\""), "a changed list is written whole: " + json);
        Path file = dir.resolve("edited.json");
        rec.save(file, events, end, "edited", null);
        Drill back = DrillParser.parseFile(file);
        assertEquals(TopologyJson.toJson(t), TopologyJson.toJson(back.topology()));
        DrillResult r = new DrillRunner().run(back, SimulatedLab.steadyState(back.topology(), back.seed(), new Timeline()), null);
        assertEquals(vipChanges(events, end), vipChanges(r.events(), end));
    }

    @Test
    void aModeTwoRecordingNamesModeTwoAndRecordsLinkActions() throws Exception {
        Topology t = Presets.mode2();
        Timeline tl = new Timeline();
        SimulatedLab lab = SimulatedLab.steadyState(t, SEED, tl);
        lab.runUntil(1_000_000);
        lab.apply(act(Verb.CUT, "db1-db2/vrrp", t), Actor.USER);
        lab.runUntil(9_000_000);
        lab.apply(act(Verb.HEAL, "db1-db2/vrrp", t), Actor.USER);
        lab.runUntil(20_000_000);
        DrillRecorder rec = new DrillRecorder(t, SEED, 0);
        Drill d = DrillParser.parse("x", rec.toJson(tl.snapshot(), 20_000_000, "vrrp", null), null);
        assertEquals("mode2", d.presetName());
        assertEquals(List.of("cut db1-db2/vrrp", "heal db1-db2/vrrp"), d.steps().stream().map(Step::text).toList());
        assertEquals(1_000_000, d.steps().get(0).anchorUs());
    }

    @Test
    void marginRounding() {
        assertEquals(900_000, DrillRecorder.roundUpWithMargin(648_000), "648 ms + 200 ms, up to 100 ms");
        assertEquals(4_600_000, DrillRecorder.roundUpWithMargin(3_648_000), "3.648 s + 25 % = 4.56 s");
        assertEquals(13_000_000, DrillRecorder.roundUpWithMargin(10_000_000), "12.5 s up to the second");
        assertEquals(200_000, DrillRecorder.roundUpWithMargin(0));
    }

    @Test
    void aVipRemovalCannotBecomeAnExpectation() {
        DrillRecorder rec = new DrillRecorder(Presets.mode1(), 1, 0);
        assertThrows(IllegalArgumentException.class,
                () -> rec.expectVipOn(List.of(), new LabEvent.VipChanged(5, "db1", "10.9.8.120", false, null)));
    }
}
