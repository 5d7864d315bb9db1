package org.viplab.engine.ssh;

import org.viplab.core.timeline.EventSink;
import org.viplab.core.timeline.Actor;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Reason;
import org.viplab.lab.Action;
import org.viplab.lab.Target;
import org.viplab.lab.Verb;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Actions on real hosts: each becomes one command per host it touches (shown before it runs), with a
 * timeout; an action on two hosts (a cut or heal between them) runs on both at once, and each host's
 * start is recorded. Remembers what it cut, for the restore.
 */
final class Actions implements AutoCloseable {
    static final long COMMAND_TIMEOUT_MS = 60_000;
    /** A self-healing cut of a host's own link (over SSH nothing else could heal it). */
    static final int LINK_CUT_MAX_S = 30;

    private final Fleet fleet;
    private final LabClock clock;
    private final EventSink events;
    private final Consumer<String> commandLog;
    private final Set<String> cuts = java.util.Collections.synchronizedSet(new LinkedHashSet<>());
    private final ExecutorService both = Executors.newCachedThreadPool(ClientProber.daemon("ssh-action"));

    Actions(Fleet fleet, LabClock clock, EventSink events, Consumer<String> commandLog) {
        this.fleet = fleet;
        this.clock = clock;
        this.events = events;
        this.commandLog = commandLog;
    }

    /** One remote command of an action. */
    record RemoteStep(HostObserver host, String command) { }

    /**
     * The commands an action runs, host by host, without running them. Throws UnsupportedOperationException
     * when the hosts cannot do it (no firewall tool for a cut, a custom service style without the command).
     */
    List<RemoteStep> plan(Action action) {
        String refused = refusal(action);
        if (refused != null) throw new UnsupportedOperationException(refused);
        Target target = action.target();
        boolean cut = action.verb() == Verb.CUT;
        if (target instanceof Target.Process p) {
            HostObserver h = fleet.host(p.host());
            return List.of(new RemoteStep(h, h.cmd.process(action.verb(), p.process())));
        }
        if (target instanceof Target.HostLink l) {
            HostObserver h = fleet.host(l.host());
            return List.of(new RemoteStep(h, h.cmd.link(cut, LINK_CUT_MAX_S)));
        }
        if (target instanceof Target.PeerPath p) {
            HostObserver a = fleet.host(p.a());
            HostObserver b = fleet.host(p.b());
            for (HostObserver h : List.of(a, b)) requireFirewall(h, p.id());
            return List.of(new RemoteStep(a, a.cmd.drop(cut, a.firewall, b.inv.address, p.vrrpOnly())),
                    new RemoteStep(b, b.cmd.drop(cut, b.firewall, a.inv.address, p.vrrpOnly())));
        }
        if (target instanceof Target.ClientPath c) {
            HostObserver h = fleet.host(c.host());
            requireFirewall(h, c.id());
            if (h.clientAddress == null || h.clientAddress.isBlank()) throw new UnsupportedOperationException(c.id() + ": the client's address is unknown");
            return List.of(new RemoteStep(h, h.cmd.drop(cut, h.firewall, h.clientAddress, false)));
        }
        throw new IllegalArgumentException("cannot do " + CommandTemplates.describe(action) + " on real hosts");
    }

    /**
     * Why real hosts refuse {@code action}, or null when they run it. The timing faults are refused whole rather
     * than half-done: each needs more than a command per host, and a fault the lab cannot undo exactly would
     * leave a real machine shaped or frozen.
     */
    static String refusal(Action action) {
        String why = switch (action.verb()) {
            case STALL -> "freezing a whole host needs its processes in a cgroup that VIP Lab can freeze and thaw"
                    + " (SIGSTOP of every process would stop sshd and the observers too); use hang HOST/PROCESS, or the simulator";
            case DELAY, LOSS -> "VIP Lab does not yet run tc netem on the hosts' interfaces (a qdisc it cannot prove"
                    + " removed would stay on a real machine); run it on the simulator";
            case SLOW -> "slowing every query needs a proxy in front of mysqld or a lock held open in a session;"
                    + " run it on the simulator";
            case RESUME -> action.target() instanceof Target.Host ? "a host is only resumed after a stall, which real hosts do not run" : null;
            default -> null;
        };
        return why == null ? null : "not supported on real hosts: " + action + ": " + why;
    }

