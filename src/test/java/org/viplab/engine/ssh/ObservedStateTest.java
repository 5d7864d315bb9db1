package org.viplab.engine.ssh;

import org.viplab.core.timeline.Reason;
import org.viplab.lab.hosts.HostKeyPrompt;
import org.viplab.lab.hosts.Inventory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.viplab.core.model.Mode;
import org.viplab.core.model.ProcessKind;
import org.viplab.core.model.ProcessState;
import org.viplab.core.model.VrrpState;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Timeline;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The observed state and the baseline, on a clock the test moves (no sleeping, no real hosts). */
class ObservedStateTest {
    /** A clock the test sets. */
    static final class TestClock extends Clock {
        volatile Instant now = Instant.parse("2026-12-06T10:00:00Z");

        public java.time.ZoneId getZone() { return ZoneOffset.UTC; }

        public Clock withZone(java.time.ZoneId zone) { return this; }

        public Instant instant() { return now; }

        void advanceMs(long ms) { now = now.plusMillis(ms); }
    }

    @TempDir
    Path dir;

    @Test
    void whereAnEventCameFromDecidesNotItsText() {
        TestClock wall = new TestClock();
        LabClock clock = new LabClock(wall);
        Timeline out = new Timeline();
        ObservedState s = new ObservedState("10.9.8.120", clock, out);
        // a process change from a stream (keepalived's log) is not the watcher's: dropped, whatever its reason says
        s.ingest(new LabEvent.ProcessChanged(1, "db1", ProcessKind.MYSQLD, ProcessState.RUNNING, ProcessState.STOPPED, Reason.of(Reason.Code.PS_WATCH)), ObservedState.Origin.STREAM);
        assertNull(s.processState("db1", ProcessKind.MYSQLD));
        s.ingest(new LabEvent.ProcessChanged(2, "db1", ProcessKind.MYSQLD, ProcessState.RUNNING, ProcessState.STOPPED, Reason.text("anything")), ObservedState.Origin.WATCHER);
        assertEquals(ProcessState.STOPPED, s.processState("db1", ProcessKind.MYSQLD));
        // a repeated VRRP state: dropped from a stream, kept from the snapshot at connect
        s.ingest(new LabEvent.VrrpStateChanged(3, "db1", VrrpState.INIT, VrrpState.MASTER, Reason.text("log")), ObservedState.Origin.STREAM);
        s.ingest(new LabEvent.VrrpStateChanged(4, "db1", VrrpState.MASTER, VrrpState.MASTER, Reason.text("log")), ObservedState.Origin.STREAM);
        s.ingest(new LabEvent.VrrpStateChanged(5, "db1", VrrpState.INIT, VrrpState.MASTER, Reason.text("anything")), ObservedState.Origin.SNAPSHOT);
        assertEquals(List.of(2L, 3L, 5L), out.snapshot().stream().map(LabEvent::timeUs).toList());
        // quiet time is measured on the injected clock
        wall.advanceMs(4_000);
        assertEquals(4_000_000, s.quietUs());
    }

    @Test
    void theBaselineWaitsForTheClientsProbesAndSaysSo() throws Exception {
        TestClock wall = new TestClock();
        LabClock clock = new LabClock(wall);
        Timeline out = new Timeline();
        ObservedState s = new ObservedState("10.9.8.120", clock, out);
        Inventory inv = InProcessHosts.inventory(dir, 2222, 3306);
        List<ProcessKind> required = List.of(ProcessKind.MYSQLD, ProcessKind.KEEPALIVED);
        try (Fleet fleet = new Fleet(inv, Mode.DB_TRACKING, HostKeyPrompt.refuse(), Map.of(), s, clock, wall, out)) {
            Baseline b = new Baseline(fleet, s, clock, required, "10.9.8.120:3306");
            assertEquals("db1 unreachable", b.missing().english());
            for (HostObserver h : fleet.all()) h.reachable = true;
            s.ingest(new LabEvent.VipChanged(0, "db1", "10.9.8.120", true, Reason.text("x")), ObservedState.Origin.STREAM);
            for (String h : List.of("db1", "db2")) {
                for (ProcessKind k : required) {
                    s.ingest(new LabEvent.ProcessChanged(0, h, k, ProcessState.RUNNING, ProcessState.RUNNING, Reason.text("x")), ObservedState.Origin.SNAPSHOT);
                }
            }
            assertEquals("no client probe to 10.9.8.120:3306 has answered yet", b.missing().english());
            s.ingest(new LabEvent.ClientProbe(10, false, 1_000_000, null, LabEvent.ProbeFailure.TIMEOUT), ObservedState.Origin.PROBE);
            assertEquals("the client's probes to 10.9.8.120:3306 fail (timeout)", b.missing().english());
            s.ingest(new LabEvent.ClientProbe(20, true, 500, "db1", LabEvent.ProbeFailure.NONE), ObservedState.Origin.PROBE);
            // a probe that started earlier but ended later does not count over the newer one
            s.ingest(new LabEvent.ClientProbe(15, false, 1_000_000, null, LabEvent.ProbeFailure.TIMEOUT), ObservedState.Origin.PROBE);
            assertNull(b.missing());
        }
    }
}
