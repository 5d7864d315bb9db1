package org.viplab.ui.exercises;

import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.viplab.exercise.Answer;
import org.viplab.exercise.AnswerFiles;
import org.viplab.exercise.Exercise;
import org.viplab.exercise.ExerciseParser;
import org.viplab.exercise.Judge;
import org.viplab.exercise.Score;
import org.viplab.exercise.Task;
import org.viplab.ui.common.TaskExecutor;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

/**
 * The Exercises tab's state: the exercise picked, the trainee's answers as they are given, hints opened and time
 * spent per task, and the last score. Reading files and judging (simulator runs) happen on the background
 * executor; state changes on the UI thread only.
 */
public final class ExercisesModel {
    private final TaskExecutor tasks;
    private final Judge judge;
    private final LongSupplier clockMs;
    private final ObservableList<Path> exercises = FXCollections.observableArrayList();
    private final ObjectProperty<Exercise> exercise = new SimpleObjectProperty<>();
    private final ObjectProperty<Score> score = new SimpleObjectProperty<>();
    private final StringProperty trainee = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty trainerMode = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty timeUp = new SimpleBooleanProperty();
    private final javafx.beans.binding.BooleanBinding locked = Bindings.createBooleanBinding(
            () -> timeUp.get() && !trainerMode.get() && exercise.get() != null && exercise.get().overTime().locks(), timeUp, trainerMode, exercise);
    private final javafx.beans.binding.BooleanBinding hidesAnswers = Bindings.createBooleanBinding(() -> {
        Exercise ex = exercise.get();
        Score s = score.get();
        return ex != null && !ex.fault().isEmpty() && !trainerMode.get() && !(s != null && s.allPassed());
    }, exercise, trainerMode, score);
    private final Map<String, Map<String, Object>> answers = new LinkedHashMap<>();
    private final Map<String, Integer> hints = new LinkedHashMap<>();
    private final Map<String, Long> startedMs = new LinkedHashMap<>();
    private final Map<String, Long> seconds = new LinkedHashMap<>();
    private java.util.function.Consumer<org.viplab.drill.Drill> showOnLab = d -> { };
    private long loadedMs;

    public ExercisesModel(TaskExecutor tasks, Judge judge, Path folder, LongSupplier clockMs) {
        this.tasks = tasks;
        this.judge = judge;
        this.clockMs = clockMs;
        exercises.setAll(list(folder));
    }

    /**
     * Where "Show it on the lab" sends a predict task's drill (with the hidden fault): the app runs it on the live
     * lab, so the class watches the reveal on the drawing, the charts and the why panel.
     */
    public void setShowOnLab(java.util.function.Consumer<org.viplab.drill.Drill> showOnLab) { this.showOnLab = showOnLab; }

    /** Runs the task's drill on the live lab for everyone to see. */
    public void showOnLab(Task.Predict task) { showOnLab.accept(task.drill()); }

