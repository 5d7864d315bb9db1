package org.viplab.core.text;

import org.junit.jupiter.api.Test;
import org.viplab.core.timeline.LabEvent;
import org.viplab.drill.DrillResult;
import org.viplab.testing.Drills;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Chinese UI says everything in Chinese: every bundle has a zh-CN twin with every key (and the same
 * placeholders), no value is an untranslated copy of the English one, and the event texts of sample runs in
 * zh-CN (the event list, CSV, reports and why chains all use them) contain none of the English words the
 * English texts are made of. Log lines of keepalived, haproxy and mysqld stay as those programs wrote them.
 */
class ChineseTextsTest {
    private static final Path BUNDLES = Path.of("src", "main", "resources", "org", "viplab", "i18n");
    /** Values that are the same words in both languages: names and symbols. */
    private static final Set<String> SAME_IN_BOTH = Set.of("events:kind.vip", "events:reason.VRRP_STATE", "messages:app.title",
            "messages:topology.vip", "messages:kind.vip", "events:source.ssh", "messages:hosts.auth.agent", "report:field.vip", "report:prov.jvm",
            "report:col.keepalived", "report:col.haproxy", "report:col.mariadb");
    /**
     * English words of the event texts that a Chinese text must not contain (whole lowercase words: VRRP's and
     * ARP's state names, MASTER or STALE, are the protocols' own and stay).
     */
    static final List<String> ENGLISH = List.of("added", "removed", "blocked", "stopped", "stopping", "running", "starting",
            "advert", "priority", "served by", "refused", "timed out", "timeout", "gratuitous", "exit code", "found", "no such",
            "healed", "link", "state", "by user", "by drill", "query", "failed", "answered", "backend", "script", "process",
            "replication", "writable", "behind", "client", "check", "sent", "took", "ready", "exited", "booted", "restore");

    /** A whole word of the list, not part of an id or a path (db1/link, check_haproxy). */
    static final String WORDS = "(?<![/_.-])\\b(" + String.join("|", ENGLISH) + ")\\b(?![/_.-])";

