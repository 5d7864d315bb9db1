package org.viplab.ui.exercises;

import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.viplab.app.AppRoot;
import org.viplab.core.model.Presets;
import org.viplab.ui.FxWait;
import org.viplab.ui.TestSessions;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In the whole app: the Exercises tab is there, and a predict task's reveal runs its drill (with the hidden fault)
 * on the live lab from the Drills tab, for the class to watch.
 */
@ExtendWith(ApplicationExtension.class)
class ExercisesInAppTest {
    private AppRoot app;

    @Start
    void start(Stage stage) throws IOException {
        app = TestSessions.openPaused(stage, Presets.mode1(), "exercises-in-app", 1400, 900);
    }

    @AfterEach
    void close() { app.close(); }

    @Test
    void theRevealRunsThePredictDrillOnTheLiveLab(FxRobot robot) throws Exception {
        TabPane tabs = app.window.bottomTabs();
        Tab exercises = FxWait.fx(() -> tabs.getTabs().stream().filter(t -> "tab-exercises".equals(t.getId())).findFirst().orElseThrow(), 5);
        robot.interact(() -> tabs.getSelectionModel().select(exercises));
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<java.nio.file.Path> pick = robot.lookup("#exercise-pick").queryAs(javafx.scene.control.ComboBox.class);
        robot.interact(() -> pick.getItems().stream().filter(p -> p.getFileName().toString().equals("03-weight-trap"))
                .findFirst().ifPresent(pick::setValue));
        FxWait.until("the exercise is shown", 30, () -> robot.lookup("#show-p1").tryQuery().isPresent());
        // the trainer may reveal before anyone checked (buttons fired: the tab's scroll pane may hold them below the fold)
        robot.interact(() -> robot.lookup("#exercise-trainer").queryAs(javafx.scene.control.ToggleButton.class).fire());
        robot.interact(() -> robot.lookup("#show-p1").queryAs(javafx.scene.control.Button.class).fire());
        FxWait.until("the drill is loaded", 30, () -> app.window.drillPanel().model().drillProperty().get() != null);
        FxWait.until("the Drills tab runs the drill", 30, () -> app.window.drillPanel().model().runningProperty().get()
                || app.window.drillPanel().model().outcomeProperty().get() != org.viplab.ui.drills.DrillPanelModel.Outcome.IDLE);
        assertEquals("tab-drills", FxWait.fx(() -> tabs.getSelectionModel().getSelectedItem().getId(), 5));
        String name = FxWait.fx(() -> robot.lookup("#drill-name").queryAs(Label.class).getText(), 5);
        assertTrue(name.contains("mysqld stops on db1"), name);
        assertEquals(Boolean.FALSE, FxWait.fx(() -> app.window.drillPanel().model().drillProperty().get().topology().node("db1")
                .keepalived.scripts.get(0).stopsKeepalivedOnFailure, 5), "the hidden fault runs on the lab");
    }
}
