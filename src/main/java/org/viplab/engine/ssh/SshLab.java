package org.viplab.engine.ssh;

import org.viplab.lab.hosts.HostKeyPrompt;
import org.viplab.lab.hosts.Inventory;
import org.viplab.lab.Action;
import org.viplab.lab.Lab;
import org.viplab.lab.Target;
import org.viplab.lab.Verb;
import org.viplab.core.model.Mode;
import org.viplab.core.model.NodeSpec;
import org.viplab.core.model.Presets;
import org.viplab.core.model.ProcessKind;
import org.viplab.core.model.ProcessState;
import org.viplab.core.model.Topology;
import org.viplab.core.model.VrrpState;
import org.viplab.engine.ssh.observe.TimeMap;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Timeline;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The {@link Lab} of real hosts over SSH. Actions become shell commands (shown before they run); what the
 * hosts do streams back as the same events the simulator emits, placed on the local time line through each
 * host's measured clock offset. Lab time is wall time since {@link #beginDrill()} (or since construction).
 */
public final class SshLab implements Lab {
    private static final int CONNECT_TIMEOUT_MS = 8000;
    private static final long COMMAND_TIMEOUT_MS = 60_000;
    /** How long events wait to be put in time order: a hung probe takes up to 1 s. */
    private static final long ORDER_WINDOW_US = 1_500_000;
    /** A self-healing cut of a host's own link (over SSH nothing else could heal it). */
    private static final int LINK_CUT_MAX_S = 30;

    private final Inventory inventory;
    private final Topology topology;
    /** Swapped for a fresh one when the app starts a run: at connect and at a drill's t = 0 (see {@link #beginDrill(Timeline)}). */
    private volatile Timeline timeline;
    private final Consumer<String> commandLog;
    private final Map<String, HostObserver> hosts = new LinkedHashMap<>();
    private final OrderedSink ordered;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(ClientProber.daemon("ssh-watchdog"));
    private final Map<String, Long> lastAttemptNs = new ConcurrentHashMap<>();
    private final Map<String, Integer> vipDisagree = new ConcurrentHashMap<>();
    /** Observed state, kept up to date from the events. */
    private final Map<String, Boolean> vip = new ConcurrentHashMap<>();
    private final Map<String, VrrpState> vrrp = new ConcurrentHashMap<>();
    private final Map<String, Map<ProcessKind, ProcessState>> procs = new ConcurrentHashMap<>();
    private final Set<String> cuts = java.util.Collections.synchronizedSet(new LinkedHashSet<>());
    private volatile long lastChangeNs = System.nanoTime();
    private volatile long zeroEpochUs = epochUs();
    private volatile boolean drillStarted;
    private ClientProber prober;

    /**
     * @param passwords  per host name, for {@code auth: password} (asked for by the caller, kept in memory)
     * @param commandLog told every remote command before it runs ("db1$ service mysql stop")
     */
    public SshLab(Inventory inventory, Timeline timeline, HostKeyPrompt prompt, Map<String, char[]> passwords, Consumer<String> commandLog) {
        this.inventory = inventory;
        this.topology = topologyOf(inventory);
        this.timeline = timeline;
        this.commandLog = commandLog;
        this.ordered = new OrderedSink(e -> this.timeline.accept(e), ORDER_WINDOW_US, this::now);
        Path known = inventory.knownHosts != null ? Path.of(inventory.knownHosts)
                : Path.of(System.getProperty("user.home"), ".ssh", "known_hosts");
        Map<String, String> byAddress = new LinkedHashMap<>();
        for (Inventory.Host h : inventory.hosts) byAddress.put(h.address, h.name);
        boolean mode2 = topology.mode == Mode.HAPROXY_TRACKING;
        for (Inventory.Host h : inventory.hosts) {
            SshHost ssh = new SshHost(h, known, prompt, passwords == null ? null : passwords.get(h.name));
            hosts.put(h.name, new HostObserver(h, ssh, inventory.vip, byAddress, mode2, this::timeMap, this::ingest));
        }
    }

