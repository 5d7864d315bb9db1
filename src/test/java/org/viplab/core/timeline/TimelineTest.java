package org.viplab.core.timeline;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class TimelineTest {
    private static LabEvent link(long t) { return new LabEvent.LinkChanged(t, "db1-db2", t % 2 == 0); }

    @Test
    void onlyGrowsSoAnIndexKeepsItsMeaning() {
        Timeline tl = new Timeline();
        List<String> heard = new ArrayList<>();
        tl.addListener(e -> heard.add("event " + e.timeUs()));
        tl.accept(link(1));
        tl.accept(link(2));
        assertEquals(List.of(link(2)), tl.since(1));
        tl.accept(link(3));
        assertEquals(List.of(link(2), link(3)), tl.since(1), "what was read from index 1 is still there");
        assertEquals(List.of(), tl.since(5));
        assertEquals(List.of("event 1", "event 2", "event 3"), heard);
        assertEquals(3, tl.size());
        assertTrue(java.util.Arrays.stream(Timeline.class.getMethods()).noneMatch(m -> m.getName().equals("clear")), "no way to remove events");
    }
}
