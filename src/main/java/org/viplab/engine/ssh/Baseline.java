package org.viplab.engine.ssh;

import org.viplab.core.model.ProcessKind;
import org.viplab.core.model.ProcessState;
import org.viplab.core.timeline.LabEvent;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The state a drill starts from: one host holds the VIP, every process runs, the client's probes succeed
 * (after a black hole, ARP may still point at the wrong host while the hosts look fine), and nothing has
 * changed for 5 s (keepalived 2.x takes about 3.6 s to settle).
 */
final class Baseline {
    static final long QUIET_US = 5_000_000;
    private static final long POLL_MS = 200;

    private final Fleet fleet;
    private final ObservedState state;
    private final LabClock clock;
    private final List<ProcessKind> required;
    private final String vipAndPort;

    Baseline(Fleet fleet, ObservedState state, LabClock clock, List<ProcessKind> required, String vipAndPort) {
        this.fleet = fleet;
        this.state = state;
        this.clock = clock;
        this.required = required;
        this.vipAndPort = vipAndPort;
    }

    /** Waits (at most {@code maxMs}) for the baseline; IllegalStateException saying what is missing. */
    void await(long maxMs, BooleanSupplier stop) throws InterruptedException {
        long deadline = clock.epochUs() + maxMs * 1000;
        while (true) {
            String missing = missing();
            if (missing == null && state.quietUs() > QUIET_US) return;
            if (stop.getAsBoolean()) throw new IllegalStateException("stopped while waiting for the baseline");
            if (clock.epochUs() > deadline) {
                throw new IllegalStateException("the hosts did not reach the baseline within " + maxMs / 1000 + " s: "
                        + (missing != null ? missing : "state still changing"));
            }
            Thread.sleep(POLL_MS);
        }
    }

    /** What keeps the hosts from the baseline now, or null. */
    String missing() {
        for (HostObserver h : fleet.all()) if (!h.reachable) return h.name() + " unreachable";
        Set<String> holders = state.vipHolders();
        if (holders.size() != 1) return "VIP on " + (holders.isEmpty() ? "no host" : String.join(" and ", holders));
        // several instances (a read VIP beside the client's): each instance's VIPs on one host too
        for (Map.Entry<String, Set<String>> i : state.instanceHolders().entrySet()) {
            if (i.getValue().size() != 1) {
                return i.getKey() + "'s VIPs on " + (i.getValue().isEmpty() ? "no host" : String.join(" and ", i.getValue()));
            }
        }
        for (HostObserver h : fleet.all()) {
            for (ProcessKind k : required) {
                ProcessState s = state.processState(h.name(), k);
                if (s != ProcessState.RUNNING) return h.name() + "/" + k.id() + " is " + s;
            }
        }
        LabEvent.ClientProbe p = state.lastProbe();
        if (p == null) return "no client probe to " + vipAndPort + " has answered yet";
        if (!p.ok()) return "the client's probes to " + vipAndPort + " fail (" + p.failure().name().toLowerCase() + ")";
        return null;
    }
}
