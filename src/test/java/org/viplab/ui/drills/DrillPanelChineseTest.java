package org.viplab.ui.drills;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.viplab.app.AppRoot;
import org.viplab.core.model.Presets;
import org.viplab.drill.Drill;
import org.viplab.drill.DrillTranslation;
import org.viplab.ui.FxWait;
import org.viplab.ui.TestSessions;
import org.viplab.ui.common.I18n;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The app's Drills tab reads a drill's zh-CN texts while the app is in Chinese, and switches back live. */
@ExtendWith(ApplicationExtension.class)
class DrillPanelChineseTest {
    private AppRoot app;
    private Stage stage;

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        app = TestSessions.openPaused(stage, Presets.mode1(), "drill-panel-chinese", 1280, 800);
    }

    @AfterEach
    void close() { app.close(); }

    private <T> T fx(Callable<T> c) throws Exception { return FxWait.fx(c, 5); }

    /**
     * The texts the step list's cells are bound to (StepCell binds its label to {@link StepRow#textProperty()}).
     * Read from the rows, not the rendered cells: after the why panel and the compact event list landed, the
     * headless lookup of the Drills tab's cells came back empty in this test although the rows were right.
     */
    private List<String> stepTexts(DrillPanelModel model) {
        return model.steps().stream().map(StepRow::text).toList();
    }


    @Test
    void theDrillsTabShowsTheChineseTextsWhenTheAppIsChinese(FxRobot robot) throws Exception {
        DrillPanelModel model = app.window.drillPanel().model();
        fx(() -> model.load(Path.of("samples", "drills", "12-nopreempt-no-failback.json"))).get(10, TimeUnit.SECONDS);
        fx(() -> {
            for (TabPane pane : robot.lookup(".tab-pane").queryAllAs(TabPane.class)) {
                pane.getTabs().stream().filter(t -> "tab-drills".equals(t.getId())).findFirst().ifPresent(t -> pane.getSelectionModel().select(t));
            }
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        Drill d = fx(() -> model.drillProperty().get());
        DrillTranslation zh = d.translations().get("zh-CN");
        assertNotNull(zh, "the sample has a zh-CN block");
        Label name = robot.lookup("#drill-name").queryAs(Label.class);
        Label description = robot.lookup("#drill-description").queryAs(Label.class);
        assertEquals(d.name(), fx(name::getText));
        FxWait.until("the step list shows the English step", 10, () -> fx(() -> stepTexts(model).contains("t = 2s   stop db1/keepalived")));

        fx(() -> {
            app.i18n.setLocale(I18n.CHINESE);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("nopreempt：旧主库回来后不回切", fx(name::getText));
        assertEquals(zh.description(), fx(description::getText));
        List<String> cells = stepTexts(model);
        assertTrue(cells.contains("t = 2s   停止 db1/keepalived"), cells.toString());
        assertTrue(cells.contains("t = 10s   预期 VIP 在 db2 上，持续 20 秒"), cells.toString());
        for (StepRow r : fx(() -> List.copyOf(model.steps()))) {
            assertEquals(zh.steps().get(r.step().index()), r.text().replaceFirst("^t = \\S+   ", ""), "step " + r.step().index());
        }
        Files.createDirectories(DrillPanelTest.SCREENSHOTS);
        WritableImage img = fx(() -> stage.getScene().snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", DrillPanelTest.SCREENSHOTS.resolve("drill-panel-zh-texts.png").toFile());

        fx(() -> {
            app.i18n.setLocale(I18n.ENGLISH);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(d.name(), fx(name::getText));
        FxWait.until("the step list is English again", 10, () -> fx(() -> stepTexts(model).contains("t = 2s   stop db1/keepalived")));
    }
}
