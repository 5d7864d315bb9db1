package org.viplab.core.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The append-only record of one lab run: the single source of truth for views, drills and reports.
 * Engines append from their own thread; readers take snapshots. Events arrive in time order per engine.
 */
public final class Timeline implements EventSink {
    /** Told about each appended event, on the appending thread. The UI batches these onto the FX thread. */
    public interface Listener {
        void appended(LabEvent event);

        /**
         * Every event was removed ({@link #clear()}, e.g. the SSH engine at a drill's t = 0); the events that
         * follow start a new run of this timeline. On the clearing thread, before any later event.
         */
        default void cleared() { }
    }

    /** Events from an index on, and the generation (number of clears so far) they belong to. */
    public record Slice(long generation, List<LabEvent> events) { }

    private final List<LabEvent> events = new ArrayList<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private long generation; // guarded by events

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

    /**
     * {@link #since(int)} together with the generation it was read in, in one step: a reader that pulls by
     * index (the charts) sees a changed generation and starts over, instead of reading a new run's events at
     * the old run's index.
     */
    public Slice slice(int from) {
        synchronized (events) {
            return new Slice(generation, from >= events.size() ? List.of() : List.copyOf(events.subList(from, events.size())));
        }
    }

    /** How many times the timeline was cleared. */
    public long generation() {
        synchronized (events) {
            return generation;
        }
    }

    public int size() {
        synchronized (events) {
            return events.size();
        }
    }

    /** Removes every event and tells the listeners ({@link Listener#cleared()}); indexes start again at 0. */
    public void clear() {
        synchronized (events) {
            events.clear();
            generation++;
        }
        for (Listener l : listeners) l.cleared();
    }
}
