package org.viplab.ui.exercises;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.viplab.core.model.VrrpState;
import org.viplab.core.timeline.Timeline;
import org.viplab.drill.DrillRunner;
import org.viplab.engine.sim.SimulatedLab;
import org.viplab.exercise.AnswerFiles;
import org.viplab.exercise.Judge;
import org.viplab.ui.FxWait;
import org.viplab.ui.common.FxTaskExecutor;
import org.viplab.ui.common.I18n;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A trainee works through the weight-trap exercise in the Exercises tab, as in a class, in Chinese. */
@ExtendWith(ApplicationExtension.class)
class ExercisesPanelTest {
    private final ExecutorService work = Executors.newSingleThreadExecutor();
    private I18n i18n;
    private ExercisesModel model;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        i18n = new I18n(Locale.SIMPLIFIED_CHINESE);
        Judge judge = new Judge(d -> new DrillRunner().run(d, SimulatedLab.steadyState(d.topology(), d.seed(), new Timeline()), null));
        model = new ExercisesModel(new FxTaskExecutor(work), judge, Path.of("samples", "exercises"), System::currentTimeMillis);
        org.viplab.ui.settings.Theme.LIGHT.apply();
        Scene scene = new Scene(new ExercisesPanel(model, i18n), 1100, 820);
        scene.getStylesheets().add(ExercisesPanel.class.getResource("/org/viplab/ui/viplab.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @SuppressWarnings("unchecked")
    private static <T> ComboBox<T> combo(FxRobot robot, String id) { return (ComboBox<T>) robot.lookup(id).queryAs(ComboBox.class); }

    @AfterEach
    void stop() { work.shutdownNow(); }

    @Test
    void aTraineeAnswersChecksAndSavesTheWeightTrap(FxRobot robot, @TempDir Path tmp) throws Exception {
        assertTrue(FxWait.fx(() -> model.exercises().size(), 5) >= 10, "the sample exercises are listed");
        Path dir = Path.of("samples", "exercises", "03-weight-trap");
        FxWait.fx(() -> model.load(dir), 5).get(60, TimeUnit.SECONDS);
        FxWait.until("the tasks are shown", 30, () -> robot.lookup("#task-f1").tryQuery().isPresent());
        String title = FxWait.fx(() -> robot.lookup("#exercise-title").queryAs(Label.class).getText(), 5);
        assertTrue(title.contains("永远无法让 VIP 漂移的权重"), title);
        robot.interact(() -> {
            robot.lookup("#exercise-trainee").queryAs(TextField.class).setText("小王");
            ExercisesPanelTest.<String>combo(robot, "#vip-p1").setValue("db1");
            ExercisesPanelTest.<VrrpState>combo(robot, "#state-p1-db1").setValue(VrrpState.MASTER);
            ExercisesPanelTest.<VrrpState>combo(robot, "#state-p1-db2").setValue(VrrpState.BACKUP);
            robot.lookup("#downtime-p1").queryAs(Slider.class).setValue(17);
            robot.lookup("#set-f1-db1_keepalived_scripts_0_weight").queryAs(TextField.class).setText("-20");
        });
        robot.clickOn("#choice-d1-b");
        robot.clickOn("#hint-p1");
        robot.clickOn("#exercise-check");
        FxWait.until("the score is shown", 90, () -> !robot.lookup("#exercise-total").queryAs(Label.class).getText().isEmpty());
        String total = FxWait.fx(() -> robot.lookup("#exercise-total").queryAs(Label.class).getText(), 5);
        // everything right; the one hint cost 2 of the predict task's 10 points
        assertEquals("得分 28（满分 30）；3 个任务中通过 3 个", total);
        String p1 = FxWait.fx(() -> robot.lookup("#result-p1").queryAs(Label.class).getText(), 5);
        assertTrue(p1.contains("VIP 在 db1 上：正确"), p1);
        assertTrue(FxWait.fx(() -> robot.lookup("#choice-d1-b").queryAs(RadioButton.class).isSelected(), 5));

        // the reveal: the predict task's drill, hidden fault included, goes to the live lab
        java.util.List<org.viplab.drill.Drill> shown = new java.util.ArrayList<>();
        robot.interact(() -> model.setShowOnLab(shown::add));
        robot.clickOn("#show-p1");
        assertEquals(1, shown.size());
        assertEquals(Boolean.FALSE, shown.get(0).topology().node("db1").keepalived.scripts.get(0).stopsKeepalivedOnFailure,
                "the drill shown carries the exercise's hidden fault");

        robot.clickOn("#exercise-trainer");
        assertTrue(FxWait.fx(() -> robot.lookup("#exercise-fault").queryAs(Label.class).isVisible(), 5), "the trainer sees the fault");

        Path saved = tmp.resolve("xiaowang.json");
        FxWait.fx(() -> model.save(saved), 5).get(30, TimeUnit.SECONDS);
        var answer = AnswerFiles.read(saved);
        assertEquals("小王", answer.trainee());
        assertEquals(1, answer.hintsUsed().get("p1"));

        WritableImage img = FxWait.fx(() -> stage.getScene().snapshot(null), 10);
        Path out = Path.of("target", "screenshots", "exercises-zh.png");
        Files.createDirectories(out.getParent());
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", out.toFile());
    }
}
