package org.viplab.engine.sim;

import org.viplab.core.model.KeepalivedSpec;
import org.viplab.core.model.NotifySpec;
import org.viplab.core.model.VrrpState;
import org.viplab.core.timeline.Causes;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Reason;
import org.viplab.core.timeline.Reason.Code;

/**
 * One vrrp_instance of a keepalived 2.2.7: its own VRID, priority, VIPs, state machine, adverts and tracked
 * priority. The first instance of a node holds the client's VIP and reports {@link LabEvent.VrrpStateChanged} and
 * {@link LabEvent.VipChanged}; the others report {@link LabEvent.InstanceStateChanged} and
 * {@link LabEvent.InstanceVipChanged}. Timer arithmetic mirrors keepalived's integer microseconds, so Skew(90) is
 * 648437 µs.
 */
final class VrrpInstance {
    private final SimulatedLab lab;
    private final SimHost host;
    private final Keepalived keepalived;
    /** Holds the client's VIP. */
    final boolean primary;
    private KeepalivedSpec spec;
    SyncGroup group;
    private VrrpState vrrp = VrrpState.STOPPED;
    private int effectivePriority;
    private long masterAdverIntUs;
    private Scheduler.Task downTimer;
    private long downTimerAt;
    private Scheduler.Task advertTimer;
    private Scheduler.Task garpTimer;
    private Scheduler.Task garpRefreshTimer;
    /** With preempt_delay: when a lower-priority master may be displaced, or -1 while not counting. */
    private long preemptAt = -1;
    /** The last advert that reached a hung keepalived, read from its socket on SIGCONT. */
    private Advert heardWhileHung;
    /** The id of the last PriorityChanged, and the priority of the last advert sent: see {@link #sendAdvert}. */
    private long priorityChange = Causes.NONE;
    private int lastSentPriority = -1;
    /** The id of the last advert that reset the down timer. */
    private long lastHeard = Causes.NONE;
    /** keepalived's wantstate == MASTER: this instance's own down timer ran out (what a sync group waits for). */
    private boolean wantsMaster;
    /** Whether this instance has sent notifies since start (keepalived's notifies_sent). */
    private boolean notifiesSent;
    /** The id of this instance's VIPs' last change (secondary instances; the primary's is the host's). */
    private long vipChange = Causes.NONE;
    private boolean vipsHeld;

    VrrpInstance(SimulatedLab lab, SimHost host, Keepalived keepalived, KeepalivedSpec spec, boolean primary) {
        this.lab = lab;
        this.host = host;
        this.keepalived = keepalived;
        this.spec = spec;
        this.primary = primary;
        this.effectivePriority = spec.priority;
    }

    String name() { return spec.instance; }

    KeepalivedSpec spec() { return spec; }

    void spec(KeepalivedSpec next) { spec = next; }

    VrrpState state() { return vrrp; }

    int effectivePriority() { return effectivePriority; }

    boolean wantsMaster() { return wantsMaster; }

    boolean holdsVips() { return primary ? host.hasVip() : vipsHeld; }

    // ---- life cycle (driven by the keepalived process) -------------------------------------------

    void start() {
        if (holdsVips()) {
            log(tag() + " removing VIPs.");
            removeVips(Reason.of(Code.KEEPALIVED_START));
        }
        effectivePriority = TrackedPriority.effective(spec, keepalived.scripts(), linkUp());
        masterAdverIntUs = spec.advertIntUs();
        preemptAt = -1;
        wantsMaster = false;
        notifiesSent = false;
        setVrrp(VrrpState.INIT, Reason.of(Code.START));
        Reason fault = ownFault();
        if (fault != null) {
            enterFault(fault);
        } else if (spec.priority == 255) {
            becomeMaster(Reason.of(Code.ADDRESS_OWNER));
        } else {
            // 2.2.7 starts every instance in BACKUP, even state MASTER: it takes over when its timer expires.
            setVrrp(VrrpState.BACKUP, Reason.of(Code.INIT));
            if (fastMasterStart()) {
                armDownTimer(masterAdverIntUs + masterAdverIntUs / 256, lab.scheduler().cause()); // about 1.004 s at advert_int 1
                return;
            }
            // man keepalived.conf: preempt_delay counts "after startup or seeing a lower priority master"
            if (spec.effectivePreemptDelaySec() > 0) preemptAt = lab.now() + Math.round(spec.effectivePreemptDelaySec() * 1_000_000);
            armDownTimer(masterDownIntervalUs(), lab.scheduler().cause()); // nothing heard since start: the start is why
        }
    }

