package org.viplab.engine.sim;

import org.viplab.core.model.ProcessState;
import org.viplab.core.timeline.Causes;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.LabEvent.ProbeFailure;

/**
 * A client that opens a new connection to VIP:port every probe interval and waits up to the probe timeout
 * for the MySQL greeting. One scheduled event a probe: the outcome is decided when the probe starts.
 */
final class Client {
    /** One LAN round trip plus the greeting. */
    static final long DIRECT_LATENCY_US = 800;
    /** Through haproxy: one more hop. */
    static final long PROXIED_LATENCY_US = 1_300;
    static final long REFUSED_LATENCY_US = 300;

    private final SimulatedLab lab;
    private final ClientArp arp;
    private final long intervalUs;
    private final long timeoutUs;
    private final int port;
    private final boolean writes;
    private Scheduler.Task timer;
    /** The latest change among what the probe being decided went through (see {@link #see}). */
    private long seen;
    /** The last probe's outcome as ok/backend/failure, to tell when it changes. */
    private String lastOutcome = "";
    /** The host the probe being decided reached through the ARP entry, or null. */
    private String via;

    Client(SimulatedLab lab, ClientArp arp) {
        this.lab = lab;
        this.arp = arp;
        this.intervalUs = lab.topology().probeIntervalMs * 1000;
        this.timeoutUs = lab.topology().probeTimeoutMs * 1000;
        this.port = lab.topology().effectiveClientPort();
        this.writes = lab.topology().clientWrites;
    }

    void start() {
        if (timer == null) timer = lab.scheduler().after(0, this::probe);
    }

    /**
     * A timer, so a probe has no cause of its own; one whose outcome differs from the last one's follows from the
     * latest change on its path (the ARP entry, the VIP, the network, haproxy, the database).
     */
    private void probe() {
        timer = lab.scheduler().after(intervalUs, Causes.NONE, this::probe);
        seen = Causes.NONE;
        via = null;
        LabEvent.ClientProbe p = outcome();
        if (p.ok()) arp.confirm(); // the answered connection confirms the neighbour entry it went through
        // the host the VIP led to, not the backend: haproxy's round robin is no change
        String key = p.ok() + "/" + via + "/" + p.failure();
        lab.emit(p, key.equals(lastOutcome) ? Causes.NONE : seen);
        lastOutcome = key;
    }

    private void see(long id) { seen = Math.max(seen, id); }

    private LabEvent.ClientProbe outcome() {
        long now = lab.now();
        SimHost h = arp.use();
        see(arp.lastMove());
        see(lab.networkChange());
        if (h != null) {
            see(h.vipChange());
            via = h.name;
        }
        if (h == null || !lab.network().clientReaches(h.name) || !h.hasVip()) {
            return failed(now, ProbeFailure.TIMEOUT, timeoutUs); // SYNs retransmitted into the void
        }
        Haproxy proxy = h.haproxy;
        if (proxy != null && port == proxy.spec.bindPort) {
            see(proxy.lastChange());
            ProcessState ps = proxy.state();
            if (ps == ProcessState.HUNG) return failed(now, ProbeFailure.TIMEOUT, timeoutUs);
            if (ps != ProcessState.RUNNING) return failed(now, ProbeFailure.REFUSED, REFUSED_LATENCY_US);
            HaproxyForward.Result r = HaproxyForward.forward(lab, h, proxy, timeoutUs, PROXIED_LATENCY_US);
            if (r.backend() != null) see(r.backend().mysqld.lastChange());
            return r.ok() ? served(now, r.backend(), r.latencyUs()) : failed(now, r.failure(), r.latencyUs());
        }
        see(h.mysqld.lastChange());
        if (h.mysqld.greets()) return served(now, h, DIRECT_LATENCY_US);
        if (h.mysqld.acceptsTcp()) return failed(now, ProbeFailure.TIMEOUT, timeoutUs);
        return failed(now, ProbeFailure.REFUSED, REFUSED_LATENCY_US);
    }

    /** The database greeted; a writing client also needs it writable (quorum, not stalled). */
    private LabEvent.ClientProbe served(long now, SimHost db, long latency) {
        if (!writes) return new LabEvent.ClientProbe(now, true, latency, db.name, ProbeFailure.NONE);
        Cluster c = lab.cluster();
        if (!c.writable(db)) {
            ProbeFailure f = c.writeFailure(db);
            return failed(now, f, f == ProbeFailure.TIMEOUT ? timeoutUs : latency);
        }
        c.write(db);
        return new LabEvent.ClientProbe(now, true, latency, db.name, ProbeFailure.NONE);
    }

    private static LabEvent.ClientProbe failed(long now, ProbeFailure why, long latency) {
        return new LabEvent.ClientProbe(now, false, latency, "", why);
    }
}
