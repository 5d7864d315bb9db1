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
        // the hidden fault is a setting: the views that would show it are covered until solved or in trainer mode
        for (String id : java.util.List.of("tab-settings", "tab-config", "tab-findings")) {
            Tab t = FxWait.fx(() -> tabs.getTabs().stream().filter(x -> id.equals(x.getId())).findFirst().orElseThrow(), 5);
            robot.interact(() -> tabs.getSelectionModel().select(t)); // the window fills a tab when it is first shown
            assertEquals(id + "-covered", FxWait.fx(() -> t.getContent().getId(), 5), id + " is covered");
        }
        javafx.scene.image.WritableImage covered = FxWait.fx(() -> app.window.stage().getScene().snapshot(null), 10);
        java.nio.file.Path png = java.nio.file.Path.of("target", "screenshots", "exercise-covered-findings.png");
        java.nio.file.Files.createDirectories(png.getParent());
        javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(covered, null), "png", png.toFile());
        robot.interact(() -> tabs.getSelectionModel().select(exercises));
        Tab settings = FxWait.fx(() -> tabs.getTabs().stream().filter(x -> "tab-settings".equals(x.getId())).findFirst().orElseThrow(), 5);
        assertEquals(app.window.settingsPanel(), FxWait.fx(() -> {
            // View > Trainer mode switches the same mode as the tab's button
            javafx.scene.control.CheckMenuItem item = (javafx.scene.control.CheckMenuItem) app.window.menus().getMenus().stream()
                    .filter(m -> "menu-view".equals(m.getId())).findFirst().orElseThrow().getItems().stream()
                    .filter(i -> "menu-view-trainer".equals(i.getId())).findFirst().orElseThrow();
            item.fire();
            return settings.getContent();
        }, 5), "trainer mode uncovers the settings");
        robot.interact(() -> robot.lookup("#exercise-trainer").queryAs(javafx.scene.control.ToggleButton.class).fire());
        assertEquals("tab-settings-covered", FxWait.fx(() -> settings.getContent().getId(), 5), "trainer mode off: covered again");
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
