package org.viplab.model;

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

    private static final Map<String, Supplier<Topology>> ALL = Map.of(
            "mode1", Presets::mode1,
            "mode2", Presets::mode2);

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
