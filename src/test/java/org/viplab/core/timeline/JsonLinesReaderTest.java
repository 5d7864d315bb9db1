package org.viplab.core.timeline;

import org.junit.jupiter.api.Test;
import org.viplab.core.model.Presets;
import org.viplab.core.model.ProcessKind;
import org.viplab.core.model.ProcessState;
import org.viplab.core.model.VrrpState;
import org.viplab.lab.Action;
import org.viplab.lab.Target;
import org.viplab.lab.Verb;
import org.viplab.engine.sim.SimulatedLab;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonLinesReaderTest {
    /** One of every record type, with awkward values (negative time, quotes, unicode, nulls). */
    static List<LabEvent> oneOfEach() {
        return List.of(
                new LabEvent.VipChanged(-5, "db1", "10.9.8.120", true, Reason.of(Reason.Code.VRRP_STATE, "MASTER")),
                new LabEvent.AdvertSent(1, "db2", 51, 0, 3, 1_000_000),
                new LabEvent.VrrpStateChanged(2, "db1", VrrpState.BACKUP, VrrpState.MASTER, Reason.of(Reason.Code.HIGHER_PRIORITY, "db2")),
                new LabEvent.PriorityChanged(3, "db1", 100, 95, Reason.text("script \"chk\" failed")),
                new LabEvent.ProcessChanged(4, "db1", ProcessKind.MYSQLD, ProcessState.RUNNING, ProcessState.STOPPING, Reason.action("stop", Actor.USER)),
                new LabEvent.ScriptResult(5, "db2", "chk_mysql", 1, true, Reason.text("ps -C mysqld: 没有进程")),
                new LabEvent.ServerCheck(6, "db1", "db2", "DOWN", "L4CON", false),
                new LabEvent.LinkChanged(7, "db1-db2/vrrp", true),
                new LabEvent.GarpSent(8, "db2", "10.9.8.120", 5),
                new LabEvent.ArpChanged(9, "10.9.8.120", "db2", "STALE"),
                new LabEvent.ClientProbe(10, false, 1_000_000, null, LabEvent.ProbeFailure.TIMEOUT),
                new LabEvent.ClientProbe(11, true, 400, "db1", LabEvent.ProbeFailure.NONE),
                new LabEvent.ActionApplied(12, "cut", "clients-db1", Actor.USER),
                new LabEvent.LogLine(13, "db1", "keepalived", "Keepalived_vrrp[1234]: (VI_1) Entering MASTER STATE"),
                new LabEvent.ReplicationChanged(14, "db2", "db1", false, 42),
                new LabEvent.ClusterStatus(15, "db1", Reason.of(Reason.Code.GALERA_PRIMARY, 2, 2), true),
                new LabEvent.HostReachability(16, "db2", false, Reason.of(Reason.Code.CONNECTION_LOST)),
                new LabEvent.InstanceStateChanged(17, "db1", "VI_READ", VrrpState.MASTER, VrrpState.FAULT, Reason.of(Reason.Code.SYNC_GROUP, "VG_DB")),
                new LabEvent.InstanceVipChanged(18, "db1", "VI_READ", "10.9.8.121,10.9.8.122", false, Reason.of(Reason.Code.VRRP_STATE, "FAULT")),
                new LabEvent.NotifyRun(19, "db2", "VI_WRITE", "/etc/keepalived/move_eip.sh \"a b\"", "MASTER", true, "203.0.113.10"),
                new LabEvent.NotifyRun(20, "db2", "VG_DB", "/etc/keepalived/notify.sh GROUP VG_DB STOP 0", "STOP", false, null));
    }

    private static String write(List<LabEvent> events) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonLines.write(events, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everyRecordTypeRoundTrips() throws Exception {
        List<LabEvent> events = oneOfEach();
        Set<Class<?>> covered = events.stream().map(Object::getClass).collect(Collectors.toSet());
        Set<Class<?>> all = Arrays.stream(LabEvent.class.getPermittedSubclasses()).collect(Collectors.toSet());
        assertEquals(all, covered, "the sample covers every LabEvent record");
        assertEquals(all, Set.copyOf(JsonLinesReader.KINDS.values()), "the reader knows every record");
        assertEquals(events, JsonLinesReader.read("t.jsonl", new StringReader(write(events))));
    }

    /** A line past the cap is refused at its number before it is held whole; CR LF and CR end lines too. */
    @Test
    void aLineLongerThanTheCapIsRefusedWithItsNumber() throws Exception {
        String ok = write(List.of(new LabEvent.LinkChanged(7, "db1-db2/vrrp", true))).strip();
        String huge = "{\"kind\":\"link\",\"t\":1,\"link\":\"" + "x".repeat(JsonLinesReader.MAX_LINE_CHARS) + "\",\"cut\":true}";
        JsonLinesReader.FormatException e = assertThrows(JsonLinesReader.FormatException.class,
                () -> JsonLinesReader.read("s.jsonl", new StringReader(ok + "\r\n" + ok + "\r" + huge + "\n" + ok)));
        assertEquals(3, e.line());
        assertEquals("s.jsonl:3: the line is longer than 65536 characters, the limit for one event", e.getMessage());
        assertEquals(3, JsonLinesReader.read("s.jsonl", new StringReader(ok + "\r\n" + ok + "\r" + ok)).size());
    }

    @Test
    void aSimulatedFailoverRoundTripsEventForEvent() throws Exception {
        Timeline tl = new Timeline();
        SimulatedLab lab = SimulatedLab.steadyState(Presets.mode2(), 4, tl);
        lab.apply(new Action(Verb.KILL, new Target.Process("db1", ProcessKind.HAPROXY)), Actor.USER);
        lab.runUntil(20_000_000);
        List<LabEvent> events = tl.snapshot();
        assertTrue(events.size() > 300);
        assertEquals(events, JsonLinesReader.read("t.jsonl", new StringReader(write(events))));
    }

    @Test
    void badLinesNameTheLineAndWhatIsWrong() {
        String good = JsonLines.line(new LabEvent.GarpSent(8, "db2", "10.9.8.120", 5));
        var cut = assertThrows(JsonLinesReader.FormatException.class,
                () -> JsonLinesReader.read("x.jsonl", new StringReader(good + "\n" + good.substring(0, 20))));
        assertEquals(2, cut.line());
        assertTrue(cut.getMessage().startsWith("x.jsonl:2: not valid JSON"), cut.getMessage());
        var kind = assertThrows(JsonLinesReader.FormatException.class,
                () -> JsonLinesReader.read("x.jsonl", new StringReader("{\"t\": 1, \"kind\": \"teleport\"}")));
        assertTrue(kind.getMessage().contains("unknown kind \"teleport\""), kind.getMessage());
        var noTime = assertThrows(JsonLinesReader.FormatException.class,
                () -> JsonLinesReader.read("x.jsonl", new StringReader("{\"kind\": \"garp\", \"host\": \"db1\"}")));
        assertTrue(noTime.getMessage().contains("no time"), noTime.getMessage());
        var missing = assertThrows(JsonLinesReader.FormatException.class,
                () -> JsonLinesReader.read("x.jsonl", new StringReader("{\"t\": 1, \"kind\": \"garp\", \"host\": \"db1\", \"vip\": \"v\"}")));
        assertTrue(missing.getMessage().contains("without \"count\""), missing.getMessage());
    }

    /** Lines as VIP Lab wrote them before reasons were codes: free English, which the reader maps to the same codes. */
    @Test
    void oldFilesWithEnglishReasonsReadAsCodes() throws Exception {
        String old = String.join("\n",
                "{\"t\":0,\"kind\":\"process\",\"host\":\"db1\",\"process\":\"MYSQLD\",\"from\":\"RUNNING\",\"to\":\"STOPPING\",\"reason\":\"stop by drill\"}",
                "{\"t\":1,\"kind\":\"vrrp-state\",\"host\":\"db2\",\"from\":\"BACKUP\",\"to\":\"MASTER\",\"reason\":\"Receive advertisement timeout\"}",
                "{\"t\":2,\"kind\":\"script\",\"host\":\"db1\",\"script\":\"chk\",\"exitStatus\":1,\"failed\":true,\"detail\":\"ps -C mysqld: none\"}",
                "{\"t\":3,\"kind\":\"cluster\",\"host\":\"db1\",\"status\":\"non-Primary: no quorum (1 of 2)\",\"writable\":false}",
                "{\"t\":4,\"kind\":\"vip\",\"host\":\"db1\",\"vip\":\"v\",\"added\":true,\"reason\":\"(VI_1) some words keepalived wrote\"}",
                "{\"t\":5,\"kind\":\"action\",\"host\":\"lab\",\"action\":\"restore\",\"target\":\"lab\",\"by\":\"restore\"}",
                "{\"t\":6,\"kind\":\"vip\",\"host\":\"db1\",\"vip\":\"v\",\"added\":false,\"reason\":\"\"}",
                "{\"t\":7,\"kind\":\"host\",\"host\":\"db1\",\"reachable\":true,\"detail\":\"connected; clock offset +0.3 ms (round trip 1.2 ms); tcpdump no (adverts from the log), firewall none\"}");
        List<LabEvent> e = JsonLinesReader.read("old.jsonl", new StringReader(old));
        assertEquals(Reason.action("stop", Actor.DRILL), ((LabEvent.ProcessChanged) e.get(0)).reason());
        assertEquals(Reason.of(Reason.Code.ADVERT_TIMEOUT), ((LabEvent.VrrpStateChanged) e.get(1)).reason());
        assertEquals(Reason.of(Reason.Code.PS_NONE, "mysqld"), ((LabEvent.ScriptResult) e.get(2)).detail());
        assertEquals(Reason.of(Reason.Code.GALERA_NO_QUORUM, 1, 2), ((LabEvent.ClusterStatus) e.get(3)).status());
        assertEquals(Reason.text("(VI_1) some words keepalived wrote"), ((LabEvent.VipChanged) e.get(4)).reason());
        assertEquals(Actor.RESTORE, ((LabEvent.ActionApplied) e.get(5)).by());
        assertNull(((LabEvent.VipChanged) e.get(6)).reason());
        assertEquals(Reason.of(Reason.Code.CONNECTED, "+0.3", "1.2", "no", ""), ((LabEvent.HostReachability) e.get(7)).detail());
        // written again, they are codes: the new form round-trips
        assertEquals(e, JsonLinesReader.read("new.jsonl", new StringReader(write(e))));
        assertTrue(write(e).contains("\"reason\":{\"code\":\"ACTION\",\"args\":[\"stop\",\"drill\"]}"), write(e));
        var actor = assertThrows(JsonLinesReader.FormatException.class, () -> JsonLinesReader.read("x.jsonl", new StringReader(
                "{\"t\":5,\"kind\":\"action\",\"action\":\"stop\",\"target\":\"db1/mysqld\",\"by\":\"someone\"}")));
        assertTrue(actor.getMessage().contains("unknown actor \"someone\""), actor.getMessage());
        var code = assertThrows(JsonLinesReader.FormatException.class, () -> JsonLinesReader.read("x.jsonl", new StringReader(
                "{\"t\":5,\"kind\":\"vip\",\"host\":\"db1\",\"vip\":\"v\",\"added\":true,\"reason\":{\"code\":\"MAGIC\",\"args\":[]}}")));
        assertTrue(code.getMessage().contains("unknown reason code \"MAGIC\""), code.getMessage());
    }
}
