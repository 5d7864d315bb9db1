package org.viplab.core.timeline;

import org.viplab.core.model.ProcessKind;
import org.viplab.core.model.ProcessState;
import org.viplab.core.model.VrrpState;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Causes for a run that was observed, not simulated: real hosts (and, later, logs replayed). The simulator knows
 * each cause exactly; here they are <em>inferred</em> from what was seen, by the chain keepalived and haproxy
 * follow (docs/calibration.md): an action, the process it stopped, keepalived stopping (by the check script or
 * the action), its priority-0 advert, the peer's MASTER transition, the VIP on the peer, its gratuitous ARPs, the
 * client's next good answer. Each rule names the latest earlier event of the expected kind within a window; an
 * event no rule explains is a root. The run's engine (not the simulator) tells the app and reports to say that
 * these chains are inferred.
 *
 * <p>Feed every event in append order: {@link #causeOf} first, then {@link #remember} with the id it got.
 */
public final class CauseInference {
    /** How far back a cause may lie: longer than any chain of the tutorial's settings (fall 3 × 3 s checks). */
    private static final long HORIZON_US = 60_000_000;
    private static final long SAME_MOMENT_US = 2_000_000;

    private record Seen(long id, LabEvent event) { }

    /** Events that can be causes, newest last; probes and log lines are never kept (they are many and explain nothing). */
    private final Deque<Seen> recent = new ArrayDeque<>();
    private Boolean lastProbeOk;
    private String lastBackend;

    /** The inferred cause of {@code e} among the events remembered so far, or {@link Causes#NONE}. */
    public long causeOf(LabEvent e) {
        long t = e.timeUs();
        if (e instanceof LabEvent.ProcessChanged p) return processCause(p);
        if (e instanceof LabEvent.VrrpStateChanged v) return vrrpCause(v);
        if (e instanceof LabEvent.AdvertSent a) {
            if (a.priority() != 0) return Causes.NONE;
            long stopping = latest(t, SAME_MOMENT_US, x -> stoppedVrrp(x, a.host()) || stoppedProcess(x, a.host(), ProcessKind.KEEPALIVED));
            // tcpdump may see the advert a fraction of a millisecond before keepalived's "Stopping" is logged
            return stopping != Causes.NONE ? stopping : stopCause(a.host(), t);
        }
        if (e instanceof LabEvent.VipChanged v) {
            return v.added() ? vipAddedCause(v) : latest(t, SAME_MOMENT_US,
                    x -> x instanceof LabEvent.VrrpStateChanged s && s.host().equals(v.host()) && s.from() == VrrpState.MASTER
                            || stoppedProcess(x, v.host(), ProcessKind.KEEPALIVED));
        }
        if (e instanceof LabEvent.GarpSent g) {
            return latest(t, SAME_MOMENT_US, x -> x instanceof LabEvent.VipChanged v && v.added() && v.host().equals(g.host())
                    || becameMaster(x, g.host()));
        }
        if (e instanceof LabEvent.ArpChanged a) {
            return latest(t, 5_000_000, x -> x instanceof LabEvent.GarpSent g && g.host().equals(a.pointsAt()));
        }
        if (e instanceof LabEvent.ClientProbe p) return probeCause(p);
        if (e instanceof LabEvent.ServerCheck c) {
            return latest(t, 30_000_000, x -> x instanceof LabEvent.ProcessChanged p && p.process() == ProcessKind.MYSQLD
                    && c.server().contains(p.host()) && running(p.to()) == c.up());
        }
        if (e instanceof LabEvent.ScriptResult s) {
            return latest(t, 30_000_000, x -> x instanceof LabEvent.ProcessChanged p && p.host().equals(s.host())
                    && p.process() != ProcessKind.KEEPALIVED && running(p.to()) == !s.failed());
        }
        if (e instanceof LabEvent.PriorityChanged p) {
            return latest(t, 5_000_000, x -> x instanceof LabEvent.ScriptResult s && s.host().equals(p.host()));
        }
        if (e instanceof LabEvent.LinkChanged l) {
            return latest(t, 5_000_000, x -> x instanceof LabEvent.ActionApplied a && a.target().startsWith(l.link()));
        }
        return Causes.NONE; // actions are roots; log lines, replication and cluster news explain themselves
    }

    /** Appends {@code e} to {@code timeline} with its inferred cause and remembers it; returns its id. */
    public long append(Timeline timeline, LabEvent e) {
        long id = timeline.accept(e, causeOf(e));
        remember(id, e);
        return id;
    }

    /** A timeline of {@code events} (in time order) with inferred causes. */
    public static Timeline inferred(java.util.List<? extends LabEvent> events) {
        Timeline t = new Timeline();
        CauseInference inference = new CauseInference();
        for (LabEvent e : events) inference.append(t, e);
        return t;
    }

    /** Records {@code e}, appended as {@code id}, as a possible cause of what comes next. */
    public void remember(long id, LabEvent e) {
        if (e instanceof LabEvent.ClientProbe p) {
            lastProbeOk = p.ok();
            if (p.ok()) lastBackend = p.backend();
            return;
        }
        if (e instanceof LabEvent.LogLine || e instanceof LabEvent.AdvertSent a && a.priority() != 0) return;
        // a process no evidence speaks of explains nothing (it is not "not running")
        if (e instanceof LabEvent.ProcessChanged p && p.to() == ProcessState.UNKNOWN) return;
        recent.addLast(new Seen(id, e));
        while (!recent.isEmpty() && recent.peekFirst().event().timeUs() < e.timeUs() - HORIZON_US) recent.removeFirst();
    }

    // ---- the rules --------------------------------------------------------------------------------

    private long processCause(LabEvent.ProcessChanged p) {
        if (p.from() == p.to()) return Causes.NONE; // the state found at t = 0
        long t = p.timeUs();
        String target = p.host() + "/" + p.process().name().toLowerCase(Locale.ROOT);
        if (!running(p.to())) {
            // keepalived's own "Stopping" comes before ps sees it gone; mysqld or haproxy gone is what made a
            // check script stop it; otherwise the action that named it
            return latest(t, HORIZON_US, x -> action(x, target)
                    || p.process() == ProcessKind.KEEPALIVED && (stoppedVrrp(x, p.host()) && x.timeUs() >= t - 5_000_000
                    || x instanceof LabEvent.ProcessChanged q && q.host().equals(p.host()) && q.process() != ProcessKind.KEEPALIVED
                    && !running(q.to()) && x.timeUs() >= t - 10_000_000));
        }
        // started again: by an action, a restore, or a supervisor right after it died
        return latest(t, HORIZON_US, x -> action(x, target) || x instanceof LabEvent.ActionApplied a && a.target().equals(LabEvent.LAB)
                || x instanceof LabEvent.ProcessChanged q && q.host().equals(p.host()) && q.process() == p.process()
                && !running(q.to()) && x.timeUs() >= t - 5_000_000);
    }

    private long vrrpCause(LabEvent.VrrpStateChanged v) {
        long t = v.timeUs();
        if (v.from() == VrrpState.INIT && v.to() != VrrpState.MASTER || v.reason().code() == Reason.Code.AT_ZERO) {
            return v.from() == VrrpState.INIT ? latestStartOf(v.host(), t) : Causes.NONE;
        }
        return switch (v.to()) {
            case MASTER -> takeoverCause(v.host(), t);
            case BACKUP -> latest(t, 3_000_000, x -> x instanceof LabEvent.AdvertSent a && !a.host().equals(v.host()) && a.priority() > 0);
            case INIT -> latestStartOf(v.host(), t);
            default -> stopCause(v.host(), t);
        };
    }

    /**
     * Why keepalived on {@code host} stopped or went to FAULT: an action on it, the tracked process gone (the check
     * script stopped it, or its weight made it FAULT), or its link cut.
     */
    private long stopCause(String host, long t) {
        return latest(t, 30_000_000, x -> action(x, host + "/keepalived")
                || x instanceof LabEvent.ProcessChanged q && q.host().equals(host) && q.process() != ProcessKind.KEEPALIVED
                && !running(q.to()) && x.timeUs() >= t - 10_000_000
                || x instanceof LabEvent.LinkChanged l && l.cut() && l.link().contains(host));
    }

    /** The VIP follows the MASTER transition; keepalived's own log line may come a millisecond after the address. */
    private long vipAddedCause(LabEvent.VipChanged v) {
        long master = latest(v.timeUs(), SAME_MOMENT_US, x -> becameMaster(x, v.host()));
        return master != Causes.NONE ? master : takeoverCause(v.host(), v.timeUs());
    }

    /**
     * Why {@code host} took over at {@code t}: a peer's priority-0 advert; else the peer falling silent (its
     * keepalived stopped, killed or frozen, a link cut, the host unreachable). None for a first election.
     */
    private long takeoverCause(String host, long t) {
        long zero = latest(t, 4_000_000, x -> x instanceof LabEvent.AdvertSent a && a.priority() == 0 && !a.host().equals(host));
        if (zero != Causes.NONE) return zero;
        return latest(t, 15_000_000, x -> !x.host().equals(host) && (stoppedVrrp(x, x.host())
                || x instanceof LabEvent.ProcessChanged p && p.process() == ProcessKind.KEEPALIVED && !running(p.to())
                || x instanceof LabEvent.HostReachability r && !r.reachable())
                || x instanceof LabEvent.LinkChanged l && l.cut());
    }

    /** A first failing probe follows what broke the path; a first good one (or a new server) what mended it. */
    private long probeCause(LabEvent.ClientProbe p) {
        boolean changed = lastProbeOk == null || p.ok() != lastProbeOk || p.ok() && lastBackend != null && !lastBackend.equals(p.backend());
        if (!changed || lastProbeOk == null) return Causes.NONE;
        long t = p.timeUs();
        if (p.ok()) {
            return latest(t, 10_000_000, x -> x instanceof LabEvent.VipChanged v && v.added() || x instanceof LabEvent.ArpChanged
                    || x instanceof LabEvent.GarpSent || x instanceof LabEvent.ProcessChanged q && running(q.to())
                    || x instanceof LabEvent.ServerCheck c && c.up() || x instanceof LabEvent.LinkChanged l && !l.cut());
        }
        return latest(t, 10_000_000, x -> x instanceof LabEvent.ProcessChanged q && !running(q.to())
                || x instanceof LabEvent.VipChanged v && !v.added() || x instanceof LabEvent.LinkChanged l && l.cut()
                || x instanceof LabEvent.ServerCheck c && !c.up() || x instanceof LabEvent.ActionApplied);
    }

    private long latestStartOf(String host, long t) {
        return latest(t, HORIZON_US, x -> action(x, host + "/keepalived") || x instanceof LabEvent.ActionApplied a && a.target().equals(LabEvent.LAB));
    }

    // ---- helpers ----------------------------------------------------------------------------------

    /** The newest remembered event within {@code windowUs} before {@code t} that {@code match}es. */
    private long latest(long t, long windowUs, Predicate<LabEvent> match) {
        for (Iterator<Seen> it = recent.descendingIterator(); it.hasNext(); ) {
            Seen s = it.next();
            if (s.event().timeUs() < t - windowUs) break;
            if (s.event().timeUs() <= t && match.test(s.event())) return s.id();
        }
        return Causes.NONE;
    }

    private static boolean action(LabEvent x, String target) {
        return x instanceof LabEvent.ActionApplied a && a.target().equals(target);
    }

    private static boolean stoppedVrrp(LabEvent x, String host) {
        return x instanceof LabEvent.VrrpStateChanged v && v.host().equals(host) && (v.to() == VrrpState.STOPPED || v.to() == VrrpState.FAULT);
    }

    private static boolean stoppedProcess(LabEvent x, String host, ProcessKind kind) {
        return x instanceof LabEvent.ProcessChanged p && p.host().equals(host) && p.process() == kind && !running(p.to());
    }

    private static boolean becameMaster(LabEvent x, String host) {
        return x instanceof LabEvent.VrrpStateChanged v && v.host().equals(host) && v.to() == VrrpState.MASTER;
    }

    private static boolean running(ProcessState s) { return s == ProcessState.RUNNING || s == ProcessState.STARTING; }
}
