package org.viplab.engine.ssh;

import org.viplab.core.util.BundleText;
import org.viplab.core.timeline.Actor;
import org.viplab.lab.hosts.Inventory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.viplab.core.model.ProcessKind;
import org.viplab.core.timeline.Timeline;
import org.viplab.lab.Action;
import org.viplab.lab.Target;
import org.viplab.lab.Verb;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every inventory field that reaches a remote command, poisoned with shell syntax, against the in-process SSH
 * server: the inventory's check refuses each one by name, and an engine given the inventory anyway (the check
 * bypassed) connects, watches, acts and restores without running any of it: no canary file appears, and the
 * fake tools receive each poisoned value as one literal argument. The privileged tools (service, systemctl,
 * pkill, pgrep, sudo, tcpdump, socat, nft, `ip link`) are shims that only log their arguments.
 */
class ShellInjectionTest {
    @TempDir
    Path dir;

    /** Shell syntax that would create {@code canary} if any of it were run by a shell. */
    static List<String> payloads(Path canary) {
        String c = canary.toString();
        return List.of(";touch " + c, "$(touch " + c + ")", "`touch " + c + "`", "'$(touch " + c + ")'",
                "\"$(touch " + c + ")\"", "x\ntouch " + c + "\n", "x' ; touch " + c + " ; '");
    }

    /** The fields, each with how to poison it: the canary's name says which field ran code. */
    static Map<String, java.util.function.BiConsumer<Inventory, String>> fields() {
        Map<String, java.util.function.BiConsumer<Inventory, String>> f = new LinkedHashMap<>();
        f.put("vip", (inv, p) -> inv.vip = "127.0.0.1" + p);
        f.put("iface", (inv, p) -> inv.hosts.forEach(h -> h.iface = "lo" + p));
        f.put("serviceNames.mysqld", (inv, p) -> inv.hosts.forEach(h -> h.serviceNames.put("mysqld", "mysql" + p)));
        f.put("serviceNames.keepalived", (inv, p) -> inv.hosts.forEach(h -> h.serviceNames.put("keepalived", "keepalived" + p)));
        f.put("serviceNames.haproxy", (inv, p) -> inv.hosts.forEach(h -> h.serviceNames.put("haproxy", "haproxy" + p)));
        f.put("keepalivedLog", (inv, p) -> inv.hosts.forEach(h -> h.keepalivedLog = h.keepalivedLog + p));
        f.put("haproxyStats", (inv, p) -> inv.hosts.forEach(h -> h.haproxyStats = "/run/haproxy" + p));
        return f;
    }

    @Test
    void theCheckRefusesEachPoisonedFieldByName() throws Exception {
        Inventory clean = InProcessHosts.inventory(dir, 2222, 3306);
        assertEquals(List.of(), clean.problems());
        for (String p : payloads(dir.resolve("canary"))) {
            for (Map.Entry<String, java.util.function.BiConsumer<Inventory, String>> f : fields().entrySet()) {
                Inventory inv = InProcessHosts.inventory(dir, 2222, 3306);
                f.getValue().accept(inv, p);
                List<String> problems = inv.problems().stream().map(BundleText::english).toList();
                String field = f.getKey();
                assertTrue(!problems.isEmpty() && problems.stream().allMatch(m -> m.contains(field)),
                        f.getKey() + " poisoned with " + p + ": " + problems);
                assertTrue(problems.stream().noneMatch(m -> m.contains("\n")), "a message stays one line: " + problems);
            }
            Inventory inv = InProcessHosts.inventory(dir, 2222, 3306);
            inv.hosts.get(1).address = "127.0.0.2" + p;
            assertTrue(inv.problems().stream().anyMatch(m -> m.english().startsWith("hosts[1] (db2): address must be an IP address literal")), inv.problems().toString());
            inv = InProcessHosts.inventory(dir, 2222, 3306);
            inv.hosts.get(0).user = "tester" + p;
            assertTrue(inv.problems().stream().anyMatch(m -> m.english().startsWith("hosts[0] (db1): user must be")), inv.problems().toString());
        }
    }

