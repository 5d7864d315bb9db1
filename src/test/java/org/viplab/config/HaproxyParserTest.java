package org.viplab.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class HaproxyParserTest {
    @Test
    void readsTheTutorialsFileWithDefaultsInheritance() throws Exception {
        HaproxyConf h = HaproxyParser.parse(Path.of("samples/configs/mode2/db1/haproxy.cfg"));
        HaproxyConf.Proxy fe = h.section("mysql", HaproxyConf.Kind.FRONTEND);
        assertEquals("tcp", fe.effectiveMode().value());
        assertEquals(6039, fe.binds.get(0).port());
        assertTrue(fe.binds.get(0).wildcard());
        assertEquals("back_mysql", fe.defaultBackend.value());
        HaproxyConf.Proxy be = h.section("back_mysql", HaproxyConf.Kind.BACKEND);
        assertEquals("roundrobin", be.effectiveBalance().value());
        assertEquals(2, be.servers.size());
        HaproxyConf.Server db1 = be.servers.get(0);
        assertEquals("10.9.8.201", db1.address);
        assertEquals(3306, db1.port);
        assertTrue(db1.check);
        assertNull(db1.interMs);
        // From defaults: timeout check 10s, timeout queue 1m, option redispatch, retries 3.
        assertEquals(10_000L, be.effectiveTimeout("check").value());
        assertTrue(be.effectiveTimeout("check").inherited());
        assertEquals(60_000L, be.effectiveTimeout("queue").value());
        assertTrue(be.optionOn("redispatch"));
        assertEquals(3, be.effectiveRetries().value());
        assertFalse(be.optionOn("mysql-check"));
        assertEquals("4000", h.global.get("maxconn").word(1));
    }

    @Test
    void serverOptionsTimeUnitsQuotesAndNoOption() throws Exception {
        String cfg = """
                defaults base
                    mode http
                    option redispatch
                defaults
                    mode tcp
                    no option redispatch
                    timeout connect 500
                listen db from base
                    bind 10.9.8.120:3307,:3308
                    option mysql-check user "hap check"
                    default-server inter 3s fall 2 on-marked-down shutdown-sessions
                    server a 10.0.0.1:3306 check inter 1500ms fastinter 500 downinter 1m rise 4 weight 50 maxconn 100 backup
                    server b [fe80::1]:3306 check # comment
                backend other
                    server c host.example:3306
                """;
        HaproxyConf h = HaproxyParser.parse(cfg, "h.cfg");
        HaproxyConf.Proxy l = h.section("db");
        assertEquals("http", l.effectiveMode().value(), "from base, named with from");
        assertTrue(l.optionOn("redispatch"));
        assertEquals("10.9.8.120", l.binds.get(0).address());
        assertEquals(3308, l.binds.get(1).port());
        assertEquals("hap check", l.effectiveMysqlCheckUser().value());
        HaproxyConf.Server a = l.servers.get(0);
        assertEquals(1500L, a.interMs);
        assertEquals(500L, a.fastinterMs);
        assertEquals(60_000L, a.downinterMs);
        assertEquals(4, a.rise);
        assertEquals(50, a.weight);
        assertTrue(a.backup);
        assertEquals("fe80::1", l.servers.get(1).address);
        assertEquals("shutdown-sessions", l.effectiveDefaultServer().onMarkedDown);
        HaproxyConf.Proxy o = h.section("other");
        assertEquals("tcp", o.effectiveMode().value(), "the last defaults section above");
        assertFalse(o.optionOn("redispatch"));
        assertEquals(500L, o.effectiveTimeout("connect").value());
        assertEquals("host.example", o.servers.get(0).address);
    }

    @Test
    void aNewDefaultsSectionResetsTheDefaults() throws Exception {
        HaproxyConf h = HaproxyParser.parse("defaults\n  mode http\n  option redispatch\ndefaults\n  retries 5\nbackend b\n  server s 1.2.3.4:3306\n", "h.cfg");
        HaproxyConf.Proxy b = h.section("b");
        assertEquals("tcp", b.effectiveMode().value(), "haproxy's own default, not the first defaults section's http");
        assertFalse(b.optionOn("redispatch"));
        assertEquals(5, b.effectiveRetries().value());
    }

    @Test
    void errorsSayWhereAndWhat() {
        ConfigParseException e = assertThrows(ConfigParseException.class,
                () -> HaproxyParser.parse("backend b\n    server s1 10.0.0.1:3306 check inter 2x\n", "h.cfg"));
        assertEquals("h.cfg:2:41", e.pos().toString());
        assertTrue(e.reason().contains("time unit"), e.reason());
        e = assertThrows(ConfigParseException.class, () -> HaproxyParser.parse("frontend\n", "h.cfg"));
        assertTrue(e.reason().contains("expected a name"), e.reason());
        e = assertThrows(ConfigParseException.class, () -> HaproxyParser.parse("backend b\n  server s1 10.0.0.1:99999\n", "h.cfg"));
        assertTrue(e.reason().contains("0..65535"), e.reason());
        e = assertThrows(ConfigParseException.class, () -> HaproxyParser.parse("backend b\n  balance 'roundrobin\n", "h.cfg"));
        assertTrue(e.reason().contains("unterminated"), e.reason());
    }

    @Test
    void unknownSectionsAndKeywordsAreNotes() throws Exception {
        HaproxyConf h = HaproxyParser.parse("peers p\n  peer a 1.2.3.4:1\nbackend b\n  frobnicate\n", "h.cfg");
        assertEquals(2, h.notes.size(), h.notes.toString());
        assertEquals(4, h.notes.get(1).pos().line());
    }

    @Test
    void tenMegabytesParseCompletely() throws Exception {
        StringBuilder b = new StringBuilder("defaults\n  mode tcp\n");
        int i = 0;
        while (b.length() < 10 * 1024 * 1024) {
            b.append("backend be").append(i).append("\n  balance roundrobin\n  server s").append(i)
                    .append(" 10.0.0.1:3306 check inter 2s fall 3 rise 2\n");
            i++;
        }
        HaproxyConf h = HaproxyParser.parse(b.toString(), "big.cfg");
        assertEquals(i, h.proxies().size());
    }
}
