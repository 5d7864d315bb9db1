package org.viplab.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class KeepalivedParserTest {
    @Test
    void readsTheTutorialsMode1MasterFile() throws Exception {
        KeepalivedConf k = KeepalivedParser.parse(Path.of("samples/configs/mode1/db1/keepalived.conf"));
        assertEquals("LVS_DB2", k.global.routerId.value());
        KeepalivedConf.VrrpScript s = k.scripts.get("check_haproxy");
        assertEquals("/etc/keepalived/check_mysql.sh", s.script.value());
        assertEquals(3.0, s.interval.value());
        assertEquals(-5, s.weight.value());
        assertNull(s.timeout);
        KeepalivedConf.VrrpInstance vi = k.instances.get(0);
        assertEquals("VI_1", vi.name);
        assertTrue(vi.stateMaster());
        assertEquals("ens33", vi.iface.value());
        assertEquals(51, vi.vrid.value());
        assertEquals(100, vi.priority.value());
        assertEquals("PASS", vi.authType.value());
        assertEquals("1111", vi.authPass.value());
        assertEquals("10.9.8.120", vi.vips.get(0).ip);
        assertEquals("ens33", vi.vips.get(0).dev);
        assertEquals("check_haproxy", vi.trackScripts.get(0).name());
        // positions: "priority 100" is on line 17, the value at column 14
        assertEquals(17, vi.priority.pos().line());
        assertEquals(14, vi.priority.pos().column());
    }

    @Test
    void bracesOnOneLineCommentsQuotesAndUnknownKeywords() throws Exception {
        String text = """
                global_defs { router_id "my router"
                  enable_script_security }
                # a comment
                vrrp_script chk { script "/bin/pidof haproxy" # trailing
                  interval 2
                  weight -20 reverse
                  fall 3
                  rise 2
                  timeout 1.5
                  init_fail
                  user nobody
                }
                vrrp_track_process tp { process mariadbd
                  weight 0 }
                vrrp_instance VI_9 {
                  state BACKUP ! comment
                  nopreempt
                  preempt_delay 30
                  interface eth1
                  virtual_router_id 77
                  priority 150
                  advert_int 0.5
                  version 3
                  unicast_src_ip 10.0.0.1
                  unicast_peer {
                    10.0.0.2
                  }
                  virtual_ipaddress {
                    10.0.0.100/24 dev eth1 label eth1:vip
                    10.0.0.101
                  }
                  track_interface { eth1 weight -10 }
                  track_script { chk weight -30 }
                  track_process { tp }
                  notify_master "/usr/local/bin/master.sh"
                  garp_master_delay 2
                  frobnicate 12
                }
                vrrp_sync_group G { group { VI_9 } }
                lvs_thing 1
                """;
        KeepalivedConf k = KeepalivedParser.parse(text, "t.conf");
        assertEquals("my router", k.global.routerId.value());
        assertTrue(k.global.enableScriptSecurity.value());
        KeepalivedConf.VrrpScript s = k.scripts.get("chk");
        assertEquals("/bin/pidof haproxy", s.script.value());
        assertEquals(-20, s.weight.value());
        assertTrue(s.weightReverse);
        assertEquals(1.5, s.timeout.value());
        assertEquals(3, s.fall.value());
        assertNotNull(s.initFail);
        assertEquals("nobody", s.user.value());
        assertEquals("mariadbd", k.trackProcesses.get("tp").process.value());
        KeepalivedConf.VrrpInstance vi = k.instances.get(0);
        assertFalse(vi.stateMaster());
        assertTrue(vi.hasNopreempt());
        assertEquals(30.0, vi.preemptDelay.value());
        assertEquals(3, k.versionOf(vi));
        assertEquals("10.0.0.1", vi.unicastSrcIp.value());
        assertEquals("10.0.0.2", vi.unicastPeers.get(0).value());
        assertEquals(24, vi.vips.get(0).prefix);
        assertEquals("eth1:vip", vi.vips.get(0).label);
        assertEquals("10.0.0.101", vi.vips.get(1).ip);
        assertEquals(-10, vi.trackInterfaces.get(0).weight());
        assertEquals(-30, vi.trackScripts.get(0).weight());
        assertEquals("tp", vi.trackProcesses.get(0).name());
        assertEquals("/usr/local/bin/master.sh", vi.notify.get("notify_master").value());
        assertEquals(2.0, vi.garp.get("garp_master_delay").value());
        assertEquals("VI_9", k.syncGroups.get(0).group.get(0).value());
        assertTrue(k.notes.stream().anyMatch(n -> n.message().contains("frobnicate") && n.pos().line() == 37), k.notes.toString());
        assertTrue(k.notes.stream().anyMatch(n -> n.message().contains("lvs_thing")), k.notes.toString());
    }

    @Test
    void includeGlobRelativeToTheIncludingFile(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("conf.d"));
        Files.writeString(dir.resolve("keepalived.conf"), "global_defs {\n router_id X\n}\ninclude conf.d/*.conf\n");
        Files.writeString(dir.resolve("conf.d/b.conf"), "vrrp_instance VI_B {\n virtual_router_id 2\n}\n");
        Files.writeString(dir.resolve("conf.d/a.conf"), "vrrp_instance VI_A {\n virtual_router_id 1\n include ../vip.inc\n}\n");
        Files.writeString(dir.resolve("vip.inc"), "virtual_ipaddress {\n 10.1.1.1\n}\n");
        KeepalivedConf k = KeepalivedParser.parse(dir.resolve("keepalived.conf"));
        assertEquals(2, k.instances.size());
        assertEquals("VI_A", k.instances.get(0).name, "sorted glob order");
        assertEquals("10.1.1.1", k.instances.get(0).vips.get(0).ip);
        assertTrue(k.instances.get(0).vips.get(0).pos.file().endsWith("vip.inc"));
        assertEquals(4, k.files.size());
    }

    @Test
    void absoluteIncludesAreLookedUpInTheNodeDirectory(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("conf.d"));
        Files.writeString(dir.resolve("keepalived.conf"), "include /etc/keepalived/conf.d/*.conf\n");
        Files.writeString(dir.resolve("conf.d/vi.conf"), "vrrp_instance VI_X {\n virtual_router_id 9\n}\n");
        KeepalivedConf k = KeepalivedParser.parse(dir.resolve("keepalived.conf"));
        assertEquals("VI_X", k.instances.get(0).name);
        assertTrue(k.notes.stream().anyMatch(n -> n.message().contains("looked up in the node directory")), k.notes.toString());
        Files.writeString(dir.resolve("keepalived.conf"), "include /nonexistent/nothing.conf\ninclude bad\u0000name\n");
        KeepalivedConf none = KeepalivedParser.parse(dir.resolve("keepalived.conf"));
        assertTrue(none.instances.isEmpty());
        assertTrue(none.notes.stream().anyMatch(n -> n.message().contains("matches no file")), none.notes.toString());
    }

    @Test
    void includeLoopIsAnErrorNotAHang(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("keepalived.conf"), "include keepalived.conf\n");
        ConfigParseException e = assertThrows(ConfigParseException.class, () -> KeepalivedParser.parse(dir.resolve("keepalived.conf")));
        assertTrue(e.getMessage().contains("include loop"), e.getMessage());
        assertEquals(1, e.pos().line());
    }

    @Test
    void errorsNameFileLineColumnAndWhatWasExpected() {
        ConfigParseException e = assertThrows(ConfigParseException.class,
                () -> KeepalivedParser.parse("vrrp_instance VI_1 {\n    priority high\n}\n", "k.conf"));
        assertEquals("k.conf:2:14: expected a whole number after \"priority\", got \"high\"", e.getMessage());

        e = assertThrows(ConfigParseException.class, () -> KeepalivedParser.parse("vrrp_instance VI_1 {\n  state MASTER\n", "k.conf"));
        assertEquals(1, e.pos().line());
        assertTrue(e.reason().contains("never closed"), e.reason());

        e = assertThrows(ConfigParseException.class, () -> KeepalivedParser.parse("}\n", "k.conf"));
        assertTrue(e.reason().contains("unexpected \"}\""));

        e = assertThrows(ConfigParseException.class, () -> KeepalivedParser.parse("global_defs {\n router_id \"abc\n}\n", "k.conf"));
        assertEquals("k.conf:2:12", e.pos().toString());

        e = assertThrows(ConfigParseException.class, () -> KeepalivedParser.parse("vrrp_instance VI_1 {\n virtual_router_id 300\n}\n", "k.conf"));
        assertTrue(e.reason().contains("1..255"), e.reason());

        e = assertThrows(ConfigParseException.class, () -> KeepalivedParser.parse("vrrp_script\n", "k.conf"));
        assertTrue(e.reason().startsWith("expected a name"), e.reason());
    }

    @Test
    void tenMegabytesParseCompletely() throws Exception {
        StringBuilder b = new StringBuilder();
        int i = 0;
        while (b.length() < 10 * 1024 * 1024) {
            b.append("vrrp_instance VI_").append(i).append(" {\n  state BACKUP\n  virtual_router_id ").append(i % 255 + 1)
                    .append("\n  priority 100\n  virtual_ipaddress {\n    10.0.").append(i % 250).append(".1 dev eth0\n  }\n}\n");
            i++;
        }
        KeepalivedConf k = KeepalivedParser.parse(b.toString(), "big.conf");
        assertEquals(i, k.instances.size());
    }

    @Test
    void overTheSizeLimitIsRefusedWithAClearMessage(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("keepalived.conf");
        Files.write(f, new byte[(int) ConfigFiles.MAX_BYTES + 1]);
        ConfigParseException e = assertThrows(ConfigParseException.class, () -> KeepalivedParser.parse(f));
        assertTrue(e.reason().contains("over the"), e.reason());
    }
}
