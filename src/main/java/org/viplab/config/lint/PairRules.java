package org.viplab.config.lint;

import org.viplab.config.KeepalivedConf;
import org.viplab.config.NodeConfig;
import org.viplab.config.SourcePos;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/** What every node running an instance must agree on, VRID reuse, and the transport. */
final class PairRules {
    private PairRules() { }

    /** One node's copy of an instance. */
    private record Member(NodeConfig node, KeepalivedConf.VrrpInstance vi) {
        int version() { return node.keepalived.versionOf(vi); }
    }

    /** Reports a member whose value differs from the one most members share ({@code others}, held by {@code holders}). */
    private interface Mismatch<T> {
        void report(Member m, T value, T others, List<Member> holders);
    }

    static void check(LintContext c) {
        List<NodeConfig> nodes = c.nodes();
        for (NodeConfig nc : nodes) vridReuse(c, nc);
        for (NodeConfig nc : nodes) multicast(c, nc);
        // every instance with its partners on the other nodes (by name), not only the one the simulator runs
        for (List<Member> g : groups(nodes)) compare(c, g);
    }

    /**
     * The instances that are one virtual router: each with its partner on every other node, kept only where every
     * two members are partners (so every pair of nodes running the instance is compared, and no pair twice).
     */
    private static List<List<Member>> groups(List<NodeConfig> nodes) {
        Set<KeepalivedConf.VrrpInstance> grouped = Collections.newSetFromMap(new IdentityHashMap<>());
        List<List<Member>> groups = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            NodeConfig a = nodes.get(i);
            for (KeepalivedConf.VrrpInstance x : a.keepalived.instances) {
                if (!grouped.add(x)) continue;
                List<Member> g = new ArrayList<>(List.of(new Member(a, x)));
                for (int j = i + 1; j < nodes.size(); j++) {
                    NodeConfig b = nodes.get(j);
                    KeepalivedConf.VrrpInstance y = LintContext.partner(a, x, b);
                    if (y == null || grouped.contains(y)) continue;
                    if (g.stream().allMatch(m -> LintContext.partner(m.node, m.vi, b) == y) && grouped.add(y)) g.add(new Member(b, y));
                }
                if (g.size() > 1) groups.add(g);
            }
        }
        return groups;
    }

    private static void compare(LintContext c, List<Member> g) {
        boolean simulated = g.stream().allMatch(m -> m.vi == m.node.instance());
        LintText all = names(g);
        LintText splitWhy = LintText.of("lint.vrrp-mismatch.splitWhy");
        differ(g.stream().filter(m -> m.vi.vrid != null).toList(), m -> m.vi.vrid.value(), (m, v, o, holders) ->
                mismatch(c, m, m.vi.vrid.pos(), LintText.of("lint.vrrp-mismatch.vrid.message", o, names(holders), v, m.node.name),
                        LintText.of("lint.vrrp-mismatch.vrid.why", splitWhy), LintText.of("lint.vrrp-mismatch.vrid.fix", all),
                        Severity.ERROR, simulated));
        differ(g, Member::version, (m, v, o, holders) ->
                mismatch(c, m, m.vi.version != null ? m.vi.version.pos() : m.vi.pos,
                        LintText.of("lint.vrrp-mismatch.version.message", o, names(holders), v, m.node.name),
                        LintText.of("lint.vrrp-mismatch.version.why", splitWhy), LintText.of("lint.vrrp-mismatch.version.fix", all),
                        Severity.ERROR, simulated));
        // VRRPv2 carries whole seconds (at least 1); v3 centiseconds, so 1 and 1.5 only differ in v3
        boolean v2 = g.stream().allMatch(m -> m.version() == 2);
        differ(g, m -> v2 ? Math.max(1, Math.round(m.vi.advertIntOrDefault())) : (Object) m.vi.advertIntOrDefault(), (m, v, o, holders) ->
                mismatch(c, m, m.vi.advertInt != null ? m.vi.advertInt.pos() : m.vi.pos,
                        LintText.of("lint.vrrp-mismatch.advertInt.message", holders.get(0).vi.advertIntOrDefault(), names(holders),
                                m.vi.advertIntOrDefault(), m.node.name),
                        v2 ? LintText.of("lint.vrrp-mismatch.advertInt.why.v2", splitWhy) : LintText.of("lint.vrrp-mismatch.advertInt.why.v3"),
                        LintText.of("lint.vrrp-mismatch.advertInt.fix", all), v2 ? Severity.ERROR : Severity.WARNING, simulated));
        differ(g, m -> vips(m.vi), (m, v, o, holders) ->
                mismatch(c, m, m.vi.vipsPos != null ? m.vi.vipsPos : m.vi.pos,
                        LintText.of("lint.vrrp-mismatch.vips.message", o, names(holders), v, m.node.name),
                        LintText.of("lint.vrrp-mismatch.vips.why"), LintText.of("lint.vrrp-mismatch.vips.fix", all),
                        Severity.ERROR, false));
        // only VRRPv2 authenticates; a v3 member is the version mismatch's
        differ(g.stream().filter(m -> m.version() == 2).toList(), m -> auth(m.vi), (m, v, o, holders) ->
                mismatch(c, m, m.vi.authPass != null ? m.vi.authPass.pos() : m.vi.authPos != null ? m.vi.authPos : m.vi.pos,
                        LintText.of("lint.vrrp-mismatch.auth.message", authSet(o), names(holders), authSet(v), m.node.name,
                                v.isPresent() && o.isPresent() ? LintText.of("lint.vrrp-mismatch.auth.different") : LintText.literal("")),
                        LintText.of("lint.vrrp-mismatch.auth.why", splitWhy),
                        LintText.of("lint.vrrp-mismatch.auth.fix", all), Severity.ERROR, simulated));
    }

    /**
     * Groups the members by a value and reports each member that differs from the value most of them share; on a
     * tie, the earliest node's (the first --node). So one wrong file is one finding at its own line, naming the
     * nodes it disagrees with, rather than one finding per node it disagrees with (three nodes where db3 differs
     * would otherwise say it twice, once for db1 and once for db2), and with two nodes the second node is reported,
     * as before. Nodes that differ from the majority in different ways each get their own finding.
     */
    private static <T> void differ(List<Member> members, Function<Member, T> value, Mismatch<T> report) {
        Map<T, List<Member>> by = new LinkedHashMap<>();
        for (Member m : members) by.computeIfAbsent(value.apply(m), k -> new ArrayList<>()).add(m);
        if (by.size() < 2) return;
        Map.Entry<T, List<Member>> most = null;
        for (Map.Entry<T, List<Member>> e : by.entrySet()) if (most == null || e.getValue().size() > most.getValue().size()) most = e;
        for (Map.Entry<T, List<Member>> e : by.entrySet()) {
            if (e == most) continue;
            for (Member m : e.getValue()) report.report(m, e.getKey(), most.getKey(), most.getValue());
        }
    }

    private static LintText names(List<Member> members) { return LintText.names(members.stream().map(m -> m.node.name).toList()); }

    private static TreeSet<String> vips(KeepalivedConf.VrrpInstance vi) {
        TreeSet<String> s = new TreeSet<>();
        vi.vips.forEach(v -> s.add(v.ip));
        return s;
    }

    private static LintText authSet(Optional<String> auth) {
        return LintText.of(auth.isEmpty() ? "lint.vrrp-mismatch.auth.none" : "lint.vrrp-mismatch.auth.set");
    }

    /** The authentication block as one comparable value; empty without one. */
    private static Optional<String> auth(KeepalivedConf.VrrpInstance v) {
        if (v.authPos == null) return Optional.empty();
        return Optional.of((v.authType == null ? "" : v.authType.value().toUpperCase()) + "/" + (v.authPass == null ? "" : v.authPass.value()));
    }

    private static void mismatch(LintContext c, Member m, SourcePos pos, LintText msg, LintText why, LintText fix, Severity sev, boolean simulate) {
        // with several instances, say which one differs
        if (m.node.keepalived.instances.size() > 1) msg = LintText.of("lint.vrrp-mismatch.inInstance", m.vi.name, msg);
        c.add("vrrp-mismatch", sev, m.node, pos, msg, why, fix,
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
}
