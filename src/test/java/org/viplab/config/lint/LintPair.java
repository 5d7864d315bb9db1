package org.viplab.config.lint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Node folders (two, or up to five) written from text, for rule tests: a clean keepalived.conf per node (no finding at all) whose
 * instances a test replaces or extends, a clean haproxy.cfg, and any other file (notify scripts, with or without
 * the executable bit).
 */
final class LintPair {
    static final String GLOBAL = """
            global_defs {
               router_id R_%s
               enable_script_security
               script_user keepalived_script
            }
            vrrp_script chk {
                script "/etc/keepalived/check.sh"
                interval 2
                timeout 2
                weight 0
                fall 3
                rise 2
            }
            """;

    /** A clean instance: BACKUP, nopreempt, unicast to the other node, tracking chk. */
    static String instance(String name, int vrid, int prio, String src, String peer, String vip, String extra) {
        return """
                vrrp_instance %s {
                    state BACKUP
                    nopreempt
                    interface eth0
                    virtual_router_id %d
                    priority %d
                    advert_int 1
                    authentication {
                        auth_type PASS
                        auth_pass 1111
                    }
                    unicast_src_ip %s
                    unicast_peer {
                        %s
                    }
                    virtual_ipaddress {
                        %s dev eth0
                    }
                    track_script {
                        chk
                    }
                    %s
                }
                """.formatted(name, vrid, prio, src, peer, vip, extra);
    }

    static final String HAPROXY = """
            defaults
                mode tcp
                timeout connect 5s
                timeout check 2s
            frontend mysql
                bind *:6039
                default_backend be
            backend be
                mode tcp
                balance first
                option mysql-check user chk
                default-server inter 2s fall 3 rise 2 on-marked-down shutdown-sessions
                server db1 10.9.8.201:3306 check
                server db2 10.9.8.223:3306 check backup
            """;

    final Map<String, Map<String, String>> files = new LinkedHashMap<>();
    /** File names (per node) written without the executable bit. */
    final Map<String, List<String>> notExecutable = new LinkedHashMap<>();
    private final Path root;
    private int runs;

    /** The nodes' addresses, db1 first; a set of n nodes takes the first n. */
    static final List<String> IPS = List.of("10.9.8.201", "10.9.8.223", "10.9.8.231", "10.9.8.232", "10.9.8.233");

    /** The clean pair db1 (priority 100) and db2 (90). */
    LintPair(Path root) {
        this(root, 2);
    }

    /** A clean set of db1 … dbN (2 to 5): priorities 100, 90, 80, …, each listing every other node in unicast_peer. */
    LintPair(Path root, int nodes) {
        this.root = root;
        for (int i = 0; i < nodes; i++) {
            String n = "db" + (i + 1);
            List<String> peers = new java.util.ArrayList<>(IPS.subList(0, nodes));
            peers.remove(IPS.get(i));
            Map<String, String> m = new LinkedHashMap<>();
            m.put("keepalived.conf", GLOBAL.formatted(n) + instance("VI_1", 51, 100 - 10 * i, IPS.get(i),
                    String.join("\n        ", peers), "10.9.8.120", ""));
            m.put("check.sh", "#!/bin/bash\nexec mysqladmin --connect-timeout=2 -h 127.0.0.1 -P 3306 ping\n");
            files.put(n, m);
        }
    }

    Map<String, String> node(String n) { return files.get(n); }

    /** Appends text to a node's keepalived.conf. */
    LintPair append(String n, String text) {
        node(n).merge("keepalived.conf", text, String::concat);
        return this;
    }

    /** Replaces text in a node's keepalived.conf (it must be there). */
    LintPair edit(String n, String from, String to) {
        String k = node(n).get("keepalived.conf");
        if (!k.contains(from)) throw new IllegalArgumentException(from + " not in " + n + "'s keepalived.conf");
        node(n).put("keepalived.conf", k.replace(from, to));
        return this;
    }

    /** The 1-based line of the first line of a node's file that contains {@code text}. */
    int lineOf(String n, String file, String text) {
        String[] lines = node(n).get(file).split("\n", -1);
        for (int i = 0; i < lines.length; i++) if (lines[i].contains(text)) return i + 1;
        throw new IllegalArgumentException(text + " not in " + n + "/" + file);
    }

    LintPair haproxy(String cfg) {
        for (Map<String, String> m : files.values()) m.put("haproxy.cfg", cfg);
        return this;
    }

    Map<String, Path> write() throws IOException {
        Path run = root.resolve("run" + (runs++));
        Map<String, Path> dirs = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, String>> n : files.entrySet()) {
            Path d = run.resolve(n.getKey());
            Files.createDirectories(d);
            for (Map.Entry<String, String> f : n.getValue().entrySet()) {
                Path p = d.resolve(f.getKey());
                Files.writeString(p, f.getValue());
                boolean exec = f.getKey().endsWith(".sh") && !notExecutable.getOrDefault(n.getKey(), List.of()).contains(f.getKey());
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(exec ? "rwxr-xr-x" : "rw-r--r--"));
            }
            dirs.put(n.getKey(), d);
        }
        return dirs;
    }

    /** The findings that flag something, without the failover budget's, which every config gets (LintRulesTest covers them). */
    List<Finding> lint() throws Exception {
        return Lint.run(write()).stream().filter(f -> !f.rule().startsWith("failover-budget")).toList();
    }

    static List<Finding> of(List<Finding> fs, String rule) { return fs.stream().filter(f -> f.rule().equals(rule)).toList(); }

    static List<String> rules(List<Finding> fs) { return fs.stream().map(Finding::rule).toList(); }
}
