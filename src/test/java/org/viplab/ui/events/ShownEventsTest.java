package org.viplab.ui.events;

import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;
import org.viplab.core.timeline.LabEvent;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShownEventsTest {
    private static LabEvent probe(long t) { return new LabEvent.ClientProbe(t, true, 1000, "db1", null); }

    private static LabEvent advert(long t, int priority) { return new LabEvent.AdvertSent(t, "db1", 51, priority, 2, 1_000_000); }

    /** Only the events the filter passes are rows, in source order; appends announce just the new rows. */
    @Test
    void showsWhatThePredicatePassesAndFollowsAppends() {
        ObservableList<LabEvent> source = FXCollections.observableArrayList();
        ShownEvents shown = new ShownEvents(source);
        shown.setPredicate(e -> e instanceof LabEvent.AdvertSent);
        List<String> changes = new ArrayList<>();
        shown.addListener((ListChangeListener<LabEvent>) c -> {
            while (c.next()) changes.add((c.wasAdded() ? "+" + c.getFrom() + ".." + c.getTo() : "") + (c.wasRemoved() ? "-" + c.getRemovedSize() : ""));
        });
        List<LabEvent> batch = new ArrayList<>();
        for (int i = 0; i < 100; i++) batch.add(i % 10 == 0 ? advert(i * 100_000L, 100) : probe(i * 100_000L));
        source.addAll(batch);
        assertEquals(10, shown.size());
        assertEquals(advert(9_000_000, 100), shown.get(9));
        source.addAll(List.of(probe(10_000_000), advert(10_100_000, 0)));
        assertEquals(List.of("+0..10", "+10..11"), changes);
        assertEquals(10, shown.indexOf(advert(10_100_000, 0)));
        assertEquals(-1, shown.indexOf(probe(10_000_000)), "a hidden event is not a row");

        changes.clear();
        shown.setPredicate(e -> e instanceof LabEvent.ClientProbe);
        assertEquals(91, shown.size());
        assertEquals(List.of("+0..91-11"), changes);
    }

    /** A new run (the source emptied) starts the rows over; the removed rows are the old run's. */
    @Test
    void aNewRunStartsOver() {
        ObservableList<LabEvent> source = FXCollections.observableArrayList(probe(1), advert(2, 100), probe(3));
        ShownEvents shown = new ShownEvents(source);
        shown.setPredicate(e -> e instanceof LabEvent.ClientProbe);
        List<LabEvent> removed = new ArrayList<>();
        shown.addListener((ListChangeListener<LabEvent>) c -> { while (c.next()) removed.addAll(c.getRemoved()); });
        source.clear();
        assertEquals(List.of(probe(1), probe(3)), removed);
        assertEquals(0, shown.size());
        source.addAll(probe(7), probe(8));
        assertEquals(List.of(probe(7), probe(8)), List.copyOf(shown));
    }

    /** The rows' index grows with the rows shown, not with the source: hidden events cost nothing. */
    @Test
    void hiddenEventsTakeNoRoom() throws Exception {
        ObservableList<LabEvent> source = FXCollections.observableArrayList();
        ShownEvents shown = new ShownEvents(source);
        shown.setPredicate(e -> e instanceof LabEvent.AdvertSent);
        for (int k = 0; k < 100; k++) {
            List<LabEvent> batch = new ArrayList<>();
            for (int i = 0; i < 1000; i++) batch.add(probe(k * 1000L + i));
            source.addAll(batch);
        }
        source.add(advert(200_000, 100));
        java.lang.reflect.Field at = ShownEvents.class.getDeclaredField("at");
        at.setAccessible(true);
        assertEquals(1, shown.size());
        assertTrue(((int[]) at.get(shown)).length < 100, "index length " + ((int[]) at.get(shown)).length);
    }
}
