package org.viplab.replay;

import org.junit.jupiter.api.Test;
import org.viplab.core.model.ProcessKind;
import org.viplab.core.model.ProcessState;
import org.viplab.core.text.EventFormatter;
import org.viplab.core.timeline.Causes;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Timeline;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The processes at t = 0 of an incident: what the logs show or imply, and "not in the logs" for the others
 * (fixtures/lab-2026-12-06-mysql-stop/README.md: service mariadb stop on db1, mode 1, no haproxy).
 */
class ProcessesAtStartTest {
    private static final String DIR = "/fixtures/lab-2026-12-06-mysql-stop/";

    private static Incident replay(boolean mariadbLogs) throws Exception {
        IncidentBuilder b = ReplayFixtures.builder();
        for (String h : List.of("db1", "db2")) {
            b.log(h, "keepalived-" + h + ".log", ReplayFixtures.bytes(DIR + "keepalived-" + h + ".log"));
            if (mariadbLogs) b.log(h, "mariadb-" + h + ".err", ReplayFixtures.bytes(DIR + "mariadb-" + h + ".err"));
        }
        return b.capture("vrrp.pcap", ReplayFixtures.bytes(DIR + "vrrp.pcap")).build();
    }

    /** host/process → its state at t = 0, as the incident's t = 0 events say it. */
    private static Map<String, ProcessState> atZero(Incident i) {
        Map<String, ProcessState> m = new TreeMap<>();
        for (LabEvent e : i.events()) {
            if (e instanceof LabEvent.ProcessChanged p && p.timeUs() == 0 && p.from() == p.to()) m.put(p.host() + "/" + p.process().id(), p.to());
        }
        return m;
    }

    @Test
    void withKeepalivedLogsOnlyMysqldAndHaproxyAreNotInTheLogsAndKeepalivedRan() throws Exception {
        Incident i = replay(false);
        assertThat(atZero(i)).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                // db1's keepalived logs its Stopping (so it ran); db2's logs VRRP lines and never stops (so it ran)
                "db1/keepalived", ProcessState.RUNNING, "db2/keepalived", ProcessState.RUNNING,
                "db1/mysqld", ProcessState.UNKNOWN, "db2/mysqld", ProcessState.UNKNOWN,
                "db1/haproxy", ProcessState.UNKNOWN, "db2/haproxy", ProcessState.UNKNOWN)));
    }

    @Test
    void theErrorLogsTellMysqldRanOnBothHostsDb1sByItsShutdownDb2sByItsReplicasNotes() throws Exception {
        Map<String, ProcessState> m = atZero(replay(true));
        assertThat(m.get("db1/mysqld")).isEqualTo(ProcessState.RUNNING);
        assertThat(m.get("db2/mysqld")).isEqualTo(ProcessState.RUNNING);
        assertThat(m.get("db1/haproxy")).isEqualTo(ProcessState.UNKNOWN);
    }

    @Test
    void anUnknownProcessIsNeverTheCauseOfAnythingAndTheTakeoverStillGoesBackToKeepalivedsStop() throws Exception {
        Incident i = replay(false);
        Timeline.Caused c = i.timeline().caused();
        List<LabEvent> events = c.events();
        for (int k = 0; k < events.size(); k++) {
            long cause = c.causes().causeOf(k);
            if (cause == Causes.NONE) continue;
            assertThat(events.get((int) cause)).as("the cause of %s", events.get(k))
                    .matches(e -> !(e instanceof LabEvent.ProcessChanged p && p.to() == ProcessState.UNKNOWN));
        }
        // without the MariaDB logs the failover's chain starts at what keepalived's log shows (its instance stopping),
        // not at a mysqld "stopped" nobody saw
        var f = i.analysis().failovers().get(0);
        List<LabEvent> chain = i.result("x").why(f).stream().map(l -> l.event()).toList();
        assertThat(chain.get(0)).isInstanceOfSatisfying(LabEvent.VrrpStateChanged.class,
                v -> assertThat(v.host() + " " + v.from() + "->" + v.to()).isEqualTo("db1 MASTER->STOPPED"));
    }

    @Test
    void theStateAtZeroReadsAsAStateNotAChangeInBothLanguages() throws Exception {
        LabEvent mysqld = replay(false).events().stream().filter(e -> e instanceof LabEvent.ProcessChanged p
                && p.host().equals("db1") && p.process() == ProcessKind.MYSQLD).findFirst().orElseThrow();
        assertThat(EventFormatter.of(Locale.ENGLISH).details(mysqld)).isEqualTo("mysqld: not in the logs (at t = 0)");
        assertThat(EventFormatter.of(Locale.SIMPLIFIED_CHINESE).details(mysqld)).startsWith("mysqld：日志中未提及");
        LabEvent keepalived = replay(false).events().stream().filter(e -> e instanceof LabEvent.ProcessChanged p
                && p.host().equals("db1") && p.process() == ProcessKind.KEEPALIVED).findFirst().orElseThrow();
        assertThat(EventFormatter.of(Locale.ENGLISH).details(keepalived)).isEqualTo("keepalived: running (at t = 0, as later evidence implies)");
    }
}
