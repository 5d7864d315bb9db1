package org.viplab.engine.ssh;

import org.viplab.lab.hosts.Inventory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InventoryTest {
    @TempDir
    Path dir;

    @Test
    void roundTripsAndFillsDefaults() throws Exception {
        Path f = dir.resolve("inv.json");
        Files.writeString(f, """
                {"preset": "mode2", "vip": "192.0.2.10", "clientPort": 6039,
                 "hosts": [{"name": "a", "address": "192.0.2.11", "auth": "agent"},
                           {"name": "b", "address": "192.0.2.12", "auth": "password", "services": "systemd", "sudo": true, "user": "dba"}]}
                """);
        Inventory inv = Inventory.read(f);
        assertEquals(22, inv.host("a").port);
        assertEquals("root", inv.host("a").user);
        assertEquals("eth0", inv.host("b").iface);
        assertEquals("mysql", inv.host("b").serviceName(org.viplab.core.model.ProcessKind.MYSQLD));
        Path again = dir.resolve("again.json");
        inv.write(again);
        assertEquals(inv.toJson(), Inventory.read(again).toJson());
        // there is nowhere to put a password: it is asked for and kept in memory only
        assertTrue(java.util.Arrays.stream(Inventory.Host.class.getFields()).noneMatch(x -> x.getName().toLowerCase().contains("pass")),
                "no password field in the inventory");
    }

    @Test
    void saysWhatIsWrongAndWhere() throws Exception {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, """
                {"hosts": [{"name": "db-1", "address": "", "auth": "key", "port": 70000}]}
                """);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Inventory.read(f));
        String m = e.getMessage();
        assertTrue(m.startsWith(f.toString()), m);
        assertTrue(m.contains("needs exactly two hosts"), m);
        assertTrue(m.contains("hosts[0] (db-1): name must be"), m);
        assertTrue(m.contains("address is missing"), m);
        assertTrue(m.contains("port must be 1..65535"), m);
        assertTrue(m.contains("auth key needs keyFile"), m);
        Files.writeString(f, """
                {"hosts": [{"name": "a", "address": "192.0.2.11", "auth": "agent", "commands": {"stall mysqld": "x", "stop mysqld": "y"}},
                           {"name": "b", "address": "192.0.2.12", "auth": "agent", "commands": {"cut keepalived": "z"}}]}
                """);
        String custom = assertThrows(IllegalArgumentException.class, () -> Inventory.read(f)).getMessage();
        assertTrue(custom.contains("commands cannot define \"stall mysqld\": only start, stop, kill, hang, resume and restart"), custom);
        assertTrue(custom.contains("commands cannot define \"cut keepalived\""), custom);
        assertTrue(!custom.contains("stop mysqld"), "an ordinary custom command is fine: " + custom);
        Files.writeString(f, "{\"hosts\": [");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Inventory.read(f)).getMessage().contains("not a valid inventory"));
    }
}
