package org.viplab.cli;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.KeyPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.viplab.testing.Drills;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code drill --engine ssh} says why it cannot run in English, and in Chinese with {@code --lang zh-CN}: a bad
 * inventory, and a host that does not answer. The names, addresses and ports stay as they are.
 */
class SshErrorsLanguageTest {
    static final String HOST = """
            {"name": "%s", "address": "127.0.0.1", "port": %d, "user": "tester", "auth": "key", "keyFile": "%s", "iface": "lo",
             "keepalivedLog": "/var/log/k.log", "services": "sysv"}""";

    private static Path inventory(Path tmp, String vip, int port) throws Exception {
        Path key = tmp.resolve("id_rsa");
        if (!Files.exists(key)) KeyPair.genKeyPair(new JSch(), KeyPair.RSA, 2048).writePrivateKey(key.toString());
        String json = "{\"preset\": \"mode1\", \"vip\": \"" + vip + "\", \"knownHosts\": \"" + tmp.resolve("known_hosts") + "\", \"hosts\": ["
                + String.format(HOST, "db1", port, key) + ",\n" + String.format(HOST, "db2", port, key) + "]}";
        return Files.writeString(tmp.resolve("inventory.json"), json);
    }

    private static DrillCommandReportTest.Run drill(Path tmp, Path inv, String... more) throws Exception {
        Path drill = Files.writeString(tmp.resolve("stop.json"), Drills.KEEPALIVED_STOP);
        String[] args = {"drill", drill.toString(), "--engine", "ssh", "--inventory", inv.toString(), "--json", tmp.resolve("out.json").toString()};
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return DrillCommandReportTest.run(all);
    }

    @Test
    void aBadInventoryInEnglishAndInChinese(@TempDir Path tmp) throws Exception {
        Path inv = inventory(tmp, "10.9.8.x", 22);
        DrillCommandReportTest.Run en = drill(tmp, inv);
        assertEquals(ExitCodes.BAD_INPUT, en.exit(), en.out() + en.err());
        assertTrue(en.err().contains(inv + ": vip must be an IP address literal, not \"10.9.8.x\""), en.err());
        DrillCommandReportTest.Run zh = drill(tmp, inv, "--lang", "zh-CN");
        assertEquals(ExitCodes.BAD_INPUT, zh.exit(), zh.out() + zh.err());
        assertTrue(zh.err().contains(inv + "：vip 必须是 IP 地址字面量，而不是 \"10.9.8.x\""), zh.err());
    }

    @Test
    void anUnreachableHostInEnglishAndInChinese(@TempDir Path tmp) throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        Path inv = inventory(tmp, "10.9.8.120", closed);
        DrillCommandReportTest.Run en = drill(tmp, inv);
        assertEquals(ExitCodes.ENGINE, en.exit(), en.out() + en.err());
        assertTrue(en.err().contains("cannot reach the hosts: db1: cannot connect to 127.0.0.1:" + closed + ": "), en.err());
        DrillCommandReportTest.Run zh = drill(tmp, inv, "--lang", "zh-CN");
        assertEquals(ExitCodes.ENGINE, zh.exit(), zh.out() + zh.err());
        assertTrue(zh.err().contains("无法连接主机：db1：无法连接 127.0.0.1:" + closed + "："), zh.err());
        assertFalse(zh.err().contains("cannot"), zh.err());
    }
}