    /** SIGTERM: a master sends priority 0 and releases its VIPs; STOP notifies run (killed after 1 s). */
    void stopping(Reason reason) {
        if (vrrp == VrrpState.MASTER) {
            sendAdvert(0);
            log(tag() + " sent 0 priority");
            log(tag() + " removing VIPs.");
            removeVips(Reason.of(Code.KEEPALIVED_STOPPING));
        }
        quiesce();
        long saved = lab.scheduler().swapCause(setVrrp(VrrpState.STOPPED, reason));
        notify("STOP"); // notify_shutdown: every instance's STOP scripts, then the groups'
        lab.scheduler().cause(saved);
    }

    /** SIGKILL of every keepalived process: nothing is sent and the VIPs stay on the interface. */
    void killed() {
        quiesce();
        setVrrp(VrrpState.STOPPED, Reason.of(Code.KILLED));
    }

    void hang() {
        cancel(advertTimer);
        cancel(garpTimer);
        cancel(garpRefreshTimer);
        cancel(downTimer);
        heardWhileHung = null;
    }

    /** SIGCONT or a stall's end: a master advertises (or reads its socket first), a backup acts on what it heard. */
    void wake(boolean masterReadsSocket) {
        Advert pending = heardWhileHung;
        heardWhileHung = null;
        if (vrrp == VrrpState.MASTER && !(masterReadsSocket && pending != null)) {
            sendAdvert(effectivePriority);
            armAdvertTimer();
        } else if (vrrp == VrrpState.MASTER || vrrp == VrrpState.BACKUP && pending != null) {
            receive(pending);
        } else if (vrrp == VrrpState.BACKUP && downTimerAt <= lab.now()) {
            downTimerExpired();
        } else if (vrrp == VrrpState.BACKUP) {
            armDownTimer(downTimerAt - lab.now(), lab.scheduler().cause());
        }
    }

    void quiesce() {
        cancel(advertTimer);
        cancel(garpTimer);
        cancel(garpRefreshTimer);
        cancel(downTimer);
    }

    // ---- timers ---------------------------------------------------------------------------------

    /** Skew_Time as keepalived computes it, in whole microseconds. */
    long skewUs() {
        long p = effectivePriority;
        if (spec.vrrpVersion == 3) return (256 - p) * masterAdverIntUs / 256;
        return (256 - p) * 1_000_000L / 256;
    }

    /** Master_Down_Interval = down_timer_adverts × Master_Adver_Interval + Skew_Time. */
    long masterDownIntervalUs() { return spec.downTimerAdverts * masterAdverIntUs + skewUs(); }

    /** @param cause what the expiry will follow from: a priority-0 advert, a start; NONE when adverts simply stop */
    private void armDownTimer(long delayUs, long cause) {
        cancel(downTimer);
        downTimerAt = lab.now() + delayUs;
        downTimer = lab.scheduler().at(downTimerAt, cause, () -> {
            if (lab.scheduler().cause() == Causes.NONE) lab.scheduler().cause(keepalived.silence(lastHeard));
            log(tag() + " Receive advertisement timeout");
            downTimerExpired();
        });
    }

    private void downTimerExpired() {
        wantsMaster = true;
        if (group != null && !group.canGoMaster(this)) {
            // vrrp_sync_can_goto_master: stay BACKUP and wait for the other members' timers
            long id = log(tag() + " " + "VRRP_Group(" + group.spec.name + ") waiting for every member to want MASTER");
            armDownTimer(masterDownIntervalUs(), id);
            return;
        }
        becomeMaster(Reason.of(Code.ADVERT_TIMEOUT));
    }

    private void armAdvertTimer() {
        cancel(advertTimer);
        advertTimer = lab.scheduler().after(spec.advertIntUs(), Causes.NONE, () -> {
            sendAdvert(effectivePriority);
            armAdvertTimer();
        });
    }