    /** What {@link #apply} would run, as "db1$ service mysql stop" lines, for the user to see first. */
    List<String> commandsFor(Action action) {
        return plan(action).stream().map(s -> s.host().name() + "$ " + s.command()).toList();
    }

    /**
     * Puts an action on the time line once: at the moment the (first) host began its command, from the clock
     * the host printed (kept between sending and hearing back, so a clock-offset error cannot move it out of
     * that window); at the moment it was sent when no command ran (refused) or the host printed no clock.
     * Opening an exec channel took 0.1-0.6 s on the lab, which otherwise counted as detection and failover.
     */
    private final class ActionStamp {
        final Action action;
        final Actor by;
        final long sentUs = clock.nowUs();
        final AtomicBoolean placed = new AtomicBoolean();

        ActionStamp(Action action, Actor by) {
            this.action = action;
            this.by = by;
        }

        /** The lab time a host began a command, from its printed clock (or the sending time). */
        long began(HostObserver h, long hostEpochUs) {
            return hostEpochUs < 0 ? sentUs : Math.max(sentUs, Math.min(clock.nowUs(), h.time().labUs(hostEpochUs)));
        }

        void placeAt(long t) {
            if (placed.compareAndSet(false, true)) events.accept(action.applied(t, by));
        }
    }

    void apply(Action action, Actor by) {
        ActionStamp stamp = new ActionStamp(action, by);
        try {
            List<RemoteStep> steps = plan(action);
            if (steps.size() == 1) {
                run(steps.get(0), stamp);
            } else {
                // both hosts at once: a heal one host after the other left 34 ms of one-way traffic once
                List<CompletableFuture<Void>> running = new ArrayList<>();
                for (RemoteStep s : steps) running.add(CompletableFuture.runAsync(() -> {
                    try {
                        run(s, stamp);
                    } catch (RemoteException e) {
                        throw new CompletionException(e);
                    }
                }, both));
                join(running);
            }
            if (!(action.target() instanceof Target.Process)) link(action.target().id(), action.verb() == Verb.CUT);
        } catch (RemoteException e) {
            throw new IllegalStateException(e.getMessage(), e);
        } finally {
            stamp.placeAt(stamp.sentUs);
        }
    }

    /** Waits for every step; the first failure is rethrown once all have ended. */
    private static void join(List<CompletableFuture<Void>> running) throws RemoteException {
        Throwable first = null;
        for (CompletableFuture<Void> f : running) {
            try {
                f.join();
            } catch (CompletionException e) {
                if (first == null) first = e.getCause();
            }
        }
        if (first instanceof RemoteException r) throw r;
        if (first instanceof RuntimeException r) throw r;
        if (first != null) throw new IllegalStateException(first);
    }

    /** Cut links and paths, in the order they were cut (the restore heals them). */
    List<String> cuts() { return List.copyOf(cuts); }

    private void link(String id, boolean cut) {
        if (cut) cuts.add(id); else cuts.remove(id);
        events.accept(new LabEvent.LinkChanged(clock.nowUs(), id, cut));
    }

    private static void requireFirewall(HostObserver h, String what) {
        if (h.firewall == null) {
            throw new UnsupportedOperationException(what + " is not supported on these hosts: it needs iptables or nft, and "
                    + h.name() + " has neither");
        }
    }

    /** Shows a command of an action, runs it, and records when the host began it. */
    private void run(RemoteStep step, ActionStamp stamp) throws RemoteException {
        HostObserver h = step.host();
        shown(h, step.command());
        h.ssh.checkStamped(step.command(), COMMAND_TIMEOUT_MS, hostUs -> {
            long t = stamp.began(h, hostUs);
            stamp.placeAt(t);
            events.accept(new LabEvent.LogLine(t, h.name(), "command", "began " + CommandTemplates.describe(stamp.action)));
        });
    }

    /** Shows the command, runs it with a timeout, and fails (with the host, command and stderr) unless it exits 0. */
    SshHost.Result run(HostObserver h, String command) throws RemoteException {
        shown(h, command);
        return h.ssh.check(command, COMMAND_TIMEOUT_MS);
    }

    private void shown(HostObserver h, String command) {
        commandLog.accept(h.name() + "$ " + command);
        events.accept(new LabEvent.LogLine(clock.nowUs(), h.name(), "command", "$ " + command));
    }

    @Override
    public void close() { both.shutdownNow(); }
}
