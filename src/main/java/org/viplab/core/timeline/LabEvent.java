package org.viplab.core.timeline;

import org.viplab.core.model.ProcessKind;
import org.viplab.core.model.ProcessState;
import org.viplab.core.model.VrrpState;

/**
 * What either engine saw happen, at a time in microseconds on the lab's clock (the simulator's virtual
 * time, or local wall time since the drill's start for real hosts). Immutable; the timeline is made of these.
 */
public sealed interface LabEvent {
    /** Host name for the host-less events (client probes, links, user actions). */
    String LAB = "lab";
    String CLIENT = "client";

    long timeUs();

    /** The host the event happened on, or {@link #CLIENT} / {@link #LAB}. */
    String host();

    /** A short machine name of the kind, used for filters, CSV and JSON Lines. */
    String kind();

    /** The VIP appeared on ({@code added}) or disappeared from a host's interface. */
    record VipChanged(long timeUs, String host, String vip, boolean added, Reason reason) implements LabEvent {
        public String kind() { return "vip"; }
    }

    /** A VRRP advertisement left a host (priority 0 when releasing). */
    record AdvertSent(long timeUs, String host, int vrid, int priority, int version, long intervalUs) implements LabEvent {
        public String kind() { return "advert"; }
    }

    record VrrpStateChanged(long timeUs, String host, VrrpState from, VrrpState to, Reason reason) implements LabEvent {
        public String kind() { return "vrrp-state"; }
    }

    record PriorityChanged(long timeUs, String host, int from, int to, Reason reason) implements LabEvent {
        public String kind() { return "priority"; }
    }

    record ProcessChanged(long timeUs, String host, ProcessKind process, ProcessState from, ProcessState to, Reason reason)
            implements LabEvent {
        public String kind() { return "process"; }
    }

    /** One run of a vrrp_script: its exit status, and whether keepalived now counts it as failed. */
    record ScriptResult(long timeUs, String host, String script, int exitStatus, boolean failed, Reason detail)
            implements LabEvent {
        public String kind() { return "script"; }
    }

    /** haproxy on {@code host} changed its view of a backend server (status as in {@code show stat}). */
    record ServerCheck(long timeUs, String host, String server, String status, String checkStatus, boolean up)
            implements LabEvent {
        public String kind() { return "haproxy-check"; }
    }

    /** A link: "db1/link", "db1-db2", "db1-db2/vrrp", "clients-db1". */
    record LinkChanged(long timeUs, String link, boolean cut) implements LabEvent {
        public String host() { return LAB; }

        public String kind() { return "link"; }
    }

    /** A gratuitous ARP burst for the VIP. */
    record GarpSent(long timeUs, String host, String vip, int count) implements LabEvent {
        public String kind() { return "garp"; }
    }

    /** The client's ARP entry for the VIP: which host's MAC it points at, and its state (REACHABLE, STALE...). */
    record ArpChanged(long timeUs, String ip, String pointsAt, String state) implements LabEvent {
        public String host() { return CLIENT; }

        public String kind() { return "arp"; }
    }

    /** A client probe of VIP:port, started at timeUs. backend is the host that answered, when one did. */
    record ClientProbe(long timeUs, boolean ok, long latencyUs, String backend, ProbeFailure failure) implements LabEvent {
        public String host() { return CLIENT; }

        public String kind() { return "probe"; }
    }

    /**
     * An action the user, a drill or a restore applied; {@code detail} is a timing fault's amount as written after
     * the target ("for 3.7s", "by 200ms jitter 50ms", "30%"), null for the other actions (and absent from their JSON).
     */
    record ActionApplied(long timeUs, String action, String target, Actor by, String detail) implements LabEvent {
        public ActionApplied(long timeUs, String action, String target, Actor by) { this(timeUs, action, target, by, null); }

        public String host() {
            int slash = target.indexOf('/');
            if (slash < 0 && !target.contains("-") && !target.equals(LAB)) return target; // a whole host: a stall
            return slash > 0 && !target.contains("-") ? target.substring(0, slash) : LAB;
        }

        public String kind() { return "action"; }
    }

    /**
     * A line a daemon would log (keepalived's wording), for the event list and the comparison with real logs. A line
     * of VIP Lab's own (the SSH engine's diagnostics) also says it as data, {@code said}, so it reads in the user's
     * language; its {@code text} is then the English, for files read by older versions. Null for a daemon's line,
     * whose words are kept as they are.
     */
    record LogLine(long timeUs, String host, String source, String text, Reason said) implements LabEvent {
        public LogLine(long timeUs, String host, String source, String text) { this(timeUs, host, source, text, null); }

        public String kind() { return "log"; }
    }

    /** Replication between the two databases: a row written, shipped, or left behind. */
    record ReplicationChanged(long timeUs, String host, String from, boolean connected, long behind) implements LabEvent {
        public String kind() { return "replication"; }
    }

    /**
     * What "healthy and writable" means for the cluster flavour, as seen on one node: replication threads for
     * dual-master, wsrep_local_state and the Primary component for Galera/PXC, member state and majority for MGR.
     */
    record ClusterStatus(long timeUs, String host, Reason status, boolean writable) implements LabEvent {
        public String kind() { return "cluster"; }
    }

    /** A real host stopped or resumed answering (SSH engine). */
    record HostReachability(long timeUs, String host, boolean reachable, Reason detail) implements LabEvent {
        public String kind() { return "host"; }
    }

    /**
     * A VRRP instance other than the one holding the client's VIP changed state (a keepalived with several
     * vrrp_instances: the read VIP's, a second cluster's). The client VIP's instance keeps {@link VrrpStateChanged}.
     */
    record InstanceStateChanged(long timeUs, String host, String instance, VrrpState from, VrrpState to, Reason reason)
            implements LabEvent {
        public String kind() { return "instance-state"; }
    }

    /** Such an instance's VIPs ({@code vips}, comma-separated) were added to or removed from the host together. */
    record InstanceVipChanged(long timeUs, String host, String instance, String vips, boolean added, Reason reason)
            implements LabEvent {
        public String kind() { return "instance-vip"; }
    }

    /**
     * A notify script of an instance or sync group ({@code owner}) started for {@code state} (MASTER, BACKUP,
     * FAULT, STOP, or RX_LOWER_PRI), or finished; {@code moved} is the cloud address its finish moved here, else null.
     */
    record NotifyRun(long timeUs, String host, String owner, String command, String state, boolean finished, String moved)
            implements LabEvent {
        public String kind() { return "notify"; }
    }

    /** Why a client probe failed. */
    enum ProbeFailure { NONE, REFUSED, TIMEOUT, CLOSED, REJECTED }
}