    private static List<Path> list(Path folder) {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(folder)) return out;
        try (DirectoryStream<Path> s = Files.newDirectoryStream(folder)) {
            for (Path p : s) if (Files.isRegularFile(p.resolve(ExerciseParser.FILE))) out.add(p);
        } catch (IOException ignored) {
            // an unreadable folder lists nothing; the tab says there is nothing to pick
        }
        out.sort(null);
        return out;
    }

    public ObservableList<Path> exercises() { return exercises; }

    public ReadOnlyObjectProperty<Exercise> exerciseProperty() { return exercise; }

    public ReadOnlyObjectProperty<Score> scoreProperty() { return score; }

    public StringProperty traineeProperty() { return trainee; }

    public StringProperty errorProperty() { return error; }

    /** The trainer sees the hidden fault and may fill in the reference answer (for the projector). */
    public BooleanProperty trainerModeProperty() { return trainerMode; }

    public BooleanProperty busyProperty() { return busy; }

    /** Reads the exercise in {@code dir}; a bad file leaves the current one and says why (file:line). */
    public CompletableFuture<Exercise> load(Path dir) {
        busy.set(true);
        return tasks.supply(() -> ExerciseParser.read(dir)).whenCompleteAsync((ex, err) -> {
            busy.set(false);
            if (err != null) {
                error.set(cause(err).getMessage());
                return;
            }
            error.set("");
            answers.clear();
            hints.clear();
            startedMs.clear();
            seconds.clear();
            score.set(null);
            timeUp.set(false);
            exercise.set(ex);
            long now = clockMs.getAsLong();
            for (Task t : ex.tasks()) startedMs.put(t.id(), now);
            loadedMs = now;
        }, tasks.ui());
    }

    /** Seconds since the exercise was opened (0 before). */
    public long elapsedSeconds() {
        return exercise.get() == null ? 0 : Math.max(0, (clockMs.getAsLong() - loadedMs) / 1000);
    }

    /** Whether the exercise has a time limit and it has passed (the trainee may still check and save; the file says how long it took). */
    public boolean overTime() {
        Exercise ex = exercise.get();
        return ex != null && ex.timeLimitSec() > 0 && elapsedSeconds() > ex.timeLimitSec();
    }

    /**
     * Called each second by the tab's clock: once an exercise's time limit passes, {@link #lockedProperty()} turns on
     * when the exercise locks late answers (the default), and stays on until another exercise is opened.
     */
    public void tick() { if (overTime()) timeUp.set(true); }

    /** The time limit has passed and the exercise takes no more answers (never in trainer mode). */
    public javafx.beans.binding.BooleanBinding lockedProperty() { return locked; }

    /**
     * While an exercise with a hidden fault is open and not solved (every task passed), the views that would show the
     * fault (settings, configs, findings) stay covered; trainer mode uncovers them.
     */
    public javafx.beans.binding.BooleanBinding hidesAnswersProperty() { return hidesAnswers; }

    /** Records one part of a task's answer ("vipOn", "states", "clientDowntime", "choice", "set"); ignored once locked. */
    public void answer(String taskId, String key, Object value) {
        if (locked.get()) return;
        answers.computeIfAbsent(taskId, k -> new LinkedHashMap<>()).put(key, value);
        Long started = startedMs.get(taskId);
        if (started != null) seconds.put(taskId, Math.max(0, (clockMs.getAsLong() - started) / 1000));
    }

    public Map<String, Object> answerOf(String taskId) { return answers.getOrDefault(taskId, Map.of()); }

    /** Opens the next hint of a task; returns it, or null when all are open. Each costs its points. */
    public Task.Hint openHint(Task task) {
        int used = hints.getOrDefault(task.id(), 0);
        if (used >= task.hints().size()) return null;
        hints.put(task.id(), used + 1);
        return task.hints().get(used);
    }

    public int hintsOpened(String taskId) { return hints.getOrDefault(taskId, 0); }

    public Answer currentAnswer() {
        Exercise ex = exercise.get();
        Map<String, Map<String, Object>> copy = new LinkedHashMap<>();
        answers.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
        return new Answer(ex == null ? "" : ex.id(), trainee.get().strip(), copy, hints, seconds, elapsedSeconds());
    }

    /** Scores the answers given so far on the simulator; the score shows when done. */
    public CompletableFuture<Score> check() {
        Exercise ex = exercise.get();
        if (ex == null) return CompletableFuture.failedFuture(new IllegalStateException("no exercise"));
        Answer a = currentAnswer();
        busy.set(true);
        CompletableFuture<Score> done = new CompletableFuture<>();
        tasks.supply(() -> judge.score(ex, a)).whenCompleteAsync((s, err) -> {
            busy.set(false);
            if (err != null) {
                error.set(String.valueOf(cause(err).getMessage()));
                done.completeExceptionally(cause(err));
                return;
            }
            score.set(s);
            done.complete(s);
        }, tasks.ui());
        return done;
    }

    /**
     * The reference answer (trainer mode): the exercise's own {@code answer.json} when it ships one (it has the fix
     * tasks' changes too), else what the judge computes on the simulator for the predict and diagnose tasks.
     * Completes on the UI thread.
     */
    public CompletableFuture<Answer> reference() {
        Exercise ex = exercise.get();
        if (ex == null) return CompletableFuture.failedFuture(new IllegalStateException("no exercise"));
        String who = trainee.get();
        CompletableFuture<Answer> done = new CompletableFuture<>();
        tasks.supply(() -> {
            Path shipped = ex.dir().resolve(REFERENCE_FILE);
            if (Files.isRegularFile(shipped)) {
                Answer a = AnswerFiles.read(shipped);
                if (a.exercise().equals(ex.id())) return a;
            }
            return judge.reference(ex, who);
        }).whenCompleteAsync((a, e) -> {
            if (e != null) done.completeExceptionally(cause(e));
            else done.complete(a);
        }, tasks.ui());
        return done;
    }

    /** The reference answer a sample exercise ships in its folder. */
    public static final String REFERENCE_FILE = "answer.json";

    /** Writes the trainee's answer file (what {@code viplab exercise collect} reads). */
    public CompletableFuture<Path> save(Path file) {
        Answer a = currentAnswer();
        return tasks.supply(() -> {
            AnswerFiles.write(a, file);
            return file;
        });
    }

    private static Throwable cause(Throwable t) {
        return t instanceof java.util.concurrent.CompletionException && t.getCause() != null ? t.getCause() : t;
    }
}
