package org.viplab.config;

import org.viplab.core.model.CheckScriptSpec;
import org.viplab.core.model.HaproxySpec;
import org.viplab.core.model.KeepalivedSpec;
import org.viplab.core.model.NodeSpec;
import org.viplab.core.model.Topology;
import org.viplab.core.util.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Topology to each node's files: keepalived.conf, the check scripts it names, and haproxy.cfg in mode 2.
 * {@link ConfigImporter} reads what this writes back to an equivalent topology (see {@link TopologyEquivalence}).
 * The layout follows the tutorial's files so that a diff against them shows only what changed.
 */
public final class ConfigRenderer {
    /** MariaDB's port: a check of it pings over the local socket instead (see {@link #script}). */
    private static final int DEFAULT_MYSQL_PORT = 3306;

    private ConfigRenderer() { }

    /** File name to content, for one node. */
    public static Map<String, String> render(Topology t, NodeSpec n) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("keepalived.conf", keepalived(t, n));
        for (CheckScriptSpec s : n.keepalived.scripts) {
            if (s.path != null && s.path.startsWith(ConfigImporter.TRACK_PROCESS_PREFIX)) continue;
            files.put(fileName(s.path), script(s));
        }
        if (n.haproxy != null) files.put("haproxy.cfg", haproxy(t, n.haproxy));
        return files;
    }

    /** Writes every node's files under {@code out/NODE/}, atomically; returns the node directories. */
    public static Map<String, Path> write(Topology t, Path out) throws IOException {
        Map<String, Path> dirs = new LinkedHashMap<>();
        for (NodeSpec n : t.nodes) {
            Path d = out.resolve(n.name);
            Files.createDirectories(d);
            for (Map.Entry<String, String> e : render(t, n).entrySet()) {
                Path f = d.resolve(e.getKey());
                AtomicFiles.writeString(f, e.getValue());
                if (e.getKey().endsWith(".sh")) {
                    try {
                        f.toFile().setExecutable(true, false);
                    } catch (SecurityException ignored) {
                        // the file is still usable with "bash FILE"
                    }
                }
            }
            dirs.put(n.name, d);
        }
        return dirs;
    }

    static String fileName(String path) {
        String p = path == null || path.isBlank() ? "check.sh" : path.trim().split("\\s+")[0];
        int slash = p.lastIndexOf('/');
        return slash >= 0 ? p.substring(slash + 1) : p;
    }

    public static String keepalived(Topology t, NodeSpec n) {
        KeepalivedSpec k = n.keepalived;
        StringBuilder b = new StringBuilder();
        b.append("! Configuration File for keepalived\n");
        b.append("! VIP Lab node address: ").append(n.ip).append("\n\n");
        b.append("global_defs {\n   router_id ").append(k.routerId).append("\n");
        if (k.vrrpVersion != 2) b.append("   vrrp_version ").append(k.vrrpVersion).append("\n");
        if (k.garpRefreshUs() > 0) b.append("   vrrp_garp_master_refresh ").append(num(k.garpMasterRefreshSec)).append("\n");
        b.append("}\n\n");
        // one vrrp_script block per name, with the weight of its first instance; another weight is the track's own
        Map<String, CheckScriptSpec> defined = new LinkedHashMap<>();
        for (KeepalivedSpec i : k.instances()) for (CheckScriptSpec s : i.scripts) defined.putIfAbsent(s.name, s);
        for (CheckScriptSpec s : defined.values()) {
            if (s.path != null && s.path.startsWith(ConfigImporter.TRACK_PROCESS_PREFIX)) {
                b.append("vrrp_track_process ").append(s.name).append(" {\n");
                b.append("    process ").append(s.processName).append("\n");
                b.append("    weight ").append(s.weight).append("\n");
                b.append("}\n\n");
                continue;
            }
            b.append("vrrp_script ").append(s.name).append(" {\n");
            b.append("    script \"").append(s.path).append("\"\n");
            b.append("    interval ").append(num(s.intervalSec)).append("\n");
            if (s.timeoutSec != null) b.append("    timeout ").append(num(s.timeoutSec)).append("\n");
            b.append("    weight ").append(s.weight).append("\n");
            if (s.rise != 1) b.append("    rise ").append(s.rise).append("\n");
            if (s.fall != 1) b.append("    fall ").append(s.fall).append("\n");
            if (s.initFail) b.append("    init_fail\n");
            b.append("}\n\n");
        }
        if (k.syncGroups != null) {
            for (org.viplab.core.model.SyncGroupSpec g : k.syncGroups) {
                b.append("vrrp_sync_group ").append(g.name).append(" {\n    group {\n");
                for (String m : g.members) b.append("        ").append(m).append("\n");
                b.append("    }\n");
                notify(b, g.notifyOrEmpty());
                b.append("}\n\n");
            }
        }
        boolean first = true;
        for (KeepalivedSpec i : k.instances()) {
            if (!first) b.append("\n");
            first = false;
            instance(b, i, defined);
        }
        return b.toString();
    }

    private static void instance(StringBuilder b, KeepalivedSpec k, Map<String, CheckScriptSpec> defined) {
        b.append("vrrp_instance ").append(k.instance).append(" {\n");
        b.append("    state ").append(k.state).append("\n");
        b.append("    interface ").append(k.iface).append("\n");
        b.append("    virtual_router_id ").append(k.virtualRouterId).append("\n");
        b.append("    priority ").append(k.priority).append("\n");
        b.append("    advert_int ").append(num(k.advertIntSec)).append("\n");
        if (k.nopreempt) b.append("    nopreempt\n");
        if (k.preemptDelaySec > 0) b.append("    preempt_delay ").append(num(k.preemptDelaySec)).append("\n");
        if (!k.trackInterface) b.append("    dont_track_primary\n");
        if (k.lowerPrioNoAdvertOn()) b.append("    lower_prio_no_advert\n");
        if (k.garpMasterDelaySec != 5) b.append("    garp_master_delay ").append(num(k.garpMasterDelaySec)).append("\n");
        if (k.garpMasterRepeat != 5) b.append("    garp_master_repeat ").append(k.garpMasterRepeat).append("\n");
        if (k.unicast()) {
            if (k.unicastSrcIp != null) b.append("    unicast_src_ip ").append(k.unicastSrcIp).append("\n");
            b.append("    unicast_peer {\n");
            for (String p : k.unicastPeers) b.append("        ").append(p).append("\n");
            b.append("    }\n");
        }
        if (k.authPass != null && !k.authPass.isEmpty()) {
            b.append("    authentication {\n        auth_type PASS\n        auth_pass ").append(k.authPass).append("\n    }\n");
        }
        b.append("    virtual_ipaddress {\n");
        for (String v : k.vips) b.append("        ").append(v).append(" dev ").append(k.iface).append("\n");
        b.append("    }\n");
        if (k.trackInterface && k.trackInterfaceWeight != null) {
            b.append("    track_interface {\n        ").append(k.iface).append(" weight ").append(k.trackInterfaceWeight).append("\n    }\n");
        }
        boolean anyScript = k.scripts.stream().anyMatch(s -> s.path == null || !s.path.startsWith(ConfigImporter.TRACK_PROCESS_PREFIX));
        if (anyScript) {
            b.append("    track_script {\n");
            for (CheckScriptSpec s : k.scripts) {
                if (s.path != null && s.path.startsWith(ConfigImporter.TRACK_PROCESS_PREFIX)) continue;
                b.append("        ").append(s.name);
                CheckScriptSpec d = defined.get(s.name);
                if (d != null && d.weight != s.weight) b.append(" weight ").append(s.weight);
                b.append("\n");
            }
            b.append("    }\n");
        }
        if (!noTrackProcess(k)) {
            b.append("    track_process {\n");
            for (CheckScriptSpec s : k.scripts) {
                if (s.path != null && s.path.startsWith(ConfigImporter.TRACK_PROCESS_PREFIX)) b.append("        ").append(s.name).append("\n");
            }
            b.append("    }\n");
        }
        notify(b, k.notifyOrEmpty());
        b.append("}\n");
    }

    /** notify keywords with their commands, quoted as keepalived reads a command with arguments. */
    private static void notify(StringBuilder b, java.util.List<org.viplab.core.model.NotifySpec> notify) {
        for (org.viplab.core.model.NotifySpec s : notify) {
            b.append("    ").append(s.on.keyword()).append(" \"").append(s.command.replace("\"", "'")).append("\"\n");
        }
    }

    private static boolean noTrackProcess(KeepalivedSpec k) {
        return k.scripts.stream().noneMatch(s -> s.path != null && s.path.startsWith(ConfigImporter.TRACK_PROCESS_PREFIX));
    }

    /** A script with exactly the behaviour the spec describes, in the shapes {@link ScriptAnalyzer} recognises. */
    public static String script(CheckScriptSpec s) {
        StringBuilder b = new StringBuilder("#!/bin/bash\n");
        String cond;
        switch (s.test) {
            case MYSQL_QUERY -> {
                b.append("# mysqladmin ping needs mysqld to answer: a hung or shutting-down mysqld fails it.\n");
                if (s.port == DEFAULT_MYSQL_PORT) {
                    // Over the local socket, as root (keepalived runs scripts as root when there is no keepalived_script
                    // user, as on Debian 12): unix_socket authenticates it. A TCP ping to 127.0.0.1 is refused with 1130
                    // on a server with skip-name-resolve and no account at 127.0.0.1 (the lab, 2026-12-06), and passes
                    // elsewhere only because mysqladmin counts "Access denied" as alive.
                    b.append("# Over the local socket: it needs no account for TCP connections, whatever skip-name-resolve says.\n");
                    cond = "! mysqladmin --connect-timeout=2 ping >/dev/null 2>&1";
                } else {
                    cond = "! mysqladmin --connect-timeout=2 -h 127.0.0.1 -P " + s.port + " ping >/dev/null 2>&1";
                }
            }
            case TCP_CONNECT -> {
                b.append("# A TCP connect to port ").append(s.port).append(": passes while anything listens there.\n");
                cond = "! nc -z -w 2 127.0.0.1 " + s.port;
            }
            default -> {
                b.append("# Passes while a process called ").append(s.processName).append(" exists, hung or not.\n");
                cond = "[ $(ps -C " + s.processName + " --no-header | wc -l) -eq 0 ]";
            }
        }
        b.append("if ").append(cond).append("; then\n");
        if (s.stopsKeepalivedOnFailure) b.append("    service keepalived stop\n");
        if (s.exitNonZeroOnFailure) b.append("    exit 1\n");
        if (!s.stopsKeepalivedOnFailure && !s.exitNonZeroOnFailure) b.append("    :\n");
        b.append("fi\n");
        return b.toString();
    }

    public static String haproxy(Topology t, HaproxySpec h) {
        StringBuilder b = new StringBuilder();
        b.append("global\n    log         127.0.0.1 local2\n    maxconn     4000\n    daemon\n\n");
        b.append("defaults\n");
        b.append("    mode                    ").append(h.mode).append("\n");
        b.append("    log                     global\n");
        if (h.redispatch) b.append("    option                  redispatch\n");
        b.append("    retries                 ").append(h.retries).append("\n");
        b.append("    timeout connect         ").append(time(h.timeoutConnectMs)).append("\n");
        b.append("    timeout client          1m\n    timeout server          1m\n");
        if (h.timeoutCheckMs != null) b.append("    timeout check           ").append(time(h.timeoutCheckMs)).append("\n");
        b.append("\nfrontend mysql\n    mode ").append(h.mode).append("\n    bind *:").append(h.bindPort).append("\n");
        b.append("    default_backend back_mysql\n\n");
        b.append("backend back_mysql\n    mode ").append(h.mode).append("\n    balance ").append(h.balance).append("\n");
        if (h.checkType == HaproxySpec.CheckType.MYSQL) {
            b.append("    option mysql-check").append(h.mysqlCheckUser != null ? " user " + h.mysqlCheckUser : "").append("\n");
        }
        b.append("    default-server inter ").append(time(h.interMs)).append(" fall ").append(h.fall).append(" rise ").append(h.rise);
        if (h.fastinterMs != null) b.append(" fastinter ").append(time(h.fastinterMs));
        if (h.downinterMs != null) b.append(" downinter ").append(time(h.downinterMs));
        if (h.onMarkedDownShutdownSessions) b.append(" on-marked-down shutdown-sessions");
        b.append("\n");
        for (HaproxySpec.ServerSpec s : h.servers) {
            NodeSpec target = t.node(s.node);
            String ip = target != null ? target.ip : s.node;
            b.append("    server ").append(s.name).append(" ").append(ip).append(":").append(s.port);
            if (s.check) b.append(" check");
            if (s.backup) b.append(" backup");
            if (s.weight != 1) b.append(" weight ").append(s.weight);
            b.append("\n");
        }
        return b.toString();
    }

    static String time(long ms) {
        if (ms != 0 && ms % 60_000 == 0) return ms / 60_000 + "m";
        if (ms != 0 && ms % 1000 == 0) return ms / 1000 + "s";
        return ms + "ms";
    }

    static String num(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
        return String.format(Locale.ROOT, "%s", d);
    }
}
