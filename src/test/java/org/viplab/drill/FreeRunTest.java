package org.viplab.drill;

import org.viplab.core.timeline.Actor;
import org.junit.jupiter.api.Test;
import org.viplab.lab.Action;
import org.viplab.lab.Target;
import org.viplab.lab.Verb;
import org.viplab.core.model.Flavour;
import org.viplab.core.model.Presets;
import org.viplab.core.model.ProcessKind;
import org.viplab.core.model.Topology;
import org.viplab.report.ReportOptions;
import org.viplab.report.ReportWriter;
import org.viplab.engine.sim.SimulatedLab;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Timeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A run without a drill file, made into a result the report writer takes. */
class FreeRunTest {
    private static DrillResult stopMysqldRun(Topology t, long endUs) {
        Timeline timeline = new Timeline();
        SimulatedLab lab = SimulatedLab.steadyState(t, 7, timeline);
        lab.runUntil(2_000_000);
        lab.apply(new Action(Verb.STOP, new Target.Process("db1", ProcessKind.MYSQLD)), Actor.USER);
        lab.runUntil(4_000_000);
        lab.apply(new Action(Verb.HANG, new Target.Process("db2", ProcessKind.MYSQLD)), Actor.DRILL);
        lab.apply(new Action(Verb.RESUME, new Target.Process("db2", ProcessKind.MYSQLD)), Actor.RESTORE); // clean-up, not a step
        lab.runUntil(endUs);
        return FreeRun.result(t, 7, timeline.snapshot(), endUs, "by hand", "a trainer's run");
    }

    @Test
    void thePersonsActionsBecomeDoneStepsAndTheFiguresComeFromTheTimeline() {
        DrillResult r = stopMysqldRun(Presets.mode1(), 12_000_000);
        assertEquals(2, r.verdicts().size(), "the person's and the drill's actions are steps, the restore is not");
        assertEquals("hang db2/mysqld", r.verdicts().get(1).step().text());
        assertEquals(4_000_000, r.verdicts().get(1).step().anchorUs());
        Verdict v = r.verdicts().get(0);
        assertEquals(Verdict.Status.DONE, v.status());
        assertEquals(2_000_000, v.step().anchorUs());
        assertEquals("stop db1/mysqld", v.step().text());
        assertTrue(r.passed(), "no expectations, nothing fails");
        assertEquals("mode1", r.drill().presetName());
        assertEquals(7, r.drill().seed());
        assertEquals(12_000_000, r.endUs());
        assertEquals(12_000_000, r.drill().endUs());
        assertEquals(1, r.analysis().failovers().size(), "db1 to db2 once");
        assertEquals("db2", r.analysis().failovers().get(0).to());
        assertTrue(r.events().stream().allMatch(e -> e.timeUs() <= 12_000_000));
    }

    @Test
    void eventsAfterTheEndAreLeftOutAndAnEditedTopologyIsNoPreset() {
        Topology t = Presets.mode1();
        t.nodes.get(1).keepalived.priority = 80;
        Timeline timeline = new Timeline();
        SimulatedLab lab = SimulatedLab.steadyState(t, 1, timeline);
        lab.runUntil(10_000_000);
        DrillResult r = FreeRun.result(t, 1, timeline.snapshot(), 5_000_000, "x", null);
        assertTrue(r.events().stream().allMatch(e -> e.timeUs() <= 5_000_000));
        assertTrue(timeline.snapshot().stream().anyMatch(e -> e.timeUs() > 5_000_000), "the timeline did go on");
        assertNull(r.drill().presetName());
        assertEquals(80, r.drill().topology().nodes.get(1).keepalived.priority);

        Topology galera = Presets.mode1();
        galera.flavour = Flavour.values()[Flavour.values().length - 1];
        assertEquals("mode1", FreeRun.presetName(galera), "a flavour switch keeps the preset's name");
    }

    @Test
    void theReportWriterWritesAFreeRun() throws Exception {
        DrillResult r = stopMysqldRun(Presets.mode1(), 12_000_000);
        Path dir = Path.of("target", "free-run-report");
        ReportWriter.write(r, dir, new ReportOptions(Locale.ENGLISH, false, Instant.parse("2026-01-01T00:00:00Z")));
        String html = Files.readString(dir.resolve(ReportWriter.HTML));
        assertTrue(html.contains("by hand") && html.contains("stop db1/mysqld"));
        assertTrue(Files.readString(dir.resolve(ReportWriter.JSON)).contains("\"failovers\": 1"));
        assertTrue(r.events().stream().anyMatch(e -> e instanceof LabEvent.ActionApplied a && a.by() == Actor.RESTORE),
                "the restore is in the timeline, only not a step");
    }
}
