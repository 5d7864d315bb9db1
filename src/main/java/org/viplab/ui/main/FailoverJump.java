package org.viplab.ui.main;

import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.viplab.core.timeline.LabEvent;
import org.viplab.ui.controls.LabControls;
import org.viplab.ui.events.EventListView;
import org.viplab.ui.live.LabViewModel;

import java.util.List;

/**
 * Lab > Jump to the last failover (Shortcut+J): selects the run's last VIP change in the event list, so the drawing
 * travels back to that moment and the why panel beside the list states its chain. The list's tab comes to the
 * front (in presenter mode the tabs come back for it): the chain is the point of the jump.
 */
final class FailoverJump {
    private final LabViewModel vm;
    private final LabControls controls;
    private final EventListView events;
    private final TabPane tabs;
    private final Runnable showTabs;

    FailoverJump(LabViewModel vm, LabControls controls, EventListView events, TabPane tabs, Runnable showTabs) {
        this.vm = vm;
        this.controls = controls;
        this.events = events;
        this.tabs = tabs;
        this.showTabs = showTabs;
    }

    /** Jumps; returns the VIP change selected, or null (and says so in the status bar) when the VIP has not changed yet. */
    LabEvent jump() {
        LabEvent last = lastVipChange(vm.events());
        if (last == null) {
            controls.status("status.noFailover");
            return null;
        }
        showTabs.run();
        for (Tab t : tabs.getTabs()) if ("tab-events".equals(t.getId())) tabs.getSelectionModel().select(t);
        return events.select(last);
    }

    /** The last arrival of the VIP on a host during the run (a move, or a second holder), or null. */
    static LabEvent lastVipChange(List<LabEvent> events) {
        for (int i = events.size() - 1; i >= 0; i--) {
            LabEvent e = events.get(i);
            if (LabControls.isVipChange(e)) return e;
        }
        return null;
    }
}
