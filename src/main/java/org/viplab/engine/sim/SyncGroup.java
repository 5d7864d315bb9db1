package org.viplab.engine.sim;

import org.viplab.core.model.SyncGroupSpec;
import org.viplab.core.model.VrrpState;
import org.viplab.core.timeline.Reason;
import org.viplab.core.timeline.Reason.Code;

import java.util.ArrayList;
import java.util.List;

/**
 * A vrrp_sync_group as keepalived 2.2.7 runs it (vrrp_sync.c): a member may go MASTER only when every other member
 * wants MASTER too ("prefer backup state to avoid thrashing"), and then takes them all along; a member going BACKUP
 * takes the masters back to BACKUP; a member going FAULT faults every member. The group's notify scripts run after
 * the members have moved, and an instance already in the group's state sends no second notify.
 */
final class SyncGroup {
    final SyncGroupSpec spec;
    final List<VrrpInstance> members = new ArrayList<>();
    private final Keepalived keepalived;
    private VrrpState state = VrrpState.INIT;
    /** True while moving the members: their own transitions must not call back into the group. */
    private boolean syncing;

    SyncGroup(Keepalived keepalived, SyncGroupSpec spec) {
        this.keepalived = keepalived;
        this.spec = spec;
    }

    VrrpState state() { return state; }

    boolean syncing() { return syncing; }

    void reset() { state = VrrpState.INIT; }

    /** vrrp_sync_can_goto_master: already MASTER, or every other member's own timer has run out. */
    boolean canGoMaster(VrrpInstance who) {
        if (state == VrrpState.MASTER) return true;
        for (VrrpInstance m : members) if (m != who && !m.wantsMaster()) return false;
        return true;
    }

    void master(VrrpInstance who) { sync(who, VrrpState.MASTER); }

    void backup(VrrpInstance who) { sync(who, VrrpState.BACKUP); }

    void fault(VrrpInstance who) { sync(who, VrrpState.FAULT); }

    /** keepalived stopping: the group's STOP notifies. */
    void stop() {
        state = VrrpState.STOPPED;
        keepalived.notifyGroup(this, "STOP");
    }

    /** Whether some member has a fault of its own (not one the group gave it): the group stays in FAULT. */
    boolean memberFaulted(VrrpInstance except) {
        for (VrrpInstance m : members) if (m != except && m.ownFault() != null) return true;
        return false;
    }

    private void sync(VrrpInstance who, VrrpState to) {
        if (syncing || state == to) return;
        syncing = true;
        try {
            keepalived.log("VRRP_Group(" + spec.name + ") Syncing instances to " + to + " state");
            Reason why = Reason.of(Code.SYNC_GROUP, spec.name);
            for (VrrpInstance m : members) {
                if (m == who || m.state() == to) continue;
                switch (to) {
                    case MASTER -> m.gotoMaster(why);
                    case BACKUP -> m.gotoBackup(why);
                    default -> m.gotoFault(why);
                }
            }
            state = to;
            keepalived.notifyGroup(this, to.name());
        } finally {
            syncing = false;
        }
    }
}
