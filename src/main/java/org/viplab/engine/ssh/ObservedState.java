package org.viplab.engine.ssh;

import org.viplab.core.model.ProcessKind;
import org.viplab.core.model.ProcessState;
import org.viplab.core.model.VrrpState;
import org.viplab.core.timeline.EventSink;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Reason;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the hosts are doing, as far as the engine has seen: kept up to date from every observed event, which
 * passes here on its way to the time line. Which events count is decided by where they came from
 * ({@link Origin}), never by their text.
 */
final class ObservedState {
    /** Where an observed event came from. */
    enum Origin {
        /** The state found at connect: it is the truth at that moment even when it repeats. */
        SNAPSHOT,
        /** The 5 Hz process watcher: the one source of process states. */
        WATCHER,
        /** keepalived's log, ip monitor, tcpdump, haproxy's stats. */
        STREAM,
        /** The client's probes. */
        PROBE
    }

    private final String vipAddress;
    private final LabClock clock;
    private final EventSink out;
    private final Map<String, Boolean> vip = new ConcurrentHashMap<>();
    private final Map<String, VrrpState> vrrp = new ConcurrentHashMap<>();
    private final Map<String, Map<ProcessKind, ProcessState>> procs = new ConcurrentHashMap<>();
    private final Map<String, Integer> vipDisagree = new ConcurrentHashMap<>();
    /** Per host, the states and VIPs of the VRRP instances other than the client VIP's, by instance name. */
    private final Map<String, Map<String, VrrpState>> instanceStates = new ConcurrentHashMap<>();
    private final Map<String, Map<String, LabEvent.InstanceVipChanged>> instanceVips = new ConcurrentHashMap<>();
    private volatile long lastChangeEpochUs;
    private volatile LabEvent.ClientProbe lastProbe;
    private volatile boolean drillStarted;

    ObservedState(String vipAddress, LabClock clock, EventSink out) {
        this.vipAddress = vipAddress;
        this.clock = clock;
        this.out = out;
        this.lastChangeEpochUs = clock.epochUs();
    }

    /** Every observed event passes here: state is updated, repeats are dropped, the rest goes on. */
    void ingest(LabEvent e, Origin origin) {
        if (drillStarted && e.timeUs() < 0) return; // the state at t = 0 was already written
        if (e instanceof LabEvent.VipChanged v) {
            Boolean before = vip.put(v.host(), v.added());
            if (before != null && before == v.added()) return;
            changed();
        } else if (e instanceof LabEvent.VrrpStateChanged s) {
            VrrpState before = vrrp.put(s.host(), s.to());
            if (before == s.to() && origin != Origin.SNAPSHOT) return;
            changed();
        } else if (e instanceof LabEvent.InstanceStateChanged s) {
            VrrpState before = instancesOf(s.host()).put(s.instance(), s.to());
            if (before == s.to() && origin != Origin.SNAPSHOT) return;
            changed();
        } else if (e instanceof LabEvent.InstanceVipChanged v) {
            LabEvent.InstanceVipChanged before = instanceVips.computeIfAbsent(v.host(), k -> new ConcurrentHashMap<>()).put(v.instance(), v);
            if (before != null && before.added() == v.added()) return;
            changed();
        } else if (e instanceof LabEvent.ProcessChanged p) {
            if (origin != Origin.WATCHER && origin != Origin.SNAPSHOT) return; // the watcher is the one source
            procs.computeIfAbsent(p.host(), k -> new EnumMap<>(ProcessKind.class)).put(p.process(), p.to());
            changed();
        } else if (e instanceof LabEvent.ClientProbe c) {
            // probes end out of order (a hung one a second late): the one that started last tells
            LabEvent.ClientProbe last = lastProbe;
            if (last == null || c.timeUs() >= last.timeUs()) lastProbe = c;
        }
        out.accept(e);
    }

    /** Something changed now (also a lost host): the baseline waits for a quiet spell after it. */
    void changed() { lastChangeEpochUs = clock.epochUs(); }

    /** Microseconds since the last change. */
    long quietUs() { return clock.epochUs() - lastChangeEpochUs; }

    /** The newest client probe seen, or null. */
    LabEvent.ClientProbe lastProbe() { return lastProbe; }

