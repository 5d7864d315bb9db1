package org.viplab.config;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;
import static org.viplab.core.model.CheckScriptSpec.Test.MYSQL_QUERY;
import static org.viplab.core.model.CheckScriptSpec.Test.PROCESS_EXISTS;
import static org.viplab.core.model.CheckScriptSpec.Test.TCP_CONNECT;

class ScriptAnalyzerTest {
    private static ScriptAnalysis a(String s) { return ScriptAnalyzer.analyze(s, "t.sh"); }

    @Test
    void theTutorialsMode1ScriptAlwaysExitsZeroAndStopsKeepalived() {
        ScriptAnalysis x = a("#!/bin/bash\nif [ $(ps -C mysqld --no-header | wc -l) -eq 0 ]; then\n    service keepalived stop\nfi\n");
        assertEquals(PROCESS_EXISTS, x.test);
        assertEquals("mysqld", x.processName);
        assertTrue(x.stopsKeepalived);
        assertFalse(x.usesSudo);
        assertEquals(3, x.stopLine);
        assertTrue(x.alwaysExitsZero);
        assertEquals(Boolean.FALSE, x.exitNonZeroOnFailure);
    }

    @Test
    void theTutorialsMode2ScriptUsesSudo() {
        ScriptAnalysis x = a("#!/bin/bash\nif [ $(ps -C haproxy --no-header | wc -l) -eq 0 ];then\n    sudo service keepalived stop\nfi\n");
        assertEquals("haproxy", x.processName);
        assertTrue(x.usesSudo);
        assertEquals("sudo service keepalived stop", x.stopCommand);
        assertTrue(x.alwaysExitsZero);
    }

    @Test
    void processChecks() {
        assertEquals("haproxy", a("killall -0 haproxy").processName);
        assertEquals(Boolean.TRUE, a("killall -0 haproxy").exitNonZeroOnFailure);
        assertEquals("mariadbd", a("#!/bin/sh\npidof mariadbd >/dev/null").processName);
        assertEquals("haproxy", a("pgrep -x haproxy").processName);
        ScriptAnalysis s = a("systemctl is-active --quiet mariadb.service || systemctl stop keepalived\n");
        assertEquals(PROCESS_EXISTS, s.test);
        assertEquals("mariadb", s.processName);
        assertTrue(s.stopsKeepalived);
    }

    @Test
    void realHealthChecks() {
        ScriptAnalysis m = a("#!/bin/bash\nexec mysqladmin --connect-timeout=2 -h 127.0.0.1 -P 3307 ping\n");
        assertEquals(MYSQL_QUERY, m.test);
        assertEquals(3307, m.port);
        assertEquals(Boolean.TRUE, m.exitNonZeroOnFailure);
        ScriptAnalysis q = a("mysql -uroot -e 'select 1' >/dev/null 2>&1 || exit 1\n");
        assertEquals(MYSQL_QUERY, q.test);
        assertEquals(Boolean.TRUE, q.exitNonZeroOnFailure);
        ScriptAnalysis c = a("#!/bin/sh\ncurl -fsS http://127.0.0.1:8404/healthz || exit 2\n");
        assertEquals(TCP_CONNECT, c.test);
        assertEquals(8404, c.port);
        ScriptAnalysis n = a("exec nc -z -w 2 127.0.0.1 6039\n");
        assertEquals(TCP_CONNECT, n.test);
        assertEquals(6039, n.port);
    }

    @Test
    void ifWithExitOneFollowsTheTest() {
        ScriptAnalysis x = a("if [ $(ps -C mysqld --no-header | wc -l) -eq 0 ]; then\n  exit 1\nfi\n");
        assertEquals(Boolean.TRUE, x.exitNonZeroOnFailure);
        assertFalse(x.alwaysExitsZero);
        assertFalse(x.stopsKeepalived);
    }

    @Test
    void andAndAsLastLineIsInverted() {
        ScriptAnalysis x = a("#!/bin/bash\n[ $(ps -C mysqld --no-header | wc -l) -eq 0 ] && service keepalived stop\n");
        assertTrue(x.invertedExit);
        assertNull(x.exitNonZeroOnFailure);
        assertTrue(x.stopsKeepalived);
    }

