package org.viplab.config.lint;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.viplab.config.ConfigImporter;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** haproxy-not-tcp judges the sections that carry MySQL: a stats page in mode http is left alone. */
class StatsListenerTest {
    @TempDir
    Path tmp;

    private static final String STATS = """
            listen stats
                bind *:8404
                mode http
                stats enable
                stats uri /stats
                stats refresh 10s
            """;

    @Test
    void theBaselineIsClean() throws Exception {
        assertEquals(List.of(), new LintPair(tmp).haproxy(LintPair.HAPROXY).lint());
    }

    @Test
    void aStatsListenerInModeHttpIsLeftAlone() throws Exception {
        // first in the file, so neither the importer nor the rule may take it for the client's frontend
        LintPair p = new LintPair(tmp).haproxy("# the usual stats page\n" + STATS + LintPair.HAPROXY);
        assertEquals(List.of(), p.lint());
        ConfigImporter.Result r = ConfigImporter.importNodes(p.write());
        assertEquals(6039, r.topology().node("db1").haproxy.bindPort, "the client port, not the stats page's 8404");
        assertEquals(2, r.topology().node("db1").haproxy.servers.size());
    }

    @Test
    void aListenerOnAnotherPortOrWithNoServerIsLeftAlone() throws Exception {
        String exporter = """
                frontend prometheus
                    bind *:8405
                    mode http
                    http-request use-service prometheus-exporter if { path /metrics }
                listen web
                    bind *:8080
                    mode http
                    server w1 10.9.8.201:80
                """;
        assertEquals(List.of(), new LintPair(tmp).haproxy(LintPair.HAPROXY + exporter).lint());
    }

    @Test
    void theMysqlFrontendInModeHttpStillFires() throws Exception {
        String cfg = STATS + LintPair.HAPROXY.replace("frontend mysql\n    bind *:6039\n", "frontend mysql\n    bind *:6039\n    mode http\n");
        List<Finding> fs = new LintPair(tmp).haproxy(cfg).lint();
        List<Finding> http = LintPair.of(fs, "haproxy-not-tcp");
        assertEquals(2, http.size(), "one per node, for the frontend only: " + fs);
        assertTrue(http.get(0).message().startsWith("frontend mysql runs in mode http"), http.get(0).message());
        assertEquals(13, http.get(0).pos().line(), "at the mode line of the frontend (6 lines of stats, 6 above it)");
    }

    @Test
    void aMysqlListenInModeHttpFiresEvenWithAStatsLine() throws Exception {
        String cfg = """
                defaults
                    mode http
                    timeout connect 5s
                    timeout check 2s
                listen mysql
                    bind *:6039
                    stats enable
                    balance first
                    option mysql-check user chk
                    default-server inter 2s fall 3 rise 2 on-marked-down shutdown-sessions
                    server db1 10.9.8.201:3306 check
                    server db2 10.9.8.223:3306 check backup
                """;
        List<Finding> fs = new LintPair(tmp).haproxy(cfg).lint();
        Finding f = LintPair.of(fs, "haproxy-not-tcp").get(0);
        assertTrue(f.message().contains("listen mysql runs in mode http (from defaults)"), f.message());
        assertEquals(Severity.ERROR, f.severity());
    }

    @Test
    void aReadPortToTheDatabasesIsMysqlToo() throws Exception {
        String read = """
                frontend mysql_read
                    bind *:6040
                    mode http
                    default_backend readers
                backend readers
                    mode tcp
                    balance roundrobin
                    option mysql-check user chk
                    default-server inter 2s fall 3 rise 2 on-marked-down shutdown-sessions
                    server db1 10.9.8.201:3306 check
                    server db2 10.9.8.223:3306 check
                """;
        List<Finding> fs = new LintPair(tmp).haproxy(LintPair.HAPROXY + read).lint();
        assertEquals(List.of("haproxy-not-tcp", "haproxy-not-tcp"), LintPair.rules(fs), "reads spread over both are fine: " + fs);
        assertTrue(fs.get(0).message().startsWith("frontend mysql_read runs in mode http"), fs.get(0).message());
        // in mode tcp, nothing at all
        assertEquals(List.of(), new LintPair(tmp).haproxy(LintPair.HAPROXY + read.replace("mode http", "mode tcp")).lint());
    }
}
