package org.viplab.config.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.viplab.config.ConfigImporter;
import org.viplab.config.ConfigParseException;
import org.viplab.config.NodeConfig;
import org.viplab.config.lint.Lint;
import org.viplab.config.HaproxyParser;
import org.viplab.config.KeepalivedParser;
import org.viplab.config.ScriptAnalyzer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Fuzzes both parsers and the script analyser: whatever the input, the only exception allowed out is the
 * documented {@link ConfigParseException}, and it always carries a position. Plain {@code mvn test} runs the
 * seed corpus (src/test/resources/org/viplab/config/fuzz/ParserFuzzTestInputs/); {@code JAZZER_FUZZ=1}
 * fuzzes for at most 12 s per method (8 s for the script analyser), 44 s for all four: CI stays under a minute.
 * Run one with {@code JAZZER_FUZZ=1 mvn test -Dtest=ParserFuzzTest#haproxy}.
 */
class ParserFuzzTest {
    @FuzzTest(maxDuration = "12s")
    void keepalived(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        try {
            assertNotNull(KeepalivedParser.parse(text, "fuzz.conf"));
        } catch (ConfigParseException e) {
            assertNotNull(e.pos());
        }
    }

    @FuzzTest(maxDuration = "12s")
    void haproxy(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        try {
            assertNotNull(HaproxyParser.parse(text, "fuzz.cfg"));
        } catch (ConfigParseException e) {
            assertNotNull(e.pos());
        }
    }

    /** Two fuzzed keepalived.conf files (split at the first NUL) through import and lint: no exception but the parse error. */
    @FuzzTest(maxDuration = "12s")
    void importAndLint(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        int cut = text.indexOf('\0');
        String a = cut < 0 ? text : text.substring(0, cut);
        String b = cut < 0 ? text : text.substring(cut + 1);
        try {
            List<NodeConfig> nodes = List.of(
                    new NodeConfig("db1", Path.of("."), KeepalivedParser.parse(a, "db1.conf"), null),
                    new NodeConfig("db2", Path.of("."), KeepalivedParser.parse(b, "db2.conf"), null));
            ConfigImporter.Result r = ConfigImporter.build(nodes);
            assertNotNull(Lint.run(r, false));
        } catch (ConfigParseException e) {
            assertNotNull(e.pos());
        }
    }

    @FuzzTest(maxDuration = "8s")
    void script(byte[] data) {
        assertNotNull(ScriptAnalyzer.analyze(new String(data, StandardCharsets.UTF_8), "fuzz.sh").summary());
    }
}
