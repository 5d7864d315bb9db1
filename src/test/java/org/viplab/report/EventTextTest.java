package org.viplab.report;

import org.junit.jupiter.api.Test;
import org.viplab.core.model.ProcessKind;
import org.viplab.core.model.ProcessState;
import org.viplab.core.model.VrrpState;
import org.viplab.testing.Drills;
import org.viplab.testing.EnglishText;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.util.Durations;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

class EventTextTest {
    @Test
    void fastDurationIsExactlyDurationsFormat() {
        Random rnd = new Random(42);
        long[] fixed = {0, 1, 999, 1000, 1001, 648_437, 1_000_000, 1_500_000, 3_609_375, 86_400_000_000L, -5_007_626, 20_000_000};
        for (long us : fixed) assertEquals(Durations.format(us), EventText.dur(us), "us=" + us);
        for (int i = 0; i < 20_000; i++) {
            long us = (long) (rnd.nextDouble() * Math.pow(10, rnd.nextInt(12))) * (rnd.nextInt(10) == 0 ? -1 : 1);
            assertEquals(Durations.format(us), EventText.dur(us), "us=" + us);
        }
    }

    @Test
    void timeIsSecondsWithThreeDecimals() {
        Random rnd = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            long us = rnd.nextLong() % 100_000_000_000L;
            String expected = new java.math.BigDecimal(us).movePointLeft(6).setScale(3, java.math.RoundingMode.HALF_UP).abs().toPlainString();
            if (us < 0 && !expected.equals("0.000")) expected = "-" + expected;
            assertEquals(expected, EventText.time(us), "us=" + us);
        }
        assertEquals("5.000", EventText.time(5_000_000));
        assertEquals("-30.192", EventText.time(-30_192_374));
        assertEquals(String.format(Locale.ROOT, "%.3f", 5.648437), EventText.time(5_648_437));
    }

    /** Every event of every sample drill, warm-up included, plus the kinds and shapes the samples lack. */
    static List<LabEvent> corpus() throws Exception {
        List<LabEvent> all = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("samples/drills"))) {
            for (Path p : s.filter(p -> p.toString().endsWith(".json") && !p.getFileName().toString().startsWith("real-")).sorted().toList()) {
                all.addAll(Drills.runFile(p).events());
            }
        }
        all.add(new LabEvent.HostReachability(1, "db1", false, "SSH connection lost: timeout"));
        all.add(new LabEvent.HostReachability(2, "db1", true, null));
        all.add(new LabEvent.ScriptResult(3, "db1", "chk", 0, false, null));
        all.add(new LabEvent.ScriptResult(3, "db1", "chk", 1, true, "ps -C mariadbd: found"));
        all.add(new LabEvent.ServerCheck(4, "db1", "db2", "DOWN", null, false));
        all.add(new LabEvent.VipChanged(5, "db1", "10.0.0.9", true, null));
        all.add(new LabEvent.VipChanged(5, "db1", "10.0.0.9", true, "at t = 0"));
        all.add(new LabEvent.ProcessChanged(6, "db2", ProcessKind.MYSQLD, ProcessState.RUNNING, ProcessState.RUNNING, "at connect"));
        all.add(new LabEvent.VrrpStateChanged(7, "db2", VrrpState.BACKUP, VrrpState.MASTER, ""));
        all.add(new LabEvent.ActionApplied(8, "stop", "db1/mysqld", "user"));
        all.add(new LabEvent.ActionApplied(8, "restore", "lab", "someone"));
        return all;
    }

    @Test
    void theEnglishPatternsWriteExactlyWhatTheFastPathWrites() throws Exception {
        EventText.Localized en = EventText.in(Locale.ENGLISH);
        List<LabEvent> all = corpus();
        Set<String> kinds = new TreeSet<>();
        for (LabEvent e : all) {
            assertEquals(EventText.details(e), en.details(e), e.toString());
            assertEquals(e.kind(), en.kind(e.kind()));
            assertEquals(EventText.details(e), EventText.details(e, Locale.ENGLISH));
            kinds.add(e.kind());
        }
        assertEquals(16, kinds.size(), "every kind of event is in the corpus: " + kinds);
    }

    @Test
    void chineseDetailsAreChineseExceptTheDaemonsOwnWords() throws Exception {
        EventText.Localized zh = EventText.in(Locale.SIMPLIFIED_CHINESE);
        TreeMap<String, String> english = new TreeMap<>();
        Set<String> kindsInChinese = new TreeSet<>();
        for (LabEvent e : corpus()) {
            String d = zh.details(e);
            assertEquals(d, EventText.details(e, Locale.forLanguageTag("zh-CN")));
            assertNotEquals(e.kind(), zh.kind(e.kind()), "the kind " + e.kind() + " is translated");
            if (e instanceof LabEvent.LogLine) {
                LabEvent.LogLine l = (LabEvent.LogLine) e;
                assertEquals(l.source() + "：" + l.text(), d, "log lines stay as the daemon wrote them");
                continue;
            }
            if (EnglishText.hasChinese(d)) kindsInChinese.add(e.kind());
            for (String phrase : EnglishText.phrases(d)) english.put(phrase, d);
        }
        // log lines are the daemons' own; an ARP entry is an address, a host and a kernel state (STALE): no words to translate
        assertEquals(14, kindsInChinese.size(), "every kind but log and arp reads Chinese: " + kindsInChinese);
        // What may stay English: keepalived's and haproxy's own reason words, quoted from their logs.
        Set<String> daemonWords = Set.of("Receive advertisement timeout", "Netlink reports eth0 down", "Netlink reports eth0 up");
        english.keySet().removeAll(daemonWords);
        assertEquals(new TreeMap<String, String>(), english, "English left in Chinese event details");
        LabEvent stop = new LabEvent.ProcessChanged(5_000_000, "db1", ProcessKind.MYSQLD, ProcessState.RUNNING, ProcessState.STOPPING, "stop by drill");
        assertEquals("mysqld 运行中 \u2192 停止中（由演练停止）", zh.details(stop));
        assertEquals("chk_mysql 退出码 1，计为失败：查询被拒绝：节点不在 Primary 组件中",
                zh.details(new LabEvent.ScriptResult(0, "db1", "chk_mysql", 1, true, "query rejected: node not in the Primary component")));
    }

    @Test
    void bothBundlesHaveTheSameEventKeysAndChineseTakesNoOtherArguments() {
        ResourceBundle en = ResourceBundle.getBundle(EventText.BUNDLE, Locale.ENGLISH, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        ResourceBundle zh = ResourceBundle.getBundle(EventText.BUNDLE, Locale.SIMPLIFIED_CHINESE, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Set<String> enKeys = new TreeSet<>(en.keySet().stream().filter(k -> k.startsWith("event.")).toList());
        Set<String> zhKeys = new TreeSet<>(zh.keySet().stream().filter(k -> k.startsWith("event.")).toList());
        assertTrue(enKeys.size() > 90, "event keys: " + enKeys.size());
        assertEquals(enKeys, zhKeys);
        for (String k : enKeys) {
            assertTrue(args(en.getString(k)).containsAll(args(zh.getString(k))), k + ": " + zh.getString(k));
            // the patterns the code formats take the same arguments; only the cluster line leaves the time and host out in Chinese
            if (!k.equals("event.cluster")) assertEquals(args(en.getString(k)), args(zh.getString(k)), k);
        }
    }

    private static Set<String> args(String pattern) {
        Set<String> s = new TreeSet<>();
        Matcher m = Pattern.compile("\\{(\\d+)}").matcher(pattern);
        while (m.find()) s.add(m.group(1));
        return s;
    }
}
