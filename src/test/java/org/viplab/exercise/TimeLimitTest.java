package org.viplab.exercise;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An exercise's time limit is judged from the answer file's seconds: late answers lock (default) or cost points. */
class TimeLimitTest {
    private static final Path SAMPLES = Path.of("samples", "exercises");
    private static final Judge JUDGE = new Judge(d -> new org.viplab.drill.DrillRunner().run(d,
            org.viplab.engine.sim.SimulatedLab.steadyState(d.topology(), d.seed(), new org.viplab.core.timeline.Timeline()), null));

    /** The weight-trap exercise copied to {@code tmp} with {@code extra} JSON members added to exercise.json. */
    private static Path weightTrapWith(Path tmp, String extra) throws Exception {
        Path src = SAMPLES.resolve("03-weight-trap");
        Path dir = tmp.resolve("03-weight-trap");
        Files.createDirectories(dir);
        try (Stream<Path> files = Files.list(src)) {
            for (Path f : files.toList()) Files.copy(f, dir.resolve(f.getFileName()));
        }
        String json = Files.readString(dir.resolve(ExerciseParser.FILE));
        Files.writeString(dir.resolve(ExerciseParser.FILE), json.replaceFirst("\\{", "{" + extra + ","));
        return dir;
    }

    /** The reference answer with every task answered {@code seconds} after the exercise was opened. */
    private static Answer referenceAt(Exercise ex, long seconds) throws Exception {
        Answer ref = AnswerFiles.read(SAMPLES.resolve(ex.id()).resolve("answer.json"));
        Map<String, Long> at = new LinkedHashMap<>();
        for (Task t : ex.tasks()) at.put(t.id(), seconds);
        return new Answer(ex.id(), "t", ref.answers(), Map.of(), at, seconds + 5);
    }

    @Test
    void byDefaultAnAnswerGivenAfterTheLimitIsNotCounted() throws Exception {
        Exercise ex = ExerciseParser.read(SAMPLES.resolve("10-mystery-fault"));
        assertEquals(20 * 60, ex.timeLimitSec());
        assertTrue(ex.overTime().locks());
        Score inTime = JUDGE.score(ex, referenceAt(ex, 19 * 60));
        assertTrue(inTime.allPassed());
        Score late = JUDGE.score(ex, referenceAt(ex, 21 * 60 + 7));
        assertFalse(late.allPassed());
        assertEquals(0, late.points());
        String said = late.tasks().get(0).details().get(late.tasks().get(0).details().size() - 1).render(Locale.ENGLISH);
        assertEquals("answered 1:07 after the time limit (20:00): not counted", said);
    }

    @Test
    void aPenaltyPerMinuteDocksLateAnswersInsteadOfLockingThem(@TempDir Path tmp) throws Exception {
        Exercise ex = ExerciseParser.read(weightTrapWith(tmp, "\"timeLimit\": \"10m\", \"overTime\": {\"penaltyPerMinute\": 25}"));
        assertFalse(ex.overTime().locks());
        Score onTime = JUDGE.score(ex, referenceAt(ex, 600));
        // 30 s late: one started minute, 25 % of each task's points off; the tasks still pass
        Score late = JUDGE.score(ex, referenceAt(ex, 630));
        assertTrue(late.allPassed());
        for (int i = 0; i < ex.tasks().size(); i++) {
            TaskScore t = late.tasks().get(i);
            assertEquals(onTime.tasks().get(i).points() - t.maxPoints() * 0.25, t.points(), 0.051, t.taskId());
        }
        // five started minutes: nothing left
        assertEquals(0, JUDGE.score(ex, referenceAt(ex, 600 + 4 * 60 + 1)).points());
        String zh = late.tasks().get(1).details().get(late.tasks().get(1).details().size() - 1).render(Locale.SIMPLIFIED_CHINESE);
        assertTrue(zh.contains("扣 25%"), zh);
    }

    @Test
    void aTaskLeftUnansweredIsNotLate() throws Exception {
        Exercise ex = ExerciseParser.read(SAMPLES.resolve("10-mystery-fault"));
        Score s = JUDGE.score(ex, new Answer(ex.id(), "t", Map.of(), Map.of(), Map.of(), 4000));
        s.tasks().forEach(t -> assertTrue(t.details().stream().noneMatch(d -> d.render(Locale.ENGLISH).contains("time limit")), t.taskId()));
    }

    @Test
    void overTimeIsCheckedWhereItIsWritten(@TempDir Path tmp) throws Exception {
        Path noLimit = weightTrapWith(tmp.resolve("a"), "\"overTime\": \"lock\"");
        assertThatThrownBy(() -> ExerciseParser.read(noLimit)).hasMessageContaining("exercise.json:1:").hasMessageContaining("\"overTime\" needs a \"timeLimit\"");
        Path bad = weightTrapWith(tmp.resolve("b"), "\"timeLimit\": \"5m\", \"overTime\": {\"penaltyPerMinute\": 150}");
        assertThatThrownBy(() -> ExerciseParser.read(bad)).hasMessageContaining("\"penaltyPerMinute\" must be a whole number from 1 to 100");
        Path word = weightTrapWith(tmp.resolve("c"), "\"timeLimit\": \"5m\", \"overTime\": \"forgive\"");
        assertThatThrownBy(() -> ExerciseParser.read(word)).hasMessageContaining("\"overTime\" must be \"lock\" or");
    }

    @Test
    void theAnswerFileKeepsTheTotalTime(@TempDir Path tmp) throws Exception {
        Answer a = new Answer("03-weight-trap", "Ann", Map.of("d1", Map.of("choice", "b")), Map.of(), Map.of("d1", 30L), 95);
        Path f = tmp.resolve("ann.json");
        AnswerFiles.write(a, f);
        assertTrue(Files.readString(f).contains("\"elapsed\": 95"));
        assertEquals(95, AnswerFiles.read(f).totalSeconds());
        assertEquals(30, new Answer("x", "", Map.of(), Map.of(), Map.of("d1", 30L, "p1", 12L)).totalSeconds(), "without a total: the last answer's time");
    }
}
