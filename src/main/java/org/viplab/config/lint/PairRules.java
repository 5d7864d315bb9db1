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
        // every instance with its partner on the other node (by name), not only the one the simulator runs
        for (KeepalivedConf.VrrpInstance x : a.keepalived.instances) {
            KeepalivedConf.VrrpInstance y = LintContext.partner(a, x, b);
            if (y != null) pair(c, a, x, b, y, x == a.instance() && y == b.instance());
        }
    }

    private static void pair(LintContext c, NodeConfig a, KeepalivedConf.VrrpInstance x, NodeConfig b, KeepalivedConf.VrrpInstance y,
                             boolean simulated) {
        int vx = a.keepalived.versionOf(x);
        int vy = b.keepalived.versionOf(y);
        LintText both = LintText.of("lint.and", a.name, b.name);
        LintText splitWhy = LintText.of("lint.vrrp-mismatch.splitWhy");
        if (x.vrid != null && y.vrid != null && !x.vrid.value().equals(y.vrid.value())) {
            mismatch(c, b, y.vrid.pos(), LintText.of("lint.vrrp-mismatch.vrid.message", x.vrid.value(), a.name, y.vrid.value(), b.name),
                    LintText.of("lint.vrrp-mismatch.vrid.why", splitWhy), LintText.of("lint.vrrp-mismatch.vrid.fix", both), Severity.ERROR, simulated);
        }
        if (vx != vy) {
            mismatch(c, b, y.version != null ? y.version.pos() : y.pos, LintText.of("lint.vrrp-mismatch.version.message", vx, a.name, vy, b.name),
                    LintText.of("lint.vrrp-mismatch.version.why", splitWhy), LintText.of("lint.vrrp-mismatch.version.fix", both), Severity.ERROR, simulated);
        }
        double ix = x.advertIntOrDefault();
        double iy = y.advertIntOrDefault();
        boolean v2 = vx == 2 && vy == 2;
        boolean differ = v2 ? Math.max(1, Math.round(ix)) != Math.max(1, Math.round(iy)) : Math.abs(ix - iy) > 1e-9;
        if (differ) {
            SourcePos p = y.advertInt != null ? y.advertInt.pos() : x.advertInt != null ? x.advertInt.pos() : y.pos;
            mismatch(c, y.advertInt != null ? b : a, p, LintText.of("lint.vrrp-mismatch.advertInt.message", ix, a.name, iy, b.name),
                    v2 ? LintText.of("lint.vrrp-mismatch.advertInt.why.v2", splitWhy) : LintText.of("lint.vrrp-mismatch.advertInt.why.v3"),
                    LintText.of("lint.vrrp-mismatch.advertInt.fix", both), v2 ? Severity.ERROR : Severity.WARNING, simulated);
        }
        TreeSet<String> sx = new TreeSet<>();
        TreeSet<String> sy = new TreeSet<>();
        x.vips.forEach(v -> sx.add(v.ip));
        y.vips.forEach(v -> sy.add(v.ip));
        if (!sx.equals(sy)) {
            mismatch(c, b, y.vipsPos != null ? y.vipsPos : y.pos, LintText.of("lint.vrrp-mismatch.vips.message", sx, a.name, sy, b.name),
                    LintText.of("lint.vrrp-mismatch.vips.why"), LintText.of("lint.vrrp-mismatch.vips.fix", both),
                    Severity.ERROR, false);
        }
        if (v2) {
            String ax = auth(x);
            String ay = auth(y);
            if (!Objects.equals(ax, ay)) {
                SourcePos p = y.authPass != null ? y.authPass.pos() : y.authPos != null ? y.authPos : x.authPos != null ? x.authPos : y.pos;
                mismatch(c, b, p, LintText.of("lint.vrrp-mismatch.auth.message", authSet(ax), a.name, authSet(ay), b.name,
                                ax != null && ay != null ? LintText.of("lint.vrrp-mismatch.auth.different") : LintText.literal("")),
                        LintText.of("lint.vrrp-mismatch.auth.why", splitWhy),
                        LintText.of("lint.vrrp-mismatch.auth.fix", both), Severity.ERROR, simulated);
            }
        }
    }

    private static LintText authSet(String auth) {
        return LintText.of(auth == null ? "lint.vrrp-mismatch.auth.none" : "lint.vrrp-mismatch.auth.set");
    }

    private static String auth(KeepalivedConf.VrrpInstance v) {
        if (v.authPos == null) return null;
        return (v.authType == null ? "" : v.authType.value().toUpperCase()) + "/" + (v.authPass == null ? "" : v.authPass.value());
    }

    private static void mismatch(LintContext c, NodeConfig where, SourcePos pos, LintText msg, LintText why, LintText fix, Severity sev,
                                 boolean simulate) {
        // with several instances, say which pair differs
        if (where.keepalived.instances.size() > 1) {
            for (KeepalivedConf.VrrpInstance vi : where.keepalived.instances) {
                if (vi.pos.file().equals(pos.file()) && vi.pos.line() <= pos.line() && !after(where, vi, pos)) {
                    msg = LintText.of("lint.vrrp-mismatch.inInstance", vi.name, msg);
                    break;
                }
            }
        }
        c.add("vrrp-mismatch", sev, where, pos, msg, why, fix,
                simulate ? () -> Prover.run(c.topology, null, List.of(), 20, LintText.of("lint.fault.none20")).text() : null);
    }

    private static void vridReuse(LintContext c, NodeConfig nc) {
        Map<String, KeepalivedConf.VrrpInstance> seen = new HashMap<>();
        for (KeepalivedConf.VrrpInstance vi : nc.keepalived.instances) {
            if (vi.vrid == null) continue;
            String key = (vi.iface == null ? "" : vi.iface.value()) + "/" + vi.vrid.value() + "/" + nc.keepalived.versionOf(vi);
            KeepalivedConf.VrrpInstance first = seen.putIfAbsent(key, vi);
            if (first != null) {
                c.add("vrid-reused", Severity.ERROR, nc, vi.vrid.pos(),
                        LintText.of("lint.vrid-reused.message", vi.vrid.value(), vi.name, first.name, first.pos),
                        LintText.of("lint.vrid-reused.why"),
                        LintText.of("lint.vrid-reused.fix"), null);
            }
        }
    }

    private static void multicast(LintContext c, NodeConfig nc) {
        for (KeepalivedConf.VrrpInstance vi : nc.keepalived.instances) {
            if (!vi.unicastPeers.isEmpty()) continue;
            c.add("multicast-vrrp", Severity.INFO, nc, vi.pos,
                    LintText.of("lint.multicast-vrrp.message", vi.name),
                    LintText.of("lint.multicast-vrrp.why"),
                    LintText.of("lint.multicast-vrrp.fix"), null);
        }
    }

    /** Whether a later instance of the node starts before {@code pos} (so {@code pos} is not inside {@code vi}). */
    private static boolean after(NodeConfig nc, KeepalivedConf.VrrpInstance vi, SourcePos pos) {
        for (KeepalivedConf.VrrpInstance o : nc.keepalived.instances) {
            if (o != vi && o.pos.file().equals(pos.file()) && o.pos.line() > vi.pos.line() && o.pos.line() <= pos.line()) return true;
        }
        return false;
    }
}
