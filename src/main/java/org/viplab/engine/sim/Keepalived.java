package org.viplab.engine.sim;

import org.viplab.core.timeline.Reason;
import org.viplab.core.timeline.Reason.Code;
import org.viplab.core.model.CheckScriptSpec;
import org.viplab.core.model.KeepalivedSpec;
import org.viplab.core.model.ProcessKind;
import org.viplab.core.model.ProcessState;
import org.viplab.core.model.VrrpState;
import org.viplab.core.timeline.Causes;
import org.viplab.core.timeline.LabEvent;

import java.util.ArrayList;
import java.util.List;

/**
 * keepalived 2.2.7 with one VRRP instance, as the real daemon behaves (see README, "What the simulator
 * models"). Timer arithmetic mirrors keepalived's integer microseconds, so Skew(90) is 648437 µs.
 */
final class Keepalived extends SimProcess {
    /** keepalived logs "Stopped" about a second after SIGTERM: the process exists that long. */
    static final long EXIT_AFTER_TERM_US = 1_000_000;
    /**
     * {@code service keepalived start|stop}: from the command's start on the host until keepalived is exec'd or
     * handles the SIGTERM (the init script or wrapper). On the lab a failback took 3621-3628 ms from the command
     * against 3612-3617 ms from keepalived's own first log line: 9-11 ms (docs/calibration.md).
     */
    static final long SERVICE_COMMAND_US = 10_000;
    /**
     * From keepalived's first log line until its VRRP instance's timers run (config, netlink, the VRRP child): the
     * lab's 3612-3617 ms failback from its own log against Master_Down_Interval(100) = 3609.4 ms.
     */
    static final long INIT_US = 5_000;

    private KeepalivedSpec spec;
    private final List<TrackScript> scripts = new ArrayList<>();
    private VrrpState vrrp = VrrpState.STOPPED;
    private int effectivePriority;
    private long masterAdverIntUs;
    private Scheduler.Task downTimer;
    private long downTimerAt;
    private Scheduler.Task advertTimer;
    private Scheduler.Task garpTimer;
    /** With preempt_delay: when a lower-priority master may be displaced, or -1 while not counting. */
    private long preemptAt = -1;
    /** The last advert that reached a hung keepalived, read from its socket on SIGCONT. */
    private Advert heardWhileHung;
    /** The id of the last PriorityChanged, and the priority of the last advert sent: see {@link #sendAdvert}. */
    private long priorityChange = Causes.NONE;
    private int lastSentPriority = -1;
    /** The id of the last advert that reset the down timer. */
    private long lastHeard = Causes.NONE;

    Keepalived(SimulatedLab lab, SimHost host, KeepalivedSpec spec) {
        super(lab, host, ProcessKind.KEEPALIVED);
        this.spec = spec;
        rebuildScripts();
        effectivePriority = spec.priority;
    }

    KeepalivedSpec spec() { return spec; }

    VrrpState vrrpState() { return vrrp; }

    int effectivePriority() { return effectivePriority; }

    /** A settings change while running: takes effect from the next timer, as a reload would. */
    void reconfigure(KeepalivedSpec next) {
        this.spec = next;
        rebuildScripts();
        if (running()) {
            for (TrackScript s : scripts) s.start(0);
            updatePriority(Reason.of(Code.RECONFIGURED));
        }
    }

    private void rebuildScripts() {
        for (TrackScript s : scripts) s.cancel();
        scripts.clear();
        for (CheckScriptSpec s : spec.scripts) scripts.add(new TrackScript(lab, host, this, s));
    }

    // ---- process life cycle -------------------------------------------------------------------

    @Override
    protected void onRunning() {
        log("Starting Keepalived v" + lab.topology().keepalivedVersion);
        if (host.hasVip()) {
            log(tag() + " removing VIPs.");
            host.removeVip(Reason.of(Code.KEEPALIVED_START));
        }
        for (TrackScript s : scripts) s.reset();
        effectivePriority = TrackedPriority.effective(spec, scripts);
        masterAdverIntUs = spec.advertIntUs();
        preemptAt = -1;
        setVrrp(VrrpState.INIT, Reason.of(Code.START));
        Reason fault = fault();
        if (fault != null) {
            enterFault(fault);
        } else if (spec.priority == 255) {
            becomeMaster(Reason.of(Code.ADDRESS_OWNER));
        } else {
            // 2.2.7 starts every instance in BACKUP, even state MASTER: it takes over when its timer expires.
            setVrrp(VrrpState.BACKUP, Reason.of(Code.INIT));
            if (fastMasterStart()) {
                armDownTimer(masterAdverIntUs + masterAdverIntUs / 256, lab.scheduler().cause()); // about 1.004 s at advert_int 1
                for (TrackScript s : scripts) s.start(0);
                return;
            }
            // man keepalived.conf: preempt_delay counts "after startup or seeing a lower priority master"
            if (spec.effectivePreemptDelaySec() > 0) preemptAt = lab.now() + Math.round(spec.effectivePreemptDelaySec() * 1_000_000);
            armDownTimer(masterDownIntervalUs(), lab.scheduler().cause()); // nothing heard since start: the start is why
        }
        for (TrackScript s : scripts) s.start(0);
    }

