package org.viplab.drill;

import org.viplab.core.util.InputFiles;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a result comes from, for a reader who must trust it: the tool's version and commit, the exact command
 * line, the drill file (path, sha256 and its text), the engine, the seed, the JVM and OS of the machine that ran
 * it, and for real hosts what each host runs, as the host said. Never a secret: the inventory's passwords are
 * never in it (an inventory holds none), and host values are bounded text.
 *
 * @param commandLine the arguments after the program's name, as given; empty when not run from the command line
 * @param drillText   the drill file's text (copied beside the report as drill.json), or null when not from a file
 * @param startedAt   when the run started (wall clock), or null for a report that must give the same bytes
 * @param wallMillis  how long the run took in real time, or -1 when unknown
 * @param hosts       the real hosts (empty on the simulator)
 */
public record Provenance(BuildInfo build, List<String> commandLine, String drillPath, String drillSha256, String drillText,
                         String engine, long seed, String jvm, String os, String hostname, Instant startedAt, long wallMillis,
                         List<Host> hosts) {
    /**
     * A real host: its inventory entry (no secrets) and what it reported of itself (keys os, kernel, keepalived,
     * haproxy, mariadb; load, its 1, 5 and 15 min load averages when the engine connected; cpus).
     */
    public record Host(String name, String address, int port, String user, Map<String, String> versions) {
        /** What a report shows, in order (the SSH engine asks each host for these). */
        public static final List<String> KEYS = List.of("os", "kernel", "keepalived", "haproxy", "mariadb", "load", "cpus");

        public Host {
            versions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(versions));
        }

        public String version(String key) { return versions.getOrDefault(key, "unknown"); }
    }

    public Provenance {
        commandLine = List.copyOf(commandLine);
        hosts = List.copyOf(hosts);
    }

    /** The engine's badge words: SIMULATOR, REAL HOSTS. */
    public boolean realHosts() { return "ssh".equals(engine); }

    /** A run of {@code drill} on {@code engine} on this machine; no command line, no drill text, no hosts yet. */
    public static Provenance of(Drill drill, String engine) {
        return new Provenance(BuildInfo.current(), List.of(), drill.source(), null, null, engine, drill.seed(), thisJvm(), thisOs(), thisHostname(),
                null, -1, List.of());
    }

    /** The same with the drill file read again for its hash and text (bounded like every input file). */
    public Provenance withDrillFile(Path file) throws IOException {
        String text = InputFiles.readText(file, InputFiles.MAX_TEXT_BYTES); // checks type, size and encoding first
        byte[] raw = java.nio.file.Files.readAllBytes(file); // the hash is sha256sum's: of the bytes, BOM and all
        return new Provenance(build, commandLine, file.toString(), sha256(raw), text, engine, seed, jvm, os, hostname, startedAt,
                wallMillis, hosts);
    }

    public Provenance withCommandLine(List<String> args) {
        return new Provenance(build, args, drillPath, drillSha256, drillText, engine, seed, jvm, os, hostname, startedAt, wallMillis, hosts);
    }

    public Provenance withRun(Instant started, long millis) {
        return new Provenance(build, commandLine, drillPath, drillSha256, drillText, engine, seed, jvm, os, hostname, started, millis, hosts);
    }

    public Provenance withHosts(List<Host> realHosts) {
        return new Provenance(build, commandLine, drillPath, drillSha256, drillText, engine, seed, jvm, os, hostname, startedAt, wallMillis,
                realHosts);
    }

    /** The command line as one line a reader can paste: each argument quoted when it needs to be. */
    public String commandLineText() {
        StringBuilder b = new StringBuilder("viplab");
        for (String a : commandLine) {
            b.append(' ');
            b.append(a.matches("[A-Za-z0-9_./:=@%+,-]+") ? a : "'" + a.replace("'", "'\"'\"'") + "'");
        }
        return b.toString();
    }

    /** For result.json: the same facts, times as ISO-8601 text. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("commandLine", commandLine);
        m.put("drillFile", drillPath);
        m.put("drillSha256", drillSha256);
        m.put("engine", engine);
        if (!realHosts()) m.put("seed", seed);
        m.put("jvm", jvm);
        m.put("os", os);
        if (startedAt != null) m.put("startedAt", startedAt.toString());
        if (wallMillis >= 0) m.put("wallMillis", wallMillis);
        if (!hosts.isEmpty()) {
            List<Map<String, Object>> hs = new java.util.ArrayList<>();
            for (Host h : hosts) {
                Map<String, Object> hm = new LinkedHashMap<>();
                hm.put("name", h.name());
                hm.put("address", h.address());
                hm.put("port", h.port());
                hm.put("user", h.user());
                hm.put("versions", new java.util.TreeMap<>(h.versions()));
                hs.add(hm);
            }
            m.put("hosts", hs);
        }
        return m;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    static String thisJvm() {
        return System.getProperty("java.vm.name", "?") + " " + System.getProperty("java.runtime.version", System.getProperty("java.version", "?"))
                + " (" + System.getProperty("java.vendor", "?") + ")";
    }

    static String thisOs() {
        return System.getProperty("os.name", "?") + " " + System.getProperty("os.version", "?") + " " + System.getProperty("os.arch", "?");
    }

    static String thisHostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
