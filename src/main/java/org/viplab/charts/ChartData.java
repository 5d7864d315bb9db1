package org.viplab.charts;

import org.viplab.core.model.NodeSpec;
import org.viplab.core.model.Topology;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Outage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the three charts draw from, kept incrementally as events arrive: the charted kinds only, each in a
 * time-indexed {@link Column}, and the client outages as they close. Not thread-safe: one owner (the FX
 * thread in the app, the caller in reports and benchmarks) appends and reads.
 */
public final class ChartData {
    /** Which chart a question is about. */
    public enum Part { VIP, ADVERTS, CLIENT, ANY }

    private final List<String> hosts = new ArrayList<>();
    private final Map<String, Integer> basePriority = new LinkedHashMap<>();
    /** Each host's VRID of the client VIP's instance: another instance's adverts are not that lane's priority. */
    private final Map<String, Integer> vrid = new LinkedHashMap<>();
    final Column<LabEvent.VipChanged> vip = new Column<>();
    final Column<LabEvent.AdvertSent> adverts = new Column<>();
    final Column<LabEvent.PriorityChanged> priorities = new Column<>();
    final Column<LabEvent.ClientProbe> probes = new Column<>(true); // indexed by lane: see Column.firstPerBucket
    final Column<LabEvent.VrrpStateChanged> states = new Column<>();
    /** The client VIP's instance name when a node has several instances, else null (a single instance is unnamed). */
    private String mainInstance;
    /**
     * Each further instance (VI_READ) with its VIP changes, kept as VipChanged so that TimelineAnalysis, the one
     * place that turns VIP changes into holders, gaps and split brains, reads them as it reads the client VIP's.
     */
    private final Map<String, List<LabEvent>> instanceVips = new LinkedHashMap<>();
    private final List<Outage> outages = new ArrayList<>();
    private long outageStart = -1;
    private int outageFailed;
    private long firstUs = Long.MAX_VALUE;
    private long lastUs = Long.MIN_VALUE;
    private int seen;

    /** @param topology gives the host lanes (in node order) and each host's base priority; may be null */
    public ChartData(Topology topology) {
        if (topology != null) {
            for (NodeSpec n : topology.nodes) {
                hosts.add(n.name);
                if (n.keepalived != null) basePriority.put(n.name, n.keepalived.priority);
                if (n.keepalived != null && n.keepalived.moreInstances != null) vrid.put(n.name, n.keepalived.virtualRouterId);
                if (n.keepalived != null && n.keepalived.moreInstances != null) {
                    for (var k : n.keepalived.moreInstances) if (k != null) instanceVips.putIfAbsent(k.instance, new ArrayList<>());
                }
            }
            if (!instanceVips.isEmpty()) {
                for (NodeSpec n : topology.nodes) {
                    if (n.keepalived != null) {
                        mainInstance = n.keepalived.instance;
                        break;
                    }
                }
                instanceVips.remove(mainInstance);
            }
        }
    }

    public static ChartData of(Topology topology, List<? extends LabEvent> events) {
        ChartData d = new ChartData(topology);
        d.addAll(events);
        return d;
    }

    public void addAll(List<? extends LabEvent> events) {
        for (LabEvent e : events) add(e);
    }

    public void add(LabEvent e) {
        seen++;
        firstUs = Math.min(firstUs, e.timeUs());
        lastUs = Math.max(lastUs, e.timeUs());
        if (e instanceof LabEvent.VipChanged v) {
            lane(v.host());
            vip.add(v);
        } else if (e instanceof LabEvent.InstanceVipChanged iv) {
            // only the topology's instances have lanes: the lanes are laid out once, when the charts are built
            List<LabEvent> lane = instanceVips.get(iv.instance());
            if (lane == null) return;
            lane(iv.host());
            lane.add(new LabEvent.VipChanged(iv.timeUs(), iv.host(), iv.vips(), iv.added(), iv.reason()));
        } else if (e instanceof LabEvent.AdvertSent a) {
            Integer mine = vrid.get(a.host());
            if (mine != null && mine != a.vrid()) return;
            // code: host lane in the high bits, priority (0..255) in the low byte
            adverts.add(a, lane(a.host()) << 8 | (a.priority() & 0xff));
        } else if (e instanceof LabEvent.PriorityChanged p) {
            lane(p.host());
            priorities.add(p);
        } else if (e instanceof LabEvent.VrrpStateChanged v) {
            lane(v.host());
            states.add(v);
        } else if (e instanceof LabEvent.ClientProbe p) {
            probes.add(p, probeCode(p));
            trackOutage(p);
        }
    }

