package org.viplab.ui.exercises;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.viplab.exercise.Exercise;
import org.viplab.exercise.Score;
import org.viplab.exercise.Task;
import org.viplab.ui.common.I18n;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Exercises tab: pick an exercise, read its story, answer its tasks (predict, diagnose, fix), open hints,
 * check the score (judged on the simulator) and save the answer file for the trainer. In trainer mode the hidden
 * fault is shown, for the reveal on the projector.
 */
public final class ExercisesPanel extends VBox {
    private final ExercisesModel model;
    private final I18n i18n;
    private final VBox tasksBox = new VBox(10);
    private final List<TaskCard> cards = new ArrayList<>();
    private final Label fault = new Label();

    public ExercisesPanel(ExercisesModel model, I18n i18n) {
        this.model = model;
        this.i18n = i18n;
        setId("exercises-panel");
        setSpacing(8);
        setPadding(new Insets(10));

        ComboBox<Path> pick = new ComboBox<>(model.exercises());
        pick.setId("exercise-pick");
        pick.promptTextProperty().bind(i18n.bind("exercises.pick"));
        pick.setCellFactory(l -> new NameCell());
        pick.setButtonCell(new NameCell());
        pick.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(pick, Priority.ALWAYS);
        pick.valueProperty().addListener((o, a, p) -> {
            Exercise shown = model.exerciseProperty().get();
            if (p != null && (shown == null || !p.equals(shown.dir()))) model.load(p);
        });
        TextField trainee = new TextField();
        trainee.setId("exercise-trainee");
        trainee.promptTextProperty().bind(i18n.bind("exercises.trainee"));
        trainee.textProperty().bindBidirectional(model.traineeProperty());
        ToggleButton trainer = new ToggleButton();
        trainer.setId("exercise-trainer");
        trainer.textProperty().bind(i18n.bind("exercises.trainer"));
        trainer.selectedProperty().bindBidirectional(model.trainerModeProperty());
        HBox top = new HBox(6, pick, trainee, trainer);
        top.setAlignment(Pos.CENTER_LEFT);

        Label title = new Label();
        title.setId("exercise-title");
        title.setStyle("-fx-font-weight: bold; -fx-font-size: 1.2em;");
        title.setWrapText(true);
        Label intro = new Label();
        intro.setId("exercise-intro");
        intro.setWrapText(true);
        fault.setId("exercise-fault");
        fault.setWrapText(true);
        fault.setStyle("-fx-text-fill: -color-warning-fg;");
        fault.visibleProperty().bind(model.trainerModeProperty());
        // wrapped labels in a VBox otherwise keep one line and cut the rest off with "…"
        for (Label l : List.of(title, intro, fault)) l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        fault.managedProperty().bind(fault.visibleProperty());

        Button check = new Button();
        check.setId("exercise-check");
        check.textProperty().bind(i18n.bind("exercises.check"));
        check.setDefaultButton(true);
        check.disableProperty().bind(model.exerciseProperty().isNull().or(model.busyProperty()));
        check.setOnAction(e -> model.check());
        Button save = new Button();
        save.setId("exercise-save");
        save.textProperty().bind(i18n.bind("exercises.save"));
        save.disableProperty().bind(model.exerciseProperty().isNull());
        save.setOnAction(e -> chooseAndSave());
        ProgressIndicator spin = new ProgressIndicator();
        spin.setPrefSize(18, 18);
        spin.visibleProperty().bind(model.busyProperty());
        Label total = new Label();
        total.setId("exercise-total");
        total.textProperty().bind(Bindings.createStringBinding(() -> totalText(model.scoreProperty().get()),
                model.scoreProperty(), i18n.localeProperty()));
        Label error = new Label();
        error.setId("exercise-error");
        error.setWrapText(true);
        error.setStyle("-fx-text-fill: -color-danger-fg;");
        error.textProperty().bind(model.errorProperty());
        Label clock = new Label();
        clock.setId("exercise-clock");
        // the time spent, against the exercise's limit when it has one; a second's resolution is plenty
        javafx.animation.Timeline tick = new javafx.animation.Timeline(new javafx.animation.KeyFrame(javafx.util.Duration.seconds(1),
                e -> {
                    model.tick();
                    clock.setText(clockText());
                }));
        tick.setCycleCount(javafx.animation.Animation.INDEFINITE);
        tick.play();
        HBox actions = new HBox(8, check, save, spin, total, clock);
        actions.setAlignment(Pos.CENTER_LEFT);

        ScrollPane scroll = new ScrollPane(tasksBox);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        Label locked = new Label();
        locked.setId("exercise-locked");
        locked.setWrapText(true);
        locked.setStyle("-fx-text-fill: -color-warning-fg; -fx-font-weight: bold;");
        locked.textProperty().bind(i18n.bind("exercises.locked"));
        locked.visibleProperty().bind(model.lockedProperty());
        locked.managedProperty().bind(locked.visibleProperty());
        getChildren().addAll(top, title, intro, fault, scroll, locked, actions, error);

        Runnable showExercise = () -> {
            Exercise ex = model.exerciseProperty().get();
            title.setText(ex == null ? i18n.get("exercises.none") : ex.title(i18n.locale()) + "  ·  " + i18n.get("exercises.level", ex.level()));
            intro.setText(ex == null ? "" : ex.intro(i18n.locale()));
            fault.setText(ex == null ? "" : i18n.get("exercises.fault", ex.faultText(i18n.locale())));
            tasksBox.getChildren().clear();
            cards.clear();
            if (ex != null) {
                for (Task t : ex.tasks()) cards.add(new TaskCard(t, model, i18n));
                tasksBox.getChildren().setAll(cards);
            }
        };
        model.exerciseProperty().addListener((o, a, b) -> showExercise.run());
        // the picker names the exercise shown, however it was opened
        model.exerciseProperty().addListener((o, a, ex) -> {
            if (ex != null && !ex.dir().equals(pick.getValue())) pick.setValue(ex.dir());
        });
        i18n.localeProperty().addListener((o, a, b) -> showExercise.run());
        model.scoreProperty().addListener((o, a, s) -> cards.forEach(c -> c.show(s)));
        // trainer mode: the reference answer fills every task, so the class can be stepped through the reveal
        model.trainerModeProperty().addListener((o, a, on) -> { if (on) fillReference(); });
        model.exerciseProperty().addListener((o, a, ex) -> { if (ex != null && model.trainerModeProperty().get()) fillReference(); });
        showExercise.run();
    }

