package org.viplab.ui.live;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import org.viplab.core.model.Topology;
import org.viplab.core.timeline.LabEvent;

import java.util.List;
import java.util.Objects;

/**
 * What the drawing shows: the live lab, or the lab as it was at a chosen event. Either way it is the fold of
 * the live model's events (the run's timeline) up to a point into a second {@link LabViewModel}, {@link #shown()}:
 * live, it takes each batch as it arrives (and announces it, for the animations); viewing the past, it is
 * rewound and refolded up to the chosen event, and stops taking batches until {@link #backToLive()}.
 * So a recorded session or a real-host run travels back the same way as the simulator. FX thread only.
 */
public final class TimeTravel {
    private final LabViewModel live;
    private final LabViewModel shown = new LabViewModel();
    private final ObjectProperty<LabEvent> viewing = new SimpleObjectProperty<>();
    /** How many of the live model's events are folded into {@link #shown}. */
    private int folded;

    public TimeTravel(LabViewModel live) {
        this.live = live;
        live.runsProperty().addListener((o, a, b) -> restart());
        live.events().addListener((ListChangeListener<LabEvent>) c -> {
            if (live.events().size() < folded) restart(); // a new run's list
            else if (viewing.get() == null) catchUp(true);
        });
        restart();
    }

    private void restart() {
        viewing.set(null);
        folded = 0;
        Topology t = live.topologyProperty().get();
        if (t != null) shown.runStarted(t, live.timeline());
        catchUp(false);
    }

    private void catchUp(boolean announce) {
        List<LabEvent> all = live.events();
        if (all.size() <= folded) return;
        List<LabEvent> fresh = all.subList(folded, all.size());
        folded = all.size();
        shown.fold(fresh, announce);
    }

    /**
     * Shows the lab as it was at {@code e}'s moment (an event of the live model): every event up to it and those
     * of the same microsecond after it, which happened together (keepalived's stop sends its priority-0 advert,
     * drops the VIP and goes STOPPED at once). Null goes back to live. Returns the index of the event in the run,
     * or -1 when it is not one of the run's events (then nothing changes).
     */
    public int view(LabEvent e) {
        if (e == null) {
            backToLive();
            return -1;
        }
        int i = indexOf(live.events(), e);
        if (i < 0) return -1;
        int last = i;
        while (last + 1 < live.events().size() && live.events().get(last + 1).timeUs() == e.timeUs()) last++;
        if (viewing.get() == null || last + 1 < folded) {
            shown.rewind();
            folded = 0;
        }
        viewing.set(live.events().get(i));
        shown.fold(live.events().subList(folded, last + 1), false);
        folded = last + 1;
        // the moment of the event, not the latest event before it that happened later (a probe lands at its start)
        shown.clockProperty().set(e.timeUs());
        return i;
    }

    /** Shows the live lab again, caught up with every event so far. */
    public void backToLive() {
        if (viewing.get() == null) return;
        viewing.set(null);
        catchUp(false);
        shown.clockProperty().set(live.clockProperty().get());
    }

    /** The model the drawing renders. */
    public LabViewModel shown() { return shown; }

    /** The event whose moment is shown, or null when the drawing is live. */
    public ReadOnlyObjectProperty<LabEvent> viewingProperty() { return viewing; }

    public boolean isLive() { return viewing.get() == null; }

    /**
     * The index of {@code e} in {@code events}: the instance, else an equal record (a timeline decodes its periodic
     * events afresh on each read). Events are nearly in time order, so it looks near its time first.
     */
    public static int indexOf(List<LabEvent> events, LabEvent e) {
        int n = events.size();
        int lo = 0;
        int hi = n;
        while (lo < hi) { // first index with time >= e's
            int mid = (lo + hi) >>> 1;
            if (events.get(mid).timeUs() < e.timeUs()) lo = mid + 1;
            else hi = mid;
        }
        int best = -1;
        for (int d = 0; d < 4096; d++) {
            int after = lo + d;
            int before = lo - 1 - d;
            if (after < n && matches(events.get(after), e)) return firstEqual(events, after, e);
            if (before >= 0 && matches(events.get(before), e)) return firstEqual(events, before, e);
            if (after >= n && before < 0) break;
        }
        for (int i = n - 1; i >= 0; i--) if (matches(events.get(i), e)) best = i;
        return best;
    }

    private static boolean matches(LabEvent a, LabEvent b) { return a == b || Objects.equals(a, b); }

    /** Equal records in a row (two identical events in one microsecond) are one moment: the later one shows both. */
    private static int firstEqual(List<LabEvent> events, int i, LabEvent e) {
        while (i + 1 < events.size() && events.get(i + 1) != e && matches(events.get(i + 1), e)) i++;
        return i;
    }
}
