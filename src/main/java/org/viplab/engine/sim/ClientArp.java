package org.viplab.engine.sim;

import org.viplab.core.timeline.Causes;
import org.viplab.core.timeline.LabEvent;

import java.util.Random;

/**
 * The client's Linux neighbour entry for the VIP: REACHABLE for a random 0.5–1.5 × base_reachable_time,
 * then STALE; the first use of a STALE entry starts DELAY (5 s), then PROBE (3 unicast probes, 1 s apart)
 * to the MAC it has; no answer means FAILED and a fresh broadcast. A gratuitous ARP moves an existing entry
 * to the sender's MAC in STALE. This is why healing a split brain can black-hole clients for half a minute.
 */
final class ClientArp {
    enum State { NONE, INCOMPLETE, REACHABLE, STALE, DELAY, PROBE, FAILED }

    static final long DELAY_FIRST_PROBE_US = 5_000_000;
    static final long RETRANS_US = 1_000_000;
    static final int UCAST_SOLICIT = 3;
    static final int MCAST_SOLICIT = 3;

    private final SimulatedLab lab;
    private final Random rng;
    private final long baseReachableUs;
    private State state = State.NONE;
    private SimHost pointsAt;
    private Scheduler.Task timer;
    private int probesLeft;
    /** The id of the last change of which host the entry points at: what a client's packets follow. */
    private long lastMove = Causes.NONE;

    ClientArp(SimulatedLab lab, Random rng, long baseReachableUs) {
        this.lab = lab;
        this.rng = rng;
        this.baseReachableUs = baseReachableUs;
    }

    State state() { return state; }

    long lastMove() { return lastMove; }

    /** The host whose MAC a packet to the VIP goes to now, or null when the entry cannot be resolved. */
    SimHost use() {
        switch (state) {
            case NONE, FAILED -> {
                broadcast();
                return state == State.REACHABLE ? pointsAt : null;
            }
            case STALE -> {
                set(State.DELAY, pointsAt);
                schedule(DELAY_FIRST_PROBE_US, this::startProbe);
                return pointsAt;
            }
            case INCOMPLETE -> {
                return null;
            }
            default -> {
                return pointsAt;
            }
        }
    }

    /** A gratuitous ARP for the VIP from {@code host}. Linux updates an existing entry only (arp_accept=0). */
    void gratuitous(SimHost host) {
        if (state == State.NONE || state == State.FAILED) return;
        cancel();
        set(State.STALE, host);
    }

    private void broadcast() {
        SimHost best = null;
        for (SimHost h : lab.hosts()) {
            if (h.hasVip() && lab.network().clientReaches(h.name) && (best == null || h.vipSince() > best.vipSince())) best = h;
        }
        cancel();
        if (best != null) {
            long saved = lab.scheduler().cause();
            if (saved == Causes.NONE) lab.scheduler().cause(best.vipChange()); // the answer comes from the VIP's holder
            reachable(best);
            lab.scheduler().cause(saved);
        } else {
            set(State.INCOMPLETE, null);
            schedule(MCAST_SOLICIT * RETRANS_US, () -> set(State.FAILED, null));
        }
    }

    private void startProbe() {
        set(State.PROBE, pointsAt);
        probesLeft = UCAST_SOLICIT;
        unicastProbe();
    }

    private void unicastProbe() {
        if (pointsAt.hasVip() && lab.network().clientReaches(pointsAt.name)) {
            reachable(pointsAt);
            return;
        }
        if (--probesLeft > 0) {
            schedule(RETRANS_US, this::unicastProbe);
        } else {
            schedule(RETRANS_US, () -> set(State.FAILED, null));
        }
    }

    private void reachable(SimHost host) {
        set(State.REACHABLE, host);
        long reachableUs = baseReachableUs / 2 + (long) (rng.nextDouble() * baseReachableUs);
        schedule(reachableUs, () -> set(State.STALE, pointsAt));
    }

    private void set(State next, SimHost host) {
        if (next == state && host == pointsAt) return;
        boolean moves = host != null && host != pointsAt;
        state = next;
        pointsAt = host;
        long id = lab.emit(new LabEvent.ArpChanged(lab.now(), lab.topology().vip, host == null ? "" : host.name, next.name()));
        if (moves) lastMove = id;
    }

    private void schedule(long delayUs, Runnable r) {
        cancel();
        timer = lab.scheduler().after(delayUs, r);
    }

    private void cancel() {
        if (timer != null) timer.cancel();
        timer = null;
    }
}
