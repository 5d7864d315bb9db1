package org.viplab.observe;

import org.viplab.core.timeline.Reason;
import org.junit.jupiter.api.Test;
import org.viplab.core.model.ProcessKind;
import org.viplab.core.model.ProcessState;
import org.viplab.core.model.VrrpState;
import org.viplab.core.timeline.LabEvent;

import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeepalivedLogParserTest {
    static long us(String isoLocal) {
        LocalDateTime t = LocalDateTime.parse(isoLocal);
        return t.toEpochSecond(ZoneOffset.UTC) * 1_000_000 + t.getNano() / 1000;
    }

    static List<LabEvent> parseAll(KeepalivedLogParser p, List<String> lines) {
        List<LabEvent> out = new ArrayList<>();
        for (String l : lines) out.addAll(p.parse(l, TimeMap.identity()));
        return out;
    }

    @Test
    void backupTakesOverOnPriorityZeroInS1() throws IOException {
        KeepalivedLogParser p = new KeepalivedLogParser("db2", ZoneOffset.UTC, false, 51, 1_000_000);
        p.assume(VrrpState.BACKUP, ProcessState.RUNNING);
        List<LabEvent> ev = parseAll(p, Files.readAllLines(Fixtures.realLab("S1-run1").resolve("keepalived-db2.log")));
        List<LabEvent.VrrpStateChanged> st = ev.stream().filter(e -> e instanceof LabEvent.VrrpStateChanged)
                .map(e -> (LabEvent.VrrpStateChanged) e).toList();
        assertEquals(2, st.size(), st.toString());
        assertEquals(new LabEvent.VrrpStateChanged(us("2026-11-25T13:28:05.613"), "db2", VrrpState.BACKUP, VrrpState.MASTER,
                Reason.text("Entering MASTER STATE")), st.get(0));
        assertEquals(VrrpState.BACKUP, st.get(1).to());
        assertEquals(us("2026-11-25T13:28:28.770"), st.get(1).timeUs());
        List<LabEvent.GarpSent> garps = ev.stream().filter(e -> e instanceof LabEvent.GarpSent).map(e -> (LabEvent.GarpSent) e).toList();
        assertEquals(2, garps.size());
        assertEquals("10.9.8.120", garps.get(0).vip());
        // every line is kept for the event list, including the keepalived-only ones
        assertEquals(Files.readAllLines(Fixtures.realLab("S1-run1").resolve("keepalived-db2.log")).size(),
                ev.stream().filter(e -> e instanceof LabEvent.LogLine).count());
    }

    @Test
    void stoppingMasterSendsPriorityZeroThenStopsAndRestartsInS1() throws IOException {
        KeepalivedLogParser p = new KeepalivedLogParser("db1", ZoneOffset.UTC, true, 51, 1_000_000);
        p.assume(VrrpState.MASTER, ProcessState.RUNNING);
        List<LabEvent> ev = parseAll(p, Files.readAllLines(Fixtures.realLab("S1-run1").resolve("keepalived-db1.log")));
        List<LabEvent.AdvertSent> adverts = ev.stream().filter(e -> e instanceof LabEvent.AdvertSent).map(e -> (LabEvent.AdvertSent) e).toList();
        assertEquals(List.of(new LabEvent.AdvertSent(us("2026-11-25T13:28:04.962"), "db1", 51, 0, 2, 1_000_000)), adverts);
        List<LabEvent.ProcessChanged> proc = ev.stream().filter(e -> e instanceof LabEvent.ProcessChanged)
                .map(e -> (LabEvent.ProcessChanged) e).toList();
        assertEquals(List.of(ProcessState.STOPPING, ProcessState.STOPPED, ProcessState.STARTING, ProcessState.RUNNING),
                proc.stream().map(LabEvent.ProcessChanged::to).toList());
        assertTrue(proc.stream().allMatch(c -> c.process() == ProcessKind.KEEPALIVED));
        assertEquals(us("2026-11-25T13:28:05.981"), proc.get(1).timeUs());
        assertEquals(us("2026-11-25T13:28:25.178"), proc.get(2).timeUs());
        List<VrrpState> states = ev.stream().filter(e -> e instanceof LabEvent.VrrpStateChanged)
                .map(e -> ((LabEvent.VrrpStateChanged) e).to()).toList();
        assertEquals(List.of(VrrpState.STOPPED, VrrpState.INIT, VrrpState.BACKUP, VrrpState.MASTER), states);
        LabEvent.VrrpStateChanged stopped = (LabEvent.VrrpStateChanged) ev.stream().filter(e -> e instanceof LabEvent.VrrpStateChanged).findFirst().orElseThrow();
        assertEquals(us("2026-11-25T13:28:04.962"), stopped.timeUs());
        List<LabEvent.ScriptResult> scripts = ev.stream().filter(e -> e instanceof LabEvent.ScriptResult).map(e -> (LabEvent.ScriptResult) e).toList();
        assertEquals(1, scripts.size());
        assertEquals("check_haproxy", scripts.get(0).script());
        assertEquals(0, scripts.get(0).exitStatus());
    }

    @Test
    void oneDotXSyslogFormatAndPriorityChanges() {
        KeepalivedLogParser p = new KeepalivedLogParser("db2", ZoneOffset.UTC, true, 51, 1_000_000);
        p.assume(VrrpState.BACKUP, ProcessState.RUNNING);
        List<LabEvent> ev = parseAll(p, List.of(
                "Nov 25 13:28:05 db2 Keepalived_vrrp[2104]: VRRP_Instance(VI_1) Transition to MASTER STATE",
                "Nov 25 13:28:06 db2 Keepalived_vrrp[2104]: VRRP_Instance(VI_1) Entering MASTER STATE",
                "Nov 25 13:28:09 db2 Keepalived_vrrp[2104]: VRRP_Script(check_haproxy) failed",
                "Nov 25 13:28:09 db2 Keepalived_vrrp[2104]: VRRP_Instance(VI_1) Changing effective priority from 90 to 85",
                "Nov 25 13:28:20 db2 Keepalived_vrrp[2104]: VRRP_Instance(VI_1) sent 0 priority",
                "Nov 25 13:28:20 db2 Keepalived_vrrp[2104]: VRRP_Instance(VI_1) Entering FAULT STATE"));
        int year = LocalDateTime.now(ZoneOffset.UTC).getYear();
        List<LabEvent.VrrpStateChanged> st = ev.stream().filter(e -> e instanceof LabEvent.VrrpStateChanged).map(e -> (LabEvent.VrrpStateChanged) e).toList();
        assertEquals(2, st.size());
        assertEquals(VrrpState.MASTER, st.get(0).to());
        assertEquals(us(year + "-11-25T13:28:06"), st.get(0).timeUs());
        assertEquals(VrrpState.FAULT, st.get(1).to());
        assertEquals(VrrpState.MASTER, st.get(1).from());
        LabEvent.PriorityChanged pc = (LabEvent.PriorityChanged) ev.stream().filter(e -> e instanceof LabEvent.PriorityChanged).findFirst().orElseThrow();
        assertEquals(90, pc.from());
        assertEquals(85, pc.to());
        LabEvent.ScriptResult sr = (LabEvent.ScriptResult) ev.stream().filter(e -> e instanceof LabEvent.ScriptResult).findFirst().orElseThrow();
        assertTrue(sr.failed());
        assertEquals(1, ev.stream().filter(e -> e instanceof LabEvent.AdvertSent a && a.priority() == 0).count());
    }

    @Test
    void twoDotXPriorityAndScriptExitStatus() {
        KeepalivedLogParser p = new KeepalivedLogParser("db1", ZoneOffset.UTC, false, 51, 1_000_000);
        List<LabEvent> ev = parseAll(p, List.of(
                "2026-11-25 14:00:00.125 Wed Nov 25 14:00:00 2026: Script `check_haproxy` now returning 1",
                "2026-11-25 14:00:00.126 Wed Nov 25 14:00:00 2026: VRRP_Script(check_haproxy) failed (exited with status 1)",
                "2026-11-25 14:00:00.127 Wed Nov 25 14:00:00 2026: (VI_1) Changing effective priority from 100 to 95"));
        List<LabEvent.ScriptResult> sr = ev.stream().filter(e -> e instanceof LabEvent.ScriptResult).map(e -> (LabEvent.ScriptResult) e).toList();
        assertEquals(2, sr.size());
        assertEquals(1, sr.get(1).exitStatus());
        assertEquals(us("2026-11-25T14:00:00.126"), sr.get(1).timeUs());
        LabEvent.PriorityChanged pc = (LabEvent.PriorityChanged) ev.stream().filter(e -> e instanceof LabEvent.PriorityChanged).findFirst().orElseThrow();
        assertEquals(new LabEvent.PriorityChanged(us("2026-11-25T14:00:00.127"), "db1", 100, 95, Reason.text("Changing effective priority from 100 to 95")), pc);
    }
}
