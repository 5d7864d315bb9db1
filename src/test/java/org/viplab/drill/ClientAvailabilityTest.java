package org.viplab.drill;

import org.junit.jupiter.api.Test;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.LabEvent.ProbeFailure;
import org.viplab.testing.Drills;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Availability that cannot hide: a run where every other probe times out has a longest outage of one probe
 * interval, yet half its probes failed. client-availability-over and client-failures-under see that.
 */
class ClientAvailabilityTest {
    /** 100 probes every 200 ms; from 4 s to 16 s every other one times out (30 failures), plus 2 refused at 18 s. */
    static List<LabEvent> flapping() {
        List<LabEvent> out = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            long t = i * 200_000L;
            boolean timedOut = t >= 4_000_000 && t < 16_000_000 && i % 2 == 1;
            boolean refused = t == 18_000_000 || t == 18_200_000;
            ProbeFailure f = timedOut ? ProbeFailure.TIMEOUT : refused ? ProbeFailure.REFUSED : ProbeFailure.NONE;
            out.add(new LabEvent.ClientProbe(t, f == ProbeFailure.NONE, 1000, f == ProbeFailure.NONE ? "db1" : null, f));
        }
        return out;
    }

    private static Drill parse(String expect) throws DrillException {
        return DrillParser.parse("t.json", "{\"name\": \"x\", \"preset\": \"mode1\", \"duration\": \"20s\", \"steps\": [\n" + expect + "]}", Path.of("."));
    }

    private static Verdict judge(String expect) throws DrillException {
        Step step = parse(expect).steps().get(0);
        return new Judge(flapping(), 20_000_000).judge(step, 20_000_000);
    }

    @Test
    void figuresCountEveryFailedProbeByKind() {
        ClientFigures c = ClientFigures.of(flapping(), 0, 20_000_000);
        assertEquals(100, c.probes());
        assertEquals(32, c.failed());
        assertEquals(0.68, c.availability(), 1e-9);
        assertEquals("68.00%", c.availabilityText());
        assertEquals(Map.of("timeout", 30, "refused", 2), c.failuresByKind());
        assertEquals("99.99%", new ClientFigures(100_000, 1, Map.of()).availabilityText(), "one failure never reads as 100%");
    }

    @Test
    void availabilityOverPassesAndFailsOnTheExactThreshold() throws Exception {
        Verdict fail = judge("{\"expect\": \"client-availability-over\", \"min\": \"99%\"}");
        assertEquals(Verdict.Status.FAILED, fail.status());
        assertEquals("availability 68.00%, 32 of 100 probes failed", fail.detail());
        assertEquals(Verdict.Status.PASSED, judge("{\"expect\": \"client-availability-over\", \"min\": \"68%\"}").status(), "68 of 100 is at least 68%");
        assertEquals(Verdict.Status.FAILED, judge("{\"expect\": \"client-availability-over\", \"min\": \"68.01%\"}").status());
        // a window without failures: the first 4 s
        Verdict early = judge("{\"at\": \"0s\", \"expect\": \"client-availability-over\", \"min\": \"100%\", \"for\": \"3.9s\"}");
        assertEquals(Verdict.Status.PASSED, early.status(), early.detail());
    }

    @Test
    void failuresUnderCountsTheWindow() throws Exception {
        assertEquals(Verdict.Status.FAILED, judge("{\"expect\": \"client-failures-under\", \"max\": 32}").status(), "32 is not under 32");
        assertEquals(Verdict.Status.PASSED, judge("{\"expect\": \"client-failures-under\", \"max\": 33}").status());
        Verdict tail = judge("{\"at\": \"17s\", \"expect\": \"client-failures-under\", \"max\": 3, \"within\": \"3s\"}");
        assertEquals(Verdict.Status.PASSED, tail.status(), tail.detail());
        assertTrue(tail.detail().startsWith("availability "), tail.detail());
        assertTrue(tail.detail().endsWith(", 2 of 15 probes failed"), tail.detail());
    }

    @Test
    void noProbeIsNoEvidenceOfAvailability() throws Exception {
        Step step = parse("{\"expect\": \"client-availability-over\", \"min\": \"50%\"}").steps().get(0);
        Verdict v = new Judge(List.of(), 20_000_000).judge(step, 20_000_000);
        assertEquals(Verdict.Status.FAILED, v.status());
        assertEquals("no probe ran between t=0us and t=20s", v.detail());
    }

    @Test
    void parserNamesTheLineOfABadThreshold() {
        DrillException e = assertThrows(DrillException.class, () -> parse("{\"expect\": \"client-availability-over\", \"min\": 0.99}"));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("\"99.5%\""), e.getMessage());
        assertTrue(assertThrows(DrillException.class, () -> parse("{\"expect\": \"client-availability-over\", \"min\": \"101%\"}"))
                .getMessage().contains("at most 100%"));
        assertTrue(assertThrows(DrillException.class, () -> parse("{\"expect\": \"client-failures-under\"}"))
                .getMessage().contains("needs \"max\""));
        assertTrue(assertThrows(DrillException.class, () -> parse("{\"expect\": \"client-failures-under\", \"max\": \"3s\"}"))
                .getMessage().contains("whole number"));
    }

    @Test
    void stepTextAndWholeDrillDefault() throws Exception {
        Step.ExpectStep s = (Step.ExpectStep) parse("{\"expect\": \"client-availability-over\", \"min\": \"99.5%\"}").steps().get(0);
        assertTrue(s.wholeDrill());
        assertEquals("expect client-availability-over >= 99.5% (whole drill)", s.text());
        Step.ExpectStep f = (Step.ExpectStep) parse("{\"expect\": \"client-failures-under\", \"max\": 3}").steps().get(0);
        assertEquals("expect client-failures-under < 3 failed probes (whole drill)", f.text());
    }

    @Test
    void aWindowedNoSplitBrainDoesNotDenyTheSplitBrainElsewhere() throws Exception {
        DrillResult r = Drills.run("split", """
                {"name": "vrrp blocked", "preset": "mode1", "duration": "20s", "steps": [
                  {"at": "1s", "expect": "no-split-brain", "for": "3s"},
                  {"at": "5s", "action": "cut", "target": "db1-db2/vrrp"},
                  {"at": "12s", "action": "heal", "target": "db1-db2/vrrp"}
                ]}""");
        Verdict v = r.verdicts().get(0);
        assertEquals(Verdict.Status.PASSED, v.status());
        assertTrue(v.detail().startsWith("no split brain in the 3s window from t=1s to t=4s; "), v.detail());
        assertTrue(v.detail().endsWith(" of split brain elsewhere in the run"), v.detail());
        assertFalse(v.detail().contains("never"));
        Map<?, ?> metrics = r.metrics();
        assertTrue(((Number) metrics.get("splitBrainMs")).doubleValue() > 0);
        assertTrue(r.toJson().contains("\"clientAvailability\": "), "result.json carries the availability");
        assertTrue(r.toJson().startsWith("{\n  \"schemaVersion\": " + DrillResult.SCHEMA_VERSION + ",\n  \"tool\": {"), "versioned first");
    }
}
