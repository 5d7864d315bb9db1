package org.viplab.core.timeline;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
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

    /** Events and causes, compactly (runs of periodic unchanged events); also the lock for both. */
    private final EventStore store = new EventStore();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    public Timeline() { }

    public Timeline(List<? extends LabEvent> initial) { this(initial, Causes.none()); }

    /** A recorded run: {@code causes} by index into {@code initial}. */
    public Timeline(List<? extends LabEvent> initial, Causes causes) {
        for (int i = 0; i < initial.size(); i++) accept(initial.get(i), causes.causeOf(i));
    }

    @Override
    public void accept(LabEvent event) { accept(event, Causes.NONE); }

    /**
     * Appends {@code event}, caused by event {@code causeId} (or {@link Causes#NONE}); returns its id, which is
     * its index: stable, since a timeline only grows.
     */
    @Override
    public long accept(LabEvent event, long causeId) {
        long id;
        synchronized (store) {
            id = store.size();
            if (causeId >= id) throw new IllegalArgumentException("a cause precedes its event: " + causeId + " >= " + id);
            store.append(event, causeId < 0 ? Causes.NONE : causeId);
        }
        for (Listener l : listeners) l.appended(event);
        return id;
    }

    /** The cause of event {@code id}, or {@link Causes#NONE}. */
    public long causeOf(long id) {
        synchronized (store) {
            return id >= 0 && id < store.size() ? store.causeOf((int) id, new EventStore.Cursor()) : Causes.NONE;
        }
    }

    /** Every event so far with their causes, taken in one step (read-only views, decoded as read). */
    public Caused caused() {
        int n = size();
        EventStore.Cursor cur = new EventStore.Cursor();
        return new Caused(new View(0, n), Causes.view(n, i -> {
            synchronized (store) {
                return store.causeOf(i, cur);
            }
        }));
    }

    public void addListener(Listener l) { listeners.add(l); }

    public void removeListener(Listener l) { listeners.remove(l); }

    /**
     * Every event so far: an unmodifiable view fixed at the current size, decoding each event as it is read
     * (a long run is not materialised as one object per event). Sequential reads are cheap; so is holding it.
     */
    public List<LabEvent> snapshot() { return new View(0, size()); }

    /** The events from index {@code from} on, as {@link #snapshot()}; lets a reader catch up incrementally. */
    public List<LabEvent> since(int from) {
        int n = size();
        return from >= n ? List.of() : new View(Math.max(0, from), n);
    }

    /** {@code events} if it is already one of a timeline's read-only views (no copy of a long run), else a copy. */
    public static List<LabEvent> immutable(List<LabEvent> events) {
        return events instanceof Timeline.View ? events : List.copyOf(events);
    }

    public int size() {
        synchronized (store) {
            return store.size();
        }
    }

    /** Events [from, to) of the store; appends past {@code to} never change what it reads. */
    private final class View extends AbstractList<LabEvent> implements RandomAccess {
        private final int from;
        private final int to;
        private final EventStore.Cursor cursor = new EventStore.Cursor();

        View(int from, int to) {
            this.from = from;
            this.to = to;
        }

        @Override
        public LabEvent get(int index) {
            Objects.checkIndex(index, to - from);
            synchronized (store) {
                return store.get(from + index, cursor);
            }
        }

        @Override
        public int size() { return to - from; }

        @Override
        public List<LabEvent> subList(int fromIndex, int toIndex) {
            Objects.checkFromToIndex(fromIndex, toIndex, size());
            return new View(from + fromIndex, from + toIndex);
        }
    }
}
