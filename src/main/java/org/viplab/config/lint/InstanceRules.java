package org.viplab.config.lint;

import org.viplab.config.KeepalivedConf;
import org.viplab.config.NodeConfig;
import org.viplab.config.SourcePos;
import org.viplab.core.model.NodeSpec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Rules over several instances and several nodes: unicast peer lists against the other nodes' addresses, one VRID
 * used by two routers with different VIPs, sync groups whose members advertise at different rates, and VIPs that
 * can part without a sync group. The simulator runs one instance per node, so these are read, not simulated.
 */
final class InstanceRules {
    private InstanceRules() { }

    static void check(LintContext c) {
        for (NodeConfig nc : c.nodes()) {
            for (KeepalivedConf.VrrpInstance vi : nc.keepalived.instances) unicastPeers(c, nc, vi);
            for (KeepalivedConf.SyncGroup g : nc.keepalived.syncGroups) groupAdvertInt(c, nc, g);
        }
        vridClash(c);
        withoutSyncGroup(c);
    }

    /** The addresses a node's instance sends from: unicast_src_ip, mcast_src_ip and the node's address. */
    private static Set<String> addresses(LintContext c, NodeConfig nc, KeepalivedConf.VrrpInstance vi) {
        Set<String> s = new LinkedHashSet<>();
        if (vi.unicastSrcIp != null) s.add(vi.unicastSrcIp.value());
        if (vi.mcastSrcIp != null) s.add(vi.mcastSrcIp.value());
        NodeSpec n = c.spec(nc);
        if (n != null && n.ip != null) s.add(n.ip);
        return s;
    }

    /**
     * keepalived sends a unicast instance's adverts to the listed peers only. A peer that is no other node's address
     * (a typo) and a node missing from the list both mean one-way adverts: the unlisted node never hears this one
     * and becomes MASTER too. So does a partner that still uses multicast.
     */
    private static void unicastPeers(LintContext c, NodeConfig nc, KeepalivedConf.VrrpInstance vi) {
        if (vi.unicastPeers.isEmpty()) return;
        Set<String> own = addresses(c, nc, vi);
        Set<String> known = new TreeSet<>();
        List<String> missing = new ArrayList<>();
        List<String> multicast = new ArrayList<>();
        Set<String> peers = new TreeSet<>();
        vi.unicastPeers.forEach(p -> peers.add(p.value()));
        for (NodeConfig o : c.nodes()) {
            if (o == nc) continue;
            KeepalivedConf.VrrpInstance po = LintContext.partner(nc, vi, o);
            if (po == null) continue;
            Set<String> theirs = addresses(c, o, po);
            known.addAll(theirs);
            if (po.unicastPeers.isEmpty()) multicast.add(o.name);
            if (theirs.stream().noneMatch(peers::contains)) {
                String addr = po.unicastSrcIp != null ? po.unicastSrcIp.value() : theirs.isEmpty() ? "?" : theirs.iterator().next();
                missing.add(o.name + " (" + addr + ")");
            }
        }
        List<KeepalivedConf.Val<String>> unknown = vi.unicastPeers.stream()
                .filter(p -> !known.contains(p.value()) && !own.contains(p.value())).toList();
        if (unknown.isEmpty() && missing.isEmpty() && multicast.isEmpty()) return;
        SourcePos pos = !unknown.isEmpty() ? unknown.get(0).pos() : vi.unicastPeers.get(0).pos();
        List<LintText> parts = new ArrayList<>();
        if (!unknown.isEmpty()) parts.add(LintText.of("lint.unicast-peer-mismatch.unknown",
                String.join(", ", unknown.stream().map(KeepalivedConf.Val::value).toList())));
        if (!missing.isEmpty()) parts.add(LintText.of("lint.unicast-peer-mismatch.missing", String.join(", ", missing)));
        if (!multicast.isEmpty()) parts.add(LintText.of("lint.unicast-peer-mismatch.multicast", String.join(", ", multicast)));
        LintText what = parts.get(0);
        for (int i = 1; i < parts.size(); i++) what = LintText.of("lint.unicast-peer-mismatch.also", what, parts.get(i));
        Object silent = !missing.isEmpty() ? missing.get(0) : !multicast.isEmpty() ? multicast.get(0) : LintText.of("lint.unicast-peer-mismatch.otherNode");
        c.add("unicast-peer-mismatch", Severity.ERROR, nc, pos,
                LintText.of("lint.unicast-peer-mismatch.message", vi.name, nc.name, what),
                LintText.of("lint.unicast-peer-mismatch.why", nc.name, silent),
                LintText.of("lint.unicast-peer-mismatch.fix", String.join(", ", known.isEmpty() ? Set.of("?") : known)), null);
    }

