package org.viplab.ui.events;

import javafx.collections.ListChangeListener;
import org.viplab.core.timeline.LabEvent;
import org.viplab.ui.controls.LabControls;

import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * "Next event" (the toolbar's, Shortcut+N) as a trainer means it: the next event the list shows, never a hidden
 * advert or probe. While an earlier event is selected (the drawing looking back), it is the list's next shown
 * event; at the end of the list, the simulation steps until an event the list shows happens, and that event is
 * selected when it arrives. The selection moves the drawing there and flashes what the event touches.
 */
public final class EventStepper {
    /** How far one press may run the simulation looking for a shown event (lab time). */
    static final long MAX_STEP_US = 60_000_000;

    private final EventListView list;
    private final LabControls controls;
    /** The index in the shown rows to select when it arrives, or -1. */
    private int pending = -1;

    public EventStepper(EventListView list, LabControls controls) {
        this.list = list;
        this.controls = controls;
        list.shown().addListener((ListChangeListener<LabEvent>) c -> {
            if (pending >= 0 && list.shown().size() > pending) {
                int at = pending;
                pending = -1;
                list.select(list.shown().get(at));
            }
        });
    }

    /** One press of "Next event"; completes with the lab time it went to. FX thread. */
    public CompletableFuture<Long> next() {
        if (list.table().getSelectionModel().getSelectedItem() != null) {
            LabEvent n = list.selectNext();
            if (n != null) return CompletableFuture.completedFuture(n.timeUs());
        }
        pending = list.shown().size();
        // the list's filter as it is now: the engine's thread tests events against it while it steps
        Predicate<LabEvent> shown = list.filter();
        return controls.stepUntil(shown, MAX_STEP_US);
    }
}
