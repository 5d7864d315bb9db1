package org.viplab.engine.ssh;

import org.viplab.core.util.BundleText;
import org.viplab.lab.LabText;
import java.util.Locale;
import org.viplab.core.timeline.Reason;
import org.viplab.core.timeline.Actor;
import org.viplab.lab.hosts.HostKeyPrompt;
import org.viplab.lab.hosts.Inventory;
import org.viplab.lab.Action;
import org.viplab.lab.Lab;
import org.viplab.core.model.Mode;
import org.viplab.core.model.NodeSpec;
import org.viplab.core.model.Presets;
import org.viplab.core.model.ProcessKind;
import org.viplab.core.model.ProcessState;
import org.viplab.core.model.Topology;
import org.viplab.core.model.VrrpState;
import org.viplab.core.timeline.CauseInference;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Timeline;
import org.viplab.lab.Action;
import org.viplab.lab.Lab;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The {@link Lab} of real hosts over SSH, as a facade: the hosts and their sessions ({@link Fleet}), what
 * they are seen doing ({@link ObservedState}), actions as shell commands shown before they run
 * ({@link Actions}), the {@link Restore} and the {@link Baseline}. What the hosts do streams back as the same
 * events the simulator emits, placed on the local time line through each host's measured clock offset.
 * Lab time is wall time since {@link #beginDrill()} (or since construction), read from one injected clock.
 */
public final class SshLab implements Lab {
    /** How long events wait to be put in time order: a hung probe takes up to 1 s. */
    private static final long ORDER_WINDOW_US = 1_500_000;

    private final Inventory inventory;
    private final Topology topology;
    private final LabClock clock;
    /** A new one at each run's t = 0 (see {@link #beginDrill(Timeline)}): a timeline only grows. */
    private volatile Timeline timeline;
    /** Causes for what the hosts show, inferred as events reach the timeline (under the ordered sink's lock). */
    private CauseInference causes = new CauseInference();
    private final OrderedSink ordered;
    private final ObservedState state;
    private final Fleet fleet;
    private final Actions actions;
    private final Restore restore;
    private final Baseline baseline;
    private ClientProber prober;

    /**
     * @param passwords  per host name, for {@code auth: password} (asked for by the caller, kept in memory)
     * @param commandLog told every remote command before it runs ("db1$ service mysql stop")
     */
    public SshLab(Inventory inventory, Timeline timeline, HostKeyPrompt prompt, Map<String, char[]> passwords, Consumer<String> commandLog) {
        this(inventory, timeline, prompt, passwords, commandLog, Clock.systemUTC());
    }

    /** @param wall the local wall clock, the engine's only source of time */
    public SshLab(Inventory inventory, Timeline timeline, HostKeyPrompt prompt, Map<String, char[]> passwords, Consumer<String> commandLog,
                  Clock wall) {
        this.inventory = inventory;
        this.topology = topologyOf(inventory);
        this.timeline = timeline;
        this.clock = new LabClock(wall);
        this.ordered = new OrderedSink(e -> causes.append(this.timeline, e), ORDER_WINDOW_US, clock::nowUs);
        this.state = new ObservedState(inventory.vip, clock, ordered);
        this.fleet = new Fleet(inventory, topology.mode, topology, prompt, passwords, state, clock, wall, ordered);
        this.actions = new Actions(fleet, clock, ordered, commandLog);
        this.restore = new Restore(fleet, actions, state, clock, ordered, inventory.hostNames(), required());
        this.baseline = new Baseline(fleet, state, clock, required(), inventory.vip + ":" + inventory.clientPort);
    }

    /** The preset the inventory names, with its addresses, VIP and client port. */
    public static Topology topologyOf(Inventory inv) {
        Topology t = Presets.byName(inv.preset);
        if (t == null) t = Presets.mode1();
        t.vip = inv.vip;
        t.clientPort = inv.clientPort;
        java.util.Set<String> used = new java.util.HashSet<>();
        for (int i = 0; i < Math.min(t.nodes.size(), inv.hosts.size()); i++) {
            NodeSpec n = t.nodes.get(i);
            n.name = inv.hosts.get(i).name;
            // hosts reached through one address (port forwards, a jump host) keep the preset's addresses: a
            // topology needs one address per node, and the SSH address is not the node's VRRP address then anyway
            String address = inv.hosts.get(i).address;
            if (address.matches("\\d+\\.\\d+\\.\\d+\\.\\d+") && used.add(address)) n.ip = address;
        }
        return t;
    }

    /**
     * Connects to every host (throws RemoteException naming the host that cannot be reached), emits the
     * current state, starts the streams, the watchdog and the client probe.
     */
    public void connect() throws RemoteException {
        fleet.connect();
        // the client is this machine: name it by the address the hosts see it connect from
        String client = fleet.clientAddress();
        if (client != null && !client.isBlank()) topology.clientIp = client;
        prober = new ClientProber(inventory.vip, inventory.clientPort, topology.probeIntervalMs, (int) topology.probeTimeoutMs,
                inventory.hostNames(), clock::nowUs, e -> state.ingest(e, ObservedState.Origin.PROBE));
        prober.start();
    }

    /** Host name to clock offset in microseconds (host minus local), as measured at connect. */
    public Map<String, Long> clockOffsetsUs() { return fleet.clockOffsetsUs(); }

    @Override
    public Topology topology() { return topology; }

    @Override
    public Timeline timeline() { return timeline; }

    @Override
    public String engine() { return "ssh"; }

    @Override
    public long now() { return clock.nowUs(); }

    public boolean reachable(String host) { return fleet.reachable(host); }

    public Set<String> vipHolders() { return state.vipHolders(); }

    public VrrpState vrrpState(String host) { return state.vrrpState(host); }

    public ProcessState processState(String host, ProcessKind k) { return state.processState(host, k); }

    private List<ProcessKind> required() {
        return topology.mode == Mode.HAPROXY_TRACKING
                ? List.of(ProcessKind.MYSQLD, ProcessKind.HAPROXY, ProcessKind.KEEPALIVED)
                : List.of(ProcessKind.MYSQLD, ProcessKind.KEEPALIVED);
    }

    /**
     * Before a drill: restores the baseline and waits (at most {@code maxMs}) until one host holds the VIP,
     * every process runs, the client's probes succeed and nothing has changed for 5 s.
     */
    public void prepare(long maxMs) throws InterruptedException { prepare(maxMs, () -> false); }

    /** Like {@link #prepare(long)}; stops waiting, with an IllegalStateException, once {@code stop} says so. */
    public void prepare(long maxMs, BooleanSupplier stop) throws InterruptedException {
        restore(Actor.BASELINE);
        baseline.await(maxMs, stop);
    }

    /** Starts the drill's clock on a new timeline (returned), at t = 0 with the hosts' current state. */
    public Timeline beginDrill() {
        Timeline fresh = new Timeline();
        beginDrill(fresh);
        return fresh;
    }

    /**
     * Starts the drill's clock on {@code fresh} (a new run is a new timeline, as in the simulator; the caller
     * announces it to its run listeners): t = 0 now, with the hosts' current state.
     */
    public void beginDrill(Timeline fresh) {
        synchronized (ordered) {
            ordered.discard();
            timeline = fresh;
            causes = new CauseInference();
            clock.restartAtZero();
            state.drillStarted();
            for (HostObserver h : fleet.all()) {
                for (LabEvent e : state.atZero(h.name(), h.reachable, h.clockOffsetUs)) causes.append(fresh, e);
            }
        }
    }

    /** What {@link #apply} would run, as "db1$ service mysql stop" lines, for the user to see first. */
    public List<String> commandsFor(Action action) { return actions.commandsFor(action); }

    /**
     * Why these connected hosts cannot run {@code action} (a timing fault whose tool or kernel feature a host
     * lacks: "delay db1-db2 is not supported on these hosts: ..."), or null: checked before a drill's t = 0.
     */
    public LabText unsupported(Action action) { return actions.unsupported(action); }

    @Override
    public void apply(Action action, Actor by) { actions.apply(action, by); }

    /**
     * Resumes every process, heals what VIP Lab cut, and starts what is not running (mysqld, haproxy in mode 2,
     * keepalived last). Collects what could not be done and throws it at the end.
     */
    @Override
    public void restore(Actor by) {
        List<BundleText> problems = restore.run(by);
        try {
            ordered.settle();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!problems.isEmpty()) throw LabText.failed(LabText.joined(problems), null);
    }

    @Override
    public void runUntil(long timeUs) throws InterruptedException {
        long left;
        while ((left = timeUs - now()) > 0) Thread.sleep(Math.max(1, Math.min(50, left / 1000)));
    }

    /**
     * Each host's OS, kernel, keepalived, haproxy and MariaDB versions as the host reports them (keys in
     * {@link HostVersions#KEYS}), for the report's provenance; "unreachable" values for a host that cannot answer.
     */
    public Map<String, Map<String, String>> hostVersions() {
        Map<String, Map<String, String>> out = new java.util.LinkedHashMap<>();
        for (HostObserver h : fleet.all()) {
            Map<String, String> v;
            try {
                SshHost.Result r = h.ssh.exec(HostVersions.COMMAND, 10_000);
                v = HostVersions.parse(r.out());
            } catch (RemoteException e) {
                v = new java.util.LinkedHashMap<>();
                for (String k : HostVersions.KEYS) v.put(k, "unreachable");
            }
            out.put(h.name(), v);
        }
        return out;
    }

    /** Events that arrived too late to be put in order (a figure for the report; 0 is the aim). */
    public long lateEvents() { return ordered.late(); }

    @Override
    public void close() {
        if (prober != null) prober.close();
        actions.close();
        fleet.close();
        ordered.close();
    }
}
