package org.viplab.engine.ssh;

import org.viplab.core.text.EventFormatter;
import org.viplab.lab.LabText;
import org.viplab.lab.hosts.HostKeyPrompt;
import org.viplab.lab.hosts.Inventory;
import org.viplab.core.model.Mode;
import org.viplab.core.model.NodeSpec;
import org.viplab.core.model.Topology;
import org.viplab.observe.InstanceLayout;
import org.viplab.core.timeline.EventSink;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Reason;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The hosts and their SSH sessions: connecting (the state found, then the streams), and a watchdog that
 * notices a lost session and reconnects every 2 s.
 */
final class Fleet implements AutoCloseable {
    static final int CONNECT_TIMEOUT_MS = 8000;
    private static final long RECONNECT_US = 2_000_000;

    private final Map<String, HostObserver> hosts = new LinkedHashMap<>();
    private final ObservedState state;
    private final LabClock clock;
    private final EventSink events;
    private final Map<String, Long> lastAttemptUs = new ConcurrentHashMap<>();
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(ClientProber.daemon("ssh-watchdog"));

    /** @param events where the engine's own events go (reachability, watchdog notes), in time order */
    Fleet(Inventory inventory, Mode mode, HostKeyPrompt prompt, Map<String, char[]> passwords, ObservedState state, LabClock clock,
          Clock wall, EventSink events) {
        this(inventory, mode, null, prompt, passwords, state, clock, wall, events);
    }

    /** @param topology the preset the hosts run, named by host: each host's VRRP instances (null: one each) */
    Fleet(Inventory inventory, Mode mode, Topology topology, HostKeyPrompt prompt, Map<String, char[]> passwords, ObservedState state,
          LabClock clock, Clock wall, EventSink events) {
        this.state = state;
        this.clock = clock;
        this.events = events;
        Path known = inventory.knownHosts != null ? Path.of(inventory.knownHosts)
                : Path.of(System.getProperty("user.home"), ".ssh", "known_hosts");
        Map<String, String> byAddress = new LinkedHashMap<>();
        for (Inventory.Host h : inventory.hosts) byAddress.put(h.address, h.name);
        boolean mode2 = mode == Mode.HAPROXY_TRACKING;
        for (Inventory.Host h : inventory.hosts) {
            SshHost ssh = new SshHost(h, known, prompt, passwords == null ? null : passwords.get(h.name), wall);
            NodeSpec node = topology == null ? null : topology.node(h.name);
            InstanceLayout layout = node == null ? InstanceLayout.single() : InstanceLayout.of(node.keepalived);
            hosts.put(h.name, new HostObserver(h, ssh, inventory.vip, byAddress, mode2, layout, clock::forOffset,
                    e -> state.ingest(e, ObservedState.Origin.STREAM)));
        }
    }

    Collection<HostObserver> all() { return hosts.values(); }

    HostObserver host(String name) {
        HostObserver h = hosts.get(name);
        if (h == null) throw LabText.refused("inventory.noHost", name);
        return h;
    }

    /** Connects to every host (throws naming the host that cannot be reached) and starts the watchdog. */
    void connect() throws RemoteException {
        for (HostObserver h : hosts.values()) connect(h);
        watchdog.scheduleWithFixedDelay(this::watch, 500, 500, TimeUnit.MILLISECONDS);
    }

    private void connect(HostObserver h) throws RemoteException {
        lastAttemptUs.put(h.name(), clock.epochUs());
        h.connect(CONNECT_TIMEOUT_MS);
        events.accept(new LabEvent.HostReachability(clock.nowUs(), h.name(), true, Reason.of(Reason.Code.CONNECTED,
                String.format(java.util.Locale.ROOT, "%+.1f", h.clockOffsetUs / 1000.0), String.format(java.util.Locale.ROOT, "%.1f", h.rttUs / 1000.0),
                h.hasTcpdump ? "yes" : "no", h.firewall == null ? "" : h.firewall)));
        // streams first, then the snapshot: a change in between is seen by one or the other
        h.startStreams(line -> state.psLine(h.name(), h.time(), line));
        for (LabEvent e : h.snapshot(clock.nowUs())) state.ingest(e, ObservedState.Origin.SNAPSHOT);
    }

    /** Notices lost hosts and reconnects them (every 2 s). */
    private void watch() {
        for (HostObserver h : hosts.values()) {
            try {
                if (h.reachable && !h.ssh.connected()) {
                    h.reachable = false;
                    h.stopStreams();
                    events.accept(new LabEvent.HostReachability(clock.nowUs(), h.name(), false, Reason.of(Reason.Code.CONNECTION_LOST)));
                    state.changed();
                }
                if (!h.reachable && clock.epochUs() - lastAttemptUs.getOrDefault(h.name(), 0L) > RECONNECT_US) connect(h);
            } catch (RemoteException ex) {
                h.reachable = false;
            } catch (RuntimeException ex) {
                events.accept(EventFormatter.diagnostic(clock.nowUs(), h.name(), "viplab", Reason.of(Reason.Code.WATCHDOG, ex)));
            }
        }
    }

    boolean reachable(String host) {
        HostObserver h = hosts.get(host);
        return h != null && h.reachable;
    }

    /** Host name to clock offset in microseconds (host minus local), as measured at connect. */
    Map<String, Long> clockOffsetsUs() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (HostObserver h : hosts.values()) m.put(h.name(), h.clockOffsetUs);
        return m;
    }

    /** The address the hosts see this machine connect from (the client's), or null. */
    String clientAddress() { return hosts.values().iterator().next().clientAddress; }

    @Override
    public void close() {
        watchdog.shutdownNow();
        for (HostObserver h : hosts.values()) h.close();
    }
}
