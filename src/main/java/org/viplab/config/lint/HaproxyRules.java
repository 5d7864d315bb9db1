package org.viplab.config.lint;

import org.viplab.config.HaproxyConf;
import org.viplab.config.KeepalivedConf;
import org.viplab.config.NodeConfig;
import org.viplab.lab.Verb;
import org.viplab.model.Flavour;

import java.util.List;
import java.util.Set;

/** haproxy.cfg for MySQL: layer 4, real checks, cutting dead sessions, one writer, binding the VIP. */
final class HaproxyRules {
    private static final Set<String> ONE_WRITER_BALANCE = Set.of("first");

    private HaproxyRules() { }

    static void check(LintContext c) {
        for (NodeConfig nc : c.nodes()) {
            if (nc.haproxy == null) continue;
            for (HaproxyConf.Proxy p : nc.haproxy.proxies()) {
                mode(c, nc, p);
                if (p.hasBackendSide() && !p.servers.isEmpty()) backend(c, nc, p);
                if (p.hasFrontendSide()) bindVip(c, nc, p);
            }
        }
    }

    private static void mode(LintContext c, NodeConfig nc, HaproxyConf.Proxy p) {
        if (p.binds.isEmpty() && p.servers.isEmpty()) return;
        HaproxyConf.Val<String> m = p.effectiveMode();
        if (m.value().equals("tcp")) return;
        c.add("haproxy-not-tcp", Severity.ERROR, nc, m.pos(),
                p.kind.name().toLowerCase() + " " + p.name + " runs in mode " + m.value() + (m.inherited() ? " (from defaults)" : ""),
                "MySQL's protocol is not HTTP: in mode http haproxy rejects or garbles every MySQL connection",
                "set mode tcp in the frontend and backend (or in defaults)", null);
    }

    private static void backend(LintContext c, NodeConfig nc, HaproxyConf.Proxy p) {
        HaproxyConf.Server first = p.servers.get(0);
        boolean anyCheck = p.servers.stream().anyMatch(s -> s.check);
        boolean mysqlCheck = p.optionOn("mysql-check");
        String n = nc.name;
        if (!anyCheck) {
            c.add("haproxy-no-check", Severity.WARNING, nc, first.pos,
                    "no server of " + p.name + " has `check`",
                    "haproxy never marks a server down: clients keep being sent to a dead database",
                    "add `check` (with option mysql-check) to every server", null);
        } else if (!mysqlCheck) {
            c.add("haproxy-bare-tcp-check", Severity.WARNING, nc, first.pos,
                    "the servers of " + p.name + " are checked with a bare TCP connect" + (p.optionOn("httpchk") ? " (option httpchk on MySQL fails or proves nothing)" : ""),
                    "a hung mysqld still completes the TCP handshake, so haproxy keeps it UP and keeps sending clients to it",
                    "add `option mysql-check user NAME` (a user without password and privileges), so the check logs in",
                    () -> Prover.run(c.topology, null, List.of(Prover.step(5, Verb.HANG, firstNode(c, p) + "/mysqld")), 35,
                            "hang mysqld on " + firstNode(c, p) + " at 5 s").sentence());
        }
        HaproxyConf.Server ds = p.effectiveDefaultServer();
        for (HaproxyConf.Server s : p.servers) {
            if (!s.check) continue;
            String omd = s.onMarkedDown != null ? s.onMarkedDown : ds == null ? null : ds.onMarkedDown;
            if (!"shutdown-sessions".equals(omd)) {
                c.add("haproxy-no-shutdown-sessions", Severity.WARNING, nc, s.pos,
                        "server " + s.name + " has no `on-marked-down shutdown-sessions`",
                        "when haproxy marks the server DOWN its open sessions are kept: clients hang on a dead connection until their own timeouts",
                        "add `on-marked-down shutdown-sessions` to the server (or to default-server)", null);
                break;
            }
        }
        long active = p.servers.stream().filter(s -> !s.backup && !s.disabled).count();
        HaproxyConf.Val<String> bal = p.effectiveBalance();
        if (active >= 2 && !ONE_WRITER_BALANCE.contains(bal.value()) && c.topology.flavour == Flavour.DUAL_MASTER) {
            c.add("haproxy-writes-to-both-masters", Severity.WARNING, nc, bal.inherited() ? p.pos : bal.pos(),
                    "balance " + bal.value() + " spreads connections over " + active + " active servers of an asynchronous dual-master pair",
                    "both masters take writes at once; replication is asynchronous, so writes to the same rows conflict "
                            + "(duplicate keys, lost updates) and replication can stop",
                    "keep one active server and mark the other `backup` (it is used only while the first is DOWN)",
                    () -> {
                        java.util.Map<String, Long> by = Prover.backendsAnswering(c.topology, 20);
                        StringBuilder b = new StringBuilder("no fault injected, 20 s: client queries answered by ");
                        if (by.isEmpty()) b.append("no backend");
                        by.forEach((k, v) -> b.append(b.toString().endsWith("by ") ? "" : " and ").append(k).append(" ").append(v).append(" times"));
                        return b.append(by.size() > 1 ? ": both masters take writes" : "").append(" (simulated)").toString();
                    });
        }
    }

    private static String firstNode(LintContext c, HaproxyConf.Proxy p) {
        for (HaproxyConf.Server s : p.servers) {
            for (var n : c.topology.nodes) if (n.ip.equals(s.address) || n.name.equals(s.name)) return n.name;
        }
        return c.topology.nodes.get(0).name;
    }

    private static void bindVip(LintContext c, NodeConfig nc, HaproxyConf.Proxy p) {
        KeepalivedConf.VrrpInstance vi = nc.instance();
        if (vi == null) return;
        for (HaproxyConf.Bind b : p.binds) {
            if (b.wildcard()) continue;
            boolean isVip = vi.vips.stream().anyMatch(v -> v.ip.equals(b.address()));
            if (!isVip) continue;
            String set = nc.sysctl.get("net.ipv4.ip_nonlocal_bind");
            if ("1".equals(set)) continue;
            c.add("haproxy-binds-vip", Severity.WARNING, nc, b.pos(),
                    p.name + " binds the VIP " + b.address() + ":" + b.port() + " and no sysctl file in " + nc.dir + " sets net.ipv4.ip_nonlocal_bind = 1",
                    "on the node that does not hold the VIP the address is not local: haproxy fails to start (\"cannot bind socket\"), "
                            + "and after a failover the new VIP holder has no haproxy listening",
                    "bind *:" + b.port() + ", or set net.ipv4.ip_nonlocal_bind = 1 in /etc/sysctl.d/ on both nodes (put the file in the node "
                            + "directory as sysctl.conf or sysctl.d/*.conf so lint can see it)", null);
        }
    }
}
