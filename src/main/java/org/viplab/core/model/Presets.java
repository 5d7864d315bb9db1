package org.viplab.core.model;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The tutorial's two configurations, exactly as written (see README for the one value it leaves out),
 * plus the variants a careful engineer would deploy instead.
 */
public final class Presets {
    public static final String DB1_IP = "10.9.8.201";
    public static final String DB2_IP = "10.9.8.223";
    public static final String DB3_IP = "10.9.8.231";

    private static final Map<String, Supplier<Topology>> ALL = Map.of(
            "mode1", Presets::mode1,
            "mode2", Presets::mode2,
            "mode1-recommended", Presets::mode1Recommended,
            "mode2-recommended", Presets::mode2Recommended,
            "galera3", Presets::galera3,
            "mode1-unicast", Presets::mode1Unicast,
            "readwrite", Presets::readWrite);

    private Presets() { }

    public static List<String> names() { return ALL.keySet().stream().sorted().toList(); }

    /** A fresh copy of the named preset, or null. */
    public static Topology byName(String name) {
        Supplier<Topology> s = ALL.get(name);
        return s == null ? null : s.get();
    }

    /** Mode 1, DB tracking: db1 MASTER 100, db2 BACKUP 90, check_mysql.sh every 3 s, weight -5. */
    public static Topology mode1() {
        Topology t = base("mode1", Mode.DB_TRACKING);
        t.description = "The tutorial's mode 1: keepalived tracks mysqld with `ps -C mysqld`; "
                + "the check script stops keepalived when mysqld is gone.";
        for (NodeSpec n : t.nodes) n.keepalived.scripts.add(tutorialScript("/etc/keepalived/check_mysql.sh", "mysqld"));
        return t;
    }

    /**
     * Mode 2, HAProxy tracking: haproxy on both nodes balances both databases; keepalived tracks haproxy.
     * The tutorial gives the backup priority 9 and leaves the master's out: 10 is assumed.
     */
    public static Topology mode2() {
        Topology t = base("mode2", Mode.HAPROXY_TRACKING);
        t.description = "The tutorial's mode 2: haproxy (mode tcp, roundrobin) on each node, keepalived tracks "
                + "haproxy with `ps -C haproxy`; clients use VIP:6039.";
        t.node("db1").keepalived.priority = 10;
        t.node("db2").keepalived.priority = 9;
        for (NodeSpec n : t.nodes) {
            n.keepalived.scripts.add(tutorialScript("/etc/keepalived/check_haproxy_status.sh", "haproxy"));
            n.haproxy = tutorialHaproxy();
        }
        return t;
    }

    /**
     * Mode 1 as a careful engineer would run it (each choice is explained in the README):
     * both nodes {@code state BACKUP} with {@code nopreempt}, so a returning node never takes the VIP back from a
     * healthy one; a weight-0 check, so a failing database puts its node in FAULT (priority-0 advert, VIP moved
     * at once) and the node recovers by itself after {@code rise} good checks; a real query with a timeout
     * instead of {@code ps}, so a hung or shutting-down mysqld counts as down; {@code fall 2 rise 2} against
     * flapping; and no {@code service keepalived stop}.
     */
    public static Topology mode1Recommended() {
        Topology t = base("mode1-recommended", Mode.DB_TRACKING);
        t.description = "Mode 1 done carefully: both BACKUP + nopreempt, a weight-0 `mysql -e 'SELECT 1'` check "
                + "with timeout 2, fall 2, rise 2; FAULT instead of stopping keepalived.";
        for (NodeSpec n : t.nodes) {
            backupNopreempt(n).keepalived.scripts.add(healthScript("chk_mysql", "/etc/keepalived/chk_mysql.sh", CheckScriptSpec.Test.MYSQL_QUERY, 3306));
        }
        return t;
    }

