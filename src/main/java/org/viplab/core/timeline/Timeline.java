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

    /** Every event with its causes, read together (an event's id is its index in {@code events}). */
    public record Caused(List<LabEvent> events, Causes causes) { }

    private final List<LabEvent> events = new ArrayList<>();
    /** The cause of each event, by id (= index in events); grown with it under the same lock. */
    private long[] causes = new long[64];
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

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

    public int size() {
        synchronized (events) {
            return events.size();
        }
    }
}
