package org.viplab.engine.ssh;

import org.viplab.lab.hosts.Inventory;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Two in-process "hosts" that reach a drill's baseline, so that whole drills run on them over real SSH without a
 * lab: each has its own SSH server whose PATH puts a shim directory first, where {@code ps} says every process
 * runs, {@code pgrep} finds them (the implicit restore starts nothing), and {@code ip} shows the VIP on the host a
 * file names (db1 at first) and never reports a change. Actions are the inventory's custom commands, which only
 * echo, except on db1: stopping mysqld moves the VIP to db2 (a failover), starting it moves the VIP back (a
 * failback, as with preemption). /usr/sbin and /sbin are not on the PATH: no firewall tool of this machine can be
 * reached. The VIP's port is a loopback server that sends MariaDB's greeting, so the client's probes are answered.
 */
public final class BaselineHosts implements AutoCloseable {
    public final Inventory inventory;
    private final TestSshServer db1;
    private final TestSshServer db2;
    private final ServerSocket mysql;

    private BaselineHosts(Inventory inventory, TestSshServer db1, TestSshServer db2, ServerSocket mysql) {
        this.inventory = inventory;
        this.db1 = db1;
        this.db2 = db2;
        this.mysql = mysql;
    }

    public static BaselineHosts start(Path dir) throws Exception {
        ServerSocket mysql = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        byte[] greeting = ClientProberTest.recordedGreeting();
        Thread t = new Thread(() -> {
            while (!mysql.isClosed()) {
                try (Socket s = mysql.accept(); OutputStream o = s.getOutputStream()) {
                    o.write(greeting);
                } catch (Exception ignored) {
                    // closed
                }
            }
        }, "test-mysql-greeting");
        t.setDaemon(true);
        t.start();
        Path vipOn = dir.resolve("vip-on");
        Files.writeString(vipOn, "db1\n");
        TestSshServer s1 = new TestSshServer(dir.resolve("hostkey1.ser"), "127.0.0.1", 0, shim(dir, "db1", vipOn) + ":/usr/bin:/bin");
        TestSshServer s2 = new TestSshServer(dir.resolve("hostkey2.ser"), "127.0.0.1", 0, shim(dir, "db2", vipOn) + ":/usr/bin:/bin");
        Inventory inv = InProcessHosts.inventory(dir, s1.port(), mysql.getLocalPort());
        inv.host("db2").port = s2.port();
        for (Inventory.Host h : inv.hosts) {
            h.commands.put("start keepalived", "echo starting keepalived");
            h.commands.put("stop keepalived", "echo stopping keepalived");
        }
        // the VIP leaves one host before it reaches the other: longer than the 0.2 s between two looks of a watcher,
        // so no watcher sees it on both (a split brain these hosts never had)
        inv.host("db1").commands.put("stop mysqld", "echo none > " + vipOn + "; sleep 0.5; echo db2 > " + vipOn);
        inv.host("db1").commands.put("start mysqld", "echo none > " + vipOn + "; sleep 0.5; echo db1 > " + vipOn);
        if (!inv.problems().isEmpty()) throw new IllegalStateException(inv.problems().toString());
        return new BaselineHosts(inv, s1, s2, mysql);
    }

    /** What the command log shows when db1's mysqld stops (the VIP moves to db2) and starts (it moves back). */
    public String stopDb1Mysqld() { return "db1$ " + inventory.host("db1").commands.get("stop mysqld"); }

    public String startDb1Mysqld() { return "db1$ " + inventory.host("db1").commands.get("start mysqld"); }

    /** The host's fake tools; its lo shows the VIP while {@code vipOn} names it. */
    private static Path shim(Path dir, String host, Path vipOn) throws Exception {
        Path shim = Files.createDirectories(dir.resolve("shim-" + host));
        write(shim.resolve("ps"), "#!/bin/sh\necho Ss\n");
        write(shim.resolve("pgrep"), "#!/bin/sh\necho 1\n");
        String vip = "[ \"$(cat '" + vipOn + "')\" = " + host + " ] && echo '1: lo    inet 127.0.0.1/8 scope host lo\\       valid_lft forever preferred_lft forever'\n";
        // ip monitor: silent until the session ends; ip addr: the VIP on db1; anything else: nothing
        write(shim.resolve("ip"), "#!/bin/sh\ncase \"$*\" in\n  *monitor*) exec sleep 100000 ;;\n  *addr*) " + vip + " ;;\nesac\n");
        return shim;
    }

    private static void write(Path f, String text) throws Exception {
        Files.writeString(f, text);
        if (!f.toFile().setExecutable(true)) throw new IllegalStateException("cannot make " + f + " executable");
    }

    /** The names of the hosts as the inventory has them. */
    public List<String> names() { return inventory.hostNames(); }

    @Override
    public void close() throws Exception {
        db1.close();
        db2.close();
        mysql.close();
    }
}
