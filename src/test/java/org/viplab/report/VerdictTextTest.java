package org.viplab.report;

import org.junit.jupiter.api.Test;
import org.viplab.drill.Verdict;
import org.viplab.testing.Drills;
import org.viplab.testing.EnglishText;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** Verdict details in the report's language: every shape the judge writes, from real drills and by hand. */
class VerdictTextTest {
    private static final List<String> BY_HAND = List.of(
            "held from t=10s to t=15s",
            "not true at t=20.5s (db1 was STOPPED)",
            "not true at t=3s (at t=3s)",
            "not true at t=3s (clients failing)",
            "never true between t=2s and t=8s (clients served)",
            "never true between t=2s and t=8s (VIP on no host)",
            "never true between t=2s and t=8s (VIP on db1 and db2)",
            "not true at t=9s (VIP on db2)",
            "already true at t=0us",
            "true from t=6.471063s, 4.471063s after t=2s",
            "split brain from t=8.080438s for 4s",
            "the VIP was never on both hosts",
            "no split brain (1 handover overlap under 100 ms)",
            "no split brain (2 handover overlaps under 100 ms)",
            "no failed probe",
            "no split brain in the 3s window from t=2s to t=5s",
            "no split brain in the 3s window from t=2s to t=5s; 15s of split brain elsewhere in the run",
            "availability 76.00%, 60 of 250 probes failed",
            "no probe ran between t=0us and t=10s",
            "longest outage 4.5s from t=2.007626s");

    static List<String> details() throws Exception {
        List<String> all = new ArrayList<>(BY_HAND);
        try (Stream<Path> s = Files.list(Path.of("samples/drills"))) {
            for (Path p : s.filter(p -> p.toString().endsWith(".json") && !p.getFileName().toString().startsWith("real-")).sorted().toList()) {
                for (Verdict v : Drills.runFile(p).verdicts()) if (!v.detail().isEmpty()) all.add(v.detail());
            }
        }
        for (Verdict v : Drills.run("split", Drills.SPLIT_BRAIN).verdicts()) if (!v.detail().isEmpty()) all.add(v.detail());
        return all;
    }

    @Test
    void englishIsTheJudgesOwnTextAndChineseLeavesNoEnglish() throws Exception {
        VerdictText en = VerdictText.in(Locale.ENGLISH);
        VerdictText zh = VerdictText.in(Locale.SIMPLIFIED_CHINESE);
        List<String> all = details();
        assertTrue(all.size() > 60, "details: " + all.size());
        for (String d : all) {
            assertEquals(d, en.detail(d), "the English pattern reproduces the judge");
            String c = zh.detail(d);
            assertTrue(EnglishText.hasChinese(c), "not translated: " + d + " -> " + c);
            assertEquals(List.of(), EnglishText.phrases(c), d + " -> " + c);
        }
        assertEquals("从 t=6.471063s 起成立，在 t=2s 之后 4.471063s", zh.detail("true from t=6.471063s, 4.471063s after t=2s"));
        assertEquals("在 t=2s 与 t=8s 之间从未成立（VIP 在 db1 和 db2 上）", zh.detail("never true between t=2s and t=8s (VIP on db1 and db2)"));
        assertEquals("没有脑裂（2 次切换重叠，均短于 100 ms）", zh.detail("no split brain (2 handover overlaps under 100 ms)"));
        assertEquals("something new", zh.detail("something new"), "an unknown shape is shown as written");
        assertEquals("", zh.detail(""));
    }

    @Test
    void aChineseReportShowsTheVerdictDetailsInChinese() throws Exception {
        var r = Drills.run("split", Drills.SPLIT_BRAIN); // t=8.080438s: db1 advertises 15 ms later since keepalived starts in 15 ms
        String zh = ReportWriter.html(r, new ReportOptions(Locale.SIMPLIFIED_CHINESE, true, null));
        String en = ReportWriter.html(r, new ReportOptions(Locale.ENGLISH, true, null));
        // the report shows lengths in one style (Units): t=8.080438s as t=8.080 s, 4s as 4.000 s
        assertTrue(zh.contains("从 t=8.080 s 起脑裂，持续 4.000 s"), "the failed verdict's detail");
        assertTrue(en.contains("split brain from t=8.080 s for 4.000 s"));
        assertFalse(zh.contains("split brain from"));
    }
}
