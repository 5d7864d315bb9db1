package org.viplab.drill;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import org.viplab.testing.Drills;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** vip-on and state with "instance": parsed against the topology's instances, judged on that instance's events. */
class InstanceExpectationsTest {

    private static Drill parse(Path dir, String steps) throws Exception {
        Path f = dir.resolve("d.json");
        Files.writeString(f, "{\"name\": \"x\", \"preset\": \"readwrite\", \"duration\": \"20s\", \"steps\": [" + steps + "]}");
        return DrillParser.parseFile(f);
    }

    @Test
    void anUnknownInstanceIsAnErrorAtItsLine(@org.junit.jupiter.api.io.TempDir Path dir) {
        DrillException e = assertThrows(DrillException.class, () -> parse(dir,
                "{\"expect\": \"vip-on\", \"host\": \"db2\", \"instance\": \"VI_RAED\"}"));
        assertTrue(e.getMessage().contains("unknown VRRP instance \"VI_RAED\" on db2; instances: VI_WRITE, VI_READ"), e.getMessage());
    }

    @Test
    void theReadVipIsJudgedOnItsOwnEventsAndAWrongExpectationFails(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Drill d = parse(dir, "{\"at\": \"2s\", \"action\": \"stop\", \"target\": \"db1/mysqld\"},"
                + "{\"expect\": \"vip-on\", \"host\": \"db2\", \"instance\": \"VI_READ\", \"within\": \"6s\"},"
                + "{\"at\": \"10s\", \"expect\": \"vip-on\", \"host\": \"db1\", \"instance\": \"VI_READ\"},"
                + "{\"at\": \"10s\", \"expect\": \"state\", \"host\": \"db1\", \"instance\": \"VI_READ\", \"state\": \"FAULT\"}");
        DrillResult r = Drills.run(d);
        // verdict 0 is the action's
        assertEquals(Verdict.Status.PASSED, r.verdicts().get(1).status(), r.verdicts().get(1).detail());
        assertEquals(Verdict.Status.FAILED, r.verdicts().get(2).status());
        assertTrue(r.verdicts().get(2).detail().contains("VI_READ's VIP on db2"), r.verdicts().get(2).detail());
        assertEquals(Verdict.Status.PASSED, r.verdicts().get(3).status(), r.verdicts().get(3).detail());
    }
}
