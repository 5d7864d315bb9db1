package org.viplab.replay;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each finding from the evidence that proves it, and not from evidence that does not. The real-lab recordings
 * have no MariaDB error log; the ones here are written in MariaDB 10.11's wording at the moment S2's process
 * watcher saw mysqld exit on db1 (13:31:08.830) — the keepalived, ip monitor and capture files are the recording's.
 */
class FindingsTest {
    private static final String[] S2 = {"keepalived-db1.log", "keepalived-db2.log", "mon-db1.log", "mon-db2.log", "tcpdump-br0.txt"};

    /** MariaDB 10.11's error log for a `service mysql stop` at 13:31:08 (second precision, as it writes it). */
    private static final String MARIADB_STOP = """
            2026-11-25 13:20:01 0 [Note] Starting MariaDB 10.11.6-MariaDB-0+deb12u1 source revision  as process 579
            2026-11-25 13:20:02 0 [Note] /usr/sbin/mariadbd: ready for connections.
            Version: '10.11.6-MariaDB-0+deb12u1'  socket: '/run/mysqld/mysqld.sock'  port: 3306  Debian 12
            2026-11-25 13:31:08 0 [Note] /usr/sbin/mariadbd (initiated by: unknown): Normal shutdown
            2026-11-25 13:31:08 0 [Note] InnoDB: FTS optimize thread exiting.
            2026-11-25 13:31:08 0 [Note] /usr/sbin/mariadbd: Shutdown complete
            """;

    private static List<Finding> s2With(String db1ErrorLog) throws Exception {
        IncidentBuilder b = ReplayFixtures.run("S2-run2", S2);
        b.log("db1", "mariadb-db1.err", db1ErrorLog.getBytes(StandardCharsets.UTF_8));
        return Findings.of(b.build());
    }

    @Test
    void keepalivedStoppedByItsCheckScriptAndNeverRestartedIsFoundWhenMysqldWentDownFirst() throws Exception {
        List<Finding> f = s2With(MARIADB_STOP);
        Finding stop = f.stream().filter(x -> x.kind().equals("check-script-stop")).findFirst().orElseThrow();
        assertThat(stop.host()).isEqualTo("db1");
        // the error log says 13:31:08 (whole seconds); keepalived's "Stopping" is at 13:31:10.859
        assertThat(stop.text().english()).isEqualTo("keepalived on db1 was stopped by its check script 2.9 s after mysqld went down, "
                + "and never restarted: db1 stays out of the pair until someone starts it");
        assertThat(stop.text().render(Locale.SIMPLIFIED_CHINESE)).startsWith("db1 上的 keepalived 在 mysqld 停止 2.9 秒后被其检查脚本停止");
    }

    @Test
    void aKeepalivedStopWithoutTheTrackedProcessGoneOrOneThatWasRestartedIsNotTheCheckScripts() throws Exception {
        // S2 without the error log: nothing shows mysqld went down, so nothing says the script did it
        assertThat(Findings.of(ReplayFixtures.run("S2-run2", S2).build())).extracting(Finding::kind).doesNotContain("check-script-stop");
        // S1: `service keepalived stop` by hand, started again 23 s later
        assertThat(Findings.of(ReplayFixtures.run("S1-run1", S2).build())).isEmpty();
    }

    @Test
    void mariadbdIsFoundWhenTheErrorLogNamesItAndNotWhenItSaysMysqld() throws Exception {
        List<Finding> f = s2With(MARIADB_STOP);
        List<Finding> m = f.stream().filter(x -> x.kind().equals("mariadbd")).toList();
        assertThat(m).hasSize(1);
        Finding x = m.get(0);
        {
            assertThat(x.host()).isEqualTo("db1");
            assertThat(x.text().english()).isEqualTo("mysqld runs as mariadbd on db1 (its error log says so): 'ps -C mysqld' cannot see it, "
                    + "so a check script that uses it reports the database down while it runs");
        }
        String mysql57 = MARIADB_STOP.replace("/usr/sbin/mariadbd", "/usr/sbin/mysqld");
        assertThat(s2With(mysql57)).extracting(Finding::kind).contains("check-script-stop").doesNotContain("mariadbd");
    }

    @Test
    void noBlackHoleWithoutACaptureToShowTheMissingArp() throws Exception {
        // S5 without its capture: the split brain is in db2's own lines, but nothing can show an ARP that was not sent
        Incident i = ReplayFixtures.run("S5-run3", "keepalived-db2.log", "mon-db2.log").build();
        assertThat(Findings.of(i)).extracting(Finding::kind).doesNotContain("black-hole");
    }
}
