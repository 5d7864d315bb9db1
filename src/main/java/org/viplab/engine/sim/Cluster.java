package org.viplab.engine.sim;

import org.viplab.core.timeline.Reason;
import org.viplab.core.timeline.Reason.Code;
import org.viplab.core.model.Flavour;
import org.viplab.core.model.ProcessState;
import org.viplab.core.timeline.LabEvent;

import java.util.HashMap;
import java.util.Map;

/**
 * The two databases as a cluster of the topology's flavour: whether each node is healthy and writable, and
 * which rows each one has.
 * <ul>
 * <li>Dual-master: asynchronous binlog replication. Every running node is writable; rows written while the
 * replica thread is disconnected are missing on the peer until it reconnects.</li>
 * <li>Galera / PXC: a two-node cluster. A peer that leaves cleanly (SIGTERM) leaves the other Primary. A peer
 * lost any other way (crash, freeze, partition) stalls commits for the suspect timeout, then leaves the
 * survivor in a non-Primary component: half of two is no quorum, and it rejects queries.</li>
 * <li>MGR multi-primary: the same quorum arithmetic; the survivor stays ONLINE but without a majority, and
 * its writes block rather than fail.</li>
 * </ul>
 */
final class Cluster {
    /** Galera's evs.suspect_timeout and MGR's 5 s before a silent member is expelled. */
    static final long SUSPECT_US = 5_000_000;

    private final SimulatedLab lab;
    private final Flavour flavour;
    private final Map<String, Reason> status = new HashMap<>();
    private final Map<String, Boolean> writable = new HashMap<>();
    /** Since when each node has missed its peer (ungraceful loss), or absent. */
    private final Map<String, Long> peerLostSince = new HashMap<>();
    private final Map<String, Long> rowsWritten = new HashMap<>();
    /** rows of src applied on dst, keyed "dst<src". */
    private final Map<String, Long> applied = new HashMap<>();
    private final Map<String, Boolean> connected = new HashMap<>();
    private final Map<String, Long> lastBehind = new HashMap<>();

    Cluster(SimulatedLab lab, Flavour flavour) {
        this.lab = lab;
        this.flavour = flavour;
    }

    boolean writable(SimHost h) { return writable.getOrDefault(h.name, false); }

    /** Whether a health query (not a process check) finds the node fit to serve. */
    boolean healthy(SimHost h) { return h.mysqld.greets() && writable(h); }

    /** Why a write to a node that is not writable fails: Galera rejects, a stalled or minority node blocks. */
    LabEvent.ProbeFailure writeFailure(SimHost h) {
        Reason s = status.get(h.name);
        return s != null && s.is(Code.GALERA_NO_QUORUM) ? LabEvent.ProbeFailure.REJECTED : LabEvent.ProbeFailure.TIMEOUT;
    }

    /** A client wrote one row on {@code h}: it replicates at once where the replica thread is connected. */
    void write(SimHost h) {
        rowsWritten.merge(h.name, 1L, Long::sum);
        ship();
    }

    /** Re-evaluates health, quorum and replication after any process or network change. */
    void update() {
        for (SimHost h : lab.hosts()) {
            SimHost peer = peerOf(h);
            boolean peerOk = peer != null && peer.mysqld.greets() && lab.network().hostCanReach(h.name, peer.name);
            boolean peerLeftCleanly = peer != null && lab.network().hostCanReach(h.name, peer.name)
                    && peer.mysqld.leftGracefully() && !peer.mysqld.greets();
            if (peerOk || peerLeftCleanly || peer == null) {
                peerLostSince.remove(h.name);
            } else if (!peerLostSince.containsKey(h.name)) {
                peerLostSince.put(h.name, lab.now());
                lab.scheduler().after(SUSPECT_US, this::update);
            }
            set(h, evaluate(h, peerOk, peerLeftCleanly));
        }
        ship();
    }

    private record Health(Reason status, boolean writable) { }

    private Health evaluate(SimHost h, boolean peerOk, boolean peerLeftCleanly) {
        if (!h.mysqld.greets()) {
            return new Health(Reason.of(h.mysqld.state() == ProcessState.HUNG || h.mysqld.frozen() ? Code.DB_NOT_RESPONDING : Code.DB_DOWN), false);
        }
        if (flavour == Flavour.DUAL_MASTER) {
            return new Health(Reason.of(Code.REPLICA_IO, peerOk ? "Yes" : "Connecting"), true);
        }
        Long lost = peerLostSince.get(h.name);
        boolean galera = flavour == Flavour.GALERA || flavour == Flavour.PXC;
        if (peerOk) return new Health(Reason.of(galera ? Code.GALERA_PRIMARY : Code.MGR_ONLINE, 2, 2), true);
        if (peerLeftCleanly) return new Health(Reason.of(galera ? Code.GALERA_PRIMARY : Code.MGR_ONLINE, 1, 1), true);
        if (lost != null && lab.now() - lost < SUSPECT_US) return new Health(Reason.of(Code.SUSPECTING_PEER), false);
        return new Health(Reason.of(galera ? Code.GALERA_NO_QUORUM : Code.MGR_NO_MAJORITY, 1, 2), false);
    }

    private void set(SimHost h, Health health) {
        Reason prev = status.put(h.name, health.status());
        writable.put(h.name, health.writable());
        if (!health.status().equals(prev)) {
            lab.emit(new LabEvent.ClusterStatus(lab.now(), h.name, health.status(), health.writable()));
        }
    }

    /** Dual-master: ships binlog rows where the replica thread is connected; the others just stay in sync. */
    private void ship() {
        for (SimHost dst : lab.hosts()) {
            SimHost src = peerOf(dst);
            if (src == null) continue;
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

    private SimHost peerOf(SimHost h) {
        for (SimHost o : lab.hosts()) if (o != h) return o;
        return null;
    }
}
