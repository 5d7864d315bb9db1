package org.viplab.lab.hosts;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import org.viplab.core.model.Presets;
import org.viplab.core.model.ProcessKind;
import org.viplab.lab.Verb;
import org.viplab.core.util.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The real hosts VIP Lab drives over SSH, as an inventory file (JSON). Passwords are never part of it: a host
 * with {@code "auth": "password"} gets its password asked for and kept in memory only.
 */
public final class Inventory {
    /** The preset (topology) the hosts run: "mode1" or "mode2". */
    public String preset = "mode1";
    public String vip = "10.9.8.120";
    /** Port the client probe connects to on the VIP (3306 in mode 1, 6039 in mode 2). */
    public int clientPort = 3306;
    /** known_hosts file to verify host keys against; null: ~/.ssh/known_hosts. */
    public String knownHosts;
    public List<Host> hosts = new ArrayList<>();

    public static final class Host {
        public String name;
        public String address;
        public int port = 22;
        public String user = "root";
        /** "key", "agent" or "password". */
        public String auth = "key";
        public String keyFile;
        public String iface = "eth0";
        /** Prefix privileged commands with {@code sudo -n} (for a user who is not root). */
        public boolean sudo;
        /** "sysv" ({@code service NAME ACTION}), "systemd" ({@code systemctl ACTION NAME}) or "custom". */
        public String services = "sysv";
        /** Service names per process, for the templates. */
        public Map<String, String> serviceNames = new LinkedHashMap<>(Map.of("mysqld", "mysql", "haproxy", "haproxy", "keepalived", "keepalived"));
        /** Commands that override a template, keyed "verb process", e.g. "stop mysqld": "systemctl stop mariadb". */
        public Map<String, String> commands = new LinkedHashMap<>();
        /** keepalived's log: a file to follow, or "journal" for {@code journalctl -f -u keepalived}. */
        public String keepalivedLog = "/var/log/keepalived.log";
        /** haproxy's stats socket, read with socat when present. */
        public String haproxyStats = "/var/lib/haproxy/stats";

        public String serviceName(ProcessKind k) { return serviceNames.getOrDefault(k.id(), k.id()); }
    }

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    public Host host(String name) {
        for (Host h : hosts) if (h.name.equals(name)) return h;
        return null;
    }

    public List<String> hostNames() { return hosts.stream().map(h -> h.name).toList(); }

    public String toJson() { return GSON.toJson(this) + "\n"; }

    public void write(Path file) throws IOException { AtomicFiles.writeString(file, toJson()); }

    /** Reads and checks an inventory; the message names the file and what is wrong. */
    public static Inventory read(Path file) throws IOException {
        Inventory inv;
        try {
            inv = GSON.fromJson(Files.readString(file), Inventory.class);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(file + ": not a valid inventory: " + e.getMessage(), e);
        }
        if (inv == null) throw new IllegalArgumentException(file + ": empty inventory");
        List<String> problems = inv.problems();
        if (!problems.isEmpty()) throw new IllegalArgumentException(file + ": " + String.join("; ", problems));
        return inv;
    }

