package org.viplab.engine.ssh;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a real host runs, as the host itself says: OS, kernel, keepalived, haproxy and MariaDB/MySQL versions,
 * and how busy it was when the engine connected (load averages and CPU count: a restart or a check on a loaded
 * host is slower, and a real run's figures are read against them), for a report's provenance. One fixed command (no value of ours in it), read as {@code key=value} lines; what
 * the host prints is bounded and stripped of control characters before it reaches a report.
 */
public final class HostVersions {
    /** The keys, in the order a report shows them: the report's own list, so the two cannot drift apart. */
    public static final List<String> KEYS = org.viplab.drill.Provenance.Host.KEYS;
    static final int MAX_VALUE = 160;

    /** sbin added to PATH: a non-root user's PATH often lacks it, and the daemons live there. */
    static final String COMMAND = "PATH=\"$PATH:/usr/sbin:/sbin:/usr/local/sbin\"; "
            + "os=$( (. /etc/os-release 2>/dev/null && printf '%s' \"$PRETTY_NAME\") ); echo \"os=${os:-$(uname -s)}\"; "
            + "echo \"kernel=$(uname -r)\"; "
            + "echo \"keepalived=$(keepalived --version 2>&1 | head -n 1)\"; "
            + "echo \"haproxy=$(haproxy -v 2>&1 | head -n 1)\"; "
            + "echo \"mariadb=$( (mariadbd --version || mysqld --version) 2>/dev/null | head -n 1)\"; "
            + "echo \"load=$(cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null)\"; "
            + "echo \"cpus=$(nproc 2>/dev/null || getconf _NPROCESSORS_ONLN)\"";

    private HostVersions() { }

    /** The host's answer to {@link #COMMAND}: each known key once, "unknown" where the host printed nothing. */
    static Map<String, String> parse(String output) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String k : KEYS) m.put(k, "unknown");
        for (String line : output.split("\n", 64)) {
            int eq = line.indexOf('=');
            if (eq <= 0) continue;
            String key = line.substring(0, eq);
            String value = clean(line.substring(eq + 1));
            if (m.containsKey(key) && !value.isEmpty() && !value.contains("not found")) m.put(key, value);
        }
        return m;
    }

    private static String clean(String s) {
        String t = s.replaceAll("\\p{Cntrl}", " ").strip();
        return t.length() > MAX_VALUE ? t.substring(0, MAX_VALUE) + "…" : t;
    }
}
