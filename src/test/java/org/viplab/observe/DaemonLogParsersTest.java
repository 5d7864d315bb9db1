package org.viplab.observe;

import org.junit.jupiter.api.Test;
import org.viplab.core.model.ProcessState;
import org.viplab.core.timeline.LabEvent;

import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** haproxy's and MariaDB's log lines, and the stamps replay adds to Stamp, as the daemons write them. */
class DaemonLogParsersTest {
    @Test
    void haproxyServerDownAndUpWithTheirReasonsAndNoServerAvailable() {
        HaproxyLogParser p = new HaproxyLogParser("db1");
        List<LabEvent> down = p.parse(5, "[WARNING]  (27480) : Server mysql/db1 is DOWN, reason: Layer4 connection problem, "
                + "info: \"Connection refused\", check duration: 0ms. 1 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.");
        assertThat(down).contains(new LabEvent.ServerCheck(5, "db1", "db1", "DOWN", "Layer4 connection problem", false));
        List<LabEvent> up = p.parse(6, "Server mysql/db2 is UP, reason: Layer4 check passed, check duration: 0ms. 2 active and 0 backup servers online.");
        assertThat(up).contains(new LabEvent.ServerCheck(6, "db1", "db2", "UP", "Layer4 check passed", true));
        assertThat(HaproxyLogParser.noServer("backend mysql has no server available!")).isTrue();
        assertThat(p.parse(7, "Proxy stats started.")).isEmpty();
    }

    @Test
    void mariadbShutdownReadyAndCrashAndTheNameTheServerRunsUnder() {
        MariaDbLogParser p = new MariaDbLogParser("db1");
        assertThat(p.parse(1, "0 [Note] /usr/sbin/mariadbd (initiated by: unknown): Normal shutdown"))
                .anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(LabEvent.ProcessChanged.class, c -> assertThat(c.to()).isEqualTo(ProcessState.STOPPING)));
        assertThat(p.parse(2, "0 [Note] /usr/sbin/mariadbd: Shutdown complete"))
                .anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(LabEvent.ProcessChanged.class, c -> assertThat(c.to()).isEqualTo(ProcessState.STOPPED)));
        assertThat(p.parse(3, "0 [Note] /usr/sbin/mariadbd: ready for connections."))
                .anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(LabEvent.ProcessChanged.class, c -> assertThat(c.to()).isEqualTo(ProcessState.RUNNING)));
        assertThat(p.parse(4, "0 [ERROR] mariadbd got signal 11 ;"))
                .anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(LabEvent.ProcessChanged.class, c -> assertThat(c.to()).isEqualTo(ProcessState.STOPPED)));
        assertThat(p.daemon()).isEqualTo("mariadbd");
        MariaDbLogParser mysql = new MariaDbLogParser("db2");
        mysql.parse(1, "0 [Note] /usr/sbin/mysqld: ready for connections.");
        assertThat(mysql.daemon()).isEqualTo("mysqld");
        assertThat(mysql.parse(2, "13 [Note] Slave SQL thread exiting, replication stopped")).isEmpty();
    }

    @Test
    void stampsOfRsyslogJournaldMysqlAndMariadb() {
        Stamp rfc3339 = Stamp.parse("2026-12-06T01:30:05.123456+00:00 db1 Keepalived_vrrp[812]: (VI_1) Entering MASTER STATE", ZoneOffset.ofHours(8));
        assertThat(rfc3339.epochUs()).isEqualTo(1_796_520_605_123_456L);
        assertThat(rfc3339.program()).isEqualTo("Keepalived_vrrp");
        assertThat(rfc3339.rest()).isEqualTo("(VI_1) Entering MASTER STATE");
        Stamp shortIso = Stamp.parse("2026-12-06T09:30:05.123456+0800 db1 Keepalived_vrrp[812]: x", ZoneOffset.UTC);
        assertThat(shortIso.epochUs()).isEqualTo(rfc3339.epochUs());
        Stamp rfc3164 = Stamp.parse("Dec  6 01:30:05 db1 haproxy[99]: Server mysql/db1 is DOWN", ZoneOffset.UTC, 2026);
        assertThat(rfc3164.epochUs()).isEqualTo(1_796_520_605_000_000L);
        assertThat(rfc3164.resolutionUs()).isEqualTo(1_000_000);
        assertThat(rfc3164.program()).isEqualTo("haproxy");
        Stamp mysql8 = Stamp.parse("2026-12-06T01:30:05.123456Z 0 [System] [MY-010910] [Server] /usr/sbin/mysqld: Shutdown complete", ZoneOffset.ofHours(8));
        assertThat(mysql8.epochUs()).isEqualTo(1_796_520_605_123_456L);
        assertThat(mysql8.program()).isNull();
        Stamp mariadb = Stamp.parse("2026-12-06  1:30:05 0 [Note] /usr/sbin/mysqld: Shutdown complete", ZoneOffset.UTC);
        assertThat(mariadb.epochUs()).isEqualTo(1_796_520_605_000_000L);
        assertThat(mariadb.rest()).startsWith("0 [Note]");
    }
}
