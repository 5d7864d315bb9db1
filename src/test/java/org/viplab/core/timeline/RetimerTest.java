package org.viplab.core.timeline;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The periodic kinds' constructor path and the general path rebuild the same event, every component kept. */
class RetimerTest {
    @Test
    void everyKindKeepsItsComponentsAndTakesTheNewTime() {
        List<LabEvent> events = List.of(
                new LabEvent.ClientProbe(5, false, 3_000_000, null, LabEvent.ProbeFailure.TIMEOUT),
                new LabEvent.AdvertSent(5, "db1", 51, 100, 2, 1_000_000),
                new LabEvent.ScriptResult(5, "db1", "chk", 1, true, Reason.text("ps -C mysqld: none")),
                new LabEvent.ServerCheck(5, "db2", "db1", "DOWN", "L4CON", false),
                new LabEvent.VipChanged(5, "db2", "10.0.0.1", true, Reason.text("x"))); // the general path
        for (LabEvent e : events) {
            LabEvent moved = Retimer.withTime(e, 777);
            assertEquals(777, moved.timeUs());
            assertEquals(e.getClass(), moved.getClass());
            assertEquals(e, Retimer.withTime(moved, 5), "back at its time it equals the original: " + e);
            assertSame(e, Retimer.withTime(e, 5), "same time: the event itself");
        }
    }
}