    @Test
    void anEngineGivenPoisonedValuesRunsNoneOfThem() throws Exception {
        Path shim = shims();
        Path argv = dir.resolve("argv.log");
        int round = 0;
        for (String payloadTemplate : payloads(Path.of("CANARY"))) {
            round++;
            Map<String, Path> canaries = new LinkedHashMap<>();
            try (TestSshServer db1 = new TestSshServer(dir.resolve("k1.ser"), "127.0.0.1", 0, shim + ":/usr/bin:/bin");
                 TestSshServer db2 = new TestSshServer(dir.resolve("k2.ser"), "127.0.0.2", 0, shim + ":/usr/bin:/bin")) {
                Inventory inv = InProcessHosts.inventory(dir, db1.port(), 9);
                inv.preset = "mode2"; // haproxy's stats socket is watched too
                inv.host("db2").address = "127.0.0.2";
                inv.host("db2").port = db2.port();
                inv.host("db1").services = "sysv";
                inv.host("db2").services = "systemd";
                inv.host("db2").sudo = true;
                for (Inventory.Host h : inv.hosts) h.commands.clear();
                for (Map.Entry<String, java.util.function.BiConsumer<Inventory, String>> f : fields().entrySet()) {
                    Path canary = dir.resolve("canary-" + round + "-" + f.getKey());
                    canaries.put(f.getKey(), canary);
                    f.getValue().accept(inv, payloadTemplate.replace("CANARY", canary.toString()));
                }
                assertFalse(inv.problems().isEmpty());
                Files.deleteIfExists(argv);
                Timeline tl = new Timeline();
                try (SshLab lab = new SshLab(inv, tl, (h, type, fp) -> true, Map.of(), c -> { })) {
                    lab.connect();
                    lab.beginDrill();
                    List<String> hosts = List.of("db1", "db2");
                    for (ProcessKind k : ProcessKind.values()) {
                        for (Verb v : List.of(Verb.STOP, Verb.START, Verb.RESTART, Verb.KILL, Verb.HANG, Verb.RESUME)) {
                            for (String h : hosts) lab.apply(new Action(v, new Target.Process(h, k)), Actor.DRILL);
                        }
                    }
                    for (String link : List.of("db1/link", "db1-db2", "db1-db2/vrrp", "clients-db2")) {
                        lab.apply(new Action(Verb.CUT, Target.parse(link, hosts)), Actor.DRILL);
                    }
                    lab.restore(Actor.DRILL);
                    // the watchers (ps every 0.2 s, haproxy's stats every 0.5 s) ran with the values too
                    Function<String, Long> calls = tool -> lines(argv).stream().filter(l -> l.startsWith(tool + " ")).count();
                    long end = System.nanoTime() + 10_000_000_000L;
                    while (calls.apply("socat") < 4 && System.nanoTime() < end) Thread.sleep(50);
                    assertTrue(calls.apply("socat") >= 4, "the stats watcher ran: " + lines(argv));
                }
                for (Map.Entry<String, Path> c : canaries.entrySet()) {
                    assertFalse(Files.exists(c.getValue()), c.getKey() + " ran shell code: " + payloadTemplate);
                }
                // and each value arrived whole, as one argument
                String log = String.join("\n", lines(argv));
                String p = payloadTemplate.replace("CANARY", canaries.get("serviceNames.mysqld").toString());
                assertTrue(log.contains("service [mysql" + p + "] [stop]"), log);
                assertTrue(log.contains("systemctl [stop] [mysql" + p + "]"), log);
                String ifaceP = payloadTemplate.replace("CANARY", canaries.get("iface").toString());
                assertTrue(log.contains("tcpdump [-l] [-nn] [-tttt] [-i] [lo" + ifaceP + "] [vrrp]"), log);
                assertTrue(log.contains("ip [link] [set] [lo" + ifaceP + "] [up]"), log);
                String statsP = payloadTemplate.replace("CANARY", canaries.get("haproxyStats").toString());
                assertTrue(log.contains("socat [stdio] [UNIX-CONNECT:/run/haproxy" + statsP + "]"), log);
            }
        }
    }

    static List<String> lines(Path f) {
        try {
            return Files.exists(f) ? List.of(Files.readString(f).split("\n(?=[a-z]+ )")) : List.of();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Fake privileged tools that log "tool [arg] [arg]" and succeed (pgrep: finds nothing); `ip link` is faked, the rest of `ip` is real. */
    Path shims() throws Exception {
        Path shim = Files.createDirectories(dir.resolve("shim"));
        Path log = dir.resolve("argv.log");
        String logLine = "{ printf '%s' \"$(basename \"$0\")\"; for a in \"$@\"; do printf ' [%s]' \"$a\"; done; echo; } >>'" + log + "'\n";
        List<String> tools = new ArrayList<>(List.of("service", "systemctl", "pkill", "tcpdump", "socat", "nft", "journalctl"));
        for (String t : tools) write(shim.resolve(t), "#!/bin/sh\n" + logLine + "exit 0\n");
        write(shim.resolve("pgrep"), "#!/bin/sh\n" + logLine + "exit 1\n");
        write(shim.resolve("sudo"), "#!/bin/sh\n[ \"$1\" = -n ] && shift\nexec \"$@\"\n");
        Path ip = java.util.stream.Stream.of("/usr/sbin/ip", "/sbin/ip", "/usr/bin/ip", "/bin/ip").map(Path::of)
                .filter(Files::isExecutable).findFirst().orElseThrow(() -> new AssertionError("no ip command on this machine"));
        write(shim.resolve("ip"), "#!/bin/sh\nif [ \"$1\" = link ]; then\n" + logLine + "exit 0\nfi\nexec '" + ip + "' \"$@\"\n");
        return shim;
    }

    private static void write(Path f, String text) throws Exception {
        Files.writeString(f, text);
        assertTrue(f.toFile().setExecutable(true));
    }
}