    /**
     * Everything wrong with the inventory, each naming its field ("vip", "hosts[1] (db2): iface"). Every value
     * that reaches a remote command is checked here by its type (see {@link RemoteValues}); the
     * {@code commands} overrides are the user's own shell text and are shown before they run instead.
     */
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        if (hosts == null || hosts.size() != 2) p.add("needs exactly two hosts");
        if (preset == null || Presets.byName(preset) == null) p.add("preset must be one of " + String.join(", ", Presets.names()));
        if (vip == null || vip.isBlank()) p.add("vip is missing");
        else if (!RemoteValues.isIpLiteral(vip)) p.add("vip must be an IP address literal, not " + shown(vip));
        if (!RemoteValues.isPort(clientPort)) p.add("clientPort must be 1..65535");
        if (knownHosts != null && !RemoteValues.isLocalPath(knownHosts)) p.add("knownHosts must be a file name without control characters");
        if (hosts != null) {
            for (int i = 0; i < hosts.size(); i++) {
                Host h = hosts.get(i);
                if (h == null) {
                    p.add("hosts[" + i + "] is empty");
                    continue;
                }
                String at = "hosts[" + i + "]" + (h.name != null ? " (" + oneLine(h.name) + ")" : "");
                if (h.name == null || !h.name.matches(NAME)) p.add(at + ": name must be letters, digits, '_' or '.' (no '-'), not " + shown(h.name));
                if (h.address == null || h.address.isBlank()) p.add(at + ": address is missing");
                else if (!RemoteValues.isIpLiteral(h.address)) p.add(at + ": address must be an IP address literal, not " + shown(h.address));
                if (!RemoteValues.isPort(h.port)) p.add(at + ": port must be 1..65535");
                if (!RemoteValues.isUserName(h.user)) p.add(at + ": user must be a Unix user name, not " + shown(h.user));
                if (!List.of("key", "agent", "password").contains(h.auth)) p.add(at + ": auth must be key, agent or password");
                if ("key".equals(h.auth) && (h.keyFile == null || h.keyFile.isBlank())) p.add(at + ": auth key needs keyFile");
                else if (h.keyFile != null && !RemoteValues.isLocalPath(h.keyFile)) p.add(at + ": keyFile must be a file name without control characters");
                if (!List.of("sysv", "systemd", "custom").contains(h.services)) p.add(at + ": services must be sysv, systemd or custom");
                if (!RemoteValues.isInterfaceName(h.iface)) p.add(at + ": iface is not an interface name (up to 15 letters, digits, '.', '_', '-', '@'): " + shown(h.iface));
                if (h.serviceNames == null) h.serviceNames = new LinkedHashMap<>();
                for (Map.Entry<String, String> e : h.serviceNames.entrySet()) {
                    if (ProcessKind.fromId(e.getKey()) == null) p.add(at + ": serviceNames has an unknown process " + shown(e.getKey()));
                    if (!RemoteValues.isServiceName(e.getValue())) p.add(at + ": serviceNames." + e.getKey() + " is not a service name: " + shown(e.getValue()));
                }
                if (h.commands == null) h.commands = new LinkedHashMap<>();
                for (String key : h.commands.keySet()) {
                    String[] w = key.split(" ");
                    Verb verb = w.length == 2 ? Verb.fromId(w[0]) : null;
                    if (verb == null || ProcessKind.fromId(w[1]) == null) {
                        p.add(at + ": commands has an unknown action " + shown(key) + " (e.g. \"stop mysqld\")");
                    } else if (verb.timingFault() || verb.forLinks()) {
                        // a custom command would suggest real hosts run it: they refuse timing faults, and links are not processes
                        p.add(at + ": commands cannot define " + shown(key) + ": only start, stop, kill, hang, resume and restart of a process");
                    }
                }
                if (!"journal".equals(h.keepalivedLog) && !RemoteValues.isAbsolutePath(h.keepalivedLog)) {
                    p.add(at + ": keepalivedLog must be \"journal\" or an absolute path of letters, digits and . _ - + @ : /, not " + shown(h.keepalivedLog));
                }
                if (!RemoteValues.isAbsolutePath(h.haproxyStats)) p.add(at + ": haproxyStats must be an absolute path of letters, digits and . _ - + @ : /, not " + shown(h.haproxyStats));
            }
            if (hosts.size() == 2 && hosts.get(0) != null && hosts.get(1) != null && hosts.get(0).name != null
                    && hosts.get(0).name.equals(hosts.get(1).name)) {
                p.add("hosts[1]: name must differ from hosts[0]'s");
            }
        }
        return p;
    }

    private static final String NAME = "[A-Za-z0-9_.]+";

    /** A value as a message shows it: quoted, control characters escaped, so that a message stays one line. */
    private static String shown(String v) { return v == null ? "nothing" : "\"" + oneLine(v) + "\""; }

    private static String oneLine(String v) {
        StringBuilder b = new StringBuilder();
        for (char c : v.toCharArray()) {
            if (c < 0x20 || c == 0x7f) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        return b.toString();
    }
}
