package org.viplab.drill;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The zh-CN block of drill files: read, tied to its steps, rejected when wrong, complete in every sample. */
class DrillTranslationTest {
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    private static Drill parse(String json) throws DrillException { return DrillParser.parse("t.json", json, Path.of(".")); }

    private static DrillException error(String json) { return assertThrows(DrillException.class, () -> parse(json)); }

    /** A two-step drill whose steps are followed by {@code block} (the members after "steps"). */
    private static String drill(String block) {
        return "{\"name\": \"Stop\", \"description\": \"d\", \"preset\": \"mode1\", \"steps\": [\n"
                + "  {\"at\": \"2s\", \"action\": \"stop\", \"target\": \"db1/mysqld\"},\n"
                + "  {\"id\": \"moved\", \"expect\": \"vip-on\", \"host\": \"db2\", \"within\": \"6s\"}\n"
                + "]" + block + "}";
    }

    @Test
    void theBlockGivesNameDescriptionAndStepsByNumberOrId() throws Exception {
        Drill d = parse(drill(",\n\"zh-CN\": {\"name\": \"停止\", \"description\": \"说明\", \"steps\": {\"1\": \"停止 db1/mysqld\", \"moved\": \"VIP 到 db2\"}}"));
        assertEquals("停止", d.name(ZH));
        assertEquals("说明", d.description(ZH));
        assertEquals("停止 db1/mysqld", d.stepText(d.steps().get(0), ZH));
        assertEquals("VIP 到 db2", d.stepText(d.steps().get(1), ZH));
        assertEquals("Stop", d.name(Locale.ENGLISH));
        assertEquals("expect vip-on db2 within 6s", d.stepText(d.steps().get(1), Locale.ENGLISH));
        assertTrue(d.warnings().isEmpty(), "zh-CN and id are known keys: " + d.warnings());
        // the drill keeps its texts when moved onto other hosts
        assertEquals("VIP 到 db2", d.on(d.topology()).stepText(d.steps().get(1), Locale.forLanguageTag("zh-CN")));
    }

    @Test
    void whatTheBlockLeavesOutReadsInEnglish() throws Exception {
        Drill d = parse(drill(",\n\"zh-CN\": {\"name\": \"停止\"}"));
        assertEquals("d", d.description(ZH));
        assertEquals("stop db1/mysqld", d.stepText(d.steps().get(0), ZH));
        Drill plain = parse(drill(""));
        assertEquals("Stop", plain.name(ZH));
        assertTrue(plain.translations().isEmpty());
    }

    @Test
    void badBlocksAreErrorsAtTheirLine() {
        DrillException lang = error(drill(",\n\"fr\": {\"name\": \"Arrêt\"}"));
        assertEquals(5, lang.line());
        assertTrue(lang.getMessage().contains("unknown language \"fr\""), lang.getMessage());
        assertTrue(error(drill(",\n\"zh-TW\": {}")).getMessage().contains("unknown language \"zh-TW\""));

        DrillException noStep = error(drill(",\n\"zh-CN\": {\"steps\": {\n\"3\": \"多余\"}}"));
        assertEquals(6, noStep.line());
        assertTrue(noStep.getMessage().contains("\"3\" names no step"), noStep.getMessage());
        assertTrue(error(drill(",\n\"zh-CN\": {\"steps\": {\"gone\": \"x\"}}")).getMessage().contains("\"gone\" names no step"));
        assertTrue(error(drill(",\n\"zh-CN\": {\"steps\": {\"2\": \"x\", \"moved\": \"y\"}}")).getMessage().contains("translated twice"));
        assertTrue(error(drill(",\n\"zh-CN\": {\"title\": \"x\"}")).getMessage().contains("unknown key \"title\""));
        assertTrue(error(drill(",\n\"zh-CN\": {\"name\": \" \"}")).getMessage().contains("is empty"));
        assertTrue(error(drill(",\n\"zh-CN\": {\"name\": 3}")).getMessage().contains("must be a string"));
        assertTrue(error(drill(",\n\"zh-CN\": {\"steps\": [\"x\"]}")).getMessage().contains("must be an object"));
        assertTrue(error(drill(",\n\"zh-CN\": \"停止\"")).getMessage().contains("must be an object"));
        DrillException dup = error("{\"name\": \"x\", \"preset\": \"mode1\", \"steps\": [{\"id\": \"a\", \"expect\": \"no-split-brain\"},\n"
                + "{\"id\": \"a\", \"expect\": \"no-split-brain\"}]}");
        assertEquals(2, dup.line());
        assertTrue(dup.getMessage().contains("already used by step 1"), dup.getMessage());
    }

    /** Fails when a sample drill gains a step, or a file, without its Chinese text. */
    @Test
    void everySampleDrillIsCompleteInChinese() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("samples", "drills"))) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertFalse(files.isEmpty());
        List<String> missing = new ArrayList<>();
        for (Path f : files) {
            Drill d = DrillParser.parseFile(f);
            DrillTranslation zh = d.translations().get("zh-CN");
            if (zh == null) {
                missing.add(f.getFileName() + ": no zh-CN block");
                continue;
            }
            if (zh.name() == null) missing.add(f.getFileName() + ": zh-CN has no name");
            if (d.description() != null && zh.description() == null) missing.add(f.getFileName() + ": zh-CN has no description");
            for (Step s : d.steps()) {
                if (!zh.steps().containsKey(s.index())) missing.add(f.getFileName() + ": step " + s.index() + " (line " + s.line() + ") has no zh-CN text");
            }
            // a Chinese text must be Chinese: a copied English sentence is not a translation
            if (zh.name() != null && !zh.name().codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
                missing.add(f.getFileName() + ": zh-CN name has no Chinese");
            }
        }
        assertTrue(missing.isEmpty(), String.join("\n", missing));
    }

    @Test
    void onlyChineseLocalesReadTheChineseTexts() {
        assertEquals("zh-CN", DrillTranslation.languageOf(Locale.forLanguageTag("zh-CN")));
        assertEquals("zh-CN", DrillTranslation.languageOf(Locale.CHINESE));
        assertNull(DrillTranslation.languageOf(Locale.ENGLISH));
        assertNull(DrillTranslation.languageOf(null));
    }
}
