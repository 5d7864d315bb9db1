package org.viplab.engine.ssh;

import org.junit.jupiter.api.Test;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Timeline;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OrderedSinkTest {
    @Test
    void eventsLeaveInTimeOrderAfterTheWindow() throws Exception {
        Timeline tl = new Timeline();
        long[] now = {0};
        try (OrderedSink s = new OrderedSink(tl, 1_000_000, () -> now[0])) {
            s.accept(new LabEvent.LogLine(300, "db1", "x", "c"));
            s.accept(new LabEvent.LogLine(100, "db1", "x", "a"));
            s.accept(new LabEvent.LogLine(200, "db2", "x", "b"));
            s.release(150);
            assertEquals(List.of("a"), tl.snapshot().stream().map(e -> ((LabEvent.LogLine) e).text()).toList());
            s.accept(new LabEvent.LogLine(90, "db1", "x", "late"));
            s.flushAll();
            assertEquals(List.of("a", "late", "b", "c"), tl.snapshot().stream().map(e -> ((LabEvent.LogLine) e).text()).toList());
            assertEquals(1, s.late());
        }
    }
}