    /** The preset the inventory names, with its addresses, VIP and client port. */
    public static Topology topologyOf(Inventory inv) {
        Topology t = Presets.byName(inv.preset);
        if (t == null) t = Presets.mode1();
        t.vip = inv.vip;
        t.clientPort = inv.clientPort;
        for (int i = 0; i < Math.min(t.nodes.size(), inv.hosts.size()); i++) {
            NodeSpec n = t.nodes.get(i);
            n.name = inv.hosts.get(i).name;
            n.ip = inv.hosts.get(i).address;
        }
        return t;
    }

    static long epochUs() {
        Instant i = Instant.now();
        return i.getEpochSecond() * 1_000_000 + i.getNano() / 1000;
    }

    private TimeMap timeMap(long hostOffsetUs) {
        return new TimeMap() {
            public long labUs(long hostEpochUs) { return hostEpochUs - hostOffsetUs - zeroEpochUs; }

            public long nowLabUs() { return now(); }
        };
    }

    /**
     * Connects to every host (throws RemoteException naming the host that cannot be reached), emits the
     * current state, starts the streams, the watchdog and the client probe.
     */
    public void connect() throws RemoteException {
        for (HostObserver h : hosts.values()) connectHost(h);
        // the client is this machine: name it by the address the hosts see it connect from
        String client = hosts.values().iterator().next().clientAddress;
        if (client != null && !client.isBlank()) topology.clientIp = client;
        watchdog.scheduleWithFixedDelay(this::watch, 500, 500, TimeUnit.MILLISECONDS);
        prober = new ClientProber(inventory.vip, inventory.clientPort, topology.probeIntervalMs, (int) topology.probeTimeoutMs,
                inventory.hostNames(), this::now, ordered::accept);
        prober.start();
    }

    private void connectHost(HostObserver h) throws RemoteException {
        lastAttemptNs.put(h.name(), System.nanoTime());
        h.connect(CONNECT_TIMEOUT_MS);
        long t = now();
        ordered.accept(new LabEvent.HostReachability(t, h.name(), true, String.format(
                "connected; clock offset %+.1f ms (round trip %.1f ms); tcpdump %s, firewall %s",
                h.clockOffsetUs / 1000.0, h.rttUs / 1000.0, h.hasTcpdump ? "yes" : "no (adverts from the log)",
                h.firewall == null ? "none" : h.firewall)));
        // streams first, then the snapshot: a change in between is seen by one or the other
        h.startStreams(line -> psLine(h, line));
        for (LabEvent e : h.snapshot(now())) ingest(e);
    }

