package org.viplab.drill;

import org.viplab.core.timeline.Actor;
import org.junit.jupiter.api.Test;
import org.viplab.engine.sim.SimulatedLab;
import org.viplab.core.timeline.Timeline;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DrillRunnerTest {
    private static DrillResult run(String json) throws Exception {
        Drill d = DrillParser.parse("t.json", json, Path.of("."));
        return new DrillRunner().run(d, SimulatedLab.steadyState(d.topology(), d.seed(), new Timeline()), null);
    }

    @Test
    void withinPassesWhenTrueAtAnyInstantAndForNeedsTheWholeWindow() throws Exception {
        DrillResult r = run("""
                {"name": "x", "preset": "mode1", "steps": [
                  {"at": "5s", "action": "stop", "target": "db1/keepalived"},
                  {"expect": "vip-on", "host": "db2", "within": "1s"},
                  {"expect": "vip-on", "host": "db2", "within": "600ms"},
                  {"expect": "vip-nowhere", "within": "10ms"},
                  {"at": "6s", "expect": "vip-on", "host": "db2", "for": "10s"},
                  {"at": "5s", "expect": "vip-on", "host": "db2", "for": "10s"}
                ]}""");
        assertEquals(Verdict.Status.DONE, r.verdicts().get(0).status());
        assertEquals(Verdict.Status.PASSED, r.verdicts().get(1).status());
        assertEquals(Verdict.Status.FAILED, r.verdicts().get(2).status(), "648 ms > 600 ms");
        assertEquals(Verdict.Status.PASSED, r.verdicts().get(3).status());
        assertEquals(Verdict.Status.PASSED, r.verdicts().get(4).status());
        assertEquals(Verdict.Status.FAILED, r.verdicts().get(5).status(), "not on db2 during the gap");
        assertFalse(r.passed());
        assertEquals(16_000_000, r.endUs());
    }

    @Test
    void metricsAndSplitBrainExpectations() throws Exception {
        DrillResult r = run("""
                {"name": "x", "preset": "mode1", "steps": [
                  {"at": "2s", "action": "kill", "target": "db1/keepalived"},
                  {"expect": "split-brain", "within": "5s"},
                  {"expect": "no-split-brain"},
                  {"expect": "client-downtime-under", "max": "1s"}
                ], "duration": "12s"}""");
        assertEquals(Verdict.Status.PASSED, r.verdicts().get(1).status());
        assertEquals(Verdict.Status.FAILED, r.verdicts().get(2).status());
        var a = r.analysis();
        assertEquals(0, a.failovers().size(), "db1 never lost the VIP: no failover, a split brain");
        assertTrue(a.splitBrainUs() > 0);
        assertTrue(r.toJson().contains("\"splitBrainMs\""));
        // the restore ran: keepalived started again after the drill
        assertTrue(r.events().stream().anyMatch(e -> e instanceof org.viplab.core.timeline.LabEvent.ActionApplied aa
                && aa.by() == Actor.RESTORE && aa.target().equals("db1/keepalived")));
    }

    @Test
    void resultJsonIsByteIdenticalForTheSameDrill() throws Exception {
        String json = "{\"name\": \"x\", \"preset\": \"mode2\", \"seed\": 3, \"steps\": [{\"at\": \"3s\", \"action\": \"kill\", \"target\": \"db1/haproxy\"},"
                + "{\"expect\": \"vip-on\", \"host\": \"db2\", \"within\": \"5s\"}]}";
        assertEquals(run(json).toJson(), run(json).toJson());
        assertTrue(run(json).passed());
    }
}
