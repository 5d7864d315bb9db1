package org.viplab.core.timeline;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class TimelineTest {
    private static LabEvent link(long t) { return new LabEvent.LinkChanged(t, "db1-db2", t % 2 == 0); }

    @Test
    void clearTellsTheListenersBeforeTheNextEventAndStartsANewGeneration() {
        Timeline tl = new Timeline();
        List<String> heard = new ArrayList<>();
        tl.addListener(new Timeline.Listener() {
            @Override
            public void appended(LabEvent e) { heard.add("event " + e.timeUs()); }

            @Override
            public void cleared() { heard.add("cleared, size " + tl.size()); }
        });
        tl.addListener(e -> heard.add("lambda " + e.timeUs())); // a listener that ignores clears still compiles and works
        tl.accept(link(1));
        tl.accept(link(2));
        assertEquals(0, tl.generation());
        Timeline.Slice before = tl.slice(1);
        assertEquals(new Timeline.Slice(0, List.of(link(2))), before);

        tl.clear();
        tl.accept(link(10));
        assertEquals(List.of("event 1", "lambda 1", "event 2", "lambda 2", "cleared, size 0", "event 10", "lambda 10"), heard);
        assertEquals(1, tl.generation());
        assertEquals(List.of(link(10)), tl.snapshot());
        assertEquals(new Timeline.Slice(1, List.of()), tl.slice(1), "index 1 of the old run is past the new run's end");
        assertEquals(new Timeline.Slice(1, List.of(link(10))), tl.slice(0));
    }
}