    private static void cancel(Scheduler.Task t) {
        if (t != null) t.cancel();
    }

    // ---- VRRP state machine --------------------------------------------------------------------

    /** A sync group takes this instance to MASTER with another member. */
    void gotoMaster(Reason why) {
        if (vrrp != VrrpState.BACKUP) return; // a FAULT or stopped member stays where it is
        becomeMaster(why);
    }

    /** A sync group takes this instance back to BACKUP (from MASTER or from a FAULT the group gave it). */
    void gotoBackup(Reason why) {
        if (vrrp == VrrpState.MASTER || vrrp == VrrpState.FAULT && ownFault() == null) becomeBackup(why);
    }

    /** A sync group faults this instance with another member. */
    void gotoFault(Reason why) {
        if (vrrp == VrrpState.MASTER || vrrp == VrrpState.BACKUP || vrrp == VrrpState.INIT) enterFault(why);
    }

    private void becomeMaster(Reason reason) {
        cancel(downTimer);
        preemptAt = -1;
        wantsMaster = true;
        long changed = setVrrp(VrrpState.MASTER, reason);
        long saved = lab.scheduler().swapCause(changed); // MASTER is why the VIP is added...
        sendAdvert(effectivePriority);
        log(tag() + " setting VIPs.");
        addVips(Reason.of(Code.VRRP_STATE, VrrpState.MASTER));
        lab.scheduler().cause(vipChange()); // ...and the VIP being there is why it is announced
        garp();
        cancel(garpTimer);
        garpTimer = lab.scheduler().after(Math.round(spec.garpMasterDelaySec * 1_000_000), this::garp);
        armGarpRefresh();
        armAdvertTimer();
        lab.scheduler().cause(changed);
        notifyState();
        if (group != null) group.master(this);
        lab.scheduler().cause(saved);
    }

    /** vrrp_garp_master_refresh: gratuitous ARPs repeated while MASTER. */
    private void armGarpRefresh() {
        cancel(garpRefreshTimer);
        long every = spec.garpRefreshUs();
        if (every <= 0) return;
        garpRefreshTimer = lab.scheduler().after(every, Causes.NONE, () -> {
            garp();
            armGarpRefresh();
        });
    }

    private void becomeBackup(Reason reason) {
        cancel(advertTimer);
        cancel(garpTimer);
        cancel(garpRefreshTimer);
        wantsMaster = false;
        long changed = setVrrp(VrrpState.BACKUP, reason);
        long saved = lab.scheduler().swapCause(changed);
        if (holdsVips()) {
            log(tag() + " removing VIPs.");
            removeVips(Reason.of(Code.VRRP_STATE, VrrpState.BACKUP));
        }
        armDownTimer(masterDownIntervalUs(), lab.scheduler().cause());
        lab.scheduler().cause(changed);
        notifyState();
        if (group != null) group.backup(this);
        lab.scheduler().cause(saved);
    }

    private void enterFault(Reason reason) {
        if (vrrp == VrrpState.MASTER) {
            sendAdvert(0); // lost when the link itself is down
        }
        cancel(advertTimer);
        cancel(garpTimer);
        cancel(garpRefreshTimer);
        cancel(downTimer);
        wantsMaster = false;
        long changed = setVrrp(VrrpState.FAULT, reason);
        long saved = lab.scheduler().swapCause(changed);
        if (holdsVips()) {
            log(tag() + " removing VIPs.");
            removeVips(Reason.of(Code.VRRP_STATE, VrrpState.FAULT));
        }
        notifyState();
        if (group != null) group.fault(this);
        lab.scheduler().cause(saved);
    }

    private void garp() {
        if (vrrp != VrrpState.MASTER || !holdsVips()) return;
        String vips = vipText();
        log(tag() + " Sending/queueing gratuitous ARPs on " + spec.iface + " for " + vips);
        lab.garp(host, vips, spec.garpMasterRepeat, primary);
    }

