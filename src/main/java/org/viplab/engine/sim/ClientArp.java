package org.viplab.engine.sim;

import org.viplab.core.timeline.Causes;
import org.viplab.core.timeline.LabEvent;

import java.util.Random;
import java.util.SplittableRandom;

/**
 * The client's Linux neighbour entry for the VIP, as net/core/neighbour.c and net/ipv4/arp.c keep it (defaults of
 * a Linux 6.x client: arp_accept 0, base_reachable_time_ms 30000, delay_first_probe_time 5 s, retrans_time 1 s,
 * ucast_solicit 3, mcast_solicit 3). docs/calibration.md has the lab's {@code ip neigh} samples behind each rule.
 * <ul>
 * <li>REACHABLE lasts until {@code confirmed + reachable_time}; a connection that makes progress (a probe answered
 * through the entry) confirms it. reachable_time is one random value for the whole table,
 * uniform in [base/2, 3·base/2), drawn again every 300 s (neigh_rand_reach_time, neigh_periodic_work).</li>
 * <li>Expired: STALE; the next packet starts DELAY (delay_first_probe_time); still unconfirmed after it: PROBE,
 * ucast_solicit unicast requests to the MAC it has, retrans_time apart; no answer: FAILED. The next packet
 * broadcasts (INCOMPLETE, mcast_solicit tries) and the VIP's holder answers: REACHABLE.</li>
 * <li>A gratuitous ARP never creates an entry (arp_accept 0) but overrides one that exists, FAILED included
 * (arp_process: {@code is_garp} sets NEIGH_UPDATE_F_OVERRIDE): another MAC becomes STALE at that MAC; the
 * same MAC changes nothing, neither the state nor its timers (neigh_update: "if new one is STALE", "do not change
 * entry state" when the address is unchanged).</li>
 * </ul>
 * So after a healed split brain an entry left at the wrong host stays REACHABLE for up to 45 s, then takes 8 s
 * more (5 s DELAY, 3 s PROBE) before the broadcast finds the right one.
 */
final class ClientArp {
    enum State { NONE, INCOMPLETE, REACHABLE, STALE, DELAY, PROBE, FAILED }

    static final long DELAY_FIRST_PROBE_US = 5_000_000;
    static final long RETRANS_US = 1_000_000;
    static final int UCAST_SOLICIT = 3;
    static final int MCAST_SOLICIT = 3;
    /** neigh_periodic_work draws reachable_time again this often. */
    static final long RERANDOMISE_US = 300_000_000;

    private final SimulatedLab lab;
    /** Its own stream: java.util.Random's first draws for neighbouring seeds are nearly equal; this one mixes. */
    private final SplittableRandom rng;
    private final long baseReachableUs;
    private long reachableUs;
    private long drawnAt;
    private State state = State.NONE;
    private SimHost pointsAt;
    private long confirmedUs;
    private Scheduler.Task timer;
    private int probesSent;
    /** The id of the last change of which host the entry points at: what a client's packets follow. */
    private long lastMove = Causes.NONE;

    ClientArp(SimulatedLab lab, Random rng, long baseReachableUs) {
        this.lab = lab;
        this.rng = new SplittableRandom(rng.nextLong());
        this.baseReachableUs = baseReachableUs;
        this.drawnAt = lab.now();
        this.reachableUs = draw();
    }

    State state() { return state; }

    long lastMove() { return lastMove; }

    /** The table's reachable_time now. */
    long reachableTimeUs() {
        if (lab.now() - drawnAt >= RERANDOMISE_US) {
            drawnAt = lab.now();
            reachableUs = draw();
        }
        return reachableUs;
    }

    /** neigh_rand_reach_time: uniform in [base/2, 3·base/2). */
    private long draw() {
        return baseReachableUs <= 0 ? 0 : baseReachableUs / 2 + (long) (rng.nextDouble() * baseReachableUs);
    }

    /** A packet to the VIP leaves now: the host whose MAC it goes to, or null while the entry cannot be resolved. */
    SimHost use() {
        switch (state) {
            case NONE, FAILED -> {
                broadcast();
                return state == State.REACHABLE ? pointsAt : null;
            }
            case STALE -> {
                set(State.DELAY, pointsAt);
                schedule(DELAY_FIRST_PROBE_US, this::delayExpired);
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

    /** A connection through the entry, as it is now, made progress (TCP's neighbour confirmation). */
    void confirm() {
        if (pointsAt != null) confirmedUs = lab.now();
    }

    /** A gratuitous ARP for the VIP from {@code host}. */
    void gratuitous(SimHost host) {
        if (state == State.NONE) return; // arp_accept 0: no entry is created
        if (host == pointsAt && state != State.FAILED && state != State.INCOMPLETE) return; // same MAC: nothing changes
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

    private void delayExpired() {
        if (lab.now() <= confirmedUs + DELAY_FIRST_PROBE_US) {
            set(State.REACHABLE, pointsAt);
            schedule(confirmedUs + reachableTimeUs() - lab.now(), this::reachableExpired);
            return;
        }
        set(State.PROBE, pointsAt);
        probesSent = 0;
        unicastProbe();
    }

    private void reachableExpired() {
        long until = confirmedUs + reachableTimeUs();
        if (lab.now() < until) {
            schedule(until - lab.now(), this::reachableExpired); // still alive: confirmed since the timer was set
        } else {
            cancel();
            set(State.STALE, pointsAt);
        }
    }

    private void unicastProbe() {
        if (pointsAt.hasVip() && lab.network().clientReaches(pointsAt.name)) {
            reachable(pointsAt);
            return;
        }
        if (++probesSent < UCAST_SOLICIT) {
            schedule(RETRANS_US, this::unicastProbe);
        } else {
            schedule(RETRANS_US, () -> set(State.FAILED, null));
        }
    }

    private void reachable(SimHost host) {
        confirmedUs = lab.now();
        set(State.REACHABLE, host);
        schedule(reachableTimeUs(), this::reachableExpired);
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
        timer = lab.scheduler().after(Math.max(0, delayUs), r);
    }

    private void cancel() {
        if (timer != null) timer.cancel();
        timer = null;
    }
}
