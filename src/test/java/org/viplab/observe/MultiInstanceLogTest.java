package org.viplab.observe;

import org.junit.jupiter.api.Test;
import org.viplab.core.model.Presets;
import org.viplab.core.model.ProcessState;
import org.viplab.core.model.VrrpState;
import org.viplab.core.timeline.LabEvent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.viplab.observe.KeepalivedLogParserTest.parseAll;
import static org.viplab.observe.KeepalivedLogParserTest.us;

/**
 * keepalived with two instances (the readwrite preset: VI_WRITE holds the client's VIP, VI_READ the read VIP, both in
 * vrrp_sync_group VG_DB), as recorded on the lab on 2026-12-06 (fixtures/lab-2026-12-06-readwrite-sync-group: three
 * `service mysql stop` / `start` on db1). Each log line goes to the instance it names.
 */
class MultiInstanceLogTest {
    static final Path DIR = Path.of("src", "test", "resources", "fixtures", "lab-2026-12-06-readwrite-sync-group");

    static InstanceLayout layout(String host) { return InstanceLayout.of(Presets.readWrite().node(host).keepalived); }

    static List<String> lines(String file) throws IOException { return Files.readAllLines(DIR.resolve(file)); }

    static <T extends LabEvent> List<T> only(List<LabEvent> ev, Class<T> type) {
        return ev.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The times of the lines naming {@code instance} that say "Entering STATE". */
    static List<Long> entering(List<String> log, String instance, String state) {
        List<Long> t = new ArrayList<>();
        for (String l : log) {
            if (l.contains("(" + instance + ") Entering " + state + " STATE")) t.add(us(l.substring(0, 23).replace(' ', 'T')));
        }
        return t;
    }

    @Test
    void theLayoutOfTheReadWritePresetNamesTheWriteInstanceAndTheReadOne() {
        InstanceLayout l = layout("db2");
        assertEquals("VI_WRITE", l.primary());
        assertEquals(List.of(new InstanceLayout.Other("VI_READ", 52, List.of("10.9.8.121"))), l.others());
        assertTrue(l.several());
        assertFalse(InstanceLayout.of(Presets.mode1().node("db1").keepalived).several(), "one instance: no names told apart");
        assertNull(InstanceLayout.of(Presets.mode1().node("db1").keepalived).primary());
    }

    @Test
    void db2sTakeoversGoToTheInstanceEachLineNames() throws IOException {
        List<String> log = lines("keepalived-db2.log");
        KeepalivedLogParser p = new KeepalivedLogParser("db2", ZoneOffset.UTC, false, 51, 1_000_000, layout("db2"));
        List<LabEvent> ev = parseAll(p, log);
        List<LabEvent.VrrpStateChanged> write = only(ev, LabEvent.VrrpStateChanged.class);
        List<LabEvent.InstanceStateChanged> read = only(ev, LabEvent.InstanceStateChanged.class);
        // the client VIP's instance: BACKUP at start, then three takeovers and three give-backs, at VI_WRITE's own lines
        assertEquals(List.of(VrrpState.BACKUP, VrrpState.MASTER, VrrpState.BACKUP, VrrpState.MASTER, VrrpState.BACKUP,
                VrrpState.MASTER, VrrpState.BACKUP), write.stream().map(LabEvent.VrrpStateChanged::to).toList());
        assertEquals(entering(log, "VI_WRITE", "MASTER"), write.stream().filter(e -> e.to() == VrrpState.MASTER).map(LabEvent::timeUs).toList());
        // the read instance: the same changes, as InstanceStateChanged named VI_READ, at its own lines
        assertTrue(read.stream().allMatch(e -> e.instance().equals("VI_READ") && e.host().equals("db2")), read.toString());
        assertEquals(write.stream().map(LabEvent.VrrpStateChanged::to).toList(), read.stream().map(LabEvent.InstanceStateChanged::to).toList());
        assertEquals(entering(log, "VI_READ", "MASTER"), read.stream().filter(e -> e.to() == VrrpState.MASTER).map(LabEvent::timeUs).toList());
        assertEquals(VrrpState.BACKUP, p.state("VI_READ"));
        assertEquals(VrrpState.BACKUP, p.state("VI_WRITE"));
        // on the lab VI_READ's own timer ran out first and the group brought VI_WRITE (3 of 3): the events keep that order
        for (int i = 0; i < 3; i++) {
            LabEvent r = read.stream().filter(e -> e.to() == VrrpState.MASTER).toList().get(i);
            LabEvent w = write.stream().filter(e -> e.to() == VrrpState.MASTER).toList().get(i);
            assertTrue(ev.indexOf(r) < ev.indexOf(w), "run " + (i + 1) + ": VI_READ's MASTER line comes before VI_WRITE's");
            assertTrue(w.timeUs() - r.timeUs() <= 1000, "the group moves them within the millisecond");
        }
        assertEquals(log.size(), only(ev, LabEvent.LogLine.class).size(), "every line is kept for the event list");
    }

    @Test
    void db1sFaultIsTheWriteInstancesAndTheGroupFaultsTheReadOneInTheSameMillisecond() throws IOException {
        List<String> log = lines("keepalived-db1.log");
        KeepalivedLogParser p = new KeepalivedLogParser("db1", ZoneOffset.UTC, false, 51, 1_000_000, layout("db1"));
        List<LabEvent> ev = parseAll(p, log);
        List<LabEvent.VrrpStateChanged> faults = only(ev, LabEvent.VrrpStateChanged.class).stream().filter(e -> e.to() == VrrpState.FAULT).toList();
        List<LabEvent.InstanceStateChanged> readFaults = only(ev, LabEvent.InstanceStateChanged.class).stream()
                .filter(e -> e.to() == VrrpState.FAULT).toList();
        assertEquals(3, faults.size());
        assertEquals(3, readFaults.size());
        assertEquals(us("2026-12-06T11:07:38.285"), faults.get(0).timeUs());
        assertEquals(VrrpState.MASTER, faults.get(0).from());
        for (int i = 0; i < 3; i++) assertTrue(readFaults.get(i).timeUs() - faults.get(i).timeUs() <= 1000);
        // the check's two lines are the script's, not an instance's
        List<LabEvent.ScriptResult> failed = only(ev, LabEvent.ScriptResult.class).stream().filter(LabEvent.ScriptResult::failed).toList();
        assertEquals("chk_mysql", failed.get(0).script());
        // keepalived logged "sent 0 priority" for VI_WRITE only (the wire had VRID 52's too: with tcpdump the wire tells)
        KeepalivedLogParser noDump = new KeepalivedLogParser("db1", ZoneOffset.UTC, true, 51, 1_000_000, layout("db1"));
        List<LabEvent.AdvertSent> zero = only(parseAll(noDump, log), LabEvent.AdvertSent.class).stream().filter(a -> a.priority() == 0).toList();
        assertEquals(List.of(51, 51, 51), zero.stream().map(LabEvent.AdvertSent::vrid).toList());
    }

    @Test
    void withOneInstanceEveryInstanceLineIsTheNodesAsBefore() throws IOException {
        // the same db2 log read as a single-instance host: both names feed the one state, so no InstanceStateChanged
        List<LabEvent> ev = parseAll(new KeepalivedLogParser("db2", ZoneOffset.UTC, false, 51, 1_000_000), lines("keepalived-db2.log"));
        assertEquals(List.of(), only(ev, LabEvent.InstanceStateChanged.class));
        assertEquals(7, only(ev, LabEvent.VrrpStateChanged.class).size());
    }

    @Test
    void keepalivedStoppingAndStartingMovesEveryInstance() {
        // lines in the lab wrapper's format (fixtures/lab-2026-12-06-mysql-stop/keepalived-db1.log), with two instances
        KeepalivedLogParser p = new KeepalivedLogParser("db1", ZoneOffset.UTC, true, 51, 1_000_000, layout("db1"));
        p.assume(VrrpState.MASTER, ProcessState.RUNNING);
        p.assume("VI_READ", VrrpState.MASTER);
        List<LabEvent> ev = parseAll(p, List.of(
                "2026-12-06 06:28:59.568 Sun Dec  6 06:28:59 2026: Stopping",
                "2026-12-06 06:28:59.568 Sun Dec  6 06:28:59 2026: (VI_WRITE) sent 0 priority",
                "2026-12-06 06:28:59.568 Sun Dec  6 06:28:59 2026: (VI_READ) sent 0 priority",
                "2026-12-06 06:29:00.675 Sun Dec  6 06:29:00 2026: Stopped Keepalived v2.2.7 (01/16,2022)",
                "2026-12-06 06:29:05.100 Sun Dec  6 06:29:05 2026: Starting Keepalived v2.2.7 (01/16,2022)",
                "2026-12-06 06:29:05.110 Sun Dec  6 06:29:05 2026: (VI_WRITE) Entering BACKUP STATE",
                "2026-12-06 06:29:05.110 Sun Dec  6 06:29:05 2026: (VI_READ) Entering BACKUP STATE"));
        assertEquals(List.of(VrrpState.STOPPED, VrrpState.INIT, VrrpState.BACKUP),
                only(ev, LabEvent.VrrpStateChanged.class).stream().map(LabEvent.VrrpStateChanged::to).toList());
        List<LabEvent.InstanceStateChanged> read = only(ev, LabEvent.InstanceStateChanged.class);
        assertEquals(List.of(VrrpState.STOPPED, VrrpState.INIT, VrrpState.BACKUP), read.stream().map(LabEvent.InstanceStateChanged::to).toList());
        assertEquals(VrrpState.MASTER, read.get(0).from());
        assertEquals(us("2026-12-06T06:28:59.568"), read.get(0).timeUs());
        // without tcpdump, each instance's logged priority-0 advert is an advert of its own VRID
        assertEquals(List.of(51, 52), only(ev, LabEvent.AdvertSent.class).stream().map(LabEvent.AdvertSent::vrid).toList());
    }

    @Test
    void theReadVipComesAndGoesAsOneInstanceVipEventFromTheSameIpMonitor() throws IOException {
        InstanceVipParser p = new InstanceVipParser("db2", ZoneOffset.UTC, layout("db2"));
        AddressMonitorParser write = new AddressMonitorParser("db2", "10.9.8.120", ZoneOffset.UTC);
        List<LabEvent.InstanceVipChanged> read = new ArrayList<>();
        List<LabEvent.VipChanged> vip = new ArrayList<>();
        for (String l : lines("mon-db2.log")) {
            p.parse(l, TimeMap.identity()).ifPresent(read::add);
            write.parse(l, TimeMap.identity()).ifPresent(vip::add);
        }
        assertEquals(List.of(true, false, true, false, true, false), read.stream().map(LabEvent.InstanceVipChanged::added).toList());
        assertTrue(read.stream().allMatch(e -> e.instance().equals("VI_READ") && e.vips().equals("10.9.8.121")));
        assertEquals(us("2026-12-06T11:07:38.935134"), read.get(0).timeUs());
        assertEquals(6, vip.size(), "the client's VIP is still the other parser's alone");
        // db2 held both VIPs 0.2 ms apart, the read VIP first (3 of 3)
        for (int i = 0; i < 6; i += 2) {
            long gap = vip.get(i).timeUs() - read.get(i).timeUs();
            assertTrue(gap > 0 && gap < 1000, "run " + (i / 2 + 1) + ": " + gap + " us");
        }
        // a repeat of what the host already holds is no change
        InstanceVipParser known = new InstanceVipParser("db2", ZoneOffset.UTC, layout("db2"));
        known.assume("VI_READ", true);
        assertTrue(known.parse("[2026-12-06T11:07:38.935134] 2: eth0    inet 10.9.8.121/32 scope global eth0", TimeMap.identity()).isEmpty());
    }
}