    /** A periodic advert that carries a new priority follows from the priority's change. */
    private void sendAdvert(int priority) {
        long saved = lab.scheduler().cause();
        if (saved == Causes.NONE && priority != lastSentPriority && priority != 0) lab.scheduler().cause(priorityChange);
        lab.sendAdvert(host, new Advert(host.name, sourceIp(), spec.virtualRouterId, priority, spec.vrrpVersion,
                spec.advertIntUs(), spec.vrrpVersion == 2 ? spec.authPass : null, vipList()), spec.unicast() ? spec.unicastPeers : null);
        lab.scheduler().cause(saved);
        lastSentPriority = priority;
    }

    private String sourceIp() { return spec.unicast() && spec.unicastSrcIp != null ? spec.unicastSrcIp : host.ip; }

    /** @return the change's event id, or the current cause when the state was already {@code next} */
    private long setVrrp(VrrpState next, Reason reason) {
        if (next == vrrp) return lab.scheduler().cause();
        VrrpState prev = vrrp;
        vrrp = next;
        long id = lab.emit(primary ? new LabEvent.VrrpStateChanged(lab.now(), host.name, prev, next, reason)
                : new LabEvent.InstanceStateChanged(lab.now(), host.name, spec.instance, prev, next, reason));
        if (next == VrrpState.MASTER || next == VrrpState.BACKUP || next == VrrpState.FAULT) {
            log(tag() + " Entering " + next + " STATE" + (reason.is(Code.INIT) ? " (init)" : ""));
        }
        return id;
    }

    /** send_instance_notifies: none when the sync group has already put this instance in its state. */
    private void notifyState() {
        if (notifiesSent && group != null && vrrp == group.state()) return;
        notify(vrrp.name());
    }

    private void notify(String state) {
        notifiesSent = true;
        keepalived.runNotifies(spec.instance, false, spec.notifyOrEmpty(), state, effectivePriority);
    }

    // ---- VIPs -----------------------------------------------------------------------------------

    String vipText() { return String.join(",", vipList()); }

    /** The VIPs this instance adds and advertises: the topology's VIP for the client's instance, else its own. */
    java.util.List<String> vipList() {
        if (primary) return java.util.List.of(lab.topology().vip);
        return spec.vips == null ? java.util.List.of() : spec.vips;
    }

    private long vipChange() { return primary ? host.vipChange() : vipChange; }

    private void addVips(Reason reason) {
        if (primary) {
            host.addVip(reason);
        } else if (!vipsHeld) {
            vipsHeld = true;
            vipChange = lab.emit(new LabEvent.InstanceVipChanged(lab.now(), host.name, spec.instance, vipText(), true, reason));
        }
    }

    private void removeVips(Reason reason) {
        if (primary) {
            host.removeVip(reason);
        } else if (vipsHeld) {
            vipsHeld = false;
            vipChange = lab.emit(new LabEvent.InstanceVipChanged(lab.now(), host.name, spec.instance, vipText(), false, reason));
        }
    }

    // ---- adverts --------------------------------------------------------------------------------

    /** An advert for this instance's VRID from the wire. */
    void receive(Advert a) {
        if (keepalived.hungOrFrozen()) {
            heardWhileHung = a;
            return;
        }
        if (!keepalived.running()) return;
        Advert.Check check = a.checkAgainst(spec, vipList());
        if (check != null) {
            log(tag() + " " + check.log());
            if (check.dropped()) return;
        }
        switch (vrrp) {
            case BACKUP -> receiveAsBackup(a);
            case MASTER -> receiveAsMaster(a);
            default -> { }
        }
    }

    private void receiveAsBackup(Advert a) {
        if (spec.vrrpVersion == 3) masterAdverIntUs = a.intervalUs();
        if (a.priority() == 0) {
            // the master let go: the timer set to Skew alone follows from this advert
            armDownTimer(skewUs(), log(tag() + " Backup received priority 0 advertisement"));
            return;
        }
        boolean accept = spec.effectiveNopreempt() || a.priority() >= effectivePriority;
        if (!accept && spec.effectivePreemptDelaySec() > 0) {
            if (preemptAt < 0) preemptAt = lab.now() + Math.round(spec.effectivePreemptDelaySec() * 1_000_000);
            accept = lab.now() < preemptAt;
        }
        if (accept) {
            wantsMaster = false;
            lastHeard = lab.scheduler().cause(); // the advert being received
            armDownTimer(masterDownIntervalUs(), Causes.NONE); // if adverts stop now, silence() says why
        } else {
            long discarded = log(tag() + " received lower priority (" + a.priority() + ") advert from " + a.fromIp() + " - discarding");
            // the first advert ignored is why the running timer will expire
            if (downTimer != null && downTimer.cause == Causes.NONE) downTimer.cause = discarded;
        }
    }

