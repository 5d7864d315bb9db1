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

    /** Every event with its causes, read together (an event's id is its index in {@code events}). */
    public record Caused(List<LabEvent> events, Causes causes) { }

    private final List<LabEvent> events = new ArrayList<>();
    /** The cause of each event, by id (= index in events); grown with it under the same lock. */
    private long[] causes = new long[64];
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private long generation; // guarded by events

    public Timeline() { }

    public Timeline(List<? extends LabEvent> initial) { this(initial, Causes.none()); }

    /** A recorded run: {@code causes} by index into {@code initial}. */
    public Timeline(List<? extends LabEvent> initial, Causes causes) {
        for (int i = 0; i < initial.size(); i++) accept(initial.get(i), causes.causeOf(i));
    }

    @Override
    public void accept(LabEvent event) { accept(event, Causes.NONE); }

    /** Appends {@code event}, caused by event {@code causeId} (or {@link Causes#NONE}); returns its id, its index. */
    @Override
    public long accept(LabEvent event, long causeId) {
        long id;
        synchronized (events) {
            id = events.size();
            if (causeId >= id) throw new IllegalArgumentException("a cause precedes its event: " + causeId + " >= " + id);
            if (id == causes.length) causes = java.util.Arrays.copyOf(causes, causes.length * 2);
            causes[(int) id] = causeId < 0 ? Causes.NONE : causeId;
            events.add(event);
        }
        for (Listener l : listeners) l.appended(event);
        return id;
    }

    /** The cause of event {@code id}, or {@link Causes#NONE}. */
    public long causeOf(long id) {
        synchronized (events) {
            return id >= 0 && id < events.size() ? causes[(int) id] : Causes.NONE;
        }
    }

    /** A copy of every event so far with their causes, taken in one step. */
    public Caused caused() {
        synchronized (events) {
            return new Caused(List.copyOf(events), Causes.of(java.util.Arrays.copyOf(causes, events.size())));
        }
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
            java.util.Arrays.fill(causes, Causes.NONE);
            generation++;
        }
        for (Listener l : listeners) l.cleared();
    }
}
