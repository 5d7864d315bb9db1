package org.viplab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.viplab.testing.Drills;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code drill --engine ssh --inventory FILE} refuses an inventory with shell syntax in it before it connects. */
class SshInventoryRefusalTest {
    static final String HOST = """
            {"name": "%s", "address": "127.0.0.1", "port": %d, "auth": "agent", "iface": "%s", "keepalivedLog": "%s",
             "serviceNames": {"mysqld": "%s"}}""";

    @Test
    void exitsTwoNamingTheFieldWithoutConnecting(@TempDir Path tmp) throws Exception {
        Path drill = Files.writeString(tmp.resolve("stop.json"), Drills.KEEPALIVED_STOP);
        AtomicInteger connections = new AtomicInteger();
        try (ServerSocket ssh = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                while (!ssh.isClosed()) {
                    try (var s = ssh.accept()) {
                        connections.incrementAndGet();
                    } catch (Exception closed) {
                        return;
                    }
                }
            });
            t.setDaemon(true);
            t.start();
            int port = ssh.getLocalPort();
            String[][] cases = {
                    // field poisoned, vip, db1's iface, db1's log, db2's mysqld service, the message expected
                    {"10.9.8.120$(touch /tmp/pwned)", "lo", "/var/log/k.log", "mysql", "vip must be an IP address literal"},
                    {"10.9.8.120", "lo;touch /tmp/pwned", "/var/log/k.log", "mysql", "hosts[0] (db1): iface is not an interface name"},
                    {"10.9.8.120", "lo", "/var/log/`touch /tmp/pwned`", "mysql", "hosts[0] (db1): keepalivedLog must be"},
                    {"10.9.8.120", "lo", "/var/log/k.log", "mysql' '", "hosts[1] (db2): serviceNames.mysqld is not a service name"},
                    {"10.9.8.120", "lo\\ntouch /tmp/pwned", "/var/log/k.log", "mysql", "hosts[0] (db1): iface is not an interface name"},
            };
            for (String[] c : cases) {
                String json = "{\"preset\": \"mode1\", \"vip\": \"" + c[0].replace("\"", "\\\"") + "\", \"hosts\": ["
                        + String.format(HOST, "db1", port, c[1], c[2], "mysql") + ",\n"
                        + String.format(HOST, "db2", port, "lo", "/var/log/k.log", c[3]) + "]}";
                Path inv = Files.writeString(tmp.resolve("inventory.json"), json);
                DrillCommandReportTest.Run r = DrillCommandReportTest.run("drill", drill.toString(), "--engine", "ssh", "--inventory", inv.toString());
                assertEquals(ExitCodes.BAD_INPUT, r.exit(), r.out() + r.err());
                assertTrue(r.err().startsWith(inv.toString()) && r.err().contains(c[4]), r.err());
                assertEquals(1, r.err().strip().lines().count(), "one line, control characters shown escaped: " + r.err());
            }
        }
        assertEquals(0, connections.get(), "refused before connecting");
    }
}
