package org.viplab.ui.config;

import org.viplab.model.CheckScriptSpec;
import org.viplab.model.HaproxySpec;
import org.viplab.model.KeepalivedSpec;
import org.viplab.model.NodeSpec;
import org.viplab.model.Topology;

import java.util.Locale;

/**
 * Writes what a node's config files would say for the current topology: keepalived.conf, each check
 * script and haproxy.cfg. A plain renderer for the config view; the config package owns parsing and lint.
 */
public final class ConfigRenderer {
    private ConfigRenderer() { }

    public static String keepalivedConf(Topology t, NodeSpec n) {
        KeepalivedSpec k = n.keepalived;
        StringBuilder b = new StringBuilder();
        b.append("! Configuration File for keepalived\n\n");
        b.append("global_defs {\n    router_id ").append(k.routerId).append("\n}\n\n");
        for (CheckScriptSpec s : k.scripts) {
            b.append("vrrp_script ").append(s.name).append(" {\n");
            b.append("    script \"").append(s.path).append("\"\n");
            b.append("    interval ").append(num(s.intervalSec)).append('\n');
            if (s.timeoutSec != null) b.append("    timeout ").append(num(s.timeoutSec)).append('\n');
            if (s.weight != 0) b.append("    weight ").append(s.weight).append('\n');
            if (s.fall != 1) b.append("    fall ").append(s.fall).append('\n');
            if (s.rise != 1) b.append("    rise ").append(s.rise).append('\n');
            if (s.initFail) b.append("    init_fail\n");
            b.append("}\n\n");
        }
        b.append("vrrp_instance ").append(k.instance).append(" {\n");
        b.append("    state ").append(k.state).append('\n');
        b.append("    interface ").append(k.iface).append('\n');
        b.append("    virtual_router_id ").append(k.virtualRouterId).append('\n');
        b.append("    priority ").append(k.priority).append('\n');
        b.append("    advert_int ").append(num(k.advertIntSec)).append('\n');
        if (k.vrrpVersion != 2) b.append("    version ").append(k.vrrpVersion).append('\n');
        if (k.nopreempt) b.append("    nopreempt\n");
        if (k.preemptDelaySec > 0) b.append("    preempt_delay ").append(num(k.preemptDelaySec)).append('\n');
        if (k.authPass != null && !k.authPass.isEmpty()) {
            b.append("    authentication {\n        auth_type PASS\n        auth_pass ").append(k.authPass).append("\n    }\n");
        }
        if (!k.scripts.isEmpty()) {
            b.append("    track_script {\n");
            for (CheckScriptSpec s : k.scripts) b.append("        ").append(s.name).append('\n');
            b.append("    }\n");
        }
        b.append("    virtual_ipaddress {\n");
        for (String vip : k.vips) b.append("        ").append(vip).append('\n');
        b.append("    }\n}\n");
        return b.toString();
    }

    public static String checkScript(CheckScriptSpec s) {
        StringBuilder b = new StringBuilder("#!/bin/bash\n");
        String test = switch (s.test) {
            case PROCESS_EXISTS -> "[ $(ps -C " + s.processName + " --no-header | wc -l) -eq 0 ]";
            case MYSQL_QUERY -> "! mysqladmin -h 127.0.0.1 -P " + s.port + " ping >/dev/null 2>&1";
            case TCP_CONNECT -> "! timeout 1 bash -c '</dev/tcp/127.0.0.1/" + s.port + "'";
        };
        b.append("if ").append(test).append("; then\n");
        if (s.stopsKeepalivedOnFailure) b.append("    service keepalived stop\n");
        b.append(s.exitNonZeroOnFailure ? "    exit 1\n" : "    exit 0\n");
        b.append("fi\nexit 0\n");
        return b.toString();
    }

    public static String haproxyCfg(Topology t, NodeSpec n) {
        HaproxySpec h = n.haproxy;
        if (h == null) return "";
        StringBuilder b = new StringBuilder();
        b.append("defaults\n    mode ").append(h.mode).append('\n');
        b.append("    timeout connect ").append(h.timeoutConnectMs).append("ms\n");
        if (h.timeoutCheckMs != null) b.append("    timeout check ").append(h.timeoutCheckMs).append("ms\n");
        b.append("    retries ").append(h.retries).append('\n');
        if (h.redispatch) b.append("    option redispatch\n");
        b.append("\nfrontend mysql\n    bind *:").append(h.bindPort).append("\n    default_backend mysql_back\n\n");
        b.append("backend mysql_back\n    balance ").append(h.balance).append('\n');
        if (h.checkType == HaproxySpec.CheckType.MYSQL) {
            b.append("    option mysql-check").append(h.mysqlCheckUser != null ? " user " + h.mysqlCheckUser : "").append('\n');
        }
        StringBuilder serverOpts = new StringBuilder();
        serverOpts.append(" inter ").append(h.interMs).append(" fall ").append(h.fall).append(" rise ").append(h.rise);
        if (h.fastinterMs != null) serverOpts.append(" fastinter ").append(h.fastinterMs);
        if (h.downinterMs != null) serverOpts.append(" downinter ").append(h.downinterMs);
        if (h.onMarkedDownShutdownSessions) serverOpts.append(" on-marked-down shutdown-sessions");
        for (HaproxySpec.ServerSpec s : h.servers) {
            NodeSpec target = t.node(s.node);
            String ip = target != null ? target.ip : s.node;
            b.append("    server ").append(s.name).append(' ').append(ip).append(':').append(s.port);
            if (s.weight != 1) b.append(" weight ").append(s.weight);
            if (s.check) b.append(" check").append(serverOpts);
            if (s.backup) b.append(" backup");
            b.append('\n');
        }
        return b.toString();
    }

    /** Every file of the node, each under a comment with its path. */
    public static String allFiles(Topology t, NodeSpec n) {
        StringBuilder b = new StringBuilder();
        b.append("# /etc/keepalived/keepalived.conf\n").append(keepalivedConf(t, n));
        for (CheckScriptSpec s : n.keepalived.scripts) b.append("\n# ").append(s.path).append('\n').append(checkScript(s));
        if (n.haproxy != null) b.append("\n# /etc/haproxy/haproxy.cfg\n").append(haproxyCfg(t, n));
        return b.toString();
    }

    static String num(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%s", d);
    }
}
