package org.viplab.engine.sim;

import org.viplab.core.model.ClusterSpec;
import org.viplab.core.model.Flavour;
import org.viplab.core.model.NodeSpec;
import org.viplab.core.model.ProcessState;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Reason;
import org.viplab.core.timeline.Reason.Code;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The databases as a cluster of the topology's flavour, for 2 to 5 nodes: whether each node serves queries and
 * takes writes, and which rows each one has.
 * <ul>
 * <li>Dual-master: asynchronous binlog replication around the nodes. Every running node is writable; rows
 * written while a replica thread is disconnected are missing on its replica until it reconnects.</li>
 * <li>Galera / PXC: each node remembers the membership of the last Primary Component it was in. A component
 * (the running nodes that reach each other) is Primary when its weight ({@code pc.weight}, default 1) is more than
 * half of that membership's weight: "the quorum is computed as the sum of the weights of the nodes in the current
 * component being greater than half the sum of the weights of the nodes in the previous primary component, minus
 * the nodes that left gracefully" (MariaDB, "Quorum Control with Weighted Votes"). A node that leaves cleanly
 * leaves that membership at once. A node lost any other way (crash, freeze, partition) stalls commits on the
 * others for {@code evs.suspect_timeout} (5 s), then a new view forms without it. Exactly half is no quorum on
 * either side. A node outside the Primary Component rejects queries ("WSREP has not yet prepared node for
 * application use"). A node (re)joining a Primary Component is a JOINER until its state transfer ends: IST
 * from the donor's gcache when the writesets it missed are still there, SST otherwise.</li>
 * <li>Group Replication: the same components, but a majority of the group's view commits without waiting for an
 * unreachable member (Paxos needs a majority, MySQL manual 20.1.4.2); the member is expelled 5 s (detection)
 * plus {@code group_replication_member_expel_timeout} after it went silent (WL#13773). A minority's writes
 * block rather than fail. A restarted member recovers (distributed recovery) before it is ONLINE. In
 * single-primary mode only the primary takes writes (the others run with super_read_only and refuse them); a
 * new primary is elected when the primary leaves the view: the highest {@code group_replication_member_weight},
 * then the lowest server UUID, which VIP Lab takes to follow the nodes' order (WL#10433).</li>
 * </ul>
 * Simplified: a component's reference view is the newest one any of its members took part in, so nodes of the
 * last Primary Component that find each other again form it again (as pc.recovery does); a restarted member is
 * counted towards a majority as soon as it runs.
 */
final class Cluster {
    /** Galera's evs.suspect_timeout and MGR's fixed detection period, by default. */
    static final long SUSPECT_US = 5_000_000;

    private final SimulatedLab lab;
    private final Flavour flavour;
    private final ClusterSpec spec;
    private final Map<String, Reason> status = new HashMap<>();
    private final Map<String, Boolean> writable = new HashMap<>();
    private final Map<String, Boolean> serves = new HashMap<>();
    /** Each node's view: the last Primary Component (Galera) or group view (MGR) it belonged to. */
    private final Map<String, Set<String>> view = new HashMap<>();
    private final Map<String, Long> viewSeq = new HashMap<>();
    private long seq;
    /** "observer>member": since when the observer has missed a member of its view (an ungraceful loss). */
    private final Map<String, Long> missingSince = new HashMap<>();
    /** Nodes whose mysqld stopped since they last synced: they need a state transfer when they are back. */
    private final Set<String> outOfDate = new java.util.HashSet<>();
    /** Rows written in the cluster when each out-of-date node stopped applying. */
    private final Map<String, Long> rowsAtLeave = new HashMap<>();
    /** Joiners and recovering members: when their state transfer ends. */
    private final Map<String, Long> transferEnds = new HashMap<>();
    private final Map<String, Boolean> transferIsSst = new HashMap<>();
    /** MGR single-primary: the current primary, or null. */
    private String primary;

    private final Map<String, Long> rowsWritten = new HashMap<>();
    /** rows of src applied on dst, keyed "dst<src". */
    private final Map<String, Long> applied = new HashMap<>();
    private final Map<String, Boolean> connected = new HashMap<>();
    private final Map<String, Long> lastBehind = new HashMap<>();

    Cluster(SimulatedLab lab, Flavour flavour, ClusterSpec spec) {
        this.lab = lab;
        this.flavour = flavour;
        this.spec = spec == null ? new ClusterSpec() : spec;
    }

    boolean writable(SimHost h) { return writable.getOrDefault(h.name, false); }

    /** Whether a health query (not a process check) finds the node fit to serve: it answers a read. */
    boolean healthy(SimHost h) { return h.mysqld.greets() && serves.getOrDefault(h.name, false); }

    /** Why a write to a node that is not writable fails: Galera and a read-only secondary reject, a stall blocks. */
    LabEvent.ProbeFailure writeFailure(SimHost h) {
        Reason s = status.get(h.name);
        boolean rejects = s != null && (s.is(Code.GALERA_NO_QUORUM) || s.is(Code.GALERA_JOINER) || s.is(Code.MGR_SECONDARY));
        return rejects ? LabEvent.ProbeFailure.REJECTED : LabEvent.ProbeFailure.TIMEOUT;
    }

    /** A client wrote one row on {@code h}: it replicates at once where the replica thread is connected. */
    void write(SimHost h) {
        rowsWritten.merge(h.name, 1L, Long::sum);
        ship();
    }

    /** Every node starts in one view with all of them, synced (the steady state before a drill). */
    void boot() {
        Set<String> all = new LinkedHashSet<>();
        for (SimHost h : lab.hosts()) all.add(h.name);
        seq++;
        for (String n : all) {
            view.put(n, all);
            viewSeq.put(n, seq);
        }
    }

    /** Re-evaluates health, quorum and replication after any process or network change. */
    void update() {
        if (flavour == Flavour.DUAL_MASTER) {
            for (SimHost h : lab.hosts()) {
                boolean peerOk = false;
                for (SimHost p : lab.hosts()) {
                    if (p != h && p.mysqld.greets() && lab.network().hostCanReach(h.name, p.name)) peerOk = true;
                }
                set(h, h.mysqld.greets() ? new Health(Reason.of(Code.REPLICA_IO, peerOk ? "Yes" : "Connecting"), true, true) : down(h));
            }
        } else {
            updateMembership();
        }
        ship();
    }

    private record Health(Reason status, boolean writable, boolean serves) { }

    private static Health down(SimHost h) {
        boolean hung = h.mysqld.state() == ProcessState.HUNG || h.mysqld.frozen();
        return new Health(Reason.of(hung ? Code.DB_NOT_RESPONDING : Code.DB_DOWN), false, false);
    }

    private boolean galera() { return flavour == Flavour.GALERA || flavour == Flavour.PXC; }

    private void updateMembership() {
        long now = lab.now();
        // a node whose mysqld is not running falls out of date; a clean leave also leaves every view that hears it
        for (SimHost h : lab.hosts()) {
            if (h.mysqld.greets()) continue;
            if (!outOfDate.contains(h.name) && !h.mysqld.frozen() && h.mysqld.state() != ProcessState.HUNG) {
                outOfDate.add(h.name);
                rowsAtLeave.put(h.name, totalRows());
                transferEnds.remove(h.name);
            }
            if (h.mysqld.leftGracefully()) {
                for (SimHost o : lab.hosts()) {
                    Set<String> v = view.getOrDefault(o.name, Set.of());
                    if (o != h && o.mysqld.greets() && v.contains(h.name) && lab.network().hostCanReach(o.name, h.name)) {
                        Set<String> smaller = new LinkedHashSet<>(v);
                        smaller.remove(h.name);
                        view.put(o.name, smaller);
                    }
                }
                Set<String> own = new LinkedHashSet<>(view.getOrDefault(h.name, Set.of()));
                own.remove(h.name);
                view.put(h.name, own);
            }
        }
        Map<String, Health> next = new HashMap<>();
        Set<String> done = new java.util.HashSet<>();
        for (SimHost h : lab.hosts()) {
            if (!h.mysqld.greets()) {
                next.put(h.name, down(h));
                continue;
            }
            if (done.contains(h.name)) continue;
            Set<String> comp = component(h);
            done.addAll(comp);
            evaluate(comp, now, next);
        }
        for (SimHost h : lab.hosts()) set(h, next.get(h.name));
    }

    /** The running nodes {@code h} reaches, directly or through each other. */
    private Set<String> component(SimHost h) {
        Set<String> comp = new LinkedHashSet<>();
        ArrayDeque<SimHost> todo = new ArrayDeque<>();
        todo.add(h);
        comp.add(h.name);
        while (!todo.isEmpty()) {
            SimHost a = todo.poll();
            for (SimHost b : lab.hosts()) {
                if (!comp.contains(b.name) && b.mysqld.greets() && lab.network().hostCanReach(a.name, b.name)) {
                    comp.add(b.name);
                    todo.add(b);
                }
            }
        }
        return comp;
    }

    private void evaluate(Set<String> comp, long now, Map<String, Health> out) {
        // the newest view any member took part in is the one this component's quorum is computed against
        Set<String> ref = Set.of();
        long refSeq = -1;
        for (String n : comp) {
            long s = viewSeq.getOrDefault(n, -1L);
            if (s > refSeq && !view.getOrDefault(n, Set.of()).isEmpty()) {
                refSeq = s;
                ref = view.get(n);
            }
        }
        // members of the view this component misses: suspected first, dropped after the timeout
        long suspectUs = spec.suspectTimeoutMs * 1000;
        long dropUs = galera() ? suspectUs : suspectUs + Math.round(spec.memberExpelTimeoutSec * 1_000_000);
        boolean suspecting = false;
        boolean waitingToDrop = false;
        for (String n : comp) {
            for (String m : ref) {
                String key = n + ">" + m;
                if (comp.contains(m)) {
                    missingSince.remove(key);
                    continue;
                }
                Long since = missingSince.get(key);
                if (since == null) {
                    missingSince.put(key, now);
                    since = now;
                    lab.scheduler().after(suspectUs, this::update);
                    if (dropUs != suspectUs) lab.scheduler().after(dropUs, this::update);
                }
                if (now - since < suspectUs) suspecting = true;
                if (now - since < dropUs) waitingToDrop = true;
            }
        }
        int compWeight = 0;
        for (String n : comp) if (ref.contains(n)) compWeight += weight(n);
        int refWeight = 0;
        for (String n : ref) refWeight += weight(n);
        boolean majority = 2 * compWeight > refWeight;
        int members = 0;
        for (String n : comp) if (ref.contains(n)) members++;

        if (galera()) {
            if (suspecting) {
                for (String n : comp) out.put(n, new Health(Reason.of(Code.SUSPECTING_PEER), false, false));
                return;
            }
            if (!majority) {
                for (String n : comp) out.put(n, new Health(Reason.of(Code.GALERA_NO_QUORUM, members, ref.size()), false, false));
                return;
            }
            installView(comp, ref);
            for (String n : comp) {
                Health joining = joining(n, now);
                out.put(n, joining != null ? joining : new Health(Reason.of(Code.GALERA_PRIMARY, comp.size(), comp.size()), true, true));
            }
            return;
        }
        // Group Replication
        if (!majority) {
            Reason r = suspecting ? Reason.of(Code.SUSPECTING_PEER) : Reason.of(Code.MGR_NO_MAJORITY, members, ref.size());
            for (String n : comp) out.put(n, new Health(r, false, true));
            return;
        }
        Set<String> groupView = ref;
        if (!waitingToDrop) {
            installView(comp, ref);
            groupView = comp;
        }
        Set<String> online = new LinkedHashSet<>();
        for (String n : comp) {
            Health joining = joining(n, now);
            if (joining != null) out.put(n, joining);
            else online.add(n);
        }
        if (spec.singlePrimary && (primary == null || !online.contains(primary) && !groupView.contains(primary))) {
            primary = elect(online);
        }
        for (String n : online) {
            boolean writes = !spec.singlePrimary || n.equals(primary);
            Reason r = writes ? Reason.of(Code.MGR_ONLINE, comp.size(), groupView.size()) : Reason.of(Code.MGR_SECONDARY, String.valueOf(primary));
            out.put(n, new Health(r, writes, true));
        }
    }

    /** Single-primary election: the highest member weight, then the lowest server UUID (the nodes' order). */
    private String elect(Set<String> online) {
        String best = null;
        for (SimHost h : lab.hosts()) {
            if (!online.contains(h.name)) continue;
            if (best == null || memberWeight(h.name) > memberWeight(best)) best = h.name;
        }
        return best;
    }

    /** A new Primary Component / group view of exactly {@code comp}, if it differs from what its members hold. */
    private void installView(Set<String> comp, Set<String> ref) {
        boolean same = true;
        for (String n : comp) if (!view.getOrDefault(n, Set.of()).equals(comp)) same = false;
        if (same) return;
        // a member dropped from the view (frozen, cut off) has to catch up when it is back, like a crashed one
        for (String m : ref) {
            if (!comp.contains(m) && outOfDate.add(m)) rowsAtLeave.put(m, totalRows());
        }
        seq++;
        Set<String> v = new LinkedHashSet<>(comp);
        for (String n : comp) {
            view.put(n, v);
            viewSeq.put(n, seq);
        }
        missingSince.keySet().removeIf(k -> comp.contains(k.substring(0, k.indexOf('>'))));
    }

    /** A member catching up (IST/SST or distributed recovery), or null when it is in sync. */
    private Health joining(String n, long now) {
        if (outOfDate.contains(n) && !transferEnds.containsKey(n)) {
            long missed = totalRows() - rowsAtLeave.getOrDefault(n, 0L);
            boolean sst = galera() && missed > spec.gcacheWritesets;
            long ends = now + (sst ? spec.sstMs : spec.istMs) * 1000;
            transferEnds.put(n, ends);
            transferIsSst.put(n, sst);
            lab.scheduler().after(ends - now, this::update);
        }
        Long ends = transferEnds.get(n);
        if (ends == null) return null;
        if (now >= ends) {
            transferEnds.remove(n);
            outOfDate.remove(n);
            return null;
        }
        if (galera()) return new Health(Reason.of(Code.GALERA_JOINER, transferIsSst.get(n) ? "SST" : "IST"), false, false);
        return new Health(Reason.of(Code.MGR_RECOVERING), false, false);
    }

    /** Galera's pc.weight; Group Replication counts members. */
    private int weight(String node) {
        NodeSpec n = lab.topology().node(node);
        if (n == null) return 0;
        return galera() ? n.pcWeight : 1;
    }

    private int memberWeight(String node) {
        NodeSpec n = lab.topology().node(node);
        return n == null ? 0 : n.memberWeight;
    }

    private long totalRows() {
        long sum = 0;
        for (long r : rowsWritten.values()) sum += r;
        return sum;
    }

    private void set(SimHost h, Health health) {
        Reason prev = status.put(h.name, health.status());
        writable.put(h.name, health.writable());
        serves.put(h.name, health.serves());
        if (!health.status().equals(prev)) {
            lab.emit(new LabEvent.ClusterStatus(lab.now(), h.name, health.status(), health.writable()));
        }
    }

    /**
     * Dual-master: ships binlog rows where the replica thread is connected (each node replicates from the one
     * before it, in a ring, as circular replication of more than two nodes does); synchronous flavours stay in sync.
     */
    private void ship() {
        java.util.List<SimHost> all = new java.util.ArrayList<>(lab.hosts());
        if (all.size() < 2) return;
        for (int i = 0; i < all.size(); i++) {
            SimHost dst = all.get(i);
            SimHost src = all.get((i + all.size() - 1) % all.size());
            if (all.size() == 2) src = all.get(1 - i);
            String key = dst.name + "<" + src.name;
            boolean link = src.mysqld.greets() && dst.mysqld.greets() && lab.network().hostCanReach(src.name, dst.name);
            long written = rowsWritten.getOrDefault(src.name, 0L);
            long have = applied.getOrDefault(key, 0L);
            if (link || flavour.synchronous()) have = written; // synchronous flavours commit on both or not at all
            applied.put(key, have);
            long behind = written - have;
            Boolean wasLinked = connected.put(key, link);
            Long wasBehind = lastBehind.put(key, behind);
            boolean changed = wasLinked == null ? link || behind > 0 : wasLinked != link || wasBehind != behind;
            if (changed) lab.emit(new LabEvent.ReplicationChanged(lab.now(), dst.name, src.name, link, behind));
        }
    }
}
