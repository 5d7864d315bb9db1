package org.viplab.config.lint;

import org.viplab.config.HaproxyConf;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Which sections of a haproxy.cfg carry the database clients' traffic, so the MySQL rules judge those and leave
 * the rest alone: a {@code listen stats} in {@code mode http}, a listener on another port (a web page, an
 * exporter) and a frontend with nowhere to send are not MySQL.
 */
final class MysqlProxies {
    private MysqlProxies() { }

    /**
     * The client frontend (see {@link HaproxyConf#clientFrontend()}), every other frontend or listen bound to one of
     * its ports, the backends they name, and backends no frontend names (a backend reached by nothing is judged as
     * MySQL, since the file is a database node's). Without a client frontend: every section that is not a monitor.
     */
    static Set<HaproxyConf.Proxy> of(HaproxyConf h) {
        Set<HaproxyConf.Proxy> out = new LinkedHashSet<>();
        HaproxyConf.Proxy fe = h.clientFrontend();
        if (fe == null) {
            for (HaproxyConf.Proxy p : h.proxies()) if (!p.isMonitor()) out.add(p);
            return out;
        }
        Set<Integer> ports = new HashSet<>();
        for (HaproxyConf.Bind b : fe.binds) ports.add(b.port());
        Set<String> named = new HashSet<>();
        for (HaproxyConf.Proxy p : h.proxies()) {
            if (!p.hasFrontendSide() || p.binds.isEmpty()) continue;
            named.addAll(p.backendNames());
            if (p.isMonitor() || p.binds.stream().noneMatch(b -> ports.contains(b.port()))) continue;
            out.add(p);
            for (String n : p.backendNames()) {
                HaproxyConf.Proxy be = h.section(n, HaproxyConf.Kind.BACKEND, HaproxyConf.Kind.LISTEN);
                if (be != null) out.add(be);
            }
        }
        for (HaproxyConf.Proxy p : h.proxies()) {
            if (p.kind == HaproxyConf.Kind.BACKEND && !named.contains(p.name) && !p.servers.isEmpty()) out.add(p);
        }
        return out;
    }
}
