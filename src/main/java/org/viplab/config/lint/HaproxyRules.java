package org.viplab.config.lint;

import org.viplab.config.HaproxyConf;
import org.viplab.config.NodeConfig;
import org.viplab.lab.Verb;
import org.viplab.core.model.Flavour;

import java.util.List;
import java.util.Set;

/** haproxy.cfg for MySQL: layer 4, real checks, cutting dead sessions, one writer, binding the VIP. */
final class HaproxyRules {
    private static final Set<String> ONE_WRITER_BALANCE = Set.of("first");

    private HaproxyRules() { }

    static void check(LintContext c) {
        for (NodeConfig nc : c.nodes()) {
            if (nc.haproxy == null) continue;
            java.util.Set<HaproxyConf.Proxy> mysql = MysqlProxies.of(nc.haproxy);
            java.util.Set<HaproxyConf.Proxy> clientPath = MysqlProxies.clientPath(nc.haproxy);
            for (HaproxyConf.Proxy p : nc.haproxy.proxies()) {
                if (p.hasFrontendSide()) bindVip(c, nc, p);
                // a stats page, an exporter or a web listener is no MySQL path: http mode and its checks are fine there
                if (!mysql.contains(p)) continue;
                mode(c, nc, p);
                if (p.hasBackendSide() && !p.servers.isEmpty()) backend(c, nc, p, clientPath.contains(p));
            }
        }
    }

    private static void mode(LintContext c, NodeConfig nc, HaproxyConf.Proxy p) {
        if (p.binds.isEmpty() && p.servers.isEmpty()) return;
        HaproxyConf.Val<String> m = p.effectiveMode();
        if (m.value().equals("tcp")) return;
        c.add("haproxy-not-tcp", Severity.ERROR, nc, m.pos(),
                LintText.of(m.inherited() ? "lint.haproxy-not-tcp.message.inherited" : "lint.haproxy-not-tcp.message",
                        p.kind.name().toLowerCase(), p.name, m.value()),
                LintText.of("lint.haproxy-not-tcp.why"),
                LintText.of("lint.haproxy-not-tcp.fix"), null);
    }

    /** {@code writes}: on the client's path; a read port's backend may well spread over both nodes. */
    private static void backend(LintContext c, NodeConfig nc, HaproxyConf.Proxy p, boolean writes) {
        HaproxyConf.Server first = p.servers.get(0);
        boolean anyCheck = p.servers.stream().anyMatch(s -> s.check);
        boolean mysqlCheck = p.optionOn("mysql-check");
        String n = nc.name;
        if (!anyCheck) {
            c.add("haproxy-no-check", Severity.WARNING, nc, first.pos,
                    LintText.of("lint.haproxy-no-check.message", p.name),
                    LintText.of("lint.haproxy-no-check.why"),
                    LintText.of("lint.haproxy-no-check.fix"), null);
        } else if (!mysqlCheck) {
            c.add("haproxy-bare-tcp-check", Severity.WARNING, nc, first.pos,
                    LintText.of(p.optionOn("httpchk") ? "lint.haproxy-bare-tcp-check.message.httpchk" : "lint.haproxy-bare-tcp-check.message", p.name),
                    LintText.of("lint.haproxy-bare-tcp-check.why"),
                    LintText.of("lint.haproxy-bare-tcp-check.fix"),
                    () -> Prover.run(c.topology, null, List.of(Prover.step(5, Verb.HANG, firstNode(c, p) + "/mysqld")), 35,
                            LintText.of("lint.fault.hang", "mysqld", firstNode(c, p))).text());
        }
        HaproxyConf.Server ds = p.effectiveDefaultServer();
        for (HaproxyConf.Server s : p.servers) {
            if (!s.check) continue;
            String omd = s.onMarkedDown != null ? s.onMarkedDown : ds == null ? null : ds.onMarkedDown;
            if (!"shutdown-sessions".equals(omd)) {
                c.add("haproxy-no-shutdown-sessions", Severity.WARNING, nc, s.pos,
                        LintText.of("lint.haproxy-no-shutdown-sessions.message", s.name),
                        LintText.of("lint.haproxy-no-shutdown-sessions.why"),
                        LintText.of("lint.haproxy-no-shutdown-sessions.fix"), null);
                break;
            }
        }
        long active = p.servers.stream().filter(s -> !s.backup && !s.disabled).count();
        HaproxyConf.Val<String> bal = p.effectiveBalance();
        if (writes && active >= 2 && !ONE_WRITER_BALANCE.contains(bal.value()) && c.topology.flavour == Flavour.DUAL_MASTER) {
            c.add("haproxy-writes-to-both-masters", Severity.WARNING, nc, bal.inherited() ? p.pos : bal.pos(),
                    LintText.of("lint.haproxy-writes-to-both-masters.message", bal.value(), active),
                    LintText.of("lint.haproxy-writes-to-both-masters.why"),
                    LintText.of("lint.haproxy-writes-to-both-masters.fix"),
                    () -> {
                        java.util.Map<String, Long> by = Prover.backendsAnswering(c.topology, 20);
                        LintText who = by.isEmpty() ? LintText.of("lint.proof.backends.none") : null;
                        for (java.util.Map.Entry<String, Long> e : by.entrySet()) {
                            LintText one = LintText.of("lint.proof.backends.one", e.getKey(), e.getValue());
                            who = who == null ? one : LintText.of("lint.and", who, one);
                        }
                        return LintText.of("lint.proof.backends", who,
                                by.size() > 1 ? LintText.of("lint.proof.backends.bothWrite") : LintText.literal(""));
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
        for (HaproxyConf.Bind b : p.binds) {
            if (b.wildcard()) continue;
            boolean isVip = nc.keepalived.instances.stream().flatMap(vi -> vi.vips.stream()).anyMatch(v -> v.ip.equals(b.address()));
            if (!isVip) continue;
            String set = nc.sysctl.get("net.ipv4.ip_nonlocal_bind");
            if ("1".equals(set)) continue;
            c.add("haproxy-binds-vip", Severity.WARNING, nc, b.pos(),
                    LintText.of("lint.haproxy-binds-vip.message", p.name, b.address(), b.port(), nc.dir),
                    LintText.of("lint.haproxy-binds-vip.why"),
                    LintText.of("lint.haproxy-binds-vip.fix", b.port()), null);
        }
    }
}
