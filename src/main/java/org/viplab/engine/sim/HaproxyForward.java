package org.viplab.engine.sim;

import org.viplab.core.model.HaproxySpec;
import org.viplab.core.timeline.LabEvent.ProbeFailure;

/**
 * One client connection forwarded by haproxy 2.6 in {@code mode tcp}: the server connect, its retries and
 * redispatch, as {@code back_handle_st_cer()} (src/backend.c) and {@code stream_choose_redispatch()}
 * (include/haproxy/stream.h) do them:
 * <ul>
 * <li>A failed connect uses one of {@code retries} (default 3); when none is left the client's connection is
 * closed.</li>
 * <li>With {@code option redispatch} the retry goes to another server ({@code sess_change_server(s, NULL)}, the
 * balancer picks again) on the last retry (redispatch_after = -1), when the server is DOWN, and at once when
 * the balance is round robin with more than one usable active server ("we don't care about this particular
 * server").</li>
 * <li>A refused connect (an asynchronous error) is followed by a turn-around of min(timeout connect, 1 s)
 * before the retry, but only when retrying the same server, a non-round-robin balance, or one usable server.
 * A timed-out connect has already cost {@code timeout connect} and retries without a turn-around.</li>
 * </ul>
 */
final class HaproxyForward {
    /** A refused connect between two hosts on the LAN: one round trip. */
    static final long REFUSED_US = 300;
    /** haproxy's turn-around before retrying a refused server: at most one second. */
    static final long TURNAROUND_CAP_US = 1_000_000;

    /** Where the connection ended: served by {@code backend}, or failed; after {@code latencyUs} of the client's time. */
    record Result(SimHost backend, long latencyUs, ProbeFailure failure) {
        boolean ok() { return failure == ProbeFailure.NONE; }
    }

    private HaproxyForward() { }

    /**
     * Forwards one connection accepted by {@code proxy} on {@code via}; the client gives up after {@code clientTimeoutUs}.
     * {@code servedLatencyUs} is the whole probe's latency when the first connect succeeds.
     */
    static Result forward(SimulatedLab lab, SimHost via, Haproxy proxy, long clientTimeoutUs, long servedLatencyUs) {
        HaproxySpec spec = proxy.spec;
        Haproxy.Server server = proxy.pick();
        if (server == null) return new Result(null, Client.REFUSED_LATENCY_US, ProbeFailure.CLOSED); // no server available
        long spent = 0;
        int retriesLeft = spec.retries;
        while (true) {
            SimHost target = lab.host(server.spec.node);
            boolean reachable = target != null && lab.network().hostCanReach(via.name, target.name);
            boolean refused;
            if (!reachable) {
                spent += spec.timeoutConnectMs * 1000; // SYNs into the void until timeout connect
                refused = false;
            } else if (target.mysqld.acceptsTcp()) {
                // connected: a hung mysqld never greets and the client times out; otherwise served (a stalled one late: Client)
                if (!target.mysqld.greets() && !target.mysqld.frozen()) return new Result(null, clientTimeoutUs, ProbeFailure.TIMEOUT);
                return new Result(target, spent + servedLatencyUs, ProbeFailure.NONE);
            } else {
                spent += REFUSED_US;
                refused = true;
            }
            if (spent >= clientTimeoutUs) return new Result(null, clientTimeoutUs, ProbeFailure.TIMEOUT);
            if (--retriesLeft < 0) return new Result(null, spent, ProbeFailure.CLOSED);
            int used = spec.retries - retriesLeft;
            boolean roundRobin = roundRobin(spec);
            int active = proxy.usableActiveServers();
            boolean redispatch = spec.redispatch && (!server.up()
                    || used % Math.max(1, spec.retries) == 0 // redispatch_after -1: the last retry
                    || (active > 1 && roundRobin));
            if (redispatch) {
                Haproxy.Server next = proxy.pick();
                if (next == null) return new Result(null, spent, ProbeFailure.CLOSED);
                server = next;
            }
            if (refused && (!redispatch || !roundRobin || active <= 1)) {
                spent += Math.min(spec.timeoutConnectMs * 1000, TURNAROUND_CAP_US);
                if (spent >= clientTimeoutUs) return new Result(null, clientTimeoutUs, ProbeFailure.TIMEOUT);
            }
        }
    }

    /** roundrobin and static-rr are haproxy's BE_LB_KIND_RR. */
    static boolean roundRobin(HaproxySpec spec) {
        return spec.balance == null || spec.balance.equals("roundrobin") || spec.balance.equals("static-rr");
    }
}