    @Override
    protected long shutdownUs() { return EXIT_AFTER_TERM_US; }

    @Override
    protected long startupUs() { return SERVICE_COMMAND_US + INIT_US; }

    /** Every stop is a {@code service keepalived stop} (a user's or the tutorial's check script's): the SIGTERM lands later. */
    @Override
    void stop(Reason reason) {
        if (state == ProcessState.STOPPED) return;
        lab.scheduler().after(SERVICE_COMMAND_US, () -> super.stop(reason));
    }

    @Override
    protected void onStopping(Reason reason) {
        log("Stopping");
        if (vrrp == VrrpState.MASTER) {
            sendAdvert(0);
            log(tag() + " sent 0 priority");
            log(tag() + " removing VIPs.");
            host.removeVip(Reason.of(Code.KEEPALIVED_STOPPING));
        }
        quiesce();
        setVrrp(VrrpState.STOPPED, reason);
    }

    @Override
    protected void onStopped() { log("Stopped Keepalived v" + lab.topology().keepalivedVersion); }

    /** SIGKILL of every keepalived process: nothing is sent and the VIP stays on the interface. */
    @Override
    protected void onKilled() {
        quiesce();
        setVrrp(VrrpState.STOPPED, Reason.of(Code.KILLED));
    }

    @Override
    protected void onHang() {
        cancel(advertTimer);
        cancel(garpTimer);
        if (downTimer != null) downTimer.cancel();
        for (TrackScript s : scripts) s.cancel();
        heardWhileHung = null;
    }

    /** SIGCONT: a master advertises at once; a backup acts on what it heard meanwhile, else on its expired timer. */
    @Override
    protected void onResume() { wake(false); }

    /**
     * The end of a host's stall: keepalived reads its socket first (the last advert queued there), then runs its
     * expired timers once each: the advert (a master), the down timer (a backup), the due check scripts. A master
     * that finds a lower-priority master's advert forces a new election with fresh gratuitous ARPs, as 2.2.7 does.
     */
    @Override
    protected void onThaw() { wake(true); }

    private void wake(boolean masterReadsSocket) {
        Advert pending = heardWhileHung;
        heardWhileHung = null;
        if (vrrp == VrrpState.MASTER && !(masterReadsSocket && pending != null)) {
            sendAdvert(effectivePriority);
            armAdvertTimer();
        } else if (vrrp == VrrpState.MASTER || vrrp == VrrpState.BACKUP && pending != null) {
            receive(pending);
        } else if (vrrp == VrrpState.BACKUP && downTimerAt <= lab.now()) {
            becomeMaster(Reason.of(Code.ADVERT_TIMEOUT));
        } else if (vrrp == VrrpState.BACKUP) {
            armDownTimer(downTimerAt - lab.now(), lab.scheduler().cause());
        }
        for (TrackScript s : scripts) s.thaw();
    }

