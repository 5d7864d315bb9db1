package org.viplab.ui.events;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableListBase;
import org.viplab.core.timeline.LabEvent;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * The events the filters let through, as the source indices of those events only. JavaFX's FilteredList keeps an
 * int per event of its source, shown or not, and regrows that array as the source grows: at 100x the source gains
 * about 80,000 events a wall minute (probes and adverts, hidden by default), so the list's index alone grew the
 * heap without end. Here an event hidden by the filters costs nothing; rows are read from the source (the
 * timeline's compact view) when shown. The source only grows, or starts over (a new run).
 */
final class ShownEvents extends ObservableListBase<LabEvent> {
    private final ObservableList<LabEvent> source;
    private Predicate<? super LabEvent> predicate = e -> true;
    private int[] at = new int[64];
    private int size;
    /** Source events below this index have been tested against the predicate. */
    private int tested;

    ShownEvents(ObservableList<LabEvent> source) {
        this.source = source;
        source.addListener((ListChangeListener<LabEvent>) this::sourceChanged);
        retest(source);
    }

    /** The filters' test as set last (every event passes before the first). */
    Predicate<? super LabEvent> getPredicate() { return predicate; }

    void setPredicate(Predicate<? super LabEvent> p) {
        predicate = p;
        retest(source);
    }

    private void sourceChanged(ListChangeListener.Change<? extends LabEvent> c) {
        boolean onlyAppended = true;
        List<? extends LabEvent> before = source;
        while (c.next()) {
            if (c.wasRemoved() && c.getFrom() == 0 && c.getRemovedSize() >= tested) before = c.getRemoved(); // a new run
            if (!c.wasAdded() || c.wasRemoved() || c.wasPermutated() || c.wasUpdated() || c.getFrom() < tested) onlyAppended = false;
        }
        if (!onlyAppended || source.size() < tested) {
            retest(before);
            return;
        }
        int from = size;
        testNew();
        if (size > from) {
            beginChange();
            nextAdd(from, size);
            endChange();
        }
    }

    /** Tests every source event again: a new filter, or a new run; {@code before} holds the rows shown until now. */
    private void retest(List<? extends LabEvent> before) {
        int[] old = at;
        int oldSize = size;
        at = new int[64];
        size = 0;
        tested = 0;
        testNew();
        if (oldSize == 0 && size == 0) return;
        beginChange();
        if (oldSize > 0) nextRemove(0, new Rows(before, old, oldSize));
        if (size > 0) nextAdd(0, size);
        endChange();
    }

    private void testNew() {
        int n = source.size();
        for (int i = tested; i < n; i++) {
            if (!predicate.test(source.get(i))) continue;
            if (size == at.length) at = Arrays.copyOf(at, size + (size >> 1) + 16);
            at[size++] = i;
        }
        tested = n;
    }

    @Override
    public LabEvent get(int index) {
        if (index < 0 || index >= size) throw new IndexOutOfBoundsException(index);
        return source.get(at[index]);
    }

    @Override
    public int size() { return size; }

    /** Finds {@code o} by its time (the source is in time order) instead of decoding every shown row. */
    @Override
    public int indexOf(Object o) {
        if (!(o instanceof LabEvent e)) return -1;
        int lo = 0;
        int hi = size;
        while (lo < hi) { // the first shown row at or after e's time
            int mid = (lo + hi) >>> 1;
            if (get(mid).timeUs() < e.timeUs()) lo = mid + 1; else hi = mid;
        }
        for (int i = lo; i < size; i++) {
            LabEvent r = get(i);
            if (r.timeUs() != e.timeUs()) break;
            if (r.equals(e)) return i;
        }
        return -1;
    }

    /** The rows a change removed, read from the events they came from when a listener asks (no copy). */
    private static final class Rows extends AbstractList<LabEvent> {
        private final List<? extends LabEvent> events;
        private final int[] indices;
        private final int count;

        Rows(List<? extends LabEvent> events, int[] indices, int count) {
            this.events = events;
            this.indices = indices;
            this.count = count;
        }

        @Override
        public LabEvent get(int i) { return events.get(indices[java.util.Objects.checkIndex(i, count)]); }

        @Override
        public int size() { return count; }
    }
}
