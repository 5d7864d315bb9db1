package org.viplab.ui.exercises;

import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.viplab.exercise.Judge;
import org.viplab.ui.FxWait;
import org.viplab.ui.common.FxTaskExecutor;
import org.viplab.ui.common.I18n;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The exercise's clock on an injected time: the time spent, the limit, and "over time" once it has passed. */
@ExtendWith(ApplicationExtension.class)
class ExerciseClockTest {
    private final ExecutorService work = Executors.newSingleThreadExecutor();
    private final AtomicLong nowMs = new AtomicLong(1_000_000);
    private ExercisesModel model;
    private ExercisesPanel panel;
    private I18n i18n;

    @Start
    void start(Stage stage) {
        i18n = new I18n(Locale.ENGLISH);
        model = new ExercisesModel(new FxTaskExecutor(work), new Judge(d -> { throw new AssertionError("not judged here"); }),
                Path.of("samples", "exercises"), nowMs::get);
        panel = new ExercisesPanel(model, i18n);
        stage.setScene(new javafx.scene.Scene(panel, 1000, 700));
        stage.show();
    }

    @AfterEach
    void stop() { work.shutdownNow(); }

    @Test
    void theClockCountsAgainstTheLimit() throws Exception {
        FxWait.fx(() -> model.load(Path.of("samples", "exercises", "10-mystery-fault")), 5).get(30, TimeUnit.SECONDS);
        nowMs.addAndGet(187_000);
        assertEquals("Time 3:07 of 20:00", FxWait.fx(panel::clockText, 5));
        nowMs.addAndGet(18 * 60_000);
        assertEquals("Time 21:07 of 20:00 · over time", FxWait.fx(panel::clockText, 5));
        FxWait.fx(() -> { i18n.setLocale(I18n.CHINESE); return null; }, 5);
        assertEquals("用时 21:07（限时 20:00）· 已超时", FxWait.fx(panel::clockText, 5));
        FxWait.fx(() -> model.load(Path.of("samples", "exercises", "01-first-failover")), 5).get(30, TimeUnit.SECONDS);
        nowMs.addAndGet(65_000);
        assertEquals("用时 1:05", FxWait.fx(panel::clockText, 5));
    }

    @Test
    void whenTheLimitPassesTheAnswersLockUnlessTheTrainerIsPresenting() throws Exception {
        FxWait.fx(() -> model.load(Path.of("samples", "exercises", "10-mystery-fault")), 5).get(30, TimeUnit.SECONDS);
        FxWait.fx(() -> {
            model.answer("d1", "choice", "a");
            return null;
        }, 5);
        nowMs.addAndGet(20 * 60_000 + 1000);
        FxWait.fx(() -> {
            model.tick();
            model.answer("d1", "choice", "b");
            return null;
        }, 5);
        assertEquals(true, FxWait.fx(() -> model.lockedProperty().get(), 5));
        assertEquals("a", FxWait.fx(() -> model.answerOf("d1").get("choice"), 5), "an answer after the limit is not taken");
        assertEquals(true, FxWait.fx(() -> panel.lookup("#choice-d1-b").isDisabled(), 5), "the inputs lock");
        assertEquals(true, FxWait.fx(() -> panel.lookup("#exercise-locked").isVisible(), 5), "the tab says why");
        assertEquals(0L, FxWait.fx(() -> model.currentAnswer().seconds().get("d1"), 5), "the answer kept the time it was given");
        FxWait.fx(() -> {
            model.trainerModeProperty().set(true);
            return null;
        }, 5);
        assertEquals(false, FxWait.fx(() -> model.lockedProperty().get(), 5), "trainer mode never locks");
        FxWait.fx(() -> model.load(Path.of("samples", "exercises", "01-first-failover")), 5).get(30, TimeUnit.SECONDS);
        FxWait.fx(() -> {
            model.trainerModeProperty().set(false);
            model.tick();
            return null;
        }, 5);
        assertEquals(false, FxWait.fx(() -> model.lockedProperty().get(), 5), "another exercise starts unlocked (and 01 has no limit)");
    }
}
