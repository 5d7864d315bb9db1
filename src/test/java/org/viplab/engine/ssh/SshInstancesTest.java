package org.viplab.engine.ssh;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.viplab.core.model.ProcessKind;
import org.viplab.core.model.ProcessState;
import org.viplab.core.model.VrrpState;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Reason;
import org.viplab.core.timeline.Timeline;
import org.viplab.lab.hosts.Inventory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.viplab.engine.ssh.SshLabTest.await;
import static org.viplab.engine.ssh.SshLabTest.awaitLogFollowed;

/** Real hosts whose keepalived runs several VRRP instances (the readwrite preset): each instance reported as its own. */
class SshInstancesTest {
    @TempDir
    Path dir;

    @Test
    void eachInstancesLastLineGivesItsStateAtConnect() {
        List<String> log = List.of(
                "2026-12-06 11:07:26.374 Sun Dec  6 11:07:26 2026: (VI_WRITE) Entering BACKUP STATE",
                "2026-12-06 11:07:38.935 Sun Dec  6 11:07:38 2026: (VI_WRITE) Entering MASTER STATE",
                "2026-12-06 11:07:49.916 Sun Dec  6 11:07:49 2026: (VI_READ) Entering BACKUP STATE");
        assertEquals(VrrpState.MASTER, HostObserver.lastState(log, "VI_WRITE"), "not the read instance's later line");
        assertEquals(VrrpState.BACKUP, HostObserver.lastState(log, "VI_READ"));
        assertEquals(VrrpState.INIT, HostObserver.lastState(log, "VI_OTHER"));
        List<String> restarted = new java.util.ArrayList<>(log);
        restarted.add("2026-12-06 11:09:00.000 Sun Dec  6 11:09:00 2026: Stopping");
        assertEquals(VrrpState.INIT, HostObserver.lastState(restarted, "VI_WRITE"), "keepalived stopped after it");
        assertEquals(VrrpState.FAULT, HostObserver.lastState(List.of("Nov 25 13:28:20 db2 Keepalived_vrrp[2104]: VRRP_Instance(VI_READ) Entering FAULT STATE"), "VI_READ"),
                "keepalived 1.x's format");
    }

    @Test
    void theObservedStateKeepsEachInstanceRepeatsNothingAndWritesThemAtZero() {
        ObservedStateTest.TestClock wall = new ObservedStateTest.TestClock();
        Timeline out = new Timeline();
        ObservedState s = new ObservedState("10.9.8.120", new LabClock(wall), out);
        s.ingest(new LabEvent.InstanceStateChanged(1, "db1", "VI_READ", VrrpState.INIT, VrrpState.MASTER, Reason.of(Reason.Code.AT_CONNECT)), ObservedState.Origin.SNAPSHOT);
        s.ingest(new LabEvent.InstanceVipChanged(1, "db1", "VI_READ", "10.9.8.121", true, Reason.of(Reason.Code.AT_CONNECT)), ObservedState.Origin.SNAPSHOT);
        s.ingest(new LabEvent.InstanceStateChanged(2, "db1", "VI_READ", VrrpState.MASTER, VrrpState.MASTER, Reason.text("log")), ObservedState.Origin.STREAM);
        s.ingest(new LabEvent.InstanceVipChanged(2, "db1", "VI_READ", "10.9.8.121", true, Reason.text("monitor")), ObservedState.Origin.STREAM);
        assertEquals(List.of(1L, 1L), out.snapshot().stream().map(LabEvent::timeUs).toList(), "repeats from a stream are dropped");
        assertEquals(VrrpState.MASTER, s.instanceState("db1", "VI_READ"));
        assertTrue(s.holdsInstanceVips("db1", "VI_READ"));
        s.ingest(new LabEvent.InstanceVipChanged(1, "db2", "VI_READ", "10.9.8.121", false, Reason.of(Reason.Code.AT_CONNECT)), ObservedState.Origin.SNAPSHOT);
        assertEquals(Map.of("VI_READ", java.util.Set.of("db1")), s.instanceHolders(), "the baseline wants each instance's VIPs on one host");
        List<LabEvent> zero = s.atZero("db1", true, 0);
        assertTrue(zero.contains(new LabEvent.InstanceStateChanged(0, "db1", "VI_READ", VrrpState.INIT, VrrpState.MASTER, Reason.of(Reason.Code.AT_ZERO))), zero.toString());
        assertTrue(zero.contains(new LabEvent.InstanceVipChanged(0, "db1", "VI_READ", "10.9.8.121", true, Reason.of(Reason.Code.AT_ZERO))), zero.toString());
        // SIGKILL leaves no log line: the watcher sees keepalived gone, and every instance with it
        s.ingest(new LabEvent.ProcessChanged(3, "db1", ProcessKind.KEEPALIVED, ProcessState.RUNNING, ProcessState.RUNNING, Reason.text("x")), ObservedState.Origin.SNAPSHOT);
        s.psLine("db1", org.viplab.observe.TimeMap.identity(), "1796555255.000000 m=Sl, h= k=");
        assertEquals(VrrpState.STOPPED, s.instanceState("db1", "VI_READ"));
        LabEvent.InstanceStateChanged gone = out.snapshot().stream().filter(e -> e instanceof LabEvent.InstanceStateChanged i && i.to() == VrrpState.STOPPED)
                .map(e -> (LabEvent.InstanceStateChanged) e).findFirst().orElseThrow();
        assertTrue(gone.reason().is(Reason.Code.PROCESS_GONE));
        assertEquals(VrrpState.MASTER, gone.from());
    }

