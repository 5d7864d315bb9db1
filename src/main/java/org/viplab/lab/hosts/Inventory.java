package org.viplab.lab.hosts;

import org.viplab.lab.LabText;
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
        /** In a fixed order: Map.of's order changes from one JVM to the next, and so would every inventory file written. */
        public Map<String, String> serviceNames = defaultServiceNames();
        /** Commands that override a template, keyed "verb process", e.g. "stop mysqld": "systemctl stop mariadb". */
        public Map<String, String> commands = new LinkedHashMap<>();
        /** keepalived's log: a file to follow, or "journal" for {@code journalctl -f -u keepalived}. */
        public String keepalivedLog = "/var/log/keepalived.log";
        /** haproxy's stats socket, read with socat when present. */
        public String haproxyStats = "/var/lib/haproxy/stats";

        static Map<String, String> defaultServiceNames() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("mysqld", "mysql");
            m.put("haproxy", "haproxy");
            m.put("keepalived", "keepalived");
            return m;
        }

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
            throw LabText.refused(e, "inventory.invalid", file, e.getMessage());
        }
        if (inv == null) throw LabText.refused("inventory.empty", file);
        List<LabText> problems = inv.problems();
        if (!problems.isEmpty()) throw LabText.refused("inventory.problems", file, LabText.joined(problems));
        return inv;
    }

    /**
     * Everything wrong with the inventory, each naming its field ("vip", "hosts[1] (db2): iface"). Every value
     * that reaches a remote command is checked here by its type (see {@link RemoteValues}); the
     * {@code commands} overrides are the user's own shell text and are shown before they run instead.
     */
    public List<LabText> problems() {
        List<LabText> p = new ArrayList<>();
        if (hosts == null || hosts.size() != 2) p.add(LabText.of("inventory.twoHosts"));
        if (preset == null || Presets.byName(preset) == null) p.add(LabText.of("inventory.preset", String.join(", ", Presets.names())));
        if (vip == null || vip.isBlank()) p.add(LabText.of("inventory.missing", "vip"));
        else if (!RemoteValues.isIpLiteral(vip)) p.add(LabText.of("inventory.notIp", "vip", shown(vip)));
        if (!RemoteValues.isPort(clientPort)) p.add(LabText.of("inventory.port", "clientPort"));
        if (knownHosts != null && !RemoteValues.isLocalPath(knownHosts)) p.add(LabText.of("inventory.fileName", "knownHosts"));
        if (hosts != null) {
            for (int i = 0; i < hosts.size(); i++) {
                Host h = hosts.get(i);
                if (h == null) {
                    p.add(LabText.of("inventory.hostEmpty", "hosts[" + i + "]"));
                    continue;
                }
                String at = "hosts[" + i + "]" + (h.name != null ? " (" + oneLine(h.name) + ")" : "");
                if (h.name == null || !h.name.matches(NAME)) p.add(LabText.of("inventory.at", at, LabText.of("inventory.name", shown(h.name))));
                if (h.address == null || h.address.isBlank()) p.add(LabText.of("inventory.at", at, LabText.of("inventory.missing", "address")));
                else if (!RemoteValues.isIpLiteral(h.address)) p.add(LabText.of("inventory.at", at, LabText.of("inventory.notIp", "address", shown(h.address))));
                if (!RemoteValues.isPort(h.port)) p.add(LabText.of("inventory.at", at, LabText.of("inventory.port", "port")));
                if (!RemoteValues.isUserName(h.user)) p.add(LabText.of("inventory.at", at, LabText.of("inventory.user", shown(h.user))));
                if (!List.of("key", "agent", "password").contains(h.auth)) p.add(LabText.of("inventory.at", at, LabText.of("inventory.auth")));
                if ("key".equals(h.auth) && (h.keyFile == null || h.keyFile.isBlank())) p.add(LabText.of("inventory.at", at, LabText.of("inventory.keyFile")));
                else if (h.keyFile != null && !RemoteValues.isLocalPath(h.keyFile)) p.add(LabText.of("inventory.at", at, LabText.of("inventory.fileName", "keyFile")));
                if (!List.of("sysv", "systemd", "custom").contains(h.services)) p.add(LabText.of("inventory.at", at, LabText.of("inventory.services")));
                if (!RemoteValues.isInterfaceName(h.iface)) p.add(LabText.of("inventory.at", at, LabText.of("inventory.iface", shown(h.iface))));
                if (h.serviceNames == null) h.serviceNames = new LinkedHashMap<>();
                for (Map.Entry<String, String> e : h.serviceNames.entrySet()) {
                    if (ProcessKind.fromId(e.getKey()) == null) p.add(LabText.of("inventory.at", at, LabText.of("inventory.serviceNames.process", shown(e.getKey()))));
                    if (!RemoteValues.isServiceName(e.getValue())) p.add(LabText.of("inventory.at", at, LabText.of("inventory.serviceNames.name", "serviceNames." + e.getKey(), shown(e.getValue()))));
                }
                if (h.commands == null) h.commands = new LinkedHashMap<>();
                for (String key : h.commands.keySet()) {
                    String[] w = key.split(" ");
                    Verb verb = w.length == 2 ? Verb.fromId(w[0]) : null;
                    if (verb == null || ProcessKind.fromId(w[1]) == null) {
                        p.add(LabText.of("inventory.at", at, LabText.of("inventory.commands.unknown", shown(key))));
                    } else if (verb.timingFault() || verb.forLinks()) {
                        // a custom command would suggest real hosts run it: they refuse timing faults, and links are not processes
                        p.add(LabText.of("inventory.at", at, LabText.of("inventory.commands.notProcess", shown(key))));
                    }
                }
                if (!"journal".equals(h.keepalivedLog) && !RemoteValues.isAbsolutePath(h.keepalivedLog)) {
                    p.add(LabText.of("inventory.at", at, LabText.of("inventory.keepalivedLog", shown(h.keepalivedLog))));
                }
                if (!RemoteValues.isAbsolutePath(h.haproxyStats)) p.add(LabText.of("inventory.at", at, LabText.of("inventory.path", "haproxyStats", shown(h.haproxyStats))));
            }
            if (hosts.size() == 2 && hosts.get(0) != null && hosts.get(1) != null && hosts.get(0).name != null
                    && hosts.get(0).name.equals(hosts.get(1).name)) {
                p.add(LabText.of("inventory.sameNames"));
            }
        }
        return p;
    }

    private static final String NAME = "[A-Za-z0-9_.]+";

    /** A value as a message shows it: quoted, control characters escaped, so that a message stays one line. */
    private static Object shown(String v) { return v == null ? LabText.of("value.nothing") : "\"" + oneLine(v) + "\""; }

    private static String oneLine(String v) {
        StringBuilder b = new StringBuilder();
        for (char c : v.toCharArray()) {
            if (c < 0x20 || c == 0x7f) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        return b.toString();
    }
}
