package org.viplab.engine.ssh;

import org.viplab.core.timeline.Reason;
import org.viplab.core.timeline.Actor;
import org.viplab.lab.hosts.Inventory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.viplab.lab.Action;
import org.viplab.lab.Target;
import org.viplab.lab.Verb;
import org.viplab.core.model.ProcessKind;
import org.viplab.core.model.VrrpState;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Timeline;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SSH engine against an in-process SSH server on 127.0.0.1 that runs commands on this machine: only
 * read-only observers (ip monitor, ps, tail of a temporary file) and harmless custom commands run. The
 * keepalived log is a temporary file the test writes to. Cuts run only on hosts whose PATH puts fake nft or
 * iptables first and leaves the real ones out (see fakeHosts).
 */
class SshLabTest {
    @TempDir
    Path dir;
    TestSshServer server;
    ServerSocket mysql;
    SshLab lab;

    @AfterEach
    void stop() throws Exception {
        if (lab != null) lab.close();
        if (server != null) server.close();
        if (mysql != null) mysql.close();
    }

    Inventory inventory(int sshPort, int mysqlPort) throws Exception {
        Inventory inv = InProcessHosts.inventory(dir, sshPort, mysqlPort);
        for (Inventory.Host h : inv.hosts) h.commands.put("start mysqld", "echo cannot >&2; exit 4"); // a command that fails
        assertEquals(List.of(), inv.problems());
        return inv;
    }

