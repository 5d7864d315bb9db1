package org.viplab.config.lint;

import org.viplab.config.KeepalivedConf;
import org.viplab.config.NodeConfig;
import org.viplab.config.SourcePos;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** What both nodes must agree on, VRID reuse, and the transport. */
final class PairRules {
    private PairRules() { }

    static void check(LintContext c) {
        List<NodeConfig> nodes = c.nodes();
        for (NodeConfig nc : nodes) vridReuse(c, nc);
        for (NodeConfig nc : nodes) multicast(c, nc);
        if (nodes.size() != 2) return;
        NodeConfig a = nodes.get(0);
        NodeConfig b = nodes.get(1);
        KeepalivedConf.VrrpInstance x = a.instance();
        KeepalivedConf.VrrpInstance y = b.instance();
        if (x == null || y == null) return;
        int vx = a.keepalived.versionOf(x);
        int vy = b.keepalived.versionOf(y);
        String both = a.name + " and " + b.name;
        String splitWhy = "the nodes drop each other's adverts, so both become MASTER and both hold the VIP (split brain)";
        if (x.vrid != null && y.vrid != null && !x.vrid.value().equals(y.vrid.value())) {
            mismatch(c, b, y.vrid.pos(), "virtual_router_id differs: " + x.vrid.value() + " on " + a.name + ", " + y.vrid.value() + " on " + b.name,
                    "adverts of another VRID belong to another router: " + splitWhy, "use the same virtual_router_id on " + both, Severity.ERROR);
        }
        if (vx != vy) {
            mismatch(c, b, y.version != null ? y.version.pos() : y.pos, "VRRP version differs: " + vx + " on " + a.name + ", " + vy + " on " + b.name,
                    "keepalived drops adverts of the other version (\"wrong VRRP version\"): " + splitWhy, "set the same vrrp_version on " + both, Severity.ERROR);
        }
        double ix = x.advertIntOrDefault();
        double iy = y.advertIntOrDefault();
        boolean v2 = vx == 2 && vy == 2;
        boolean differ = v2 ? Math.max(1, Math.round(ix)) != Math.max(1, Math.round(iy)) : Math.abs(ix - iy) > 1e-9;
        if (differ) {
            SourcePos p = y.advertInt != null ? y.advertInt.pos() : x.advertInt != null ? x.advertInt.pos() : y.pos;
            mismatch(c, y.advertInt != null ? b : a, p, "advert_int differs: " + ix + " s on " + a.name + ", " + iy + " s on " + b.name,
                    v2 ? "VRRPv2 drops adverts whose interval differs (\"advertisement interval mismatch\"): " + splitWhy
                            : "VRRPv3 takes the master's interval and only logs the mismatch; the backup's timers then follow the master",
                    "use the same advert_int on " + both, v2 ? Severity.ERROR : Severity.WARNING);
        }
        TreeSet<String> sx = new TreeSet<>();
        TreeSet<String> sy = new TreeSet<>();
        x.vips.forEach(v -> sx.add(v.ip));
        y.vips.forEach(v -> sy.add(v.ip));
        if (!sx.equals(sy)) {
            mismatch(c, b, y.vipsPos != null ? y.vipsPos : y.pos, "virtual_ipaddress differs: " + sx + " on " + a.name + ", " + sy + " on " + b.name,
                    "keepalived up to 2.2 drops adverts whose address list differs (split brain); from 2.3.3 it accepts them with a "
                            + "warning, and the VIPs that only one node lists move with nothing to take them over",
                    "list the same addresses on " + both + " (not simulated: VIP Lab's adverts do not carry the address list)",
                    Severity.ERROR, false);
        }
        if (v2) {
            String ax = auth(x);
            String ay = auth(y);
            if (!Objects.equals(ax, ay)) {
                SourcePos p = y.authPass != null ? y.authPass.pos() : y.authPos != null ? y.authPos : x.authPos != null ? x.authPos : y.pos;
                mismatch(c, b, p, "authentication differs: " + (ax == null ? "none" : "set") + " on " + a.name + ", "
                                + (ay == null ? "none" : "set") + " on " + b.name + (ax != null && ay != null ? " (different auth_type or auth_pass)" : ""),
                        "keepalived drops adverts that fail authentication (\"received an invalid passwd\"): " + splitWhy,
                        "use the same authentication block on " + both + ", or none (VRRPv3 has none)", Severity.ERROR);
            }
        }
    }

    private static String auth(KeepalivedConf.VrrpInstance v) {
        if (v.authPos == null) return null;
        return (v.authType == null ? "" : v.authType.value().toUpperCase()) + "/" + (v.authPass == null ? "" : v.authPass.value());
    }

    private static void mismatch(LintContext c, NodeConfig where, SourcePos pos, String msg, String why, String fix, Severity sev) {
        mismatch(c, where, pos, msg, why, fix, sev, true);
    }

    private static void mismatch(LintContext c, NodeConfig where, SourcePos pos, String msg, String why, String fix, Severity sev,
                                 boolean simulate) {
        c.add("vrrp-mismatch", sev, where, pos, msg, why, fix,
                simulate ? () -> Prover.run(c.topology, null, List.of(), 20, "no fault injected, 20 s").sentence() : null);
    }

    private static void vridReuse(LintContext c, NodeConfig nc) {
        Map<String, KeepalivedConf.VrrpInstance> seen = new HashMap<>();
        for (KeepalivedConf.VrrpInstance vi : nc.keepalived.instances) {
            if (vi.vrid == null) continue;
            String key = (vi.iface == null ? "" : vi.iface.value()) + "/" + vi.vrid.value() + "/" + nc.keepalived.versionOf(vi);
            KeepalivedConf.VrrpInstance first = seen.putIfAbsent(key, vi);
            if (first != null) {
                c.add("vrid-reused", Severity.ERROR, nc, vi.vrid.pos(),
                        "virtual_router_id " + vi.vrid.value() + " of " + vi.name + " is already used by " + first.name + " (" + first.pos + ")",
                        "two VRRP routers with one VRID on one network elect across each other: keepalived 2.3.3 and later accept "
                                + "the other's adverts and the weaker instance loses its VIP; older versions log warnings",
                        "give every vrrp_instance on the network its own virtual_router_id", null);
            }
        }
    }

    private static void multicast(LintContext c, NodeConfig nc) {
        for (KeepalivedConf.VrrpInstance vi : nc.keepalived.instances) {
            if (!vi.unicastPeers.isEmpty()) continue;
            c.add("multicast-vrrp", Severity.INFO, nc, vi.pos,
                    vi.name + " sends adverts by multicast (224.0.0.18)",
                    "clouds and some switches drop VRRP multicast; both nodes then become MASTER (keepalived issue #97)",
                    "where multicast may be filtered, add unicast_src_ip and a unicast_peer block naming the other node", null);
        }
    }
}
