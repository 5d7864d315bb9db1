package org.viplab.engine.ssh;

import org.viplab.core.text.EventFormatter;
import org.viplab.core.util.BundleText;
import org.viplab.lab.LabText;
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
    private final TimingFaults faults;

    Actions(Fleet fleet, LabClock clock, EventSink events, Consumer<String> commandLog) {
        this.fleet = fleet;
        this.clock = clock;
        this.events = events;
        this.commandLog = commandLog;
        this.faults = new TimingFaults(fleet);
    }

    /** One remote command of an action. */
    record RemoteStep(HostObserver host, String command) { }

    /**
     * The commands an action runs, host by host, without running them. Throws UnsupportedOperationException
     * when the hosts cannot do it (no firewall tool for a cut, a custom service style without the command).
     */
    List<RemoteStep> plan(Action action) {
        Target target = action.target();
        Verb verb = action.verb();
        if (verb.timingFault() || (verb == Verb.RESUME && target instanceof Target.Host)) return faults.plan(action);
        boolean cut = verb == Verb.CUT;
        if (verb == Verb.HEAL && !cutInPlace(target) && faults.has(TimingFaults.healKeys(target))) {
            // only shaped, not cut: heal takes off the delay and the loss, and there is no firewall rule to remove
            return faults.undo(TimingFaults.healKeys(target));
        }
        if (target instanceof Target.Process p) {
            HostObserver h = fleet.host(p.host());
            String command = h.cmd.process(verb, p.process());
            if (verb == Verb.RESUME && faults.has(TimingFaults.resumeKeys(target))) {
                List<RemoteStep> slow = faults.undo(TimingFaults.resumeKeys(target));
                command = Shell.sequence(slow.get(0).command(), command);
            }
            return List.of(new RemoteStep(h, command));
        }
        if (target instanceof Target.HostLink l) {
            HostObserver h = fleet.host(l.host());
            return List.of(new RemoteStep(h, h.cmd.link(cut, LINK_CUT_MAX_S)));
        }
        if (target instanceof Target.PeerPath p && p.vrrpOnly()) {
            // direction by direction: a one-way block already in place is part of the block (and of its heal)
            List<RemoteStep> steps = new ArrayList<>();
            for (Target.OneWayVrrp d : List.of(new Target.OneWayVrrp(p.a(), p.b()), new Target.OneWayVrrp(p.b(), p.a()))) {
                if (cut != vrrpDropped(d)) steps.add(vrrpDrop(cut, d, p.id()));
            }
            return withShapingUndone(action, steps);
        }
        if (target instanceof Target.PeerPath p) {
            HostObserver a = fleet.host(p.a());
            HostObserver b = fleet.host(p.b());
            for (HostObserver h : List.of(a, b)) requireFirewall(h, p.id());
            return withShapingUndone(action, List.of(new RemoteStep(a, a.cmd.drop(cut, a.firewall, b.inv.address, p.vrrpOnly())),
                    new RemoteStep(b, b.cmd.drop(cut, b.firewall, a.inv.address, p.vrrpOnly()))));
        }
        if (target instanceof Target.OneWayVrrp w) return cut == vrrpDropped(w) ? List.of() : List.of(vrrpDrop(cut, w, w.id()));
        if (target instanceof Target.ClientPath c) {
            HostObserver h = fleet.host(c.host());
            requireFirewall(h, c.id());
            if (h.clientAddress == null || h.clientAddress.isBlank()) throw LabText.unsupported("action.clientAddressUnknown", c.id());
            return withShapingUndone(action, List.of(new RemoteStep(h, h.cmd.drop(cut, h.firewall, h.clientAddress, false))));
        }
        throw LabText.refused("action.notOnHosts", CommandTemplates.describe(action));
    }

    /**
     * A heal of a path that was cut and shaped: the shaping's undo first, on the same host, then the cut's heal
     * (heal removes both, as in the simulator).
     */
    private List<RemoteStep> withShapingUndone(Action action, List<RemoteStep> steps) {
        if (action.verb() != Verb.HEAL || !faults.has(TimingFaults.healKeys(action.target()))) return steps;
        List<RemoteStep> undo = faults.undo(TimingFaults.healKeys(action.target()));
        List<RemoteStep> out = new ArrayList<>();
        for (RemoteStep s : steps) {
            String first = null;
            for (RemoteStep u : undo) if (u.host() == s.host()) first = u.command();
            out.add(first == null ? s : new RemoteStep(s.host(), Shell.sequence(first, s.command())));
        }
        // a host with shaping but no rule of the cut left (a two-way VRRP heal where only one direction was blocked)
        for (RemoteStep u : undo) if (out.stream().noneMatch(s -> s.host() == u.host())) out.add(u);
        return out;
    }

    /**
     * Why these hosts cannot run {@code action} (what a timing fault needs: tc with netem, a cgroup2 freezer, nft
     * or iptables), or null; asked once connected, as only the hosts know what they have.
     */
    LabText unsupported(Action action) { return faults.unsupported(action); }

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
            afterApplied(action);
        } catch (RemoteException e) {
            throw LabText.failed(e.text(), e);
        } finally {
            stamp.placeAt(stamp.sentUs);
        }
    }

    /**
     * What an action changed, for heal, resume and the restore: a cut or a healed link (on the time line too), a
     * timing fault put on (its undo recorded, and shown), a fault taken off.
     */
    private void afterApplied(Action action) {
        Verb verb = action.verb();
        Target target = action.target();
        if (verb.timingFault() || (verb == Verb.RESUME && target instanceof Target.Host)) {
            for (String undo : faults.applied(action)) {
                events.accept(EventFormatter.diagnostic(clock.nowUs(), undo.substring(0, undo.indexOf('$')), "viplab",
                        Reason.of(Reason.Code.UNDO_RECORDED, action, undo.substring(undo.indexOf('$') + 2))));
            }
            return;
        }
        if (verb == Verb.RESUME) faults.undone(TimingFaults.resumeKeys(target));
        if (target instanceof Target.Process) return;
        boolean onlyShaped = verb == Verb.HEAL && !cutInPlace(target) && faults.has(TimingFaults.healKeys(target));
        if (verb == Verb.HEAL) faults.undone(TimingFaults.healKeys(target));
        if (target instanceof Target.OneWayVrrp w && (verb == Verb.CUT) == vrrpDropped(w)) return; // no change, as in the simulator
        if (target instanceof Target.OneWayVrrp w && verb == Verb.HEAL) {
            // half of a block both ways healed: the other half stays, as its own one-way block
            for (Target.PeerPath pair : List.of(new Target.PeerPath(w.from(), w.to(), true), new Target.PeerPath(w.to(), w.from(), true))) {
                if (cuts.remove(pair.id())) cuts.add(new Target.OneWayVrrp(w.to(), w.from()).id());
            }
        }
        if (target instanceof Target.PeerPath p && p.vrrpOnly() && verb == Verb.HEAL) {
            cuts.remove(new Target.OneWayVrrp(p.a(), p.b()).id());
            cuts.remove(new Target.OneWayVrrp(p.b(), p.a()).id());
        }
        // as in the simulator, a heal of a path that was only shaped changes no link
        if (!onlyShaped) link(target.id(), verb == Verb.CUT);
    }

    /** Takes off every timing fault VIP Lab put on the hosts (the restore's first step); each failure is returned. */
    List<BundleText> undoTimingFaults(Actor by) {
        List<BundleText> problems = new ArrayList<>();
        List<String> keys = faults.keys();
        for (RemoteStep s : faults.undo(keys)) {
            try {
                run(s.host(), s.command());
            } catch (RemoteException e) {
                problems.add(LabText.of("restore.undoFailed", s.host().name(), e.text()));
            }
        }
        faults.undone(keys);
        return problems;
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

    /**
     * One direction of VRRP dropped where it arrives: the same firewall rule (and nft table) as that host's half of
     * a two-way block.
     */
    private RemoteStep vrrpDrop(boolean cut, Target.OneWayVrrp w, String action) {
        HostObserver from = fleet.host(w.from());
        HostObserver to = fleet.host(w.to());
        requireFirewall(to, action);
        return new RemoteStep(to, to.cmd.drop(cut, to.firewall, from.inv.address, true));
    }

    /** Whether a cut of {@code target} is in place (for VRRP between two hosts: either direction of it). */
    private boolean cutInPlace(Target target) {
        if (target instanceof Target.PeerPath p && p.vrrpOnly()) {
            return vrrpDropped(new Target.OneWayVrrp(p.a(), p.b())) || vrrpDropped(new Target.OneWayVrrp(p.b(), p.a()));
        }
        return cuts.contains(target.id());
    }

    /** Whether {@code w}'s direction is dropped now: by a block both ways, or by itself. */
    private boolean vrrpDropped(Target.OneWayVrrp w) {
        return cuts.contains(w.id()) || cuts.contains(new Target.PeerPath(w.from(), w.to(), true).id())
                || cuts.contains(new Target.PeerPath(w.to(), w.from(), true).id());
    }

    private void link(String id, boolean cut) {
        if (cut) cuts.add(id); else cuts.remove(id);
        events.accept(new LabEvent.LinkChanged(clock.nowUs(), id, cut));
    }

    private static void requireFirewall(HostObserver h, String what) {
        if (h.firewall == null) {
            throw LabText.unsupported("action.needsFirewall", what, h.name());
        }
    }

    /** Shows a command of an action, runs it, and records when the host began it. */
    private void run(RemoteStep step, ActionStamp stamp) throws RemoteException {
        HostObserver h = step.host();
        shown(h, step.command());
        h.ssh.checkStamped(step.command(), COMMAND_TIMEOUT_MS, hostUs -> {
            long t = stamp.began(h, hostUs);
            stamp.placeAt(t);
            events.accept(EventFormatter.diagnostic(t, h.name(), "command", Reason.of(Reason.Code.COMMAND_BEGAN, CommandTemplates.describe(stamp.action))));
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