    /**
     * Mode 2 done carefully: the keepalived side as in {@link #mode1Recommended()} but checking that haproxy
     * accepts on 6039; haproxy with {@code option mysql-check} (a hung mysqld fails it), {@code on-marked-down
     * shutdown-sessions}, and writes sent to db1 only with db2 as {@code backup}, so the two masters of an
     * asynchronous pair never take conflicting writes.
     */
    public static Topology mode2Recommended() {
        Topology t = base("mode2-recommended", Mode.HAPROXY_TRACKING);
        t.description = "Mode 2 done carefully: both BACKUP + nopreempt, a weight-0 TCP check of haproxy's port with "
                + "fall 2, rise 2; haproxy with option mysql-check, on-marked-down shutdown-sessions and db2 as backup.";
        for (NodeSpec n : t.nodes) {
            backupNopreempt(n).keepalived.scripts.add(healthScript("chk_haproxy", "/etc/keepalived/chk_haproxy.sh", CheckScriptSpec.Test.TCP_CONNECT, 6039));
            n.haproxy = oneWriterHaproxy();
        }
        return t;
    }

    /**
     * Three MariaDB Galera nodes, since two cannot keep a quorum: keepalived on each with priorities 150/100/50
     * (db1 {@code state MASTER}, the others BACKUP; preemptive, so the VIP goes back to db1), a weight-0 TCP check
     * of the local haproxy (fall 2, rise 2: FAULT and a priority-0 advert when haproxy stops), and haproxy on each
     * node in the mode 2 style: writes to db1 with db2 and db3 as {@code backup} servers (one writer avoids
     * certification conflicts), {@code option mysql-check}. A non-Primary node still passes mysql-check (it
     * greets, then rejects queries): a real deployment checks wsrep_local_state with clustercheck over httpchk.
     * The client writes, so quorum shows.
     */
    public static Topology galera3() {
        Topology t = base("galera3", Mode.HAPROXY_TRACKING);
        t.description = "Three Galera nodes: keepalived priorities 150/100/50, haproxy on each (db2 and db3 backup "
                + "servers, mysql-check), a weight-0 check of haproxy's port; writing clients.";
        t.flavour = Flavour.GALERA;
        t.clientWrites = true;
        NodeSpec db3 = new NodeSpec("db3", DB3_IP, "a2:5e:11:7c:3d:40");
        db3.keepalived.routerId = "LVS_DB3";
        db3.keepalived.state = KeepalivedSpec.InitialState.BACKUP;
        t.nodes.add(db3);
        int[] priorities = {150, 100, 50};
        for (int i = 0; i < t.nodes.size(); i++) {
            NodeSpec n = t.nodes.get(i);
            n.mysqldProcessName = "mariadbd";
            n.keepalived.priority = priorities[i];
            n.keepalived.scripts.add(healthScript("chk_haproxy", "/etc/keepalived/chk_haproxy.sh", CheckScriptSpec.Test.TCP_CONNECT, 6039));
            HaproxySpec h = oneWriterHaproxy();
            HaproxySpec.ServerSpec third = new HaproxySpec.ServerSpec("db3", "db3");
            third.backup = true;
            h.servers.add(third);
            n.haproxy = h;
        }
        return t;
    }

    /**
     * The tutorial's mode 1 where multicast is blocked (most clouds): each node sends its adverts to the other's
     * address only ({@code unicast_src_ip} its own, {@code unicast_peer} the other's).
     */
    public static Topology mode1Unicast() {
        Topology t = mode1();
        t.name = "mode1-unicast";
        t.description = "The tutorial's mode 1 with unicast adverts: unicast_src_ip and one unicast_peer on each node.";
        for (NodeSpec n : t.nodes) {
            n.keepalived.unicastSrcIp = n.ip;
            n.keepalived.unicastPeers = new java.util.ArrayList<>(t.nodes.stream().filter(o -> o != n).map(o -> o.ip).toList());
        }
        return t;
    }

    /** The read VIP of {@link #readWrite()}. */
    public static final String READ_VIP = "10.9.8.121";

    /**
     * A write VIP and a read VIP as two VRRP instances (VI_WRITE, VRID 51, the client's; VI_READ, VRID 52) held
     * together by a vrrp_sync_group: only VI_WRITE tracks the database (weight 0, so a failing check is a FAULT),
     * and the group takes VI_READ along, so the read VIP follows the write VIP.
     */
    public static Topology readWrite() {
        Topology t = base("readwrite", Mode.DB_TRACKING);
        t.description = "A write VIP and a read VIP (two vrrp_instances) in one vrrp_sync_group; VI_WRITE tracks mysqld "
                + "with a weight-0 query check, and the group moves VI_READ with it.";
        for (NodeSpec n : t.nodes) {
            KeepalivedSpec w = n.keepalived;
            w.instance = "VI_WRITE";
            w.scripts.add(healthScript("chk_mysql", "/etc/keepalived/chk_mysql.sh", CheckScriptSpec.Test.MYSQL_QUERY, 3306));
            KeepalivedSpec r = new KeepalivedSpec();
            r.instance = "VI_READ";
            r.routerId = w.routerId;
            r.state = w.state;
            r.priority = w.priority;
            r.virtualRouterId = 52;
            r.vips = new java.util.ArrayList<>(List.of(READ_VIP));
            w.moreInstances = new java.util.ArrayList<>(List.of(r));
            w.syncGroups = new java.util.ArrayList<>(List.of(new SyncGroupSpec("VG_DB", List.of("VI_WRITE", "VI_READ"))));
        }
        return t;
    }

