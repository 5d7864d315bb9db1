package org.viplab.engine.ssh;

import org.viplab.lab.hosts.Inventory;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.KeyPair;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Two "hosts" db1 and db2 behind one in-process SSH server on 127.0.0.1 (commands run on this machine, so
 * only harmless custom commands are configured), plus a loopback MySQL greeting server as the VIP's port.
 * For tests outside this package that need an engine on real SSH without a lab.
 */
public final class InProcessHosts implements AutoCloseable {
    public final Inventory inventory;
    private final TestSshServer server;
    private final ServerSocket mysql;

    private InProcessHosts(Inventory inventory, TestSshServer server, ServerSocket mysql) {
        this.inventory = inventory;
        this.server = server;
        this.mysql = mysql;
    }

    /** Starts the server and writes its key, known_hosts and keepalived logs under {@code dir}. */
    public static InProcessHosts start(Path dir) throws Exception {
        TestSshServer server = new TestSshServer(dir.resolve("hostkey.ser"), 0);
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
        Inventory inv = inventory(dir, server.port(), mysql.getLocalPort());
        if (!inv.problems().isEmpty()) throw new IllegalStateException(inv.problems().toString());
        return new InProcessHosts(inv, server, mysql);
    }

    /**
     * db1 and db2 on 127.0.0.1:{@code sshPort} with a fresh key under {@code dir}, the VIP 127.0.0.1 on {@code lo},
     * custom services that only echo, and empty keepalived logs under {@code dir}.
     */
    static Inventory inventory(Path dir, int sshPort, int mysqlPort) throws Exception {
        Path key = dir.resolve("id_rsa");
        KeyPair.genKeyPair(new JSch(), KeyPair.RSA, 2048).writePrivateKey(key.toString());
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
            h.commands.put("start mysqld", "echo starting mysqld");
            h.keepalivedLog = dir.resolve(n + "-keepalived.log").toString();
            Files.writeString(Path.of(h.keepalivedLog), "");
            inv.hosts.add(h);
        }
        return inv;
    }

    @Override
    public void close() throws Exception {
        server.close();
        mysql.close();
    }
}