    /** One line of a host's process watcher. */
    void psLine(String host, org.viplab.observe.TimeMap time, String line) {
        long hostUs = HostObserver.psEpochUs(line);
        if (hostUs == Long.MIN_VALUE) return;
        long t = time.labUs(hostUs);
        int v = HostObserver.psVip(line);
        if (v >= 0) {
            boolean holds = v > 0;
            // two ticks in a row (400 ms) that disagree with what ip monitor said: believe ip addr
            int n = Boolean.valueOf(holds).equals(vip.get(host)) ? 0 : vipDisagree.merge(host, 1, Integer::sum);
            if (n == 0) vipDisagree.put(host, 0);
            if (n >= 2) {
                vipDisagree.put(host, 0);
                ingest(new LabEvent.VipChanged(t, host, vipAddress, holds, Reason.of(Reason.Code.SEEN_BY_IP_ADDR)), Origin.WATCHER);
            }
        }
        for (Map.Entry<ProcessKind, ProcessState> p : HostObserver.parsePs(line).entrySet()) {
            ProcessState before = processState(host, p.getKey());
            if (before == p.getValue()) continue;
            ingest(new LabEvent.ProcessChanged(t, host, p.getKey(), before == null ? p.getValue() : before, p.getValue(), Reason.of(Reason.Code.PS_WATCH)), Origin.WATCHER);
            if (p.getKey() == ProcessKind.KEEPALIVED && p.getValue() == ProcessState.STOPPED && vrrpState(host) != VrrpState.STOPPED) {
                // SIGKILL leaves no log line: the process is gone, so is its VRRP instance
                ingest(new LabEvent.VrrpStateChanged(t, host, vrrpState(host), VrrpState.STOPPED, Reason.of(Reason.Code.PROCESS_GONE)), Origin.WATCHER);
            }
            if (p.getKey() == ProcessKind.KEEPALIVED && p.getValue() == ProcessState.STOPPED) {
                for (Map.Entry<String, VrrpState> i : Map.copyOf(instancesOf(host)).entrySet()) {
                    if (i.getValue() == VrrpState.STOPPED) continue;
                    ingest(new LabEvent.InstanceStateChanged(t, host, i.getKey(), i.getValue(), VrrpState.STOPPED, Reason.of(Reason.Code.PROCESS_GONE)), Origin.WATCHER);
                }
            }
        }
    }

    /** From now on, events from before t = 0 are dropped (their state is in the t = 0 events). */
    void drillStarted() { drillStarted = true; }

    /** A host's state as events at t = 0 of a new run. */
    List<LabEvent> atZero(String h, boolean reachable, long clockOffsetUs) {
        List<LabEvent> l = new ArrayList<>();
        l.add(new LabEvent.HostReachability(0, h, reachable, Reason.of(Reason.Code.AT_ZERO_CLOCK, String.format(java.util.Locale.ROOT, "%+.1f", clockOffsetUs / 1000.0))));
        l.add(new LabEvent.VipChanged(0, h, vipAddress, Boolean.TRUE.equals(vip.get(h)), Reason.of(Reason.Code.AT_ZERO)));
        l.add(new LabEvent.VrrpStateChanged(0, h, VrrpState.INIT, vrrpState(h), Reason.of(Reason.Code.AT_ZERO)));
        for (Map.Entry<String, VrrpState> i : new java.util.TreeMap<>(instancesOf(h)).entrySet()) {
            l.add(new LabEvent.InstanceStateChanged(0, h, i.getKey(), VrrpState.INIT, i.getValue(), Reason.of(Reason.Code.AT_ZERO)));
        }
        for (LabEvent.InstanceVipChanged v : new java.util.TreeMap<>(instanceVips.getOrDefault(h, Map.of())).values()) {
            l.add(new LabEvent.InstanceVipChanged(0, h, v.instance(), v.vips(), v.added(), Reason.of(Reason.Code.AT_ZERO)));
        }
        for (Map.Entry<ProcessKind, ProcessState> p : procs.getOrDefault(h, Map.of()).entrySet()) {
            l.add(new LabEvent.ProcessChanged(0, h, p.getKey(), p.getValue(), p.getValue(), Reason.of(Reason.Code.AT_ZERO)));
        }
        return l;
    }

    Set<String> vipHolders() {
        Set<String> s = new LinkedHashSet<>();
        vip.forEach((h, on) -> { if (on) s.add(h); });
        return s;
    }

    VrrpState vrrpState(String host) { return vrrp.getOrDefault(host, VrrpState.INIT); }

    /** Every instance other than the client VIP's that a host reported, with the hosts holding its VIPs. */
    Map<String, Set<String>> instanceHolders() {
        Map<String, Set<String>> m = new java.util.TreeMap<>();
        instanceVips.forEach((h, byInstance) -> byInstance.forEach((i, v) -> {
            Set<String> holders = m.computeIfAbsent(i, k -> new java.util.TreeSet<>());
            if (v.added()) holders.add(h);
        }));
        return m;
    }

    /** An instance other than the client VIP's, as last seen; null when the host never reported it. */
    VrrpState instanceState(String host, String instance) { return instancesOf(host).get(instance); }

    /** Whether the host holds that instance's VIPs, as last seen. */
    boolean holdsInstanceVips(String host, String instance) {
        LabEvent.InstanceVipChanged v = instanceVips.getOrDefault(host, Map.of()).get(instance);
        return v != null && v.added();
    }

    private Map<String, VrrpState> instancesOf(String host) { return instanceStates.computeIfAbsent(host, k -> new ConcurrentHashMap<>()); }

    ProcessState processState(String host, ProcessKind k) {
        Map<ProcessKind, ProcessState> m = procs.get(host);
        return m == null ? null : m.get(k);
    }
}