    private void quiesce() {
        cancel(advertTimer);
        cancel(garpTimer);
        cancel(downTimer);
        for (TrackScript s : scripts) s.cancel();
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
            if (lab.scheduler().cause() == Causes.NONE) lab.scheduler().cause(silence());
            log(tag() + " Receive advertisement timeout");
            becomeMaster(Reason.of(Code.ADVERT_TIMEOUT));
        });
    }

    private void armAdvertTimer() {
        cancel(advertTimer);
        advertTimer = lab.scheduler().after(spec.advertIntUs(), Causes.NONE, () -> {
            sendAdvert(effectivePriority);
            armAdvertTimer();
        });
    }

    /**
     * Why the adverts stopped, for a down timer that ran out unprompted: the latest change since the last advert
     * heard of the network or of a peer's keepalived (stopped, killed, frozen) or host (stalled); NONE if nothing changed.
     */
    private long silence() {
        long latest = lab.networkChange();
        for (SimHost h : lab.hosts()) if (h != host) latest = Math.max(latest, Math.max(h.keepalived.lastChange(), h.stallChange()));
        return latest > lastHeard ? latest : Causes.NONE;
    }

    private static void cancel(Scheduler.Task t) {
        if (t != null) t.cancel();
    }

    // ---- VRRP state machine --------------------------------------------------------------------

    private void becomeMaster(Reason reason) {
        cancel(downTimer);
        preemptAt = -1;
        long saved = lab.scheduler().swapCause(setVrrp(VrrpState.MASTER, reason)); // MASTER is why the VIP is added...
        sendAdvert(effectivePriority);
        log(tag() + " setting VIPs.");
        host.addVip(Reason.of(Code.VRRP_STATE, VrrpState.MASTER));
        lab.scheduler().cause(host.vipChange()); // ...and the VIP being there is why it is announced
        garp();
        cancel(garpTimer);
        garpTimer = lab.scheduler().after(Math.round(spec.garpMasterDelaySec * 1_000_000), this::garp);
        armAdvertTimer();
        lab.scheduler().cause(saved);
    }

    private void becomeBackup(Reason reason) {
        cancel(advertTimer);
        cancel(garpTimer);
        long saved = lab.scheduler().swapCause(setVrrp(VrrpState.BACKUP, reason));
        if (host.hasVip()) {
            log(tag() + " removing VIPs.");
            host.removeVip(Reason.of(Code.VRRP_STATE, VrrpState.BACKUP));
        }
        armDownTimer(masterDownIntervalUs(), lab.scheduler().cause());
        lab.scheduler().cause(saved);
    }

    private void enterFault(Reason reason) {
        if (vrrp == VrrpState.MASTER) {
            sendAdvert(0); // lost when the link itself is down
        }
        cancel(advertTimer);
        cancel(garpTimer);
        cancel(downTimer);
        long saved = lab.scheduler().swapCause(setVrrp(VrrpState.FAULT, reason));
        if (host.hasVip()) {
            log(tag() + " removing VIPs.");
            host.removeVip(Reason.of(Code.VRRP_STATE, VrrpState.FAULT));
        }
        lab.scheduler().cause(saved);
    }

    private void garp() {
        if (vrrp != VrrpState.MASTER || !host.hasVip()) return;
        log(tag() + " Sending/queueing gratuitous ARPs on " + spec.iface + " for " + lab.topology().vip);
        lab.garp(host, spec.garpMasterRepeat);
    }

    /** A periodic advert that carries a new priority follows from the priority's change. */
    private void sendAdvert(int priority) {
        long saved = lab.scheduler().cause();
        if (saved == Causes.NONE && priority != lastSentPriority && priority != 0) lab.scheduler().cause(priorityChange);
        lab.sendAdvert(host, new Advert(host.name, host.ip, spec.virtualRouterId, priority, spec.vrrpVersion,
                spec.advertIntUs(), spec.vrrpVersion == 2 ? spec.authPass : null));
        lab.scheduler().cause(saved);
        lastSentPriority = priority;
    }

    /** @return the change's event id, or NONE when the state was already {@code next} */
    private long setVrrp(VrrpState next, Reason reason) {
        if (next == vrrp) return lab.scheduler().cause();
        VrrpState prev = vrrp;
        vrrp = next;
        long id = lab.emit(new LabEvent.VrrpStateChanged(lab.now(), host.name, prev, next, reason));
        if (next == VrrpState.MASTER || next == VrrpState.BACKUP || next == VrrpState.FAULT) {
            log(tag() + " Entering " + next + " STATE" + (reason.is(Code.INIT) ? " (init)" : ""));
        }
        return id;
    }

    /** An advert from the wire. */
    void receive(Advert a) {
        if (state == ProcessState.HUNG || frozen()) {
            heardWhileHung = a;
            return;
        }
        if (!running() || a.vrid() != spec.virtualRouterId) return;
        Advert.Check check = a.checkAgainst(spec);
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
            // keepalived re-asserts itself instead of discarding (pre-RFC 9568 behaviour), with fresh GARPs.
            log(tag() + " Received advert from " + a.fromIp() + " with lower priority " + a.priority()
                    + ", ours " + effectivePriority + ", forcing new election");
            sendAdvert(effectivePriority);
            armAdvertTimer();
            garp();
        }
    }

    // ---- tracking -------------------------------------------------------------------------------

    void scriptStatusChanged() { updatePriority(Reason.of(Code.TRACK_SCRIPT)); }

    void linkChanged() {
        if (running()) updatePriority(Reason.of(Code.INTERFACE));
    }

    /** Recomputes effective priority and FAULT after a tracked item changed. */
    private void updatePriority(Reason why) {
        int next = TrackedPriority.effective(spec, scripts);
        if (next != effectivePriority) {
            log(tag() + " Changing effective priority from " + effectivePriority + " to " + next);
            priorityChange = lab.emit(new LabEvent.PriorityChanged(lab.now(), host.name, effectivePriority, next, why));
            effectivePriority = next;
        }
        Reason fault = fault();
        if (fault != null && vrrp != VrrpState.FAULT && vrrp != VrrpState.STOPPED) {
            enterFault(fault);
        } else if (fault == null && vrrp == VrrpState.FAULT) {
            becomeBackup(Reason.of(Code.FAULT_CLEARED));
        }
    }

    private Reason fault() { return TrackedPriority.faultCondition(spec, scripts, lab.network().linkUp(host.name)); }

    private long log(String text) { return lab.log(host.name, "keepalived", text); }

    /** keepalived 2.x logs "(VI_1) ..."; 1.x logged "VRRP_Instance(VI_1) ...". */
    private String tag() {
        return (legacyLogFormat() ? "VRRP_Instance(" : "(") + spec.instance + ")";
    }

    private boolean legacyLogFormat() { return lab.topology().keepalivedVersion.startsWith("1."); }

    /**
     * keepalived 2.2.7 (Debian 12) starts every instance in BACKUP; keepalived's current source lets
     * {@code state MASTER} take over after one advert interval plus the minimum skew unless it hears better.
     */
    private boolean fastMasterStart() {
        return spec.state == KeepalivedSpec.InitialState.MASTER && !lab.topology().keepalivedVersion.startsWith("2.2");
    }
}