    /** Serves the recorded MariaDB greeting ("...-db1") to every connection. */
    void startMysql() throws Exception {
        byte[] greeting = ClientProberTest.recordedGreeting();
        mysql = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            while (!mysql.isClosed()) {
                try (Socket s = mysql.accept(); OutputStream o = s.getOutputStream()) {
                    o.write(greeting);
                } catch (Exception ignored) {
                    // closed
                }
            }
        });
        t.setDaemon(true);
        t.start();
    }

    /**
     * The first event of {@code type} matching {@code p}, already on the timeline or appended within {@code ms}:
     * told by the timeline's listener, so the test wakes when it arrives (the limit only stops a hung test).
     */
    static <T extends LabEvent> T await(Timeline tl, Class<T> type, Predicate<T> p, long ms) throws InterruptedException {
        java.util.concurrent.CompletableFuture<T> found = new java.util.concurrent.CompletableFuture<>();
        Timeline.Listener l = e -> {
            if (type.isInstance(e) && p.test(type.cast(e))) found.complete(type.cast(e));
        };
        tl.addListener(l);
        try {
            for (LabEvent e : tl.snapshot()) if (type.isInstance(e) && p.test(type.cast(e))) return type.cast(e);
            return found.get(ms, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no " + type.getSimpleName() + " as expected within " + ms + " ms in " + tl.snapshot(), e);
        } finally {
            tl.removeListener(l);
        }
    }

    /**
     * Appends numbered marker lines to a keepalived log until one reaches the timeline: the remote
     * {@code tail -n 0 -F} then follows the file, and a line written next cannot be missed.
     */
    static void awaitLogFollowed(Timeline tl, Path log) throws Exception {
        for (int i = 0; ; i++) {
            String marker = "test marker " + i;
            Files.writeString(log, marker + "\n", StandardOpenOption.APPEND);
            try {
                // events reach the timeline after SshLab's ordering window (1.5 s)
                await(tl, LabEvent.LogLine.class, l -> l.text().contains(marker), 4000);
                return;
            } catch (AssertionError notYet) {
                if (i == 5) throw notYet;
            }
        }
    }

    @Test
    void observesActsAndReconnects() throws Exception {
        server = new TestSshServer(dir.resolve("hostkey.ser"), 0);
        int port = server.port();
        startMysql();
        Inventory inv = inventory(port, mysql.getLocalPort());
        Timeline tl = new Timeline();
        List<String> shown = new CopyOnWriteArrayList<>();
        List<String> asked = new CopyOnWriteArrayList<>();
        lab = new SshLab(inv, tl, (h, type, fp) -> asked.add(fp) || true, Map.of(), shown::add);
        lab.connect();
        assertEquals(1, asked.size(), "one host key, asked once, then known for the second host");
        // on connect: reachability with the measured clock offset (same machine: near 0)
        LabEvent.HostReachability r = await(tl, LabEvent.HostReachability.class, e -> e.host().equals("db1") && e.reachable(), 5000);
        assertTrue(r.detail().is(Reason.Code.CONNECTED) || r.detail().is(Reason.Code.AT_ZERO_CLOCK), "with the clock offset: " + r.detail());
        assertTrue(Math.abs(lab.clockOffsetsUs().get("db1")) < 20_000, "offset " + lab.clockOffsetsUs());

        Timeline before = tl;
        tl = lab.beginDrill();
        assertTrue(tl != before, "a drill's t = 0 is a new timeline; the old one keeps what it had");
        assertEquals(0, tl.snapshot().get(0).timeUs());
        // keepalived logs a state change on db2: it reaches the time line at the time of the line
        awaitLogFollowed(tl, Path.of(inv.host("db2").keepalivedLog));
        String stamp = ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS"));
        long writtenAt = lab.now();
        Files.writeString(Path.of(inv.host("db2").keepalivedLog), stamp + " (VI_1) Entering MASTER STATE\n", StandardOpenOption.APPEND);
        LabEvent.VrrpStateChanged m = await(tl, LabEvent.VrrpStateChanged.class, e -> e.host().equals("db2") && e.to() == VrrpState.MASTER, 8000);
        assertTrue(Math.abs(m.timeUs() - writtenAt) < 60_000, "placed at " + m.timeUs() + ", written at " + writtenAt);
        // the client probe reads the greeting and names the host from its version
        LabEvent.ClientProbe p = await(tl, LabEvent.ClientProbe.class, LabEvent.ClientProbe::ok, 5000);
        assertEquals("db1", p.backend());

        lab.apply(new Action(Verb.STOP, new Target.Process("db1", ProcessKind.MYSQLD)), Actor.DRILL);
        assertEquals("db1$ echo stopping mysqld", shown.get(shown.size() - 1), "the command is shown before it runs");
        IllegalStateException failed = assertThrows(IllegalStateException.class,
                () -> lab.apply(new Action(Verb.START, new Target.Process("db1", ProcessKind.MYSQLD)), Actor.DRILL));
        assertTrue(failed.getMessage().contains("exited 4") && failed.getMessage().contains("cannot"), failed.getMessage());
        // The in-process "hosts" run their commands on this machine: a cut is refused only where the machine has
        // no firewall tool, and the test never lets a real cut touch this machine's own rules.
        boolean firewall = java.util.stream.Stream.of("/usr/sbin/nft", "/usr/sbin/iptables", "/sbin/nft", "/sbin/iptables")
                .anyMatch(f -> Files.isExecutable(Path.of(f)));
        if (!firewall) {
            UnsupportedOperationException vrrp = assertThrows(UnsupportedOperationException.class,
                    () -> lab.apply(new Action(Verb.CUT, new Target.PeerPath("db1", "db2", true)), Actor.DRILL));
            assertTrue(vrrp.getMessage().contains("iptables or nft") || vrrp.getMessage().contains("not supported"), vrrp.getMessage());
        }
        await(tl, LabEvent.ActionApplied.class, a -> a.target().equals("db1/mysqld"), 4000);

        // the host goes away: an unreachable event, then a reconnect when it is back
        server.close();
        server = null;
        await(tl, LabEvent.HostReachability.class, e -> e.host().equals("db1") && !e.reachable(), 10_000);
        server = new TestSshServer(dir.resolve("hostkey.ser"), port);
        long back = lab.now();
        await(tl, LabEvent.HostReachability.class, e -> e.host().equals("db1") && e.reachable() && e.timeUs() >= back, 15_000);
        assertTrue(lab.reachable("db1"));
    }

    // ---- cuts on hosts with a fake firewall tool ------------------------------------------------------------
    // The in-process hosts run their commands on THIS machine, so a cut must never reach its real nft or
    // iptables. Each host gets its own SSH server whose PATH is a shim directory (the real `ip`, for the
    // observers, and fake firewall tools that only append their argv to a file) followed by /usr/bin:/bin:
    // /usr/sbin and /sbin, where the real firewall tools live, are not on it, so they cannot be run by name.
    // Production code is unchanged: it probes with `command -v` and runs the tool by name, as on a real host.

    /** db1 on 127.0.0.1 and db2 on 127.0.0.2, each with its own server, shim directory and argv log. */
    record FakeHosts(TestSshServer db1, TestSshServer db2, Path log1, Path log2) implements AutoCloseable {
        public void close() throws Exception {
            db1.close();
            db2.close();
        }

        List<String> commands(Path log) throws java.io.IOException {
            return Files.exists(log) ? Files.readAllLines(log) : List.of();
        }
    }

    FakeHosts fakeHosts(String... fakeTools) throws Exception {
        Path[] logs = new Path[2];
        TestSshServer[] servers = new TestSshServer[2];
        for (int i = 0; i < 2; i++) {
            Path shim = Files.createDirectories(dir.resolve("shim-db" + (i + 1)));
            logs[i] = dir.resolve("firewall-db" + (i + 1) + ".log");
            Path ip = java.util.stream.Stream.of("/usr/sbin/ip", "/sbin/ip", "/usr/bin/ip", "/bin/ip").map(Path::of)
                    .filter(Files::isExecutable).findFirst().orElseThrow(() -> new AssertionError("no ip command on this machine"));
            Files.writeString(shim.resolve("ip"), "#!/bin/sh\nexec '" + ip + "' \"$@\"\n");
            assertTrue(shim.resolve("ip").toFile().setExecutable(true));
            for (String tool : fakeTools) {
                Path f = shim.resolve(tool);
                // one line per call: the tool, then each argument in brackets (so the quoting is checked too)
                Files.writeString(f, "#!/bin/sh\n{ printf '%s' " + tool + "; for a in \"$@\"; do printf ' [%s]' \"$a\"; done; echo; } >>'"
                        + logs[i] + "'\nexit 0\n");
                assertTrue(f.toFile().setExecutable(true));
            }
            servers[i] = new TestSshServer(dir.resolve("hostkey" + (i + 1) + ".ser"), "127.0.0." + (i + 1), 0, shim + ":/usr/bin:/bin");
        }
        return new FakeHosts(servers[0], servers[1], logs[0], logs[1]);
    }

    SshLab fakeLab(FakeHosts f, Timeline tl, List<String> shown) throws Exception {
        startMysql();
        Inventory inv = inventory(f.db1().port(), mysql.getLocalPort());
        inv.host("db2").address = "127.0.0.2";
        inv.host("db2").port = f.db2().port();
        for (Inventory.Host h : inv.hosts) {
            // the restore starts what is not running: harmless commands here
            h.commands.put("start mysqld", "true");
            h.commands.put("start keepalived", "true");
            // never a real pkill -CONT on this machine
            h.commands.put("resume mysqld", "true");
        }
        SshLab l = new SshLab(inv, tl, (h, type, fp) -> true, Map.of(), shown::add);
        l.connect();
        l.beginDrill();
        return l;
    }

    /** This machine's own firewall, as root sees it (or the error a non-root user gets): must not change. */
    static String realFirewall() throws Exception {
        StringBuilder b = new StringBuilder();
        for (String[] c : List.of(new String[]{"/usr/sbin/nft", "list", "tables"}, new String[]{"/usr/sbin/iptables", "-S"})) {
            if (!Files.isExecutable(Path.of(c[0]))) continue;
            Process p = new ProcessBuilder(c).redirectErrorStream(true).start();
            b.append(String.join(" ", c)).append(":\n").append(new String(p.getInputStream().readAllBytes())).append("exit ").append(p.waitFor()).append('\n');
        }
        return b.toString();
    }

    void cutHealRestore(String tool, Map<String, List<String>> expected) throws Exception {
        String before = realFirewall();
        Timeline tl = new Timeline();
        List<String> shown = new CopyOnWriteArrayList<>();
        try (FakeHosts f = fakeHosts(tool)) {
            lab = fakeLab(f, tl, shown);
            tl = lab.timeline();
            LabEvent.HostReachability r = await(tl, LabEvent.HostReachability.class, e -> e.host().equals("db1") && e.reachable(), 5000);
            assertTrue(r.detail().is(Reason.Code.CONNECTED) || r.detail().is(Reason.Code.AT_ZERO_CLOCK), "with the clock offset: " + r.detail());
            Set<String> seen = new java.util.HashSet<>();
            for (LabEvent e : tl.snapshot()) if (e instanceof LabEvent.HostReachability h) seen.add(h.host());
            assertEquals(Set.of("db1", "db2"), seen);
            List<String> hosts = List.of("db1", "db2");
            lab.apply(new Action(Verb.CUT, Target.parse("db1-db2", hosts)), Actor.DRILL);
            assertEquals(expected.get("cut db1-db2 on db1"), f.commands(f.log1()));
            assertEquals(expected.get("cut db1-db2 on db2"), f.commands(f.log2()));
            lab.apply(new Action(Verb.HEAL, Target.parse("db1-db2", hosts)), Actor.DRILL);
            // both hosts' rules go at once, and each host's own start of it is on the time line
            for (String h : hosts) {
                await(tl, LabEvent.LogLine.class, l -> l.host().equals(h) && l.text().equals("began heal db1-db2"), 4000);
            }
            assertEquals(expected.get("heal db1-db2 on db1"), tail(f.commands(f.log1()), expected.get("cut db1-db2 on db1").size()));
            assertEquals(expected.get("heal db1-db2 on db2"), tail(f.commands(f.log2()), expected.get("cut db1-db2 on db2").size()));
            int n1 = f.commands(f.log1()).size();
            int n2 = f.commands(f.log2()).size();
            lab.apply(new Action(Verb.CUT, Target.parse("db1-db2/vrrp", hosts)), Actor.DRILL);
            lab.apply(new Action(Verb.CUT, Target.parse("clients-db1", hosts)), Actor.DRILL);
            assertEquals(expected.get("cut db1-db2/vrrp on db1 + cut clients-db1"), tail(f.commands(f.log1()), n1));
            assertEquals(expected.get("cut db1-db2/vrrp on db2"), tail(f.commands(f.log2()), n2));
            n1 = f.commands(f.log1()).size();
            n2 = f.commands(f.log2()).size();
            // the restore heals both, in the order they were cut
            lab.restore(Actor.DRILL);
            assertEquals(expected.get("restore on db1"), tail(f.commands(f.log1()), n1));
            assertEquals(expected.get("restore on db2"), tail(f.commands(f.log2()), n2));
            List<String> links = new ArrayList<>();
            for (LabEvent e : tl.snapshot()) if (e instanceof LabEvent.LinkChanged c) links.add(c.link() + (c.cut() ? " cut" : " healed"));
            assertEquals(List.of("db1-db2 cut", "db1-db2 healed", "db1-db2/vrrp cut", "clients-db1 cut", "db1-db2/vrrp healed", "clients-db1 healed"), links);
            assertTrue(shown.stream().anyMatch(c -> c.startsWith("db2$ " + tool + " ")), "the commands are shown: " + shown);
        }
        assertEquals(before, realFirewall(), "this machine's own firewall is untouched");
    }

    static List<String> tail(List<String> l, int from) { return l.subList(from, l.size()); }

    @Test
    void cutsAndHealsWithNft() throws Exception {
        String chain1 = "nft [add chain inet viplab_127_0_0_2 input { type filter hook input priority 0 ; }]";
        String chain2 = "nft [add chain inet viplab_127_0_0_1 input { type filter hook input priority 0 ; }]";
        Map<String, List<String>> e = new java.util.HashMap<>();
        e.put("cut db1-db2 on db1", List.of("nft [add] [table] [inet] [viplab_127_0_0_2]", chain1,
                "nft [add] [rule] [inet] [viplab_127_0_0_2] [input] [ip] [saddr] [127.0.0.2] [drop]"));
        e.put("cut db1-db2 on db2", List.of("nft [add] [table] [inet] [viplab_127_0_0_1]", chain2,
                "nft [add] [rule] [inet] [viplab_127_0_0_1] [input] [ip] [saddr] [127.0.0.1] [drop]"));
        e.put("heal db1-db2 on db1", List.of("nft [delete] [table] [inet] [viplab_127_0_0_2]"));
        e.put("heal db1-db2 on db2", List.of("nft [delete] [table] [inet] [viplab_127_0_0_1]"));
        // the client (this JVM) reaches db1 from 127.0.0.1, as SSH_CLIENT says
        e.put("cut db1-db2/vrrp on db1 + cut clients-db1", List.of(
                "nft [add] [table] [inet] [viplab_127_0_0_2_vrrp]",
                "nft [add chain inet viplab_127_0_0_2_vrrp input { type filter hook input priority 0 ; }]",
                "nft [add] [rule] [inet] [viplab_127_0_0_2_vrrp] [input] [ip] [saddr] [127.0.0.2] [ip] [protocol] [vrrp] [drop]",
                "nft [add] [table] [inet] [viplab_127_0_0_1]", chain2,
                "nft [add] [rule] [inet] [viplab_127_0_0_1] [input] [ip] [saddr] [127.0.0.1] [drop]"));
        e.put("cut db1-db2/vrrp on db2", List.of(
                "nft [add] [table] [inet] [viplab_127_0_0_1_vrrp]",
                "nft [add chain inet viplab_127_0_0_1_vrrp input { type filter hook input priority 0 ; }]",
                "nft [add] [rule] [inet] [viplab_127_0_0_1_vrrp] [input] [ip] [saddr] [127.0.0.1] [ip] [protocol] [vrrp] [drop]"));
        e.put("restore on db1", List.of("nft [delete] [table] [inet] [viplab_127_0_0_2_vrrp]", "nft [delete] [table] [inet] [viplab_127_0_0_1]"));
        e.put("restore on db2", List.of("nft [delete] [table] [inet] [viplab_127_0_0_1_vrrp]"));
        cutHealRestore("nft", e);
    }

    @Test
    void cutsAndHealsWithIptables() throws Exception {
        String tail = " [-m] [comment] [--comment] [viplab] [-j] [DROP]";
        Map<String, List<String>> e = new java.util.HashMap<>();
        e.put("cut db1-db2 on db1", List.of("iptables [-I] [INPUT] [-s] [127.0.0.2]" + tail));
        e.put("cut db1-db2 on db2", List.of("iptables [-I] [INPUT] [-s] [127.0.0.1]" + tail));
        e.put("heal db1-db2 on db1", List.of("iptables [-D] [INPUT] [-s] [127.0.0.2]" + tail));
        e.put("heal db1-db2 on db2", List.of("iptables [-D] [INPUT] [-s] [127.0.0.1]" + tail));
        e.put("cut db1-db2/vrrp on db1 + cut clients-db1", List.of("iptables [-I] [INPUT] [-s] [127.0.0.2] [-p] [112]" + tail,
                "iptables [-I] [INPUT] [-s] [127.0.0.1]" + tail));
        e.put("cut db1-db2/vrrp on db2", List.of("iptables [-I] [INPUT] [-s] [127.0.0.1] [-p] [112]" + tail));
        e.put("restore on db1", List.of("iptables [-D] [INPUT] [-s] [127.0.0.2] [-p] [112]" + tail, "iptables [-D] [INPUT] [-s] [127.0.0.1]" + tail));
        e.put("restore on db2", List.of("iptables [-D] [INPUT] [-s] [127.0.0.1] [-p] [112]" + tail));
        cutHealRestore("iptables", e);
    }

    /**
     * One way: db1's adverts dropped where they arrive on db2, the rule that is db2's half of a two-way block; a
     * two-way block then adds only db1's half, a heal of one direction leaves the other, and the restore heals it.
     */
    @Test
    void aOneWayVrrpBlockIsTheReceivingHostsHalfOfTheTwoWayOne() throws Exception {
        String before = realFirewall();
        Timeline tl = new Timeline();
        try (FakeHosts f = fakeHosts("nft")) {
            lab = fakeLab(f, tl, new CopyOnWriteArrayList<>());
            tl = lab.timeline();
            await(tl, LabEvent.HostReachability.class, e -> e.host().equals("db2") && e.reachable(), 5000);
            List<String> hosts = List.of("db1", "db2");
            lab.apply(new Action(Verb.CUT, Target.parse("db1>db2/vrrp", hosts)), Actor.DRILL);
            assertEquals(List.of(), f.commands(f.log1()), "nothing on db1");
            assertEquals(List.of("nft [add] [table] [inet] [viplab_127_0_0_1_vrrp]",
                    "nft [add chain inet viplab_127_0_0_1_vrrp input { type filter hook input priority 0 ; }]",
                    "nft [add] [rule] [inet] [viplab_127_0_0_1_vrrp] [input] [ip] [saddr] [127.0.0.1] [ip] [protocol] [vrrp] [drop]"),
                    f.commands(f.log2()));
            lab.apply(new Action(Verb.CUT, Target.parse("db1-db2/vrrp", hosts)), Actor.DRILL);
            assertEquals(3, f.commands(f.log1()).size(), "db1's half only");
            assertEquals(3, f.commands(f.log2()).size(), "db2's half is in place already");
            lab.apply(new Action(Verb.HEAL, Target.parse("db2>db1/vrrp", hosts)), Actor.DRILL);
            assertEquals(List.of("nft [delete] [table] [inet] [viplab_127_0_0_2_vrrp]"), tail(f.commands(f.log1()), 3));
            lab.restore(Actor.DRILL);
            assertEquals(List.of("nft [delete] [table] [inet] [viplab_127_0_0_1_vrrp]"), tail(f.commands(f.log2()), 3));
            List<String> links = new ArrayList<>();
            for (LabEvent e : tl.snapshot()) if (e instanceof LabEvent.LinkChanged c) links.add(c.link() + (c.cut() ? " cut" : " healed"));
            assertEquals(List.of("db1>db2/vrrp cut", "db1-db2/vrrp cut", "db2>db1/vrrp healed", "db1>db2/vrrp healed"), links);
        }
        assertEquals(before, realFirewall(), "this machine's own firewall is untouched");
    }

    /** Loss on the VRRP path, one direction also blocked, then a heal both ways: each host's loss goes, and db2's rule. */
    @Test
    void aTwoWayHealTakesOffTheLossOnAHostWithNoRuleToRemove() throws Exception {
        Timeline tl = new Timeline();
        try (FakeHosts f = fakeHosts("nft")) {
            lab = fakeLab(f, tl, new CopyOnWriteArrayList<>());
            tl = lab.timeline();
            await(tl, LabEvent.HostReachability.class, e -> e.host().equals("db2") && e.reachable(), 5000);
            List<String> hosts = List.of("db1", "db2");
            lab.apply(new Action(Verb.LOSS, Target.parse("db1-db2/vrrp", hosts), Action.Amount.loss(3000)), Actor.DRILL);
            lab.apply(new Action(Verb.CUT, Target.parse("db1>db2/vrrp", hosts)), Actor.DRILL);
            int n1 = f.commands(f.log1()).size();
            int n2 = f.commands(f.log2()).size();
            lab.apply(new Action(Verb.HEAL, Target.parse("db1-db2/vrrp", hosts)), Actor.DRILL);
            assertEquals(List.of("nft [delete] [table] [inet] [viplab_loss_127_0_0_2_vrrp]"), tail(f.commands(f.log1()), n1),
                    "db1 had no rule of the cut, only the loss");
            assertEquals(List.of("nft [delete] [table] [inet] [viplab_loss_127_0_0_1_vrrp]", "nft [delete] [table] [inet] [viplab_127_0_0_1_vrrp]"),
                    tail(f.commands(f.log2()), n2));
            n1 = f.commands(f.log1()).size();
            n2 = f.commands(f.log2()).size();
            lab.restore(Actor.DRILL);
            assertEquals(List.of(), tail(f.commands(f.log1()), n1).stream().filter(c -> c.startsWith("nft")).toList(), "nothing left to undo");
            assertEquals(List.of(), tail(f.commands(f.log2()), n2).stream().filter(c -> c.startsWith("nft")).toList());
        }
    }

    /** Hosts with neither tool (whatever this machine has): every cut that needs one is refused, and says why. */
    @Test
    void cutsRefusedWhereNoFirewallToolExists() throws Exception {
        String before = realFirewall();
        Timeline tl = new Timeline();
        try (FakeHosts f = fakeHosts()) {
            lab = fakeLab(f, tl, new CopyOnWriteArrayList<>());
            tl = lab.timeline();
            for (String id : List.of("db1-db2", "db1-db2/vrrp", "db1>db2/vrrp", "clients-db1")) {
                UnsupportedOperationException x = assertThrows(UnsupportedOperationException.class,
                        () -> lab.apply(new Action(Verb.CUT, Target.parse(id, List.of("db1", "db2"))), Actor.DRILL));
                assertTrue(x.getMessage().contains(id + " is not supported") && x.getMessage().contains("iptables or nft"), x.getMessage());
            }
            for (LabEvent e : tl.snapshot()) assertTrue(!(e instanceof LabEvent.LinkChanged), "nothing was cut: " + e);
            // a refused action is still on the time line (at the moment it was asked for)
            await(tl, LabEvent.ActionApplied.class, a -> a.target().equals("clients-db1") && a.action().equals("cut"), 4000);
        }
        assertEquals(before, realFirewall());
    }

    // ---- timing faults on hosts with fake nft, tc and modprobe ----------------------------------------------

    /** The first {@code n} lines, and what came after: one host's commands of one action. */
    static List<String> since(FakeHosts f, Path log, int from) throws java.io.IOException { return tail(f.commands(log), from); }

    static List<String> nftLoss(String table, String peer, String extra, int basisPoints) {
        List<String> l = new ArrayList<>(List.of("nft [add] [table] [inet] [" + table + "]", "nft [flush] [table] [inet] [" + table + "]",
                "nft [add] [chain] [inet] [" + table + "] [input] [{ type filter hook input priority 0 ; }]"));
        l.add("nft [add] [rule] [inet] [" + table + "] [input] [ip] [saddr] [" + peer + "]" + extra
                + " [numgen] [random] [mod] [10000] [lt] [" + basisPoints + "] [drop]");
        return l;
    }

    /**
     * Loss, delay and slow on hosts whose nft, tc and modprobe only log their arguments: the commands on each
     * host, a second loss replacing the first, heal taking off a path's shaping (a band, or the whole prio root
     * when it was the host's last), resume taking off a slow mysqld, and the restore taking off what is left;
     * each fault's undo is on the time line, and no shaping-only heal reads as a link change.
     */
    @Test
    void timingFaultsAreUndoneExactlyByHealResumeAndTheRestore() throws Exception {
        String before = realFirewall();
        Timeline tl = new Timeline();
        try (FakeHosts f = fakeHosts("nft", "tc", "modprobe")) {
            lab = fakeLab(f, tl, new CopyOnWriteArrayList<>());
            tl = lab.timeline();
            List<String> hosts = List.of("db1", "db2");
            // the probe at connect asked modprobe (dry run) whether netem and prio can be loaded
            assertEquals(List.of("modprobe [-n] [-q] [sch_netem]", "modprobe [-n] [-q] [sch_prio]"), f.commands(f.log1()));
            int n1 = f.commands(f.log1()).size();
            int n2 = f.commands(f.log2()).size();
            lab.apply(new Action(Verb.LOSS, Target.parse("db1-db2/vrrp", hosts), Action.Amount.loss(3000)), Actor.DRILL);
            assertEquals(nftLoss("viplab_loss_127_0_0_2_vrrp", "127.0.0.2", " [ip] [protocol] [vrrp]", 3000), since(f, f.log1(), n1));
            assertEquals(nftLoss("viplab_loss_127_0_0_1_vrrp", "127.0.0.1", " [ip] [protocol] [vrrp]", 3000), since(f, f.log2(), n2));
            await(tl, LabEvent.LogLine.class, l -> l.host().equals("db2")
                    && l.text().equals("undo of loss db1-db2/vrrp 30% recorded: nft delete table inet viplab_loss_127_0_0_1_vrrp"), 4000);

            n1 = f.commands(f.log1()).size();
            lab.apply(new Action(Verb.LOSS, Target.parse("db1-db2/vrrp", hosts), Action.Amount.loss(1000)), Actor.DRILL);
            List<String> again = new ArrayList<>(List.of("nft [delete] [table] [inet] [viplab_loss_127_0_0_2_vrrp]"));
            again.addAll(nftLoss("viplab_loss_127_0_0_2_vrrp", "127.0.0.2", " [ip] [protocol] [vrrp]", 1000));
            assertEquals(again, since(f, f.log1(), n1), "a second loss replaces the first");

            n1 = f.commands(f.log1()).size();
            n2 = f.commands(f.log2()).size();
            lab.apply(new Action(Verb.DELAY, Target.parse("db1-db2", hosts), Action.Amount.delay(200_000, 50_000)), Actor.DRILL);
            String root = "tc [qdisc] [replace] [dev] [lo] [root] [handle] [1:] [prio] [bands] [5] [priomap]" + " [0]".repeat(16);
            assertEquals(List.of(root, "tc [qdisc] [replace] [dev] [lo] [parent] [1:2] [handle] [20:] [netem] [delay] [200000us] [50000us]",
                    "tc [filter] [add] [dev] [lo] [parent] [1:] [protocol] [ip] [prio] [2] [u32] [match] [ip] [dst] [127.0.0.2/32] [flowid] [1:2]",
                    "tc [filter] [add] [dev] [lo] [parent] [1:] [protocol] [ip] [prio] [2] [u32] [match] [ip] [protocol] [112] [0xff] [flowid] [1:2]"),
                    since(f, f.log1(), n1));
            assertTrue(since(f, f.log2(), n2).contains("tc [filter] [add] [dev] [lo] [parent] [1:] [protocol] [ip] [prio] [2] [u32] [match] [ip] [dst] [127.0.0.1/32] [flowid] [1:2]"));

            n1 = f.commands(f.log1()).size();
            lab.apply(new Action(Verb.SLOW, Target.parse("db1/mysqld", hosts), Action.Amount.duration(2_000_000)), Actor.DRILL);
            assertEquals(List.of("tc [qdisc] [replace] [dev] [lo] [parent] [1:5] [handle] [50:] [netem] [delay] [2000000us]",
                    "tc [filter] [add] [dev] [lo] [parent] [1:] [protocol] [ip] [prio] [5] [u32] [match] [ip] [protocol] [6] [0xff] [match] [ip] [sport] [3306] [0xffff] [flowid] [1:5]"),
                    since(f, f.log1(), n1), "the prio root is already there");

            n1 = f.commands(f.log1()).size();
            n2 = f.commands(f.log2()).size();
            lab.apply(new Action(Verb.HEAL, Target.parse("db1-db2", hosts)), Actor.DRILL);
            assertEquals(List.of("tc [filter] [del] [dev] [lo] [parent] [1:] [prio] [2]", "tc [qdisc] [del] [dev] [lo] [parent] [1:2] [handle] [20:]"),
                    since(f, f.log1(), n1), "db1 keeps its slow mysqld's band");
            assertEquals(List.of("tc [qdisc] [del] [dev] [lo] [root]"), since(f, f.log2(), n2), "db2's last band: the root goes");

            n1 = f.commands(f.log1()).size();
            lab.apply(new Action(Verb.RESUME, Target.parse("db1/mysqld", hosts)), Actor.DRILL);
            assertEquals(List.of("tc [qdisc] [del] [dev] [lo] [root]"), since(f, f.log1(), n1));

            n1 = f.commands(f.log1()).size();
            n2 = f.commands(f.log2()).size();
            lab.restore(Actor.DRILL);
            assertEquals(List.of("nft [delete] [table] [inet] [viplab_loss_127_0_0_2_vrrp]"), since(f, f.log1(), n1));
            assertEquals(List.of("nft [delete] [table] [inet] [viplab_loss_127_0_0_1_vrrp]"), since(f, f.log2(), n2));
            n1 = f.commands(f.log1()).size();
            lab.restore(Actor.DRILL);
            assertEquals(List.of(), since(f, f.log1(), n1), "nothing is left to undo");
            for (LabEvent e : tl.snapshot()) assertTrue(!(e instanceof LabEvent.LinkChanged), "shaping cuts no link: " + e);
        }
        assertEquals(before, realFirewall(), "this machine's own firewall is untouched");
    }

    /** Hosts without the tools: each timing fault is refused by what the host lacks, and nothing runs. */
    @Test
    void timingFaultsAreRefusedByWhatTheHostsLack() throws Exception {
        Timeline tl = new Timeline();
        try (FakeHosts f = fakeHosts()) {
            lab = fakeLab(f, tl, new CopyOnWriteArrayList<>());
            List<String> hosts = List.of("db1", "db2");
            Action delay = new Action(Verb.DELAY, Target.parse("db1-db2/vrrp", hosts), Action.Amount.delay(200_000, 0));
            assertEquals("delay db1-db2/vrrp is not supported on these hosts: a delay is a tc netem qdisc in a prio band of the host's interface,"
                    + " as root, and db1 has no tc (iproute2)", lab.unsupported(delay).english());
            UnsupportedOperationException x = assertThrows(UnsupportedOperationException.class, () -> lab.apply(delay, Actor.DRILL));
            assertEquals(lab.unsupported(delay).english(), x.getMessage());
            // the app shows it in Chinese: the same arguments, no English around them
            assertEquals("这些主机不支持 delay db1-db2/vrrp：延迟要以 root 身份在主机网卡的 prio 队列带中加一个 tc netem 队列规则（qdisc）；"
                    + "而 db1 没有 tc（iproute2）", org.viplab.core.util.Failures.message(x, java.util.Locale.SIMPLIFIED_CHINESE));
            assertTrue(lab.unsupported(new Action(Verb.LOSS, Target.parse("clients-db2", hosts), Action.Amount.loss(500))).english()
                    .endsWith("and db2 has neither nft nor iptables"));
            assertTrue(lab.unsupported(new Action(Verb.SLOW, Target.parse("db2/mysqld", hosts), Action.Amount.duration(1_000_000))).english()
                    .contains("TCP from port 3306"));
            assertEquals(null, lab.unsupported(new Action(Verb.STOP, Target.parse("db2/mysqld", hosts))));
            Action stall = new Action(Verb.STALL, Target.parse("db1", hosts), Action.Amount.duration(3_700_000));
            if (lab.unsupported(stall) == null) {
                String c = lab.commandsFor(stall).get(0);
                assertTrue(c.startsWith("db1$ sh -c ") && c.endsWith(" sh viplab-stall-db1 3.7 'mysqld|mariadbd|haproxy|keepalived|mysqld_safe'"), c);
                assertTrue(lab.commandsFor(new Action(Verb.RESUME, Target.parse("db1", hosts))).get(0).endsWith(" sh viplab-stall-db1"));
            }
        }
    }

    /** A host slow to start a command: the action is placed when the host began it, not when it was sent. */
    @Test
    void anActionIsPlacedWhenTheHostBeganIt() throws Exception {
        server = new TestSshServer(dir.resolve("hostkey.ser"), 0);
        startMysql();
        Inventory inv = inventory(server.port(), mysql.getLocalPort());
        Timeline tl = new Timeline();
        lab = new SshLab(inv, tl, (h, type, fp) -> true, Map.of(), c -> { });
        lab.connect();
        tl = lab.beginDrill();
        server.startDelayMs = 400;
        long sent = lab.now();
        lab.apply(new Action(Verb.STOP, new Target.Process("db1", ProcessKind.MYSQLD)), Actor.DRILL);
        LabEvent.ActionApplied a = await(tl, LabEvent.ActionApplied.class, x -> x.target().equals("db1/mysqld"), 4000);
        LabEvent.LogLine shown = await(tl, LabEvent.LogLine.class, l -> l.text().equals("$ echo stopping mysqld"), 4000);
        assertTrue(shown.timeUs() - sent < 100_000, "the command is logged when it is sent");
        long lag = a.timeUs() - sent;
        assertTrue(lag >= 390_000 && lag < 1_000_000, "placed " + lag / 1000 + " ms after it was sent (the host began it 400 ms later)");
        assertTrue(a.timeUs() <= lab.now());
    }
}