    /** Host name to clock offset in microseconds (host minus local), as measured at connect. */
    public Map<String, Long> clockOffsetsUs() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (HostObserver h : hosts.values()) m.put(h.name(), h.clockOffsetUs);
        return m;
    }

    private void psLine(HostObserver h, String line) {
        long hostUs = HostObserver.psEpochUs(line);
        if (hostUs == Long.MIN_VALUE) return;
        long t = h.time().labUs(hostUs);
        int v = HostObserver.psVip(line);
        if (v >= 0) {
            boolean holds = v > 0;
            // two ticks in a row (400 ms) that disagree with what ip monitor said: believe ip addr
            int n = Boolean.valueOf(holds).equals(vip.get(h.name())) ? 0 : vipDisagree.merge(h.name(), 1, Integer::sum);
            if (n == 0) vipDisagree.put(h.name(), 0);
            if (n >= 2) {
                vipDisagree.put(h.name(), 0);
                ingest(new LabEvent.VipChanged(t, h.name(), inventory.vip, holds, "seen by ip addr (no ip monitor line)"));
            }
        }
        for (Map.Entry<ProcessKind, ProcessState> p : HostObserver.parsePs(line).entrySet()) {
            ProcessState before = procs.computeIfAbsent(h.name(), k -> new EnumMap<>(ProcessKind.class)).get(p.getKey());
            if (before == p.getValue()) continue;
            ingest(new LabEvent.ProcessChanged(t, h.name(), p.getKey(), before == null ? p.getValue() : before, p.getValue(), "ps"));
            if (p.getKey() == ProcessKind.KEEPALIVED && p.getValue() == ProcessState.STOPPED
                    && vrrp.getOrDefault(h.name(), VrrpState.INIT) != VrrpState.STOPPED) {
                // SIGKILL leaves no log line: the process is gone, so is its VRRP instance
                ingest(new LabEvent.VrrpStateChanged(t, h.name(), vrrp.getOrDefault(h.name(), VrrpState.INIT), VrrpState.STOPPED, "keepalived process gone"));
            }
        }
    }

    /** Every observed event passes here: state is updated, repeats are dropped, the rest is ordered. */
    private void ingest(LabEvent e) {
        if (drillStarted && e.timeUs() < 0) return; // the state at t = 0 was already written
        if (e instanceof LabEvent.VipChanged v) {
            Boolean before = vip.put(v.host(), v.added());
            if (before != null && before == v.added()) return;
            lastChangeNs = System.nanoTime();
        } else if (e instanceof LabEvent.VrrpStateChanged s) {
            VrrpState before = vrrp.put(s.host(), s.to());
            if (before == s.to() && !"at connect".equals(s.reason())) return;
            lastChangeNs = System.nanoTime();
        } else if (e instanceof LabEvent.ProcessChanged p) {
            if (!"ps".equals(p.reason()) && !"at connect".equals(p.reason())) return; // the watcher is the one source
            procs.computeIfAbsent(p.host(), k -> new EnumMap<>(ProcessKind.class)).put(p.process(), p.to());
            lastChangeNs = System.nanoTime();
        }
        ordered.accept(e);
    }

    /** Notices lost hosts and reconnects them (every 2 s). */
    private void watch() {
        for (HostObserver h : hosts.values()) {
            try {
                if (h.reachable && !h.ssh.connected()) {
                    h.reachable = false;
                    h.stopStreams();
                    ordered.accept(new LabEvent.HostReachability(now(), h.name(), false, "SSH connection lost; reconnecting every 2 s"));
                    lastChangeNs = System.nanoTime();
                }
                if (!h.reachable && System.nanoTime() - lastAttemptNs.getOrDefault(h.name(), 0L) > 2_000_000_000L) {
                    connectHost(h);
                }
            } catch (RemoteException ex) {
                h.reachable = false;
            } catch (RuntimeException ex) {
                ordered.accept(new LabEvent.LogLine(now(), h.name(), "viplab", "watchdog: " + ex));
            }
        }
    }

    @Override
    public Topology topology() { return topology; }

    @Override
    public Timeline timeline() { return timeline; }

    @Override
    public String engine() { return "ssh"; }

    @Override
    public long now() { return epochUs() - zeroEpochUs; }

    public boolean reachable(String host) {
        HostObserver h = hosts.get(host);
        return h != null && h.reachable;
    }

    public Set<String> vipHolders() {
        Set<String> s = new LinkedHashSet<>();
        vip.forEach((h, on) -> { if (on) s.add(h); });
        return s;
    }

    public VrrpState vrrpState(String host) { return vrrp.getOrDefault(host, VrrpState.INIT); }

    public ProcessState processState(String host, ProcessKind k) {
        Map<ProcessKind, ProcessState> m = procs.get(host);
        return m == null ? null : m.get(k);
    }

    private List<ProcessKind> required() {
        return topology.mode == Mode.HAPROXY_TRACKING
                ? List.of(ProcessKind.MYSQLD, ProcessKind.HAPROXY, ProcessKind.KEEPALIVED)
                : List.of(ProcessKind.MYSQLD, ProcessKind.KEEPALIVED);
    }

    /**
     * Before a drill: restores the baseline and waits (at most {@code maxMs}) until one host holds the VIP,
     * every process runs and nothing has changed for 5 s (keepalived 2.x takes about 3.6 s to settle).
     */
    public void prepare(long maxMs) throws InterruptedException { prepare(maxMs, () -> false); }

    /** Like {@link #prepare(long)}; stops waiting, with an IllegalStateException, once {@code stop} says so. */
    public void prepare(long maxMs, java.util.function.BooleanSupplier stop) throws InterruptedException {
        restore("baseline");
        long deadline = System.nanoTime() + maxMs * 1_000_000;
        while (true) {
            String missing = baselineMissing();
            if (missing == null && System.nanoTime() - lastChangeNs > 5_000_000_000L) return;
            if (stop.getAsBoolean()) throw new IllegalStateException("stopped while waiting for the baseline");
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the hosts did not reach the baseline within " + maxMs / 1000 + " s: "
                        + (missing != null ? missing : "state still changing"));
            }
            Thread.sleep(200);
        }
    }

    private String baselineMissing() {
        for (HostObserver h : hosts.values()) if (!h.reachable) return h.name() + " unreachable";
        Set<String> holders = vipHolders();
        if (holders.size() != 1) return "VIP on " + (holders.isEmpty() ? "no host" : String.join(" and ", holders));
        for (String h : hosts.keySet()) {
            for (ProcessKind k : required()) {
                if (processState(h, k) != ProcessState.RUNNING) return h + "/" + k.id() + " is " + processState(h, k);
            }
        }
        return null;
    }

    /** Starts the drill's clock: the time line restarts at t = 0 with the hosts' current state. */
    public void beginDrill() { beginDrill(null); }

    /**
     * Starts the drill's clock on {@code fresh} (the app gives each run its own timeline, as the simulator
     * does), or on the same timeline cleared when null (the command line).
     */
    public void beginDrill(Timeline fresh) {
        synchronized (ordered) {
            ordered.discard();
            if (fresh != null) timeline = fresh;
            else timeline.clear();
            Timeline tl = timeline;
            zeroEpochUs = epochUs();
            drillStarted = true;
            for (String h : hosts.keySet()) {
                tl.accept(new LabEvent.HostReachability(0, h, hosts.get(h).reachable, String.format("at t = 0; clock offset %+.1f ms",
                        hosts.get(h).clockOffsetUs / 1000.0)));
                tl.accept(new LabEvent.VipChanged(0, h, inventory.vip, Boolean.TRUE.equals(vip.get(h)), "at t = 0"));
                tl.accept(new LabEvent.VrrpStateChanged(0, h, VrrpState.INIT, vrrpState(h), "at t = 0"));
                Map<ProcessKind, ProcessState> m = procs.getOrDefault(h, Map.of());
                for (Map.Entry<ProcessKind, ProcessState> p : m.entrySet()) {
                    tl.accept(new LabEvent.ProcessChanged(0, h, p.getKey(), p.getValue(), p.getValue(), "at t = 0"));
                }
            }
        }
    }

    /** One remote command of an action. */
    private record RemoteStep(HostObserver host, String command) { }

    /**
     * The commands an action runs, host by host, without running them. Throws UnsupportedOperationException
     * when the hosts cannot do it (no firewall tool for a cut, a custom service style without the command).
     */
    private List<RemoteStep> plan(Action action) {
        Target target = action.target();
        boolean cut = action.verb() == Verb.CUT;
        if (target instanceof Target.Process p) {
            HostObserver h = host(p.host());
            return List.of(new RemoteStep(h, h.cmd.process(action.verb(), p.process())));
        }
        if (target instanceof Target.HostLink l) {
            HostObserver h = host(l.host());
            return List.of(new RemoteStep(h, h.cmd.link(cut, LINK_CUT_MAX_S)));
        }
        if (target instanceof Target.PeerPath p) {
            HostObserver a = host(p.a());
            HostObserver b = host(p.b());
            for (HostObserver h : List.of(a, b)) requireFirewall(h, p.id());
            return List.of(new RemoteStep(a, a.cmd.drop(cut, a.firewall, b.inv.address, p.vrrpOnly())),
                    new RemoteStep(b, b.cmd.drop(cut, b.firewall, a.inv.address, p.vrrpOnly())));
        }
        if (target instanceof Target.ClientPath c) {
            HostObserver h = host(c.host());
            requireFirewall(h, c.id());
            if (h.clientAddress == null || h.clientAddress.isBlank()) throw new UnsupportedOperationException(c.id() + ": the client's address is unknown");
            return List.of(new RemoteStep(h, h.cmd.drop(cut, h.firewall, h.clientAddress, false)));
        }
        throw new IllegalArgumentException("cannot do " + CommandTemplates.describe(action) + " on real hosts");
    }

    /** What {@link #apply} would run, as "db1$ service mysql stop" lines, for the user to see first. */
    public List<String> commandsFor(Action action) {
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
        final String by;
        final long sentUs = now();
        final java.util.concurrent.atomic.AtomicBoolean placed = new java.util.concurrent.atomic.AtomicBoolean();

        ActionStamp(Action action, String by) {
            this.action = action;
            this.by = by;
        }

        void place(HostObserver h, long hostEpochUs) {
            long t = hostEpochUs < 0 ? sentUs : Math.max(sentUs, Math.min(now(), h.time().labUs(hostEpochUs)));
            placeAt(t);
        }

        void placeAt(long t) {
            if (placed.compareAndSet(false, true)) ordered.accept(new LabEvent.ActionApplied(t, action.verb().id(), action.target().id(), by));
        }
    }

    @Override
    public void apply(Action action, String by) {
        ActionStamp stamp = new ActionStamp(action, by);
        pending.set(stamp);
        try {
            applyCommands(action);
        } finally {
            pending.remove();
            stamp.placeAt(stamp.sentUs);
        }
    }

    /** The action being applied on this thread: its first command carries the stamp. */
    private final ThreadLocal<ActionStamp> pending = new ThreadLocal<>();

    private void applyCommands(Action action) {
        try {
            for (RemoteStep step : plan(action)) run(step.host(), step.command());
            if (!(action.target() instanceof Target.Process)) link(action.target().id(), action.verb() == Verb.CUT);
        } catch (RemoteException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private void link(String id, boolean cut) {
        if (cut) cuts.add(id); else cuts.remove(id);
        ordered.accept(new LabEvent.LinkChanged(now(), id, cut));
    }

    private static void requireFirewall(HostObserver h, String what) {
        if (h.firewall == null) {
            throw new UnsupportedOperationException(what + " is not supported on these hosts: it needs iptables or nft, and "
                    + h.name() + " has neither");
        }
    }

    private HostObserver host(String name) {
        HostObserver h = hosts.get(name);
        if (h == null) throw new IllegalArgumentException("no host " + name + " in the inventory");
        return h;
    }

    /** Shows the command, runs it with a timeout, and fails (with the host, command and stderr) unless it exits 0. */
    private SshHost.Result run(HostObserver h, String command) throws RemoteException {
        commandLog.accept(h.name() + "$ " + command);
        ordered.accept(new LabEvent.LogLine(now(), h.name(), "command", "$ " + command));
        ActionStamp stamp = pending.get();
        if (stamp == null || stamp.placed.get()) return h.ssh.check(command, COMMAND_TIMEOUT_MS);
        return h.ssh.checkStamped(command, COMMAND_TIMEOUT_MS, hostUs -> stamp.place(h, hostUs));
    }

    /**
     * Resumes every process, heals what VIP Lab cut, and starts what is not running (mysqld, haproxy in mode 2,
     * keepalived last). Collects what could not be done and throws it at the end.
     */
    @Override
    public void restore(String by) {
        ordered.accept(new LabEvent.ActionApplied(now(), "restore", LabEvent.LAB, by));
        List<String> problems = new ArrayList<>();
        for (String id : List.copyOf(cuts)) {
            try {
                Target t = Target.parse(id, inventory.hostNames());
                apply(new Action(Verb.HEAL, t), by);
            } catch (RuntimeException e) {
                problems.add("heal " + id + ": " + e.getMessage());
            }
        }
        for (HostObserver h : hosts.values()) {
            if (!h.reachable) {
                problems.add(h.name() + ": unreachable, not restored");
                continue;
            }
            for (ProcessKind k : ProcessKind.values()) {
                try {
                    if (processState(h.name(), k) == ProcessState.HUNG) run(h, h.cmd.process(Verb.RESUME, k));
                } catch (RemoteException e) {
                    problems.add(e.getMessage());
                }
            }
            for (ProcessKind k : required()) {
                try {
                    run(h, h.cmd.ensureRunning(k));
                } catch (RemoteException | RuntimeException e) {
                    problems.add(e.getMessage());
                }
            }
        }
        try {
            ordered.settle();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!problems.isEmpty()) throw new IllegalStateException(String.join("; ", problems));
    }

    @Override
    public void runUntil(long timeUs) throws InterruptedException {
        long left;
        while ((left = timeUs - now()) > 0) Thread.sleep(Math.max(1, Math.min(50, left / 1000)));
    }

    /** Events that arrived too late to be put in order (a figure for the report; 0 is the aim). */
    public long lateEvents() { return ordered.late(); }

    @Override
    public void close() {
        if (prober != null) prober.close();
        watchdog.shutdownNow();
        for (HostObserver h : hosts.values()) h.close();
        ordered.close();
    }
}