    /** Members of one sync group advertising at different rates notice a dead master at different times. */
    private static void groupAdvertInt(LintContext c, NodeConfig nc, KeepalivedConf.SyncGroup g) {
        KeepalivedConf.VrrpInstance first = null;
        for (KeepalivedConf.Val<String> m : g.group) {
            KeepalivedConf.VrrpInstance vi = nc.keepalived.instance(m.value());
            if (vi == null) continue;
            if (first == null) {
                first = vi;
                continue;
            }
            if (Math.abs(vi.advertIntOrDefault() - first.advertIntOrDefault()) < 1e-9) continue;
            c.add("sync-group-advert-int", Severity.WARNING, nc, vi.advertInt != null ? vi.advertInt.pos() : vi.pos,
                    LintText.of("lint.sync-group-advert-int.message", g.name, first.name, num(first.advertIntOrDefault()),
                            vi.name, num(vi.advertIntOrDefault())),
                    LintText.of("lint.sync-group-advert-int.why", num(3 * first.advertIntOrDefault()), num(3 * vi.advertIntOrDefault())),
                    LintText.of("lint.sync-group-advert-int.fix", g.name), null);
        }
    }

    /**
     * One VRID, two VIP sets, on two nodes: the instances are one virtual router on the wire. Same-named pairs are
     * vrrp-mismatch's; this is about different instances (another cluster's, or a VRID typo). Every pair of nodes
     * is compared; the pairs that show one clash (VI_2 on db3 against VI_1 on db1, and again on db2) are one
     * finding, at the first place found, naming every node on each side.
     */
    private static void vridClash(LintContext c) {
        List<NodeConfig> nodes = c.nodes();
        Map<String, Clash> clashes = new LinkedHashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            for (int j = i + 1; j < nodes.size(); j++) {
                NodeConfig a = nodes.get(i);
                NodeConfig b = nodes.get(j);
                for (KeepalivedConf.VrrpInstance x : a.keepalived.instances) {
                    for (KeepalivedConf.VrrpInstance y : b.keepalived.instances) {
                        if (x.vrid == null || y.vrid == null || !x.vrid.value().equals(y.vrid.value())) continue;
                        int version = a.keepalived.versionOf(x);
                        if (version != b.keepalived.versionOf(y)) continue;
                        if (LintContext.partner(a, x, b) == y || x.vipSet().equals(y.vipSet())) continue;
                        if (otherSegment(a, x, b, y)) continue;
                        boolean xFirst = x.name.compareTo(y.name) < 0;
                        String key = x.vrid.value() + "/" + version + "/" + (xFirst ? x.name + "/" + y.name : y.name + "/" + x.name);
                        Clash k = clashes.computeIfAbsent(key, z -> new Clash(b, y, x));
                        k.nodes.computeIfAbsent(y.name, z -> new HashSet<>()).add(b.name);
                        k.nodes.computeIfAbsent(x.name, z -> new HashSet<>()).add(a.name);
                    }
                }
            }
        }
        for (Clash k : clashes.values()) {
            KeepalivedConf.VrrpInstance x = k.other;
            KeepalivedConf.VrrpInstance y = k.at;
            c.add("vrid-clash", Severity.ERROR, k.node, y.vrid.pos(),
                    LintText.of("lint.vrid-clash.message", y.vrid.value(), y.name, inNodeOrder(c, k.nodes.get(y.name)), x.name,
                            inNodeOrder(c, k.nodes.get(x.name)), x.vipSet(), y.vipSet()),
                    LintText.of("lint.vrid-clash.why"),
                    LintText.of("lint.vrid-clash.fix", y.name, x.name), null);
        }
    }

    /** A VRID clash between two instances: where it was first found ({@code at} on {@code node}), and the nodes of each instance. */
    private record Clash(NodeConfig node, KeepalivedConf.VrrpInstance at, KeepalivedConf.VrrpInstance other, Map<String, Set<String>> nodes) {
        Clash(NodeConfig node, KeepalivedConf.VrrpInstance at, KeepalivedConf.VrrpInstance other) { this(node, at, other, new HashMap<>()); }
    }

    private static LintText inNodeOrder(LintContext c, Set<String> names) {
        return LintText.names(c.nodes().stream().map(n -> n.name).filter(names::contains).toList());
    }

    /**
     * Whether y sits on another segment than x: x's namesake on y's node uses another interface than y (one VRID on
     * eth0 and on eth1 are two networks). Interface names are compared on one node only, since they differ between
     * hosts; without a namesake the two are taken to share the segment.
     */
    private static boolean otherSegment(NodeConfig a, KeepalivedConf.VrrpInstance x, NodeConfig b, KeepalivedConf.VrrpInstance y) {
        KeepalivedConf.VrrpInstance px = LintContext.partner(a, x, b);
        return px != null && px.iface != null && y.iface != null && !px.iface.value().equals(y.iface.value());
    }

    /**
     * Two instances of a node that prefer the same node but share no sync group elect separately: a failing track
     * or a lost advert moves one VIP and leaves the other. Instances meant for different nodes (a read VIP kept on
     * the replica) are a deliberate split and are left alone.
     */
    private static void withoutSyncGroup(LintContext c) {
        Set<String> reported = new TreeSet<>();
        for (NodeConfig nc : c.nodes()) {
            List<KeepalivedConf.VrrpInstance> l = nc.keepalived.instances;
            for (int i = 0; i < l.size(); i++) {
                for (int j = i + 1; j < l.size(); j++) {
                    KeepalivedConf.VrrpInstance x = l.get(i);
                    KeepalivedConf.VrrpInstance y = l.get(j);
                    if (x.vips.isEmpty() || y.vips.isEmpty()) continue;
                    KeepalivedConf.SyncGroup gx = nc.keepalived.groupOf(x.name);
                    if (gx != null && gx == nc.keepalived.groupOf(y.name)) continue;
                    String px = preferred(c, nc, x);
                    if (!Objects.equals(px, preferred(c, nc, y)) || !px.equals(nc.name)) continue;
                    if (!reported.add(x.name + "\u0000" + y.name)) continue;
                    c.add("vips-without-sync-group", Severity.WARNING, nc, y.pos,
                            LintText.of("lint.vips-without-sync-group.message", x.name, x.vipSet(), y.name, y.vipSet(), nc.name),
                            LintText.of("lint.vips-without-sync-group.why"),
                            LintText.of("lint.vips-without-sync-group.fix", x.name, y.name), null);
                }
            }
        }
    }

    /** The node an instance starts on: the highest priority among the nodes that run it, state MASTER on a tie. */
    private static String preferred(LintContext c, NodeConfig self, KeepalivedConf.VrrpInstance vi) {
        String best = self.name;
        int bestPrio = vi.priorityOrDefault();
        boolean bestMaster = vi.stateMaster();
        for (NodeConfig o : c.nodes()) {
            if (o == self) continue;
            KeepalivedConf.VrrpInstance po = LintContext.partner(self, vi, o);
            if (po == null) continue;
            int p = po.priorityOrDefault();
            if (p > bestPrio || (p == bestPrio && po.stateMaster() && !bestMaster)) {
                best = o.name;
                bestPrio = p;
                bestMaster = po.stateMaster();
            }
        }
        return best;
    }

    private static String num(double d) { return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d); }
}
