package org.viplab.engine.sim;

import org.viplab.lab.LabText;
import org.viplab.core.timeline.Actor;
import org.viplab.core.timeline.Reason;
import org.viplab.core.timeline.Reason.Code;
import org.viplab.lab.Action;
import org.viplab.lab.Lab;
import org.viplab.lab.Target;
import org.viplab.lab.Verb;
import org.viplab.core.model.NodeSpec;
import org.viplab.core.model.ProcessKind;
import org.viplab.core.model.ProcessState;
import org.viplab.core.model.Topology;
import org.viplab.core.timeline.Causes;
import org.viplab.core.timeline.EventSink;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Timeline;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The deterministic simulator: the hosts (2 to 5), their daemons, the network and a probing client, driven by one
 * {@link Scheduler} in virtual time. Single-threaded: whoever drives it (a drill, the app's engine thread)
 * owns it. Same topology and seed, same events.
 */
public final class SimulatedLab implements Lab {
    /** The warm-up before t = 0 so that every check is green and the master holds the VIP. */
    public static final long WARMUP_US = 30_000_000;

    private final Topology topology;
    private final EventSink sink;
    private final Scheduler scheduler;
    private final Random rng;
    private final Map<String, SimHost> hosts = new LinkedHashMap<>();
    private final Network network = new Network();
    private final Netem netem;
    private final ClientArp arp;
    private final Client client;
    private final Cluster cluster;
    /** The last LinkChanged's id (see {@link #networkChange()}). */
    private long networkChange = Causes.NONE;
    /** Which peers each host's last advert reached. */
    private final Map<String, java.util.Set<String>> advertReach = new java.util.HashMap<>();

    /**
     * A lab already in its steady state at t = 0: all processes were started during a warm-up whose length
     * (and so the phase of every check against t = 0) depends on the seed.
     */
    public static SimulatedLab steadyState(Topology topology, long seed, EventSink sink) {
        Random phase = new Random(seed ^ 0x5DEECE66DL);
        long warmup = WARMUP_US + phase.nextInt(3_000_000);
        SimulatedLab lab = new SimulatedLab(topology, seed, sink, -warmup);
        lab.bootAll();
        lab.scheduler.runUntil(0);
        return lab;
    }

    public SimulatedLab(Topology topology, long seed, EventSink sink, long startUs) {
        this.topology = topology;
        this.sink = sink;
        this.scheduler = new Scheduler(startUs);
        this.rng = new Random(seed);
        this.netem = new Netem(seed);
        this.cluster = new Cluster(this, topology.flavour, topology.cluster);
        for (NodeSpec n : topology.nodes) hosts.put(n.name, new SimHost(this, n));
        cluster.boot();
        this.arp = new ClientArp(this, rng, topology.arpBaseReachableMs * 1000);
        this.client = new Client(this, arp);
    }

    /** Every process up: databases and haproxy at once, keepalived on both nodes together, then the client. */
    public void bootAll() {
        for (SimHost h : hosts.values()) h.mysqld.bootInstantly();
        replicationChanged();
        for (SimHost h : hosts.values()) if (h.haproxy != null) h.haproxy.start(Reason.of(Code.BOOT));
        for (SimHost h : hosts.values()) h.keepalived.start(Reason.of(Code.BOOT));
        if (topology.foreignRouters != null) {
            for (org.viplab.core.model.ForeignRouterSpec f : topology.foreignRouters) if (f != null) new ForeignRouter(this, f).start();
        }
        scheduler.after(10_000_000, client::start);
    }

    // ---- Lab ------------------------------------------------------------------------------------

    @Override
    public Topology topology() { return topology; }

    @Override
    public Timeline timeline() { return sink instanceof Timeline t ? t : null; }

    @Override
    public String engine() { return "sim"; }

    @Override
    public long now() { return scheduler.now(); }

    @Override
    public void runUntil(long timeUs) { scheduler.runUntil(timeUs); }

    /** Runs the next event; false when nothing is scheduled. */
    public boolean step() { return scheduler.step(); }

    public long nextEventTime() { return scheduler.nextTime(); }

    public long eventsExecuted() { return scheduler.executed(); }

    @Override
    public void apply(Action action, Actor by) {
        long saved = scheduler.cause();
        // an action is a root: everything it sets off names it, through the scheduler's current cause
        scheduler.cause(emit(action.applied(now(), by), Causes.NONE));
        try {
            applyAction(action, by);
        } finally {
            scheduler.cause(saved);
        }
    }

    private void applyAction(Action action, Actor by) {
        Reason why = Reason.action(action.verb().id(), by);
        Target t = action.target();
        boolean cut = action.verb() == Verb.CUT;
        if (t instanceof Target.Host host) {
            SimHost h = requireHost(host.host());
            if (action.verb() == Verb.STALL) h.stall(action.amount().us());
            else h.unstall();
            return;
        }
        if (action.verb() == Verb.DELAY || action.verb() == Verb.LOSS || action.verb() == Verb.HEAL && !(t instanceof Target.HostLink)) {
            if (t instanceof Target.ClientPath cp) requireHost(cp.host());
            shape(action);
            if (action.verb() != Verb.HEAL) return;
        }
        if (t instanceof Target.Process p) {
            applyToProcess(action, p, why);
        } else if (t instanceof Target.HostLink l) {
            SimHost h = requireHost(l.host());
            if (network.setLink(h.name, !cut)) {
                linkChanged(new LabEvent.LinkChanged(now(), l.id(), cut));
                log(h.name, "keepalived", "Netlink reports " + h.keepalived.spec().iface + (cut ? " down" : " up"));
                h.keepalived.linkChanged();
                replicationChanged();
            }
        } else if (t instanceof Target.PeerPath pp) {
            requireHost(pp.a());
            requireHost(pp.b());
            boolean changed = pp.vrrpOnly() ? network.setPeerVrrp(pp.a(), pp.b(), cut) : network.setPeerPath(pp.a(), pp.b(), cut);
            if (changed) {
                linkChanged(new LabEvent.LinkChanged(now(), pp.id(), cut));
                replicationChanged();
            }
        } else if (t instanceof Target.OneWayVrrp ow) {
            requireHost(ow.from());
            requireHost(ow.to());
            if (network.setVrrpOneWay(ow.from(), ow.to(), cut)) linkChanged(new LabEvent.LinkChanged(now(), ow.id(), cut));
        } else if (t instanceof Target.ClientPath cp) {
            requireHost(cp.host());
            if (network.setClientPath(cp.host(), cut)) linkChanged(new LabEvent.LinkChanged(now(), cp.id(), cut));
        }
    }

    /** netem on a path: delay or loss added, or (heal) removed with the cut. The action is the network's latest change. */
    private void shape(Action action) {
        String path = netemPath(action.target());
        Netem.Shaping s = netem.get(path);
        Action.Amount a = action.amount();
        switch (action.verb()) {
            case DELAY -> netem.set(path, s.withDelay(a.us(), a.jitterUs()));
            case LOSS -> netem.set(path, s.withLoss(a.lossProbability()));
            default -> {
                if (!netem.clear(path)) return;
            }
        }
        networkChange = scheduler.cause();
    }

    private static String netemPath(Target t) {
        if (t instanceof Target.PeerPath pp) return pp.vrrpOnly() ? "vrrp" : "peer";
        return t.id(); // clients-HOST
    }

    /** A link changed: the cause of what follows, and of what later sees the network differently. */
    private void linkChanged(LabEvent.LinkChanged e) {
        networkChange = emit(e);
        scheduler.cause(networkChange);
    }

    private void applyToProcess(Action action, Target.Process p, Reason why) {
        SimHost h = requireHost(p.host());
        SimProcess proc = h.process(p.process());
        if (proc == null) throw LabText.refused("sim.noProcess", p.host(), p.process().id());
        if (action.verb() == Verb.SLOW) {
            h.mysqld.slow(action.amount().us());
            return;
        }
        if (action.verb() == Verb.RESUME && p.process() == ProcessKind.MYSQLD) h.mysqld.slow(0); // resume also ends a slowdown
        switch (action.verb()) {
            case START -> proc.start(why);
            case STOP -> proc.stop(why);
            case KILL -> proc.kill(why);
            case HANG -> proc.hang(why);
            case RESUME -> proc.resume(why);
            case RESTART -> proc.restart(why);
            default -> throw new IllegalArgumentException("cannot " + action.verb().id() + " a process");
        }
    }

    @Override
    public void restore(Actor by) {
        List<Action> steps = restoreActions();
        for (Action a : steps) apply(a, by);
    }

    /**
     * What the implicit restore does in this state: resume stalled hosts and hung or slowed processes, heal cut or
     * shaped links, then start mysqld, haproxy, keepalived.
     */
    public List<Action> restoreActions() {
        List<String> names = new ArrayList<>(hosts.keySet());
        List<Action> out = new ArrayList<>();
        for (SimHost h : hosts.values()) if (h.stalled()) out.add(new Action(Verb.RESUME, new Target.Host(h.name)));
        for (SimHost h : hosts.values()) {
            for (ProcessKind k : ProcessKind.values()) {
                SimProcess p = h.process(k);
                boolean slowed = k == ProcessKind.MYSQLD && h.mysqld.slowUs() > 0;
                if (p != null && (p.state() == ProcessState.HUNG || slowed)) out.add(new Action(Verb.RESUME, new Target.Process(h.name, k)));
            }
        }
        for (String n : names) if (!network.linkUp(n)) out.add(new Action(Verb.HEAL, new Target.HostLink(n)));
        // every cut pair of hosts; netem on the peer paths is one shaping for all of them, healed with the first pair
        for (boolean vrrp : new boolean[] {false, true}) {
            boolean shaped = netem.shaped(vrrp ? "vrrp" : "peer");
            for (int i = 0; i < names.size(); i++) {
                for (int j = i + 1; j < names.size(); j++) {
                    String a = names.get(i);
                    String b = names.get(j);
                    boolean cut = vrrp ? network.peerVrrpBlocked(a, b) : network.peerPathCut(a, b);
                    if (cut || shaped) out.add(new Action(Verb.HEAL, new Target.PeerPath(a, b, vrrp)));
                    else if (vrrp && network.vrrpDropped(a, b)) out.add(new Action(Verb.HEAL, new Target.OneWayVrrp(a, b)));
                    else if (vrrp && network.vrrpDropped(b, a)) out.add(new Action(Verb.HEAL, new Target.OneWayVrrp(b, a)));
                    shaped = false;
                }
            }
        }
        for (String n : names) {
            if (network.clientPathCut(n) || netem.shaped("clients-" + n)) out.add(new Action(Verb.HEAL, new Target.ClientPath(n)));
        }
        for (ProcessKind k : ProcessKind.values()) {
            for (SimHost h : hosts.values()) {
                SimProcess p = h.process(k);
                if (p != null && (p.state() == ProcessState.STOPPED || p.state() == ProcessState.STOPPING)) {
                    out.add(new Action(Verb.START, new Target.Process(h.name, k)));
                }
            }
        }
        return out;
    }

    // ---- state for views and tests -----------------------------------------------------------

    public boolean hasVip(String host) { return requireHost(host).hasVip(); }

    public org.viplab.core.model.VrrpState vrrpState(String host) { return requireHost(host).keepalived.vrrpState(); }

    public int effectivePriority(String host) { return requireHost(host).keepalived.effectivePriority(); }

    /** The state of one VRRP instance of a host's keepalived, or null when it has no instance of that name. */
    public org.viplab.core.model.VrrpState vrrpState(String host, String instance) {
        VrrpInstance i = requireHost(host).keepalived.instance(instance);
        return i == null ? null : i.state();
    }

    /** Whether a host holds the VIPs of one VRRP instance of its keepalived. */
    public boolean holdsVips(String host, String instance) {
        VrrpInstance i = requireHost(host).keepalived.instance(instance);
        return i != null && i.holdsVips();
    }

    public ProcessState processState(String host, ProcessKind kind) {
        SimProcess p = requireHost(host).process(kind);
        return p == null ? null : p.state();
    }

    // ---- for the components -------------------------------------------------------------------

    Scheduler scheduler() { return scheduler; }

    Network network() { return network; }

    Collection<SimHost> hosts() { return hosts.values(); }

    SimHost host(String name) { return hosts.get(name); }

    private SimHost requireHost(String name) {
        SimHost h = hosts.get(name);
        if (h == null) throw LabText.refused("sim.noHost", name, String.join(", ", hosts.keySet()));
        return h;
    }

    /** Emits {@code e} caused by the scheduler's current cause; returns its id. */
    long emit(LabEvent e) { return sink.accept(e, scheduler.cause()); }

    /** Emits {@code e} caused by event {@code cause} ({@link Causes#NONE}: a root); returns its id. */
    long emit(LabEvent e, long cause) { return sink.accept(e, cause); }

    long log(String host, String source, String text) { return emit(new LabEvent.LogLine(now(), host, source, text)); }

    /** The id of the last link change, or {@link Causes#NONE}: what changed for anything that crosses the network. */
    long networkChange() { return networkChange; }

    /**
     * Multicast an advert (or unicast it to {@code unicastPeers} when not null): seen on the wire if the sender's link
     * is up, delivered where VRRP passes.
     * A periodic advert (no current cause) that now reaches a peer it did not reach, or no longer reaches one,
     * owes that to the last link change.
     */
    void sendAdvert(SimHost from, Advert a, List<String> unicastPeers) {
        if (!network.linkUp(from.name)) return;
        java.util.Set<String> reached = new java.util.TreeSet<>();
        for (SimHost to : hosts.values()) {
            // unicast_peer: sent to the listed addresses only; a peer missing from the list never hears this instance
            if (unicastPeers != null && !unicastPeers.contains(to.ip)) continue;
            if (to != from && network.vrrpDelivers(from.name, to.name)) reached.add(to.name);
        }
        java.util.Set<String> before = advertReach.put(from.name + "/" + a.vrid(), reached);
        long cause = scheduler.cause();
        if (cause == Causes.NONE && before != null && !before.equals(reached)) cause = networkChange;
        long id = emit(new LabEvent.AdvertSent(now(), from.name, a.vrid(), a.priority(), a.version(), a.intervalUs()), cause);
        Netem.Shaping shaping = netem.any() ? netem.vrrp() : Netem.Shaping.NONE;
        for (SimHost to : hosts.values()) {
            if (!reached.contains(to.name)) continue;
            if (shaping.none()) {
                scheduler.after(0, id, () -> to.keepalived.receive(a));
            } else if (!netem.lost(shaping)) {
                scheduler.after(netem.delay(shaping), id, () -> to.keepalived.receive(a));
            }
        }
    }

    /** Another cluster's advert (see {@link ForeignRouter}): multicast, heard by every node whose link is up. */
    void foreignAdvert(Advert a) {
        for (SimHost to : hosts.values()) {
            if (network.linkUp(to.name)) scheduler.after(0, Causes.NONE, () -> to.keepalived.receive(a));
        }
    }

    /** Gratuitous ARPs for {@code vips}; only those for the client's VIP ({@code clientVip}) move the client's entry. */
    void garp(SimHost from, String vips, int count, boolean clientVip) {
        if (!network.linkUp(from.name)) return;
        long id = emit(new LabEvent.GarpSent(now(), from.name, vips, count));
        if (!clientVip || !network.clientReaches(from.name)) return;
        long saved = scheduler.swapCause(id);
        arp.gratuitous(from);
        scheduler.cause(saved);
    }

    /** After any database or network change: health, quorum and replication of the cluster. */
    void replicationChanged() { cluster.update(); }

    Cluster cluster() { return cluster; }

    ClientArp arp() { return arp; }

    Netem netem() { return netem; }
}