    /** Same rule as TimelineAnalysis: from the first failure to the start of the next success. */
    private void trackOutage(LabEvent.ClientProbe p) {
        if (!p.ok()) {
            if (outageStart < 0) outageStart = p.timeUs();
            outageFailed++;
        } else if (outageStart >= 0) {
            outages.add(new Outage(outageStart, p.timeUs(), outageFailed, false));
            outageStart = -1;
            outageFailed = 0;
        }
    }

    /** Probe codes: the backend's host lane when OK, else one of these. */
    static final int TIMEOUT = -1;
    static final int REFUSED = -2;
    static final int UNKNOWN_BACKEND = -3;
    private String lastBackend;
    private int lastBackendLane;

    private int probeCode(LabEvent.ClientProbe p) {
        if (!p.ok()) return p.failure() == LabEvent.ProbeFailure.TIMEOUT ? TIMEOUT : REFUSED;
        if (p.backend() == null) return UNKNOWN_BACKEND;
        if (!p.backend().equals(lastBackend)) {
            lastBackend = p.backend();
            lastBackendLane = lane(p.backend());
        }
        return lastBackendLane;
    }

    private int lane(String host) {
        int i = hosts.indexOf(host);
        if (i >= 0) return i;
        hosts.add(host);
        return hosts.size() - 1;
    }

    /** Host lanes in display order. */
    public List<String> hosts() { return Collections.unmodifiableList(hosts); }

    int hostIndex(String host) { return hosts.indexOf(host); }

    /** The host's priority before any PriorityChanged: keepalived.conf's priority, or 0 when unknown. */
    public int basePriority(String host) { return basePriority.getOrDefault(host, 0); }

    /** Closed outages, plus the open one (ending at {@code untilUs}) when the client is failing now. */
    public List<Outage> outages(long untilUs) {
        if (outageStart < 0) return Collections.unmodifiableList(outages);
        List<Outage> all = new ArrayList<>(outages);
        all.add(new Outage(outageStart, Math.max(outageStart, untilUs), outageFailed, true));
        return all;
    }

    /** Every event handed in, charted or not. */
    public int eventsSeen() { return seen; }

    public long firstUs() { return seen == 0 ? 0 : firstUs; }

    public long lastUs() { return seen == 0 ? 0 : lastUs; }

    /** The charted event of that part closest to {@code tUs}; null when there is none. */
    public LabEvent nearest(long tUs, Part part) {
        List<LabEvent> candidates = new ArrayList<>(4);
        if (part == Part.VIP || part == Part.ANY) candidates.add(vip.nearest(tUs));
        if (part == Part.ADVERTS || part == Part.ANY) {
            candidates.add(adverts.nearest(tUs));
            candidates.add(priorities.nearest(tUs));
        }
        if (part == Part.CLIENT || part == Part.ANY) candidates.add(probes.nearest(tUs));
        LabEvent best = null;
        for (LabEvent c : candidates) {
            if (c != null && (best == null || Math.abs(c.timeUs() - tUs) < Math.abs(best.timeUs() - tUs))) best = c;
        }
        return best;
    }

    /** The client VIP's instance (VI_WRITE) when the topology has several, else null. */
    public String mainInstance() { return mainInstance; }

    /** The further instances (VI_READ), each charted in a VIP plot of its own; empty for one instance per node. */
    public List<String> moreInstances() { return List.copyOf(instanceVips.keySet()); }

    /** A further instance's VIP changes, as VipChanged, for TimelineAnalysis. */
    List<LabEvent> instanceVipEvents(String instance) {
        List<LabEvent> l = instanceVips.get(instance);
        return l == null ? List.of() : Collections.unmodifiableList(l);
    }

    /** The VIP changes (few), for TimelineAnalysis. */
    List<LabEvent> vipEvents() { return Collections.unmodifiableList(vip.items()); }
}