    private void fillReference() {
        Exercise shown = model.exerciseProperty().get();
        if (shown == null) return;
        model.reference().whenComplete((answer, err) -> {
            if (err != null) {
                model.errorProperty().set(String.valueOf(err.getMessage()));
                return;
            }
            if (model.exerciseProperty().get() != shown) return; // another exercise was opened meanwhile
            for (TaskCard c : cards) c.fill(answer.answer(c.taskId()));
        });
    }

    /** "Time 3:07 of 20:00", "Time 21:10 of 20:00 · over time", or "Time 3:07" without a limit. */
    String clockText() {
        Exercise ex = model.exerciseProperty().get();
        if (ex == null) return "";
        long s = model.elapsedSeconds();
        String spent = org.viplab.core.text.TimeText.minutesSeconds(s);
        if (ex.timeLimitSec() <= 0) return i18n.get("exercises.time", spent);
        String limit = org.viplab.core.text.TimeText.minutesSeconds(ex.timeLimitSec());
        return i18n.get(model.overTime() ? "exercises.timeOver" : "exercises.timeOf", spent, limit);
    }

    private String totalText(Score s) {
        return s == null ? "" : i18n.get("exercises.total", Score.format(s.points()), s.maxPoints(), s.passedTasks(), s.tasks().size());
    }

    private void chooseAndSave() {
        FileChooser fc = new FileChooser();
        fc.setTitle(i18n.get("exercises.save"));
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("JSON", "*.json"));
        String who = model.traineeProperty().get().strip().replaceAll("[^\\p{L}\\p{N}_.-]", "_");
        Exercise ex = model.exerciseProperty().get();
        fc.setInitialFileName((who.isEmpty() ? "answer" : who) + "-" + (ex == null ? "" : ex.id()) + ".json");
        File f = fc.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) model.save(f.toPath());
    }

    private static final class NameCell extends ListCell<Path> {
        @Override
        protected void updateItem(Path p, boolean empty) {
            super.updateItem(p, empty);
            setText(empty || p == null ? null : p.getFileName().toString());
        }
    }
}
