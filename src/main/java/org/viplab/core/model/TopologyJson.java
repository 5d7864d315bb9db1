package org.viplab.core.model;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads, writes and checks topology files. */
public final class TopologyJson {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private TopologyJson() { }

    public static String toJson(Topology t) { return GSON.toJson(t) + "\n"; }

    public static Topology fromJson(String json) {
        Topology t = GSON.fromJson(json, Topology.class);
        if (t == null) throw new JsonParseException("empty topology");
        return t;
    }

    public static Topology copy(Topology t) { return fromJson(toJson(t)); }

    public static Topology read(Path file) throws IOException { return fromJson(Files.readString(file)); }

    /** Everything that makes a topology unusable, as readable sentences; empty when it is fine. */
    public static List<String> problems(Topology t) {
        List<String> out = new ArrayList<>();
        if (t.mode == null) out.add("mode is missing (DB_TRACKING or HAPROXY_TRACKING)");
        if (t.nodes == null) {
            out.add("nodes is missing (" + Limits.MIN_NODES + ".." + Limits.MAX_NODES + " hosts)");
            return out;
        }
        if (t.nodes.size() < Limits.MIN_NODES || t.nodes.size() > Limits.MAX_NODES) {
            // Limits.check says it too, with the field a file reader locates; stop here, one sentence is enough
            out.add("nodes must list " + Limits.MIN_NODES + ".." + Limits.MAX_NODES + " hosts, got " + t.nodes.size());
            return out;
        }
        Set<String> names = new HashSet<>();
        Set<String> ips = new HashSet<>();
        for (NodeSpec n : t.nodes) {
            if (n == null) {
                out.add("nodes must be objects, not null");
                return out;
            }
            String where = "node " + n.name;
            if (n.name == null || !n.name.matches("[A-Za-z][A-Za-z0-9_]*")) out.add("a node needs a name of letters and digits, got " + n.name);
            else if (!names.add(n.name)) out.add("two nodes are called " + n.name);
            if (n.ip == null || !n.ip.matches("\\d+\\.\\d+\\.\\d+\\.\\d+")) out.add(where + ": ip is not an IPv4 address: " + n.ip);
            else if (!ips.add(n.ip)) out.add(where + ": two nodes have the address " + n.ip);
            KeepalivedSpec k = n.keepalived;
            if (k == null) {
                out.add(where + ": keepalived is missing");
                continue;
            }
            if (k.vrrpVersion != 2 && k.vrrpVersion != 3) out.add(where + ": vrrpVersion must be 2 or 3");
            if (k.moreInstances != null || k.syncGroups != null) InstanceChecks.check(where, k, out);
            if (t.mode == Mode.HAPROXY_TRACKING && n.haproxy == null) out.add(where + ": mode 2 needs haproxy on every node");
            if (n.haproxy != null) {
                for (HaproxySpec.ServerSpec s : n.haproxy.servers) {
                    if (s == null) out.add(where + ": a haproxy server is null");
                    else if (t.node(s.node) == null) out.add(where + ": haproxy server " + s.name + " points at unknown node " + s.node);
                }
            }
        }
        if (t.foreignRouters != null) {
            for (int i = 0; i < t.foreignRouters.size(); i++) {
                ForeignRouterSpec f = t.foreignRouters.get(i);
                String where = "foreignRouters." + i;
                if (f == null) out.add(where + " must be an object, not null");
                else if (f.ip == null || !f.ip.matches("\\d+\\.\\d+\\.\\d+\\.\\d+")) out.add(where + ": ip is not an IPv4 address: " + f.ip);
                else if (ips.contains(f.ip)) out.add(where + ": ip " + f.ip + " is a node's address");
                else if (f.vips == null) out.add(where + ": vips is missing (an empty list: it advertises none)");
                else {
                    for (String v : f.vips) {
                        if (v == null || !v.matches("\\d+\\.\\d+\\.\\d+\\.\\d+")) out.add(where + ": a VIP is not an IPv4 address: " + v);
                    }
                }
            }
        }
        for (Limits.Violation v : Limits.check(t)) out.add(v.message());
        return out;
    }
}
