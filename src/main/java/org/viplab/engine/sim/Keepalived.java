package org.viplab.engine.sim;

import org.viplab.core.timeline.Reason;
import org.viplab.core.timeline.Reason.Code;
import org.viplab.core.model.CheckScriptSpec;
import org.viplab.core.model.KeepalivedSpec;
import org.viplab.core.model.NotifySpec;
import org.viplab.core.model.SyncGroupSpec;
import org.viplab.core.model.ProcessKind;
import org.viplab.core.model.ProcessState;
import org.viplab.core.model.VrrpState;
import org.viplab.core.timeline.Causes;
import org.viplab.core.timeline.LabEvent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * keepalived 2.2.7 as a process, as the real daemon behaves (see README, "What the simulator models"): its VRRP
 * instances ({@link VrrpInstance}, the first one holding the client's VIP), their sync groups ({@link SyncGroup}),
 * the vrrp_scripts they track (one run per script, whatever the number of instances tracking it) and the notify
 * scripts it forks.
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

    /** keepalived kills a STOP notify script still running after a second (system_call_script with TIMER_HZ). */
    static final long STOP_NOTIFY_TIMEOUT_US = 1_000_000;

    private KeepalivedSpec spec;
    private final Map<String, TrackScript> scripts = new LinkedHashMap<>();
    private final List<VrrpInstance> instances = new ArrayList<>();
    private final List<SyncGroup> groups = new ArrayList<>();

    Keepalived(SimulatedLab lab, SimHost host, KeepalivedSpec spec) {
        super(lab, host, ProcessKind.KEEPALIVED);
        this.spec = spec;
        rebuild();
    }

    KeepalivedSpec spec() { return spec; }

    /** The instance holding the client's VIP. */
    VrrpInstance primary() { return instances.get(0); }

    List<VrrpInstance> instances() { return instances; }

    VrrpInstance instance(String name) {
        for (VrrpInstance i : instances) if (i.name().equals(name)) return i;
        return null;
    }

    VrrpState vrrpState() { return primary().state(); }

    int effectivePriority() { return primary().effectivePriority(); }

    Map<String, TrackScript> scripts() { return scripts; }

    /** A settings change while running: takes effect from the next timer, as a reload would. */
    void reconfigure(KeepalivedSpec next) {
        List<KeepalivedSpec> was = spec.instances();
        List<KeepalivedSpec> now = next.instances();
        boolean sameInstances = was.size() == now.size();
        for (int i = 0; sameInstances && i < was.size(); i++) sameInstances = was.get(i).instance.equals(now.get(i).instance);
        this.spec = next;
        if (sameInstances) {
            rebuildScripts();
            for (int i = 0; i < instances.size(); i++) instances.get(i).spec(now.get(i));
        } else {
            for (VrrpInstance i : instances) i.quiesce();
            rebuild();
        }
        if (running()) {
            for (TrackScript s : scripts.values()) s.start(0);
            if (!sameInstances) for (VrrpInstance i : instances) i.start();
            for (VrrpInstance i : instances) i.updatePriority(Reason.of(Code.RECONFIGURED));
        }
    }

    private void rebuild() {
        rebuildScripts();
        instances.clear();
        boolean first = true;
        for (KeepalivedSpec k : spec.instances()) {
            instances.add(new VrrpInstance(lab, host, this, k, first));
            first = false;
        }
        groups.clear();
        if (spec.syncGroups != null) {
            for (SyncGroupSpec g : spec.syncGroups) {
                if (g == null || g.members == null) continue;
                SyncGroup sg = new SyncGroup(this, g);
                for (String m : g.members) {
                    VrrpInstance vi = instance(m);
                    if (vi != null && vi.group == null) {
                        vi.group = sg;
                        sg.members.add(vi);
                    }
                }
                groups.add(sg);
            }
        }
    }

    /** One TrackScript per vrrp_script name, as keepalived runs each script once for every instance tracking it. */
    private void rebuildScripts() {
        for (TrackScript s : scripts.values()) s.cancel();
        scripts.clear();
        for (KeepalivedSpec k : spec.instances()) {
            for (CheckScriptSpec s : k.scripts) scripts.putIfAbsent(s.name, new TrackScript(lab, host, this, s));
        }
    }

    // ---- process life cycle -------------------------------------------------------------------

    @Override
    protected void onRunning() {
        log("Starting Keepalived v" + lab.topology().keepalivedVersion);
        for (TrackScript s : scripts.values()) s.reset();
        for (SyncGroup g : groups) g.reset();
        for (VrrpInstance i : instances) i.start();
        for (TrackScript s : scripts.values()) s.start(0);
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
        for (VrrpInstance i : instances) i.stopping(reason);
        for (TrackScript s : scripts.values()) s.cancel();
        for (SyncGroup g : groups) g.stop();
    }

    @Override
    protected void onStopped() { log("Stopped Keepalived v" + lab.topology().keepalivedVersion); }

    /** SIGKILL of every keepalived process: nothing is sent and the VIPs stay on the interface. */
    @Override
    protected void onKilled() {
        for (VrrpInstance i : instances) i.killed();
        for (TrackScript s : scripts.values()) s.cancel();
    }

    @Override
    protected void onHang() {
        for (VrrpInstance i : instances) i.hang();
        for (TrackScript s : scripts.values()) s.cancel();
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
        for (VrrpInstance i : instances) i.wake(masterReadsSocket);
        for (TrackScript s : scripts.values()) s.thaw();
    }

    boolean hungOrFrozen() { return state == ProcessState.HUNG || frozen(); }

    /**
     * Why the adverts stopped, for a down timer that ran out unprompted: the latest change since the last advert
     * heard of the network or of a peer's keepalived (stopped, killed, frozen) or host (stalled); NONE if nothing changed.
     */
    long silence(long lastHeard) {
        long latest = lab.networkChange();
        for (SimHost h : lab.hosts()) if (h != host) latest = Math.max(latest, Math.max(h.keepalived.lastChange(), h.stallChange()));
        return latest > lastHeard ? latest : Causes.NONE;
    }

    // ---- adverts and tracking -------------------------------------------------------------------

    /** An advert from the wire, for whichever instance has its VRID (none: keepalived ignores it). */
    void receive(Advert a) {
        for (VrrpInstance i : instances) if (i.spec().virtualRouterId == a.vrid()) i.receive(a);
    }

    void scriptStatusChanged() { for (VrrpInstance i : instances) i.updatePriority(Reason.of(Code.TRACK_SCRIPT)); }

    void linkChanged() {
        if (running()) for (VrrpInstance i : instances) i.updatePriority(Reason.of(Code.INTERFACE));
    }

    // ---- notify scripts -------------------------------------------------------------------------

    /**
     * send_instance_notifies / send_group_notifies: the state's own script, then the generic {@code notify} (given
     * "INSTANCE|GROUP name STATE priority"). keepalived forks each and does not wait; each run is reported when it
     * starts and when it finishes, a STOP script being killed after a second.
     */
    void runNotifies(String owner, boolean group, List<NotifySpec> notify, String state, int priority) {
        NotifySpec.On own = ownKeyword(state);
        for (NotifySpec n : notify) if (n != null && n.on == own) runNotify(owner, n, n.command, state);
        if (own == NotifySpec.On.MASTER_RX_LOWER_PRI) return; // send_event_notify runs no generic script
        for (NotifySpec n : notify) {
            if (n != null && n.on == NotifySpec.On.ANY) runNotify(owner, n, n.command + " " + (group ? "GROUP" : "INSTANCE")
                    + " " + owner + " " + state + " " + priority, state);
        }
    }

    void notifyGroup(SyncGroup g, String state) { runNotifies(g.spec.name, true, g.spec.notifyOrEmpty(), state, 0); }

    private static NotifySpec.On ownKeyword(String state) {
        return switch (state) {
            case "MASTER" -> NotifySpec.On.MASTER;
            case "BACKUP" -> NotifySpec.On.BACKUP;
            case "FAULT" -> NotifySpec.On.FAULT;
            case "STOP", "STOPPED" -> NotifySpec.On.STOP;
            default -> NotifySpec.On.MASTER_RX_LOWER_PRI;
        };
    }

    private void runNotify(String owner, NotifySpec n, String commandLine, String state) {
        long started = lab.emit(new LabEvent.NotifyRun(lab.now(), host.name, owner, commandLine, state, false, null));
        log("(" + owner + ") Executing notify script " + commandLine);
        long runUs = Math.max(0, n.runMs) * 1000;
        boolean stop = "STOP".equals(state);
        long endUs = stop ? Math.min(runUs, STOP_NOTIFY_TIMEOUT_US) : runUs;
        String moved = stop && runUs > STOP_NOTIFY_TIMEOUT_US ? null : n.movesAddress;
        lab.scheduler().after(endUs, started, () ->
                lab.emit(new LabEvent.NotifyRun(lab.now(), host.name, owner, commandLine, state, true, moved)));
    }

    long log(String text) { return lab.log(host.name, "keepalived", text); }
}