    private void receiveAsMaster(Advert a) {
        if (a.priority() == 0) {
            sendAdvert(effectivePriority);
            armAdvertTimer();
            return;
        }
        boolean higher = a.priority() > effectivePriority
                || (a.priority() == effectivePriority && TrackedPriority.higherAddress(a.fromIp(), host.ip));
        if (higher) {
            // keepalived's vrrp_state_master_rx: an equal priority from a higher address (vrrp_saddr_cmp) also wins
            log(tag() + (a.priority() > effectivePriority
                    ? " Master received advert from " + a.fromIp() + " with higher priority " + a.priority() + ", ours " + effectivePriority
                    : " Master received advert from " + a.fromIp() + " with same priority " + a.priority() + " but higher IP address than ours"));
            if (spec.vrrpVersion == 3) masterAdverIntUs = a.intervalUs();
            becomeBackup(Reason.of(Code.HIGHER_PRIORITY, a.fromHost()));
        } else {
            boolean silent = spec.lowerPrioNoAdvertOn();
            // keepalived re-asserts itself instead of discarding (pre-RFC 9568 behaviour), with fresh GARPs,
            // unless lower_prio_no_advert keeps it silent.
            log(tag() + " Received advert from " + a.fromIp() + " with lower priority " + a.priority()
                    + ", ours " + effectivePriority + (silent ? "" : ", forcing new election"));
            if (!silent) {
                sendAdvert(effectivePriority);
                armAdvertTimer();
                garp();
            }
            keepalived.runNotifies(spec.instance, false, spec.notifyOrEmpty(), "RX_LOWER_PRI", effectivePriority);
        }
    }

    // ---- tracking -------------------------------------------------------------------------------

    /** Recomputes effective priority and FAULT after a tracked item changed. */
    void updatePriority(Reason why) {
        int next = TrackedPriority.effective(spec, keepalived.scripts(), linkUp());
        if (next != effectivePriority) {
            log(tag() + " Changing effective priority from " + effectivePriority + " to " + next);
            priorityChange = primary ? lab.emit(new LabEvent.PriorityChanged(lab.now(), host.name, effectivePriority, next, why))
                    : log(tag() + " priority " + effectivePriority + " -> " + next);
            effectivePriority = next;
        }
        Reason fault = ownFault();
        if (fault != null && vrrp != VrrpState.FAULT && vrrp != VrrpState.STOPPED) {
            enterFault(fault);
        } else if (fault == null && vrrp == VrrpState.FAULT && (group == null || !group.memberFaulted(this))) {
            becomeBackup(Reason.of(Code.FAULT_CLEARED));
        }
    }

    /** This instance's own FAULT condition (its link, its weight-0 scripts), or null. */
    Reason ownFault() { return TrackedPriority.faultCondition(spec, keepalived.scripts(), linkUp()); }

    private boolean linkUp() { return lab.network().linkUp(host.name); }

    private long log(String text) { return keepalived.log(text); }

    /** keepalived 2.x logs "(VI_1) ..."; 1.x logged "VRRP_Instance(VI_1) ...". */
    private String tag() {
        return (lab.topology().keepalivedVersion.startsWith("1.") ? "VRRP_Instance(" : "(") + spec.instance + ")";
    }

    /**
     * keepalived 2.2.7 (Debian 12) starts every instance in BACKUP; keepalived's current source lets
     * {@code state MASTER} take over after one advert interval plus the minimum skew unless it hears better.
     */
    private boolean fastMasterStart() {
        return spec.state == KeepalivedSpec.InitialState.MASTER && !lab.topology().keepalivedVersion.startsWith("2.2");
    }
}
