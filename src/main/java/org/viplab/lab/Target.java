package org.viplab.lab;

import org.viplab.core.model.ProcessKind;

import java.util.List;

/**
 * What an action applies to: {@code HOST/mysqld|haproxy|keepalived}, {@code HOST/link}, {@code db1-db2},
 * {@code db1-db2/vrrp}, {@code db1>db2/vrrp} (one way), {@code clients-HOST} or a whole {@code HOST} (for a stall).
 */
public sealed interface Target {
    String id();

    /** A whole host: every process on it (what a stall freezes). */
    record Host(String host) implements Target {
        public String id() { return host; }
    }

    record Process(String host, ProcessKind process) implements Target {
        public String id() { return host + "/" + process.id(); }
    }

    /** A host's own network interface: everything to and from it. */
    record HostLink(String host) implements Target {
        public String id() { return host + "/link"; }
    }

    /** The path between the two database hosts (clients still reach both). */
    record PeerPath(String a, String b, boolean vrrpOnly) implements Target {
        public String id() { return a + "-" + b + (vrrpOnly ? "/vrrp" : ""); }
    }

    /**
     * VRRP from one host to another only: {@code db1>db2/vrrp} drops db1's adverts where they arrive on db2 (a
     * firewall on db2 without protocol 112, or one host's half of a two-way block while the other's is not in place
     * yet); db2's adverts still reach db1.
     */
    record OneWayVrrp(String from, String to) implements Target {
        public String id() { return from + ">" + to + "/vrrp"; }
    }

    /** The path between the clients and one host. */
    record ClientPath(String host) implements Target {
        public String id() { return "clients-" + host; }
    }

    /**
     * Parses a target for the given hosts; throws IllegalArgumentException with a readable message naming
     * the accepted forms.
     */
    static Target parse(String text, List<String> hosts) {
        String t = text == null ? "" : text.trim();
        if (t.startsWith("clients-")) {
            String h = t.substring("clients-".length());
            if (hosts.contains(h)) return new ClientPath(h);
        }
        if (hosts.contains(t)) return new Host(t);
        int slash = t.indexOf('/');
        String head = slash < 0 ? t : t.substring(0, slash);
        String tail = slash < 0 ? null : t.substring(slash + 1);
        int arrow = head.indexOf('>');
        if (arrow > 0 && "vrrp".equals(tail)) {
            String from = head.substring(0, arrow);
            String to = head.substring(arrow + 1);
            if (hosts.contains(from) && hosts.contains(to) && !from.equals(to)) return new OneWayVrrp(from, to);
        }
        int dash = head.indexOf('-');
        if (dash > 0 && !head.startsWith("clients-")) {
            String a = head.substring(0, dash);
            String b = head.substring(dash + 1);
            if (hosts.contains(a) && hosts.contains(b) && !a.equals(b) && (tail == null || tail.equals("vrrp"))) {
                return new PeerPath(a, b, tail != null);
            }
        }
        if (hosts.contains(head) && tail != null) {
            if (tail.equals("link")) return new HostLink(head);
            ProcessKind k = ProcessKind.fromId(tail);
            if (k != null) return new Process(head, k);
        }
        String h = hosts.isEmpty() ? "db1" : hosts.get(0);
        String h2 = hosts.size() > 1 ? hosts.get(1) : "db2";
        throw LabText.refused("target.unknown", text, h + "/mysqld, " + h + "/haproxy, " + h + "/keepalived, " + h + "/link, "
                + h + "-" + h2 + ", " + h + "-" + h2 + "/vrrp, " + h + ">" + h2 + "/vrrp, clients-" + h + ", " + h);
    }
}
