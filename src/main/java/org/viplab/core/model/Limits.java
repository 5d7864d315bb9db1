package org.viplab.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The valid range of every numeric setting of a topology, in one table: drills (and their "set"), topology
 * files, imported configs, sessions and the settings form all check through {@link TopologyJson#problems},
 * which calls {@link #check}. A violation names the setting as a drill's "set" path would
 * ({@code db1.keepalived.downTimerAdverts}), so a reader can locate it in the file it came from.
 * The table is repeated for people in README.md and samples/drills/README.md.
 */
public final class Limits {
    private static final long HOUR_MS = 3_600_000;
    /** A topology has 2 to 5 nodes: fewer is no cluster, more is beyond what the drawing and the charts lay out. */
    public static final int MIN_NODES = 2;
    public static final int MAX_NODES = 5;

    /** One setting out of range: where (a "set" path) and a sentence with the range. */
    public record Violation(String field, String message) {
        @Override
        public String toString() { return message; }
    }

    private Limits() { }

    /** Every out-of-range number in {@code t}; fields that are missing are {@link TopologyJson#problems}' business. */
    public static List<Violation> check(Topology t) {
        List<Violation> out = new ArrayList<>();
        range(out, "probeIntervalMs", t.probeIntervalMs, 10, HOUR_MS, "ms");
        range(out, "probeTimeoutMs", t.probeTimeoutMs, 1, HOUR_MS, "ms");
        range(out, "arpBaseReachableMs", t.arpBaseReachableMs, 1, HOUR_MS, "ms");
        if (t.clientPort != null) range(out, "clientPort", t.clientPort, 1, 65535, "");
        ClusterSpec c = t.cluster;
        if (c != null) {
            range(out, "cluster.suspectTimeoutMs", c.suspectTimeoutMs, 1, HOUR_MS, "ms");
            range(out, "cluster.memberExpelTimeoutSec", c.memberExpelTimeoutSec, 0, 3600, "s");
            range(out, "cluster.istMs", c.istMs, 0, HOUR_MS, "ms");
            range(out, "cluster.sstMs", c.sstMs, 0, 24 * HOUR_MS, "ms");
            range(out, "cluster.gcacheWritesets", c.gcacheWritesets, 0, 1_000_000_000_000L, "");
        }
        if (t.foreignRouters != null) {
            for (int i = 0; i < t.foreignRouters.size(); i++) {
                ForeignRouterSpec f = t.foreignRouters.get(i);
                if (f == null) continue;
                String fat = "foreignRouters." + i + ".";
                range(out, fat + "vrid", f.vrid, 1, 255, "");
                range(out, fat + "priority", f.priority, 1, 255, "");
                range(out, fat + "advertInt", f.advertInt, 1, 255, "s"); // VRRPv2: whole seconds, at least 1
                range(out, fat + "fromSec", f.fromSec, 0, 86_400, "s");
            }
        }
        if (t.nodes == null) return out;
        if (t.nodes.size() < MIN_NODES || t.nodes.size() > MAX_NODES) {
            out.add(new Violation("nodes", "nodes must list " + MIN_NODES + ".." + MAX_NODES + " hosts, got " + t.nodes.size()));
        }
        for (NodeSpec n : t.nodes) {
            if (n == null) continue;
            String at = n.name + ".";
            range(out, at + "pcWeight", n.pcWeight, 0, 255, "");
            range(out, at + "memberWeight", n.memberWeight, 0, 100, "");
            range(out, at + "mysqldShutdownMs", n.mysqldShutdownMs, 0, HOUR_MS, "ms");
            range(out, at + "mysqldStartupMs", n.mysqldStartupMs, 0, HOUR_MS, "ms");
            KeepalivedSpec k = n.keepalived;
            if (k != null) {
                String kat = at + "keepalived.";
                range(out, kat + "priority", k.priority, 1, 255, "");
                range(out, kat + "virtualRouterId", k.virtualRouterId, 1, 255, "");
                range(out, kat + "advertIntSec", k.advertIntSec, 0.01, 255, "s");
                range(out, kat + "preemptDelaySec", k.preemptDelaySec, 0, 1000, "s");
                range(out, kat + "garpMasterDelaySec", k.garpMasterDelaySec, 0, 3600, "s");
                range(out, kat + "garpMasterRepeat", k.garpMasterRepeat, 0, 255, "");
                range(out, kat + "downTimerAdverts", k.downTimerAdverts, 1, 100, "");
                if (k.scripts != null) {
                    for (int i = 0; i < k.scripts.size(); i++) {
                        CheckScriptSpec s = k.scripts.get(i);
                        if (s == null) continue;
                        String sat = kat + "scripts." + i + ".";
                        range(out, sat + "intervalSec", s.intervalSec, 0.1, 3600, "s");
                        if (s.timeoutSec != null) range(out, sat + "timeoutSec", s.timeoutSec, 0.1, 3600, "s");
                        range(out, sat + "weight", s.weight, -253, 253, "");
                        range(out, sat + "rise", s.rise, 1, 1000, "");
                        range(out, sat + "fall", s.fall, 1, 1000, "");
                        range(out, sat + "port", s.port, 1, 65535, "");
                    }
                }
            }
            HaproxySpec h = n.haproxy;
            if (h != null) {
                String hat = at + "haproxy.";
                range(out, hat + "bindPort", h.bindPort, 1, 65535, "");
                range(out, hat + "interMs", h.interMs, 10, HOUR_MS, "ms");
                if (h.fastinterMs != null) range(out, hat + "fastinterMs", h.fastinterMs, 10, HOUR_MS, "ms");
                if (h.downinterMs != null) range(out, hat + "downinterMs", h.downinterMs, 10, HOUR_MS, "ms");
                if (h.timeoutCheckMs != null) range(out, hat + "timeoutCheckMs", h.timeoutCheckMs, 1, HOUR_MS, "ms");
                range(out, hat + "timeoutConnectMs", h.timeoutConnectMs, 1, HOUR_MS, "ms");
                range(out, hat + "fall", h.fall, 1, 1000, "");
                range(out, hat + "rise", h.rise, 1, 1000, "");
                range(out, hat + "retries", h.retries, 0, 100, "");
                if (h.servers != null) {
                    for (int i = 0; i < h.servers.size(); i++) {
                        HaproxySpec.ServerSpec s = h.servers.get(i);
                        if (s == null) continue;
                        range(out, hat + "servers." + i + ".port", s.port, 1, 65535, "");
                        range(out, hat + "servers." + i + ".weight", s.weight, 0, 256, "");
                    }
                }
            }
        }
        return out;
    }

    private static void range(List<Violation> out, String field, double value, double min, double max, String unit) {
        if (value >= min && value <= max) return; // also refuses NaN
        out.add(new Violation(field, field + " must be " + fmt(min) + ".." + fmt(max) + (unit.isEmpty() ? "" : " " + unit)
                + ", got " + fmt(value)));
    }

    private static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return String.format(Locale.ROOT, "%s", v);
    }
}
