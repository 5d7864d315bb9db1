package org.viplab.samples;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.viplab.drill.Drill;
import org.viplab.drill.DrillParser;
import org.viplab.drill.DrillResult;
import org.viplab.drill.DrillRunner;
import org.viplab.drill.Verdict;
import org.viplab.engine.sim.SimulatedLab;
import org.viplab.core.timeline.Timeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every sample drill runs on the simulator and passes: the samples are what trainers open first. */
class SampleDrillsTest {
    static List<Path> sampleDrills() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("samples/drills"))) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everySampleDrillPassesOnTheSimulator() throws IOException {
        List<Path> drills = sampleDrills();
        assertFalse(drills.isEmpty());
        return drills.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            Drill d = DrillParser.parseFile(p);
            org.junit.jupiter.api.Assumptions.assumeFalse(d.name().startsWith("Real hosts"), "written for --engine ssh: real hosts only");
            assertTrue(d.warnings().isEmpty(), "warnings: " + d.warnings());
            assertTrue(d.description() != null && d.description().length() > 40, "a sample explains what it teaches");
            DrillResult r = new DrillRunner().run(d, SimulatedLab.steadyState(d.topology(), d.seed(), new Timeline()), null);
            String failed = r.verdicts().stream().filter(Verdict::failed)
                    .map(v -> "line " + v.step().line() + " " + v.step().text() + ": " + v.detail()).collect(Collectors.joining("\n"));
            assertTrue(r.passed(), p + " failed:\n" + failed);
        }));
    }
}
