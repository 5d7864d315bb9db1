package org.viplab.exercise;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.viplab.cli.Launcher;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExercisesTest {
    private static final Path SAMPLES = Path.of("samples", "exercises");
    private static final Judge JUDGE = new Judge(d -> new org.viplab.drill.DrillRunner().run(d,
            org.viplab.engine.sim.SimulatedLab.steadyState(d.topology(), d.seed(), new org.viplab.core.timeline.Timeline()), null));

    record Run(int rc, String out, String err) { }

    static Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = Launcher.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Stream<Path> samples() throws Exception {
        try (Stream<Path> s = Files.list(SAMPLES)) {
            return s.filter(Files::isDirectory).sorted().toList().stream();
        }
    }

    @Test
    void thereAreAtLeastTenSamplesInBothLanguages() throws Exception {
        List<Path> all = samples().toList();
        assertTrue(all.size() >= 10, all.toString());
        for (Path d : all) {
            Exercise ex = ExerciseParser.read(d);
            assertFalse(ex.title(Locale.SIMPLIFIED_CHINESE).equals(ex.title(Locale.ENGLISH)), d + " has a Chinese title");
            for (Task t : ex.tasks()) {
                assertFalse(t.question(Locale.SIMPLIFIED_CHINESE).equals(t.question(Locale.ENGLISH)), d + " task " + t.id() + " has a Chinese question");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void theReferenceAnswerPassesAndAnEmptyAnswerDoesNot(Path dir) {
        Run ok = cli("exercise", "check", dir.toString(), "--answer", dir.resolve("answer.json").toString());
        assertEquals(0, ok.rc(), ok.out() + ok.err());
        assertTrue(ok.out().contains("PASS") && !ok.out().contains("FAIL"), ok.out());
        Run empty = cli("exercise", "check", dir.toString());
        assertEquals(1, empty.rc(), empty.out() + empty.err());
        assertTrue(empty.out().contains("FAIL"), empty.out());
    }

    @Test
    void predictionsEarnPointsByClosenessAndHintsCost() throws Exception {
        Exercise ex = ExerciseParser.read(SAMPLES.resolve("01-first-failover"));
        Answer exact = AnswerFiles.read(SAMPLES.resolve("01-first-failover/answer.json"));
        Map<String, Object> p1 = exact.answer("p1");
        // the right holder and states, the downtime off by far more than the tolerance: 70 % of the points
        Map<String, Object> farOff = new java.util.LinkedHashMap<>(p1);
        farOff.put("clientDowntime", "30s");
        Score s = JUDGE.score(ex, new Answer(ex.id(), "t", Map.of("p1", farOff), Map.of("p1", 1), Map.of()));
        TaskScore t = s.tasks().get(0);
        assertFalse(t.passed(), "a downtime far off does not pass");
        assertEquals(2, t.hintCost());
        assertEquals(10 * 0.7 - 2, t.points(), 0.05, "70 % for VIP and states, minus the opened hint");
        assertEquals(1.0, Judge.closeness(400_000, 500_000));
        assertEquals(0.5, Judge.closeness(1_000_000, 500_000), 1e-9);
        assertEquals(0.0, Judge.closeness(1_600_000, 500_000));
    }

    @Test
    void aFixMayTouchOnlyTheEditableSettings() throws Exception {
        Exercise ex = ExerciseParser.read(SAMPLES.resolve("03-weight-trap"));
        // lowering db2's check interval is not what the task allows, even if it were a fix
        Answer cheat = new Answer(ex.id(), "t", Map.of("f1", Map.of("set", Map.of("db1.keepalived.scripts.0.stopsKeepalivedOnFailure", true))), Map.of(), Map.of());
        TaskScore f1 = JUDGE.score(ex, cheat).tasks().get(2);
        assertFalse(f1.passed());
        assertEquals("fix.notEditable", f1.details().get(0).key());
        // a weight that is still too small fails the drill
        Answer weak = new Answer(ex.id(), "t", Map.of("f1", Map.of("set", Map.of("db1.keepalived.scripts.0.weight", -8))), Map.of(), Map.of());
        TaskScore f1weak = JUDGE.score(ex, weak).tasks().get(2);
        assertFalse(f1weak.passed(), "100 − 8 = 92 still beats 90");
        assertEquals("fix.failed", f1weak.details().get(0).key());
    }

    @Test
    void badFilesAreRefusedWithFileAndLine(@TempDir Path tmp) throws Exception {
        Path ex = Files.createDirectories(tmp.resolve("bad"));
        Files.writeString(ex.resolve("exercise.json"), "{\n  \"id\": \"bad\",\n  \"title\": \"t\",\n  \"tasks\": [\n    {\"id\": \"x\", \"kind\": \"guess\", \"points\": 1, \"question\": \"q\"}\n  ]\n}\n");
        Run r = cli("exercise", "check", ex.toString());
        assertEquals(2, r.rc());
        assertTrue(r.err().contains("exercise.json:5:") && r.err().contains("predict, diagnose or fix"), r.err());
        Files.writeString(ex.resolve("exercise.json"), "{\"id\": \"bad\", \"title\": \"t\", \"tasks\": [{\"id\": \"x\", \"kind\": \"predict\", \"points\": 1, \"question\": \"q\", \"drill\": \"../../etc/passwd\"}]}");
        r = cli("exercise", "check", ex.toString());
        assertEquals(2, r.rc());
        assertTrue(r.err().contains("inside the exercise's folder"), r.err());
        Path answer = tmp.resolve("a.json");
        Files.writeString(answer, "{\"exercise\": \"01-first-failover\", \"answers\": {\"p1\": 7}}");
        r = cli("exercise", "check", SAMPLES.resolve("01-first-failover").toString(), "--answer", answer.toString());
        assertEquals(2, r.rc());
        assertTrue(r.err().contains("a.json:1:") && r.err().contains("must be an object"), r.err());
    }

    @Test
    void collectScoresAClassIntoAScoreboard(@TempDir Path tmp) throws Exception {
        Path answers = Files.createDirectories(tmp.resolve("class"));
        Files.copy(SAMPLES.resolve("03-weight-trap/answer.json"), answers.resolve("alice.json"));
        Files.writeString(answers.resolve("bob.json"), "{\"exercise\": \"03-weight-trap\", \"trainee\": \"=Bob\", \"answers\": {\"d1\": {\"choice\": \"a\"}}, \"hintsUsed\": {\"d1\": 0}, \"seconds\": {\"d1\": 95}}");
        Run r = cli("exercise", "collect", answers.toString(), "--exercises", SAMPLES.toString(), "--report", tmp.resolve("board").toString(), "--lang", "zh-CN");
        assertEquals(0, r.rc(), r.out() + r.err());
        String html = Files.readString(tmp.resolve("board/scoreboard.html"));
        assertTrue(html.contains("成绩表") && html.contains("=Bob") && html.contains("30 / 30"), html);
        String csv = Files.readString(tmp.resolve("board/scoreboard.csv"));
        assertTrue(csv.startsWith("trainee,exercise,task,kind,points,max_points,passed,hints_cost,seconds"), csv);
        assertTrue(csv.contains("'=Bob,03-weight-trap,d1,diagnose,0,5,false,0,95"), "a trainee's name cannot inject a formula: " + csv);
    }
}
