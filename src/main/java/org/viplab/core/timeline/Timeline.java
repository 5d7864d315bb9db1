package org.viplab.core.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The append-only record of one lab run: the single source of truth for views, drills and reports.
 * Engines append from their own thread; readers take snapshots. Events arrive in time order per engine.
 */
public final class Timeline implements EventSink {
    /**
     * Told about each appended event, on the appending thread. The UI batches these onto the FX thread. A
     * timeline only grows: a new run (the simulator's reset, a drill's t = 0 on real hosts) is a new Timeline,
     * announced by its engine's run listener, so an index into a timeline never changes meaning.
     */
    @FunctionalInterface
    public interface Listener {
        void appended(LabEvent event);
    }

    private final List<LabEvent> events = new ArrayList<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    public Timeline() { }

    public Timeline(List<? extends LabEvent> initial) { events.addAll(initial); }

    @Override
    public void accept(LabEvent event) {
        synchronized (events) {
            events.add(event);
        }
        for (Listener l : listeners) l.appended(event);
    }

    public void addListener(Listener l) { listeners.add(l); }

    public void removeListener(Listener l) { listeners.remove(l); }

    /** A copy of every event so far. */
    public List<LabEvent> snapshot() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    /** A copy of the events from index {@code from} on; lets a reader catch up incrementally. */
    public List<LabEvent> since(int from) {
        synchronized (events) {
            return from >= events.size() ? List.of() : List.copyOf(events.subList(from, events.size()));
        }
    }

    public int size() {
        synchronized (events) {
            return events.size();
        }
    }
}