    /**
     * haproxy writing to one database at a time: db1, with the others as {@code backup} servers (one writer avoids
     * conflicts), {@code option mysql-check}, no redispatch, sessions shut when a server is marked down.
     */
    private static HaproxySpec oneWriterHaproxy() {
        HaproxySpec h = tutorialHaproxy();
        h.checkType = HaproxySpec.CheckType.MYSQL;
        h.mysqlCheckUser = "haproxy_check";
        h.timeoutCheckMs = null;
        h.redispatch = false;
        h.onMarkedDownShutdownSessions = true;
        h.servers.get(1).backup = true;
        return h;
    }

    /** Both nodes {@code state BACKUP} with {@code nopreempt}: the first up keeps the VIP; no failback. */
    private static NodeSpec backupNopreempt(NodeSpec n) {
        n.keepalived.state = KeepalivedSpec.InitialState.BACKUP;
        n.keepalived.nopreempt = true;
        return n;
    }

    static CheckScriptSpec healthScript(String name, String path, CheckScriptSpec.Test test, int port) {
        CheckScriptSpec s = new CheckScriptSpec();
        s.name = name;
        s.path = path;
        s.intervalSec = 2;
        s.timeoutSec = 2.0;
        s.weight = 0;
        s.fall = 2;
        s.rise = 2;
        s.test = test;
        s.port = port;
        s.processName = null;
        s.stopsKeepalivedOnFailure = false;
        s.exitNonZeroOnFailure = true;
        return s;
    }

    static Topology base(String name, Mode mode) {
        Topology t = new Topology();
        t.name = name;
        t.mode = mode;
        NodeSpec db1 = new NodeSpec("db1", DB1_IP, "16:90:de:f4:19:3b");
        NodeSpec db2 = new NodeSpec("db2", DB2_IP, "62:d9:ea:3a:c4:9c");
        db1.keepalived.routerId = "LVS_DB1";
        db1.keepalived.state = KeepalivedSpec.InitialState.MASTER;
        db1.keepalived.priority = 100;
        db2.keepalived.routerId = "LVS_DB2";
        db2.keepalived.state = KeepalivedSpec.InitialState.BACKUP;
        db2.keepalived.priority = 90;
        t.nodes.add(db1);
        t.nodes.add(db2);
        return t;
    }

    /** {@code if [ $(ps -C NAME --no-header | wc -l) -eq 0 ]; then service keepalived stop; fi}: always exits 0. */
    static CheckScriptSpec tutorialScript(String path, String process) {
        CheckScriptSpec s = new CheckScriptSpec();
        s.name = "check_haproxy"; // the tutorial names both scripts check_haproxy
        s.path = path;
        s.intervalSec = 3;
        s.weight = -5;
        s.test = CheckScriptSpec.Test.PROCESS_EXISTS;
        s.processName = process;
        s.stopsKeepalivedOnFailure = true;
        s.exitNonZeroOnFailure = false;
        return s;
    }

    /** The tutorial's haproxy.cfg: frontend *:6039, backend roundrobin db1 and db2 with a bare check. */
    static HaproxySpec tutorialHaproxy() {
        HaproxySpec h = new HaproxySpec();
        h.bindPort = 6039;
        h.timeoutCheckMs = 10_000L;
        h.timeoutConnectMs = 10_000;
        h.redispatch = true;
        h.retries = 3;
        h.servers.add(new HaproxySpec.ServerSpec("db1", "db1"));
        h.servers.add(new HaproxySpec.ServerSpec("db2", "db2"));
        return h;
    }
}