    @Test
    void moreShapes() {
        ScriptAnalysis g = a("#!/bin/bash\nN=$(ps -ef | grep [m]ysqld | wc -l)\nif [ $N -eq 0 ]; then\n  systemctl stop keepalived\nfi\n");
        assertEquals(PROCESS_EXISTS, g.test);
        assertEquals("mysqld", g.processName);
        assertTrue(g.alwaysExitsZero, "an assignment before the if does not change the exit status");
        ScriptAnalysis st = a("service mysqld status >/dev/null || exit 1\n");
        assertEquals(PROCESS_EXISTS, st.test);
        assertEquals("mysqld", st.processName);
        assertEquals(Boolean.TRUE, st.exitNonZeroOnFailure);
        ScriptAnalysis f = a("if ! pidof haproxy; then\n  false\nfi\n");
        assertFalse(f.alwaysExitsZero, "the then-branch ends with false: exit 1 on failure");
        assertNull(f.exitNonZeroOnFailure);
        ScriptAnalysis one = a("if ! pidof haproxy; then logger gone; fi\n");
        assertTrue(one.alwaysExitsZero);
    }

    @Test
    void hugeInputIsBoundedNotSlow() {
        String longLine = "ps ".repeat(300_000);
        // Unbounded, this line would take the regexes hours; a generous preemptive limit only catches that.
        ScriptAnalysis x = assertTimeoutPreemptively(java.time.Duration.ofSeconds(60), () -> a(longLine.substring(0, 900_000) + "\n"));
        assertNull(x.test);
        ScriptAnalysis big = a("x".repeat(ScriptAnalyzer.MAX_CHARS + 1));
        assertTrue(big.summary().contains("cannot tell"));
    }

    @Test
    void cannotTell() {
        ScriptAnalysis x = a("#!/usr/bin/python3\nimport socket\nprint('hi')\n");
        assertNull(x.test);
        assertNull(x.exitNonZeroOnFailure);
        assertTrue(x.summary().contains("cannot tell"), x.summary());
    }

    @Test
    void commentsDoNotCount() {
        ScriptAnalysis x = a("#!/bin/bash\n# service keepalived stop was here\nkillall -0 haproxy\n");
        assertFalse(x.stopsKeepalived);
    }

    @Test
    void renderedScriptsAreRecognisedForEveryCombination() {
        for (org.viplab.core.model.CheckScriptSpec.Test t : org.viplab.core.model.CheckScriptSpec.Test.values()) {
            for (boolean stops : new boolean[]{false, true}) {
                for (boolean exits : new boolean[]{false, true}) {
                    org.viplab.core.model.CheckScriptSpec s = new org.viplab.core.model.CheckScriptSpec();
                    s.test = t;
                    s.processName = "mariadbd";
                    s.port = 6039;
                    s.stopsKeepalivedOnFailure = stops;
                    s.exitNonZeroOnFailure = exits;
                    ScriptAnalysis x = a(ConfigRenderer.script(s));
                    String what = t + " stops=" + stops + " exits=" + exits;
                    assertEquals(t, x.test, what);
                    assertEquals(stops, x.stopsKeepalived, what);
                    assertEquals(exits, x.exitNonZeroOnFailure, what);
                    if (t == PROCESS_EXISTS) assertEquals("mariadbd", x.processName);
                    else assertEquals(t == MYSQL_QUERY ? 6039 : 6039, x.port, what);
                }
            }
        }
    }

    /**
     * The lab (2026-12-06): `mysqladmin -h 127.0.0.1 ping` got error 1130 (no account at host 127.0.0.1 under
     * skip-name-resolve) and exited 1 with mysqld healthy, so the rendered check of MariaDB's own port uses the socket;
     * another port keeps the TCP ping, since a socket cannot be chosen by port.
     */
    @Test
    void theRenderedMysqlPingOfTheDefaultPortUsesTheSocketAndReadsBackAsPort3306() {
        org.viplab.core.model.CheckScriptSpec s = new org.viplab.core.model.CheckScriptSpec();
        s.test = MYSQL_QUERY;
        s.port = 3306;
        s.exitNonZeroOnFailure = true;
        String socket = ConfigRenderer.script(s);
        assertTrue(socket.contains("if ! mysqladmin --connect-timeout=2 ping >/dev/null 2>&1; then\n    exit 1\n"), socket);
        assertFalse(socket.contains("127.0.0.1"), socket);
        assertEquals(3306, a(socket).port);
        s.port = 3307;
        String tcp = ConfigRenderer.script(s);
        assertTrue(tcp.contains("mysqladmin --connect-timeout=2 -h 127.0.0.1 -P 3307 ping"), tcp);
        assertEquals(3307, a(tcp).port);
    }
}
