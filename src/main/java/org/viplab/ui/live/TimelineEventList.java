package org.viplab.ui.live;

import javafx.collections.ObservableListBase;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Timeline;

import java.util.List;

/**
 * The event list's rows, read from the run's timeline as they are shown rather than copied: a long run at 100x
 * keeps no object per probe here. It grows by the events handed over so far (the bridge's batches), so a
 * change is announced on the FX thread like any observable list's.
 */
final class TimelineEventList extends ObservableListBase<LabEvent> {
    private Timeline timeline = new Timeline();
    private List<LabEvent> rows = List.of();

    /** Starts over on {@code t}'s events, none shown yet. */
    void follow(Timeline t) {
        List<LabEvent> removed = rows;
        timeline = t;
        rows = List.of();
        if (!removed.isEmpty()) {
            beginChange();
            nextRemove(0, removed);
            endChange();
        }
    }

    /** The next {@code count} events of the timeline have been handed over: show them. */
    void grow(int count) {
        if (count <= 0) return;
        int from = rows.size();
        int to = Math.min(from + count, timeline.size());
        if (to == from) return;
        rows = timeline.snapshot().subList(0, to);
        beginChange();
        nextAdd(from, to);
        endChange();
    }

    @Override
    public LabEvent get(int index) { return rows.get(index); }

    @Override
    public int size() { return rows.size(); }
}
