package org.viplab.cli.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.viplab.core.model.Topology;
import org.viplab.core.model.TopologyFiles;
import org.viplab.core.model.TopologyJson;
import org.viplab.core.util.Durations;
import org.viplab.drill.Drill;
import org.viplab.drill.DrillException;
import org.viplab.drill.DrillParser;
import org.viplab.drill.Step;
import org.viplab.session.Session;
import org.viplab.session.SessionException;
import org.viplab.session.SessionFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzzes what the CLI reads from users: drill files, topology files and saved sessions. Whatever the bytes, the
 * only exception allowed out is the documented one (DrillException, TopologyFileException, SessionException),
 * naming where; and what is accepted is within {@link org.viplab.core.model.Limits}. Plain {@code mvn test} runs
 * the seed corpus (src/test/resources/org/viplab/cli/fuzz/InputFuzzTestInputs/); {@code JAZZER_FUZZ=1} fuzzes each
 * method for at most 10 s, as ParserFuzzTest does.
 */
class InputFuzzTest {
    private static final Path BASE;

    static {
        try {
            BASE = Files.createTempDirectory("viplab-fuzz");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "10s")
    void drill(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        try {
            Drill d = DrillParser.parse("fuzz.json", text, BASE);
            assertEquals(java.util.List.of(), TopologyJson.problems(d.topology()));
            if (d.durationUs() != null) assertTrue(d.durationUs() <= Durations.MAX_US);
            for (Step s : d.steps()) assertTrue(s.anchorUs() <= Durations.MAX_US);
        } catch (DrillException e) {
            assertEquals("fuzz.json", e.source());
            assertNotNull(e.getMessage());
        }
    }

    @FuzzTest(maxDuration = "10s")
    void topology(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        try {
            Topology t = TopologyFiles.parse("fuzz.json", text);
            assertEquals(java.util.List.of(), TopologyJson.problems(t));
        } catch (TopologyFiles.TopologyFileException e) {
            assertTrue(e.getMessage().startsWith("fuzz.json"), e.getMessage());
        }
    }

    @FuzzTest(maxDuration = "10s")
    void session(byte[] data) throws IOException {
        Path f = Files.createTempFile(BASE, "fuzz", ".viplab");
        try {
            Files.write(f, data);
            Session s = SessionFiles.read(f);
            assertNotNull(s.topology());
            assertEquals(java.util.List.of(), TopologyJson.problems(s.topology()));
        } catch (SessionException e) {
            assertEquals(f, e.file());
            assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        } finally {
            Files.deleteIfExists(f);
        }
    }
}
