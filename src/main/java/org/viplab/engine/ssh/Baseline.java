package org.viplab.engine.ssh;

import org.viplab.lab.LabText;
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
            LabText missing = missing();
            if (missing == null && state.quietUs() > QUIET_US) return;
            if (stop.getAsBoolean()) throw LabText.failed("baseline.stopped");
            if (clock.epochUs() > deadline) {
                throw LabText.failed("baseline.notReached", maxMs / 1000, missing != null ? missing : LabText.of("baseline.changing"));
            }
            Thread.sleep(POLL_MS);
        }
    }

    /** What keeps the hosts from the baseline now, or null. */
    LabText missing() {
        for (HostObserver h : fleet.all()) if (!h.reachable) return LabText.of("baseline.unreachable", h.name());
        Set<String> holders = state.vipHolders();
        if (holders.size() != 1) return holders.isEmpty() ? LabText.of("baseline.vipNowhere") : LabText.of("baseline.vipOn", String.join(", ", holders));
        // several instances (a read VIP beside the client's): each instance's VIPs on one host too
        for (Map.Entry<String, Set<String>> i : state.instanceHolders().entrySet()) {
            if (i.getValue().size() != 1) {
                return i.getValue().isEmpty() ? LabText.of("baseline.instanceVipNowhere", i.getKey())
                        : LabText.of("baseline.instanceVipOn", i.getKey(), String.join(", ", i.getValue()));
            }
        }
        for (HostObserver h : fleet.all()) {
            for (ProcessKind k : required) {
                ProcessState s = state.processState(h.name(), k);
                if (s != ProcessState.RUNNING) return LabText.of("baseline.notRunning", h.name() + "/" + k.id(), s);
            }
        }
        LabEvent.ClientProbe p = state.lastProbe();
        if (p == null) return LabText.of("baseline.noProbe", vipAndPort);
        if (!p.ok()) return LabText.of("baseline.probesFail", vipAndPort, p.failure().name().toLowerCase());
        return null;
    }
}