    @Test
    void everyBundleHasAChineseTwinWithEveryKeyAndItsPlaceholders() throws IOException {
        List<String> problems = new ArrayList<>();
        List<Path> english;
        try (Stream<Path> s = Files.list(BUNDLES)) {
            english = s.filter(p -> p.toString().endsWith(".properties") && !p.toString().endsWith("_zh_CN.properties")).sorted().toList();
        }
        assertTrue(english.size() >= 9, "bundles found: " + english);
        for (Path en : english) {
            String name = en.getFileName().toString().replace(".properties", "");
            Path zhFile = en.resolveSibling(name + "_zh_CN.properties");
            if (!Files.exists(zhFile)) {
                problems.add(name + ": no zh_CN bundle");
                continue;
            }
            Properties a = load(en);
            Properties b = load(zhFile);
            for (String k : a.stringPropertyNames()) {
                String zh = b.getProperty(k);
                if (zh == null) {
                    problems.add(name + ": " + k + " has no Chinese text");
                } else if (!placeholders(a.getProperty(k)).equals(placeholders(zh))) {
                    problems.add(name + ": " + k + " placeholders " + placeholders(a.getProperty(k)) + " vs " + placeholders(zh));
                } else if (zh.equals(a.getProperty(k)) && zh.matches("(?s).*[A-Za-z]{3,}.*") && !SAME_IN_BOTH.contains(name + ":" + k)) {
                    problems.add(name + ": " + k + " is the English text: " + zh);
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void eventTextsOfSampleRunsInChineseHaveNoEnglishWords() throws Exception {
        EventFormatter zh = EventFormatter.of(Locale.SIMPLIFIED_CHINESE);
        EventFormatter en = EventFormatter.of(Locale.ENGLISH);
        Pattern words = Pattern.compile(WORDS);
        Set<String> found = new TreeSet<>();
        int checked = 0;
        int englishHits = 0;
        // mode 1 and 2 failovers, a VRRP cut and heal (split brain), a link down, haproxy restarts, a hung mysqld
        for (String drill : List.of("01-mode1-basic-failover.json", "02-mode2-basic-failover.json", "10-mode1-split-brain-clean-heal.json",
                "08-mode1-link-down.json", "14-mode2-haproxy-restart-trips.json", "05-mode1-hung-mysqld.json")) {
            DrillResult r = Drills.runFile(Path.of("samples", "drills", drill));
            for (LabEvent e : r.events()) {
                if (verbatim(e)) continue;
                // keepalived's own words may follow their translation as a gloss: 接收通告超时（Receive advertisement timeout）
                String text = (zh.source(e) + " | " + zh.kind(e.kind()) + " | " + zh.details(e)).replaceAll("（[A-Za-z ]+）", "");
                checked++;
                Matcher m = words.matcher(text);
                if (m.find()) found.add(drill + ": \"" + m.group(1) + "\" in " + text);
                if (words.matcher(en.details(e)).find()) englishHits++;
            }
        }
        assertTrue(checked > 1000, "events checked: " + checked);
        assertTrue(englishHits > 100, "the list catches the English texts (" + englishHits + " English details matched)");
        assertTrue(found.isEmpty(), String.join("\n", found));
    }

    /** What a program printed (a log line) is shown as it was, in its own words. */
    private static boolean verbatim(LabEvent e) {
        return e instanceof LabEvent.LogLine l && Set.of("keepalived", "haproxy", "mysqld").contains(l.source());
    }

    private static Set<String> placeholders(String s) {
        Set<String> out = new TreeSet<>();
        Matcher m = Pattern.compile("\\{(\\d+)").matcher(s);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    private static Properties load(Path p) throws IOException {
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
            props.load(r);
        }
        return props;
    }

    /** Three lowercase English words in a row: prose (commands, paths and config keys are single words or ids). */
    static final Pattern ENGLISH_RUN = Pattern.compile("\\b[a-z]{2,}( [a-z]{2,}){2,}\\b");

    /**
     * What the engines say (org.viplab.lab.LabText: an unreachable host, a failed command, a tool a host lacks, an
     * action or inventory refused) reads as Chinese: each text, with its arguments left out, has Chinese in it and
     * no English sentence. The arguments (host names, commands, what a host answered) stay as they are.
     */
    @Test
    void engineTextsInChineseHaveNoEnglishSentence() throws IOException {
        Properties en = load(BUNDLES.resolve("lab.properties"));
        Properties zh = load(BUNDLES.resolve("lab_zh_CN.properties"));
        Set<String> joins = Set.of("joined", "remote.onHost", "inventory.at", "inventory.problems");
        List<String> problems = new ArrayList<>();
        int englishHits = 0;
        for (String k : new TreeSet<>(en.stringPropertyNames())) {
            Object[] blank = {"", "", "", "", ""};
            String text = new java.text.MessageFormat(zh.getProperty(k, ""), Locale.SIMPLIFIED_CHINESE).format(blank);
            if (!joins.contains(k) && !text.matches("(?s).*[\\u4e00-\\u9fff].*")) problems.add(k + " has no Chinese: " + text);
            Matcher m = ENGLISH_RUN.matcher(text);
            if (m.find()) problems.add(k + ": \"" + m.group() + "\" in " + text);
            if (ENGLISH_RUN.matcher(new java.text.MessageFormat(en.getProperty(k), Locale.ENGLISH).format(blank)).find()) englishHits++;
        }
        assertTrue(englishHits > 50, "the pattern catches the English texts (" + englishHits + " matched)");
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void theWordListFindsAnEnglishTextInAChineseOne() {
        Pattern words = Pattern.compile(WORDS);
        assertTrue(words.matcher("链路 db1-db2/vrrp VRRP blocked").find());
        assertFalse(words.matcher("脚本 check_haproxy 退出码 0：ps -C mysqld：找到进程").find(), "commands and script names are not English prose");
        assertFalse(words.matcher("断开 db1/link（执行者：演练）").find(), "targets are ids");
    }
}
