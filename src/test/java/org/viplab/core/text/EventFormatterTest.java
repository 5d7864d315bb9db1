package org.viplab.core.text;

import org.junit.jupiter.api.Test;
import org.viplab.core.model.ProcessKind;
import org.viplab.core.model.ProcessState;
import org.viplab.core.model.VrrpState;
import org.viplab.core.timeline.Actor;
import org.viplab.core.timeline.JsonLinesReader;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Reason;
import org.viplab.testing.Drills;
import org.viplab.testing.EnglishText;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** The one event text: every kind and every reason code reads as a sentence in both languages, never as a record. */
class EventFormatterTest {
    private static final EventFormatter EN = EventFormatter.of(Locale.ENGLISH);
    private static final EventFormatter ZH = EventFormatter.of(Locale.SIMPLIFIED_CHINESE);
    /** What a record's or a Reason's toString looks like: "ClusterStatus[timeUs=", "[timeUs=", "GALERA_PRIMARY[". */
    private static final Pattern DUMP = Pattern.compile("\\w+\\[\\w+=|\\[timeUs=|\\b[A-Z]+(_[A-Z]+)+\\b|\\{\\d}");

    /** Every event of every sample drill, warm-up included, plus one event per reason code and per kind. */
    static List<LabEvent> corpus() throws Exception {
        List<LabEvent> all = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("samples/drills"))) {
            for (Path p : s.filter(p -> p.toString().endsWith(".json") && !p.getFileName().toString().startsWith("real-")).sorted().toList()) {
                all.addAll(Drills.runFile(p).events());
            }
        }
        for (Reason.Code c : Reason.Code.values()) {
            String[] args = new String[c.arity()];
            for (int i = 0; i < args.length; i++) args[i] = "a" + i;
            if (c == Reason.Code.ACTION) args = new String[] {"stop", "drill"};
            if (c == Reason.Code.CONNECTED) args = new String[] {"+0.3", "0.4", "no", ""};
            Reason r = Reason.of(c, (Object[]) args);
            all.add(new LabEvent.VrrpStateChanged(1, "db1", VrrpState.BACKUP, VrrpState.MASTER, r));
            all.add(new LabEvent.ScriptResult(2, "db1", "chk", 1, true, r));
            all.add(new LabEvent.ClusterStatus(3, "db1", r, false));
            all.add(new LabEvent.HostReachability(4, "db1", true, r));
            all.add(new LabEvent.InstanceStateChanged(5, "db1", "VI_READ", VrrpState.BACKUP, VrrpState.MASTER, r));
        }
        all.add(new LabEvent.InstanceVipChanged(5, "db1", "VI_READ", "10.9.8.121", true, Reason.of(Reason.Code.VRRP_STATE, "MASTER")));
        all.add(new LabEvent.InstanceVipChanged(5, "db1", "VI_READ", "10.9.8.121", false, null));
        all.add(new LabEvent.NotifyRun(6, "db1", "VI_1", "/etc/keepalived/notify.sh INSTANCE VI_1 MASTER 100", "MASTER", false, null));
        all.add(new LabEvent.NotifyRun(6, "db1", "VG_DB", "/etc/keepalived/master.sh", "MASTER", true, null));
        all.add(new LabEvent.NotifyRun(6, "db1", "VI_1", "/etc/keepalived/move_eip.sh", "MASTER", true, "203.0.113.10"));
        all.add(new LabEvent.HostReachability(2, "db1", true, null));
        all.add(new LabEvent.ScriptResult(3, "db1", "chk", 0, false, null));
        all.add(new LabEvent.ServerCheck(4, "db1", "db2", "DOWN", null, false));
        all.add(new LabEvent.VipChanged(5, "db1", "10.0.0.9", true, null));
        for (Actor a : Actor.values()) all.add(new LabEvent.ActionApplied(8, "stop", "db1/mysqld", a));
        all.add(new LabEvent.ActionApplied(8, "restore", "lab", Actor.BASELINE));
        return all;
    }

    /** {@code d} without the names and commands the user wrote in keepalived.conf. */
    private static String usersWords(LabEvent e, String d) {
        if (e instanceof LabEvent.VrrpStateChanged v && v.reason() != null && syncGroup(v.reason())) return d.replace(v.reason().args().get(0), "");
        if (e instanceof LabEvent.InstanceStateChanged i) {
            String out = d.replace(i.instance(), "");
            return i.reason() != null && syncGroup(i.reason()) ? out.replace(i.reason().args().get(0), "") : out;
        }
        if (e instanceof LabEvent.InstanceVipChanged i) return d.replace(i.instance(), "");
        if (e instanceof LabEvent.NotifyRun n) return d.replace(n.command(), "").replace(n.owner(), "");
        return d;
    }

    private static boolean syncGroup(Reason r) { return r.is(Reason.Code.SYNC_GROUP) || r.is(Reason.Code.SYNC_WAIT); }

    @Test
    void noEventKindEverRendersAsARecordInEitherLanguage() throws Exception {
        List<LabEvent> all = corpus();
        Set<String> kinds = new TreeSet<>();
        for (EventFormatter f : List.of(EN, ZH)) {
            for (LabEvent e : all) {
                String d = f.details(e);
                String own = usersWords(e, d); // instance and group names (VI_READ, VG_DB) are the config's, not codes
                if (!(e instanceof LabEvent.LogLine)) assertFalse(DUMP.matcher(own).find(), f.locale() + ": a record dump or a raw code: " + d);
                assertFalse(d.contains("null"), f.locale() + ": " + d);
                assertFalse(f.kind(e.kind()).isBlank());
                kinds.add(e.kind());
            }
        }
        assertEquals(JsonLinesReader.KINDS.keySet(), kinds, "every kind of event is in the corpus");
    }

    /**
     * The SSH engine's own diagnostic lines (not a daemon's) follow the language, keep their English as the text for
     * older readers, and keep what they said through a file.
     */
    @Test
    void diagnosticLinesFollowTheLanguageAndSurviveAFile() throws Exception {
        LabEvent.LogLine ended = EventFormatter.diagnostic(5_000_000, "db1", "viplab", Reason.of(Reason.Code.OBSERVER_ENDED, "ip -o monitor address"));
        LabEvent.LogLine began = EventFormatter.diagnostic(6_000_000, "db2", "command", Reason.of(Reason.Code.COMMAND_BEGAN, "delay db1-db2 by 200ms"));
        assertEquals("observer ended: ip -o monitor address", ended.text());
        assertEquals("viplab: observer ended: ip -o monitor address", EN.details(ended));
        assertEquals("viplab：监视命令已结束：ip -o monitor address", EventFormatter.of(Locale.SIMPLIFIED_CHINESE).details(ended));
        assertEquals("command：主机开始执行 delay db1-db2 by 200ms", EventFormatter.of(Locale.SIMPLIFIED_CHINESE).details(began));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        org.viplab.core.timeline.JsonLines.write(List.of(ended, new LabEvent.LogLine(7_000_000, "db1", "keepalived", "VRRP_Instance(VI_1) Entering MASTER STATE")), out);
        List<LabEvent> back = JsonLinesReader.read("t.jsonl", new java.io.StringReader(out.toString(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(ended, back.get(0));
        assertNull(((LabEvent.LogLine) back.get(1)).said(), "a daemon's line says nothing of VIP Lab's own");
    }

    @Test
    void englishSentences() {
        assertEquals("cluster: Synced, Primary (1 of 1) (writable)",
                EN.details(new LabEvent.ClusterStatus(2_000_000, "db1", Reason.of(Reason.Code.GALERA_PRIMARY, 1, 1), true)));
        assertEquals("mysqld: running \u2192 stopping (stop by drill)", EN.details(new LabEvent.ProcessChanged(5_000_000, "db1",
                ProcessKind.MYSQLD, ProcessState.RUNNING, ProcessState.STOPPING, Reason.action("stop", Actor.DRILL))));
        assertEquals("stop db1/mysqld (by user)", EN.details(new LabEvent.ActionApplied(0, "stop", "db1/mysqld", Actor.USER)));
        assertEquals("query failed: timed out after 1 s", EN.details(new LabEvent.ClientProbe(0, false, 1_000_000, "", LabEvent.ProbeFailure.TIMEOUT)));
        assertEquals("query OK, served by db2 in 800 \u00b5s", EN.details(new LabEvent.ClientProbe(0, true, 800, "db2", LabEvent.ProbeFailure.NONE)));
        assertEquals("client probe", EN.kind("probe"));
        assertEquals("user", EN.source(new LabEvent.ActionApplied(0, "stop", "db1/mysqld", Actor.USER)));
        assertEquals("host reachable: connected; clock offset +0.3 ms (round trip 0.4 ms); tcpdump yes, firewall none",
                EN.details(new LabEvent.HostReachability(0, "db1", true, Reason.of(Reason.Code.CONNECTED, "+0.3", "0.4", "yes", ""))));
    }

    @Test
    void chineseDetailsAreChineseExceptTheDaemonsOwnWords() throws Exception {
        TreeMap<String, String> english = new TreeMap<>();
        Set<String> kindsInChinese = new TreeSet<>();
        for (LabEvent e : corpus()) {
            String d = ZH.details(e);
            assertNotEquals(e.kind(), ZH.kind(e.kind()), "the kind " + e.kind() + " is translated");
            if (e instanceof LabEvent.LogLine l) {
                assertEquals(l.source() + "：" + l.text(), d, "log lines stay as the daemon wrote them");
                continue;
            }
            if (EnglishText.hasChinese(d)) kindsInChinese.add(e.kind());
            if (e instanceof LabEvent.VrrpStateChanged s && s.reason() != null && s.reason().is(Reason.Code.TEXT)) continue; // a0
            for (String phrase : EnglishText.phrases(d)) english.put(phrase, d);
        }
        Set<String> expected = new TreeSet<>(JsonLinesReader.KINDS.keySet());
        expected.remove("log");
        assertEquals(expected, kindsInChinese, "every kind but the daemons' log lines reads Chinese");
        english.keySet().removeAll(Set.of("Receive advertisement timeout")); // keepalived's own words, quoted after the Chinese
        assertEquals(new TreeMap<String, String>(), english, "English left in Chinese event details");
        assertEquals("mysqld：运行中 \u2192 停止中（由演练停止）", ZH.details(new LabEvent.ProcessChanged(5_000_000, "db1",
                ProcessKind.MYSQLD, ProcessState.RUNNING, ProcessState.STOPPING, Reason.action("stop", Actor.DRILL))));
        assertEquals("集群：non-Primary：不足法定人数（1/2）（不可写）",
                ZH.details(new LabEvent.ClusterStatus(0, "db1", Reason.of(Reason.Code.GALERA_NO_QUORUM, 1, 2), false)));
        assertEquals("查询失败：查询被拒绝，用时 20 毫秒", ZH.details(new LabEvent.ClientProbe(0, false, 20_000, null, LabEvent.ProbeFailure.REJECTED)));
        assertEquals("查询成功，由 db2 响应，用时 800 微秒", ZH.details(new LabEvent.ClientProbe(0, true, 800, "db2", LabEvent.ProbeFailure.NONE)));
    }

    @Test
    void bothBundlesHaveTheSameKeysWithTheSameArgumentsAndEveryCodeHasOne() {
        ResourceBundle en = bundle(Locale.ENGLISH);
        ResourceBundle zh = bundle(Locale.SIMPLIFIED_CHINESE);
        assertEquals(new TreeSet<>(en.keySet()), new TreeSet<>(zh.keySet()));
        for (String k : en.keySet()) assertEquals(args(en.getString(k)), args(zh.getString(k)), k + ": " + zh.getString(k));
        for (Reason.Code c : Reason.Code.values()) {
            String key = "reason." + c.name();
            assertTrue(en.containsKey(key), key);
            assertEquals(c.arity(), args(en.getString(key)).size(), key + " takes as many arguments as the code");
        }
        for (Actor a : Actor.values()) assertTrue(en.containsKey("actor." + a.id()), a.id());
        for (ProcessState s : ProcessState.values()) assertNotEquals(EN.state(s), ZH.state(s));
        for (LabEvent.ProbeFailure p : LabEvent.ProbeFailure.values()) assertTrue(en.containsKey("probe." + p.name().toLowerCase(Locale.ROOT)));
    }

    @Test
    void anyChineseLocaleIsSimplifiedChineseAndEverythingElseEnglish() {
        assertSame(ZH, EventFormatter.of(Locale.CHINA));
        assertSame(ZH, EventFormatter.of(Locale.TAIWAN));
        assertSame(EN, EventFormatter.of(Locale.GERMAN));
        assertSame(EN, EventFormatter.of(null));
    }

    private static ResourceBundle bundle(Locale l) {
        return ResourceBundle.getBundle(EventFormatter.BUNDLE, l, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private static Set<String> args(String pattern) {
        Set<String> s = new TreeSet<>();
        Matcher m = Pattern.compile("\\{(\\d+)}").matcher(pattern);
        while (m.find()) s.add(m.group(1));
        return Collections.unmodifiableSet(s);
    }
}
