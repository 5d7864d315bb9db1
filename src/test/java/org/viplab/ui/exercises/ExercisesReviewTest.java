package org.viplab.ui.exercises;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.viplab.core.timeline.Timeline;
import org.viplab.drill.DrillRunner;
import org.viplab.engine.sim.SimulatedLab;
import org.viplab.exercise.Exercise;
import org.viplab.exercise.Judge;
import org.viplab.exercise.Score;
import org.viplab.ui.FxWait;
import org.viplab.ui.common.FxTaskExecutor;
import org.viplab.ui.common.I18n;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every sample exercise as a class meets it on a 1280×720 projector, in both languages: opened, filled with the
 * reference answer by trainer mode (through the same inputs a trainee uses), checked to full marks, and saved as
 * screenshots (target/screenshots/exercise-NAME-LANG.png) for a person to look at.
 */
@ExtendWith(ApplicationExtension.class)
class ExercisesReviewTest {
    private final ExecutorService work = Executors.newSingleThreadExecutor();
    private final I18n i18n = new I18n(Locale.ENGLISH);
    private ExercisesModel model;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Judge judge = new Judge(d -> new DrillRunner().run(d, SimulatedLab.steadyState(d.topology(), d.seed(), new Timeline()), null));
        model = new ExercisesModel(new FxTaskExecutor(work), judge, Path.of("samples", "exercises"), System::currentTimeMillis);
        org.viplab.ui.settings.Theme.LIGHT.apply();
        Scene scene = new Scene(new ExercisesPanel(model, i18n), 1280, 720);
        scene.getStylesheets().add(ExercisesPanel.class.getResource("/org/viplab/ui/viplab.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() { work.shutdownNow(); }

    @Test
    void everySampleFilledWithItsReferenceAnswerScoresFullMarksInBothLanguages(FxRobot robot) throws Exception {
        List<Path> all = FxWait.fx(() -> List.copyOf(model.exercises()), 5);
        assertTrue(all.size() >= 10, all.toString());
        for (Locale lang : List.of(Locale.ENGLISH, I18n.CHINESE)) {
            robot.interact(() -> i18n.setLocale(lang));
            for (Path dir : all) review(robot, dir, lang);
        }
    }

    private void review(FxRobot robot, Path dir, Locale lang) throws Exception {
        String name = dir.getFileName().toString();
        robot.interact(() -> model.trainerModeProperty().set(false));
        Exercise ex = FxWait.fx(() -> model.load(dir), 5).get(60, TimeUnit.SECONDS);
        FxWait.until(name + ": its tasks are shown", 30, () -> robot.lookup("#task-" + ex.tasks().get(0).id()).tryQuery().isPresent());
        shot(name + "-" + lang.getLanguage() + "-trainee");
        // trainer mode fills the reference answer into the cards, as typed
        robot.interact(() -> model.trainerModeProperty().set(true));
        FxWait.until(name + ": the reference answer fills every task", 60,
                () -> ex.tasks().stream().allMatch(t -> !model.answerOf(t.id()).isEmpty()));
        Score s = FxWait.fx(model::check, 5).get(120, TimeUnit.SECONDS);
        assertTrue(s.allPassed(), name + ": " + s);
        assertEquals(s.maxPoints(), s.points(), 0.001, name);
        String total = FxWait.fx(() -> robot.lookup("#exercise-total").queryAs(Label.class).getText(), 5);
        assertTrue(lang == I18n.CHINESE ? total.contains("得分") : total.startsWith("Score"), total);
        shot(name + "-" + lang.getLanguage() + "-reveal");
        // choices read as written (a button would take "_r" in virtual_router_id for a mnemonic)
        for (javafx.scene.Node n : robot.lookup(".radio-button").queryAll()) {
            javafx.scene.control.RadioButton b = (javafx.scene.control.RadioButton) n;
            assertTrue(!b.isMnemonicParsing() || !b.getText().contains("_"), b.getText());
        }
    }

    private void shot(String name) throws Exception {
        WritableImage img = FxWait.fx(() -> stage.getScene().snapshot(null), 10);
        Path out = Path.of("target", "screenshots", "exercise-" + name + ".png");
        Files.createDirectories(out.getParent());
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", out.toFile());
    }
}
