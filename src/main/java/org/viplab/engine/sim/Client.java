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
        LabEvent.ClientProbe p = overPath(outcome());
        if (p.ok()) arp.confirm(); // the answered connection confirms the neighbour entry it went through
        // the host the VIP led to, not the backend: haproxy's round robin is no change
        String key = p.ok() + "/" + via + "/" + p.failure();
        lab.emit(p, key.equals(lastOutcome) ? Causes.NONE : seen);
        lastOutcome = key;
    }

    private void see(long id) { seen = Math.max(seen, id); }

    /** A TCP retransmission after a lost SYN or SYN-ACK (Linux's initial RTO), and after a later lost segment (its minimum RTO). */
    static final long SYN_RTO_US = 1_000_000;
    static final long RTO_MIN_US = 200_000;

    /**
     * netem on the clients' path to the host the probe reached: a probe is two round trips (the handshake, then the
     * greeting and the query's answer), four packets that each cross the path once, each delayed and possibly lost
     * and resent. A probe that then takes the probe timeout or longer times out.
     */
    private LabEvent.ClientProbe overPath(LabEvent.ClientProbe p) {
        if (via == null || !lab.netem().any()) return p;
        Netem.Shaping s = lab.netem().client(via);
        if (s.none() || p.failure() == ProbeFailure.TIMEOUT) return p;
        long extra = 0;
        for (int packet = 0; packet < 4; packet++) {
            while (lab.netem().lost(s) && extra < timeoutUs) extra += packet < 2 ? SYN_RTO_US : RTO_MIN_US;
            extra += lab.netem().delay(s);
        }
        long latency = p.latencyUs() + extra;
        if (latency >= timeoutUs) return failed(p.timeUs(), ProbeFailure.TIMEOUT, timeoutUs);
        return new LabEvent.ClientProbe(p.timeUs(), p.ok(), latency, p.backend(), p.failure());
    }

    /**
     * A probe that reached a database on a stalled host, or a slowed one: the kernel accepted the connection, the
     * greeting comes when the stall ends and the query's answer {@code slow} after it; served if that is within
     * the probe timeout.
     */
    private LabEvent.ClientProbe late(long now, SimHost db, long latency) { return late(now, db, latency, 0); }

    /** {@code proxyWait}: how long a stalled haproxy in front of it held the connection (the waits overlap). */
    private LabEvent.ClientProbe late(long now, SimHost db, long latency, long proxyWait) {
        long wait = Math.max(proxyWait, db.stalled() ? db.stalledUntil() - now : 0);
        long total = wait + latency + db.mysqld.slowUs();
        if (total >= timeoutUs) return failed(now, ProbeFailure.TIMEOUT, timeoutUs);
        if (wait > 0) return new LabEvent.ClientProbe(now, true, total, db.name, ProbeFailure.NONE); // the write waits too
        return served(now, db, total);
    }

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
            if (proxy.frozen()) {
                // haproxy gets no CPU: the connection is accepted and forwarded when the stall ends
                long wait = h.stalledUntil() - now;
                if (wait >= timeoutUs) return failed(now, ProbeFailure.TIMEOUT, timeoutUs);
                HaproxyForward.Result r = HaproxyForward.forward(lab, h, proxy, timeoutUs - wait, PROXIED_LATENCY_US);
                if (r.backend() != null) see(r.backend().mysqld.lastChange());
                return r.ok() ? late(now, r.backend(), r.latencyUs(), wait) : failed(now, r.failure(), Math.min(timeoutUs, wait + r.latencyUs()));
            }
            if (ps != ProcessState.RUNNING) return failed(now, ProbeFailure.REFUSED, REFUSED_LATENCY_US);
            HaproxyForward.Result r = HaproxyForward.forward(lab, h, proxy, timeoutUs, PROXIED_LATENCY_US);
            if (r.backend() != null) see(r.backend().mysqld.lastChange());
            return r.ok() ? late(now, r.backend(), r.latencyUs()) : failed(now, r.failure(), r.latencyUs());
        }
        see(h.mysqld.lastChange());
        if (h.mysqld.greets() || h.mysqld.frozen()) return late(now, h, DIRECT_LATENCY_US);
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
