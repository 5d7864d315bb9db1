package org.viplab.engine.sim;

import org.viplab.core.timeline.Reason;
import org.viplab.core.timeline.Reason.Code;
import org.viplab.core.model.NodeSpec;
import org.viplab.core.timeline.LabEvent;

/** One database host: its address, its daemons, and whether the VIP is configured on its interface. */
final class SimHost {
    final String name;
    final String ip;
    final String mac;
    final Mysqld mysqld;
    final Haproxy haproxy;
    final Keepalived keepalived;
    private final SimulatedLab lab;
    private boolean vip;
    /** When the VIP was last added here: the newest holder answers a broadcast ARP first. */
    private long vipSince = Long.MIN_VALUE;
    /** The id of the VIP's last change here. */
    private long vipChange = org.viplab.core.timeline.Causes.NONE;

    SimHost(SimulatedLab lab, NodeSpec node) {
        this.lab = lab;
        this.name = node.name;
        this.ip = node.ip;
        this.mac = node.mac;
        this.mysqld = new Mysqld(lab, this, node);
        this.haproxy = node.haproxy == null ? null : new Haproxy(lab, this, node.haproxy);
        this.keepalived = new Keepalived(lab, this, node.keepalived);
        mysqld.supervise(node.mysqldSupervisor);
        if (haproxy != null) haproxy.supervise(node.haproxySupervisor);
        keepalived.supervise(node.keepalivedSupervisor);
    }

    /** The end of the current stall, or null when the host runs. */
    private Scheduler.Task stallEnd;

    /** The id of the last stall's action: why a peer stopped hearing this host's adverts. */
    private long stallChange = org.viplab.core.timeline.Causes.NONE;

    boolean stalled() { return stallEnd != null; }

    long stallChange() { return stallChange; }

    /** When the current stall ends (only while {@link #stalled()}). */
    long stalledUntil() { return stallEnd.at(); }

    /**
     * {@code stall HOST for D}: from now to now + D its processes get no CPU (the kernel still runs: TCP connects
     * are accepted and ARP is answered). A stall during a stall ends at the later of the two ends.
     */
    void stall(long us) {
        long end = lab.now() + us;
        stallChange = lab.scheduler().cause();
        if (stallEnd != null) {
            if (end <= stallEnd.at()) return;
            stallEnd.cancel();
        } else {
            mysqld.freeze();
            if (haproxy != null) haproxy.freeze();
            keepalived.freeze();
            lab.replicationChanged();
        }
        stallEnd = lab.scheduler().at(end, this::unstall);
    }

    /** The CPU returns (at the stall's end, or on {@code resume HOST}): mysqld, then haproxy, then keepalived run. */
    void unstall() {
        if (stallEnd == null) return;
        stallEnd.cancel();
        stallEnd = null;
        mysqld.thaw();
        lab.replicationChanged();
        if (haproxy != null) haproxy.thaw();
        keepalived.thaw();
    }

    boolean hasVip() { return vip; }

    long vipSince() { return vipSince; }

    long vipChange() { return vipChange; }

    void addVip(Reason reason) {
        if (vip) return;
        vip = true;
        vipSince = lab.now();
        vipChange = lab.emit(new LabEvent.VipChanged(lab.now(), name, lab.topology().vip, true, reason));
    }

    void removeVip(Reason reason) {
        if (!vip) return;
        vip = false;
        vipChange = lab.emit(new LabEvent.VipChanged(lab.now(), name, lab.topology().vip, false, reason));
    }

    /** The last change of the process that {@code ps -C processName} would find, or NONE. */
    long processChange(String processName) {
        if (processName.equals(mysqld.processName())) return mysqld.lastChange();
        if (haproxy != null && processName.equals("haproxy")) return haproxy.lastChange();
        return processName.equals("keepalived") ? keepalived.lastChange() : org.viplab.core.timeline.Causes.NONE;
    }

    /** The last change of what answers a local connect to {@code port}. */
    long portChange(int port) {
        if (haproxy != null && port == haproxy.spec.bindPort) return haproxy.lastChange();
        return mysqld.lastChange();
    }

    /** {@code ps -C NAME}: any process of that name, hung or shutting down included. */
    boolean processExists(String processName) {
        if (processName.equals(mysqld.processName()) && mysqld.state().exists()) return true;
        if (haproxy != null && processName.equals("haproxy") && haproxy.state().exists()) return true;
        return processName.equals("keepalived") && keepalived.state().exists();
    }

    /** Whether a local TCP connect to {@code port} is accepted. */
    boolean portAccepts(int port) {
        if (haproxy != null && port == haproxy.spec.bindPort) return haproxy.state().exists() && haproxy.state() != org.viplab.core.model.ProcessState.STOPPING;
        return mysqld.acceptsTcp();
    }

    SimProcess process(org.viplab.core.model.ProcessKind kind) {
        return switch (kind) {
            case MYSQLD -> mysqld;
            case HAPROXY -> haproxy;
            case KEEPALIVED -> keepalived;
        };
    }
}
