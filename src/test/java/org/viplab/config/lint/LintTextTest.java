package org.viplab.config.lint;

import org.junit.jupiter.api.Test;
import org.viplab.testing.EnglishText;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** Every lint text in English and Simplified Chinese: the keys the code uses, the bundles, and real findings rendered. */
class LintTextTest {
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final Pattern KEY = Pattern.compile("\"(lint\\.[A-Za-z0-9.\\-]+)\"");
    private static final Pattern ARG = Pattern.compile("\\{(\\d+)}");
    /** Patterns that are only arguments and punctuation, the same in both languages. */
    private static final Set<String> NO_WORDS = Set.of("lint.weight-too-small.minus", "lint.what.script", "lint.list", "lint.weight-too-small.backupBonus");

    /** Every "lint.…" literal in the lint sources and the lint command; a literal ending in '.' is a prefix completed in code. */
    static Set<String> keysInCode() throws IOException {
        Set<String> keys = new TreeSet<>();
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("src/main/java/org/viplab/config/lint"))) {
            s.filter(p -> p.toString().endsWith(".java")).forEach(sources::add);
        }
        sources.add(Path.of("src/main/java/org/viplab/cli/LintCommand.java"));
        for (Path p : sources) {
            Matcher m = KEY.matcher(Files.readString(p));
            while (m.find()) {
                String k = m.group(1);
                if (k.equals("lint.severity.")) {
                    for (Severity s : Severity.values()) keys.add(k + s.id());
                } else {
                    assertFalse(k.endsWith("."), "a key prefix completed in code that this test does not know: " + k + " in " + p);
                    keys.add(k);
                }
            }
        }
        return keys;
    }

    @Test
    void everyKeyTheCodeUsesIsInBothBundlesAndNoneIsLeftOver() throws IOException {
        Set<String> used = keysInCode();
        assertTrue(used.size() > 120, "the scan found the keys (" + used.size() + ")");
        for (Locale l : List.of(Locale.ENGLISH, ZH)) {
            ResourceBundle b = LintText.bundle(l);
            List<String> missing = used.stream().filter(k -> !b.containsKey(k)).toList();
            assertEquals(List.of(), missing, "keys missing in the " + l + " bundle");
            List<String> unused = b.keySet().stream().filter(k -> !used.contains(k)).sorted().toList();
            assertEquals(List.of(), unused, "keys in the " + l + " bundle that no code uses");
        }
    }

    @Test
    void bothLanguagesTakeTheSameArgumentsAndTheChineseIsChinese() {
        ResourceBundle en = LintText.bundle(Locale.ENGLISH);
        ResourceBundle zh = LintText.bundle(ZH);
        assertNotSame(en, zh, "a separate Chinese bundle");
        for (String k : en.keySet()) {
            assertEquals(args(en.getString(k)), args(zh.getString(k)), k + ": the same {n} in both languages");
            if (NO_WORDS.contains(k)) continue;
            assertTrue(EnglishText.hasChinese(zh.getString(k)), k + " is not translated: " + zh.getString(k));
            assertEquals(List.of(), EnglishText.phrases(zh.getString(k)), k + " still reads English: " + zh.getString(k));
        }
    }

    private static Set<String> args(String pattern) {
        Set<String> s = new TreeSet<>();
        Matcher m = ARG.matcher(pattern);
        while (m.find()) s.add(m.group(1));
        return s;
    }

    @Test
    void englishIsTheDefaultAndOtherLanguagesReadEnglish() {
        LintText t = LintText.of("lint.weight-too-small.message", -5, LintText.of("lint.weight-too-small.minus", 100, 5, 95), 90, "db2");
        assertEquals("weight -5 is too small to move the VIP: 100 − 5 = 95 ≥ 90 (db2)", t.english());
        assertEquals(t.english(), t.render(Locale.GERMAN));
        assertEquals(t.english(), t.render(null));
        assertEquals("权重 -5 太小，无法让 VIP 漂移：100 − 5 = 95 ≥ 90（db2）", t.render(ZH));
        assertEquals(t.render(ZH), t.render(Locale.forLanguageTag("zh-TW")), "any zh reads the Chinese we have");
        assertEquals("1111", LintText.of("lint.proof.failed", 1111).render(Locale.ENGLISH).replace("could not be simulated: ", ""),
                "numbers are not grouped");
    }

    /** Lints every sample config and renders each finding in Chinese: no key missing, no English prose left (names and config words aside). */
    @Test
    void everySampleLintsInChinese() throws Exception {
        int findings = 0;
        Set<String> rules = new TreeSet<>();
        for (String sample : List.of("mode1", "mode2", "mode1-recommended", "mode2-recommended", "realworld")) {
            Map<String, Path> dirs = new LinkedHashMap<>();
            for (String n : List.of("db1", "db2")) dirs.put(n, Path.of("samples/configs", sample, n));
            for (Finding f : Lint.run(dirs)) {
                findings++;
                rules.add(f.rule());
                for (LintText t : Stream.of(f.messageText(), f.whyText(), f.fixText(), f.proofText()).filter(x -> x != null).toList()) {
                    String zh = t.render(ZH);
                    assertTrue(EnglishText.hasChinese(zh), sample + " " + f.rule() + ": " + zh);
                    assertEquals(List.of(), EnglishText.phrases(zh), sample + " " + f.rule() + " reads English: " + zh);
                    assertNotEquals(t.english(), zh);
                }
                assertFalse(EnglishText.phrases(f.why()).isEmpty(), "the check sees English where it is: " + f.why());
                String text = f.toText(ZH);
                assertTrue(text.contains("原因：") && text.contains("修正："), text);
                assertFalse(text.contains("why:") || text.contains("fix:"), text);
            }
        }
        assertTrue(findings >= 20 && rules.size() >= 8, findings + " findings of " + rules);
    }
}
