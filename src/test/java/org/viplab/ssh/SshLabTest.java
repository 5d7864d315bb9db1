package org.viplab.ssh;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.KeyPair;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.viplab.lab.Action;
import org.viplab.lab.Target;
import org.viplab.lab.Verb;
import org.viplab.model.ProcessKind;
import org.viplab.model.VrrpState;
import org.viplab.timeline.LabEvent;
import org.viplab.timeline.Timeline;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SSH engine against an in-process SSH server on 127.0.0.1 that runs commands on this machine: only
 * read-only observers (ip monitor, ps, tail of a temporary file) and harmless custom commands run. The
 * keepalived log is a temporary file the test writes to.
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
        Path key = dir.resolve("id_rsa");
        KeyPair kp = KeyPair.genKeyPair(new JSch(), KeyPair.RSA, 2048);
        kp.writePrivateKey(key.toString());
        Inventory inv = new Inventory();
        inv.vip = "127.0.0.1";
        inv.clientPort = mysqlPort;
        inv.knownHosts = dir.resolve("known_hosts").toString();
        for (String n : List.of("db1", "db2")) {
            Inventory.Host h = new Inventory.Host();
            h.name = n;
            h.address = "127.0.0.1";
            h.port = sshPort;
            h.user = "tester";
            h.keyFile = key.toString();
            h.iface = "lo";
            h.services = "custom";
            h.commands.put("stop mysqld", "echo stopping mysqld");
            h.commands.put("start mysqld", "echo cannot >&2; exit 4");
            h.keepalivedLog = dir.resolve(n + "-keepalived.log").toString();
            Files.writeString(Path.of(h.keepalivedLog), "");
            inv.hosts.add(h);
        }
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

    static <T extends LabEvent> T await(Timeline tl, Class<T> type, Predicate<T> p, long ms) throws InterruptedException {
        long end = System.currentTimeMillis() + ms;
        while (System.currentTimeMillis() < end) {
            for (LabEvent e : tl.snapshot()) if (type.isInstance(e) && p.test(type.cast(e))) return type.cast(e);
            Thread.sleep(50);
        }
        throw new AssertionError("no " + type.getSimpleName() + " as expected within " + ms + " ms in " + tl.snapshot());
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
        assertTrue(r.detail().contains("clock offset"), r.detail());
        assertTrue(Math.abs(lab.clockOffsetsUs().get("db1")) < 20_000, "offset " + lab.clockOffsetsUs());

        lab.beginDrill();
        assertEquals(0, tl.snapshot().get(0).timeUs());
        // keepalived logs a state change on db2: it reaches the time line at the time of the line
        Thread.sleep(300);
        String stamp = ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS"));
        long writtenAt = lab.now();
        Files.writeString(Path.of(inv.host("db2").keepalivedLog), stamp + " (VI_1) Entering MASTER STATE\n", StandardOpenOption.APPEND);
        LabEvent.VrrpStateChanged m = await(tl, LabEvent.VrrpStateChanged.class, e -> e.host().equals("db2") && e.to() == VrrpState.MASTER, 8000);
        assertTrue(Math.abs(m.timeUs() - writtenAt) < 60_000, "placed at " + m.timeUs() + ", written at " + writtenAt);
        // the client probe reads the greeting and names the host from its version
        LabEvent.ClientProbe p = await(tl, LabEvent.ClientProbe.class, LabEvent.ClientProbe::ok, 5000);
        assertEquals("db1", p.backend());

        lab.apply(new Action(Verb.STOP, new Target.Process("db1", ProcessKind.MYSQLD)), "drill");
        assertEquals("db1$ echo stopping mysqld", shown.get(shown.size() - 1), "the command is shown before it runs");
        IllegalStateException failed = assertThrows(IllegalStateException.class,
                () -> lab.apply(new Action(Verb.START, new Target.Process("db1", ProcessKind.MYSQLD)), "drill"));
        assertTrue(failed.getMessage().contains("exited 4") && failed.getMessage().contains("cannot"), failed.getMessage());
        // The in-process "hosts" run their commands on this machine: a cut is refused only where the machine has
        // no firewall tool, and the test never lets a real cut touch this machine's own rules.
        boolean firewall = java.util.stream.Stream.of("/usr/sbin/nft", "/usr/sbin/iptables", "/sbin/nft", "/sbin/iptables")
                .anyMatch(f -> Files.isExecutable(Path.of(f)));
        if (!firewall) {
            UnsupportedOperationException vrrp = assertThrows(UnsupportedOperationException.class,
                    () -> lab.apply(new Action(Verb.CUT, new Target.PeerPath("db1", "db2", true)), "drill"));
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
}