    @Test
    void aReadWriteHostsLinesReachTheTimelineAsTheInstancesTheyName() throws Exception {
        try (InProcessHosts hosts = InProcessHosts.start(dir)) {
            Inventory inv = hosts.inventory;
            inv.preset = "readwrite";
            Path db2 = Path.of(inv.host("db2").keepalivedLog);
            Timeline tl = new Timeline();
            try (SshLab lab = new SshLab(inv, tl, (h, type, fp) -> true, Map.of(), c -> { })) {
                lab.connect();
                // the hosts are this machine: its keepalived is gone (STOPPED), or another lab's is seen with no state line
                // in this log (INIT); either way the read instance is reported at connect, and its VIP is not on lo
                LabEvent.InstanceStateChanged read = await(tl, LabEvent.InstanceStateChanged.class, e -> e.host().equals("db2"), 8000);
                assertEquals("VI_READ", read.instance());
                assertTrue(read.to() == VrrpState.STOPPED || read.to() == VrrpState.INIT, read.toString());
                LabEvent.InstanceVipChanged readVip = await(tl, LabEvent.InstanceVipChanged.class, e -> e.host().equals("db2"), 8000);
                assertEquals("10.9.8.121", readVip.vips());
                assertFalse(readVip.added());

                tl = lab.beginDrill();
                await(tl, LabEvent.InstanceStateChanged.class, e -> e.timeUs() == 0 && e.host().equals("db2") && e.instance().equals("VI_READ"), 4000);
                awaitLogFollowed(tl, db2);
                // the write instance takes over, then the read instance goes to BACKUP (no sync group on this host):
                // the last line is the read instance's, and it is not the client VIP's state
                String stamp = ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS"));
                Files.writeString(db2, stamp + " (VI_WRITE) Entering MASTER STATE\n" + stamp + " (VI_READ) Entering BACKUP STATE\n",
                        StandardOpenOption.APPEND);
                LabEvent.InstanceStateChanged backup = await(tl, LabEvent.InstanceStateChanged.class,
                        e -> e.host().equals("db2") && e.to() == VrrpState.BACKUP, 8000);
                assertEquals("VI_READ", backup.instance());
                await(tl, LabEvent.VrrpStateChanged.class, e -> e.host().equals("db2") && e.timeUs() > 0 && e.to() == VrrpState.MASTER, 8000);
                assertTrue(tl.snapshot().stream().noneMatch(e -> e instanceof LabEvent.VrrpStateChanged v && v.host().equals("db2") && v.to() == VrrpState.BACKUP),
                        "the read instance's later line leaves the client VIP's instance MASTER");
            }
        }
    }
}
