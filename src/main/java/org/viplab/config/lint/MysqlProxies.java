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
     * The client's path: the client frontend (see {@link HaproxyConf#clientFrontend()}), every other frontend or
     * listen bound to one of its ports, the backends they name, and backends no frontend names (a backend reached
     * by nothing is judged as the client's, since the file is a database node's). Without a client frontend: every
     * section that is not a monitor.
     */
    static Set<HaproxyConf.Proxy> clientPath(HaproxyConf h) {
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
            out.addAll(targets(h, p));
        }
        for (HaproxyConf.Proxy p : h.proxies()) {
            if (p.kind == HaproxyConf.Kind.BACKEND && !named.contains(p.name) && !p.servers.isEmpty()) out.add(p);
        }
        return out;
    }

    /**
     * Every section that carries MySQL: the client's path, and any other frontend or listen (a read port, say)
     * whose servers listen on a database port, the ports of the client path's servers (3306 when it has none).
     */
    static Set<HaproxyConf.Proxy> of(HaproxyConf h) {
        Set<HaproxyConf.Proxy> out = clientPath(h);
        Set<Integer> dbPorts = new HashSet<>();
        for (HaproxyConf.Proxy p : out) for (HaproxyConf.Server s : p.servers) if (s.port != null) dbPorts.add(s.port);
        if (dbPorts.isEmpty()) dbPorts.add(3306);
        for (HaproxyConf.Proxy p : h.proxies()) {
            if (out.contains(p) || !p.hasFrontendSide() || p.binds.isEmpty() || p.isMonitor()) continue;
            Set<HaproxyConf.Proxy> to = targets(h, p);
            boolean db = to.stream().anyMatch(b -> b.servers.stream().anyMatch(s -> s.port != null && dbPorts.contains(s.port)));
            if (!db) continue;
            out.add(p);
            out.addAll(to);
        }
        return out;
    }

    /** Where a frontend sends: the backends it names, or itself for a listen section with servers. */
    private static Set<HaproxyConf.Proxy> targets(HaproxyConf h, HaproxyConf.Proxy p) {
        Set<HaproxyConf.Proxy> to = new LinkedHashSet<>();
        if (!p.servers.isEmpty()) to.add(p);
        for (String n : p.backendNames()) {
            HaproxyConf.Proxy be = h.section(n, HaproxyConf.Kind.BACKEND, HaproxyConf.Kind.LISTEN);
            if (be != null) to.add(be);
        }
        return to;
    }
}
