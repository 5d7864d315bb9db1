package org.viplab.ui.why;

import javafx.embed.swing.SwingFXUtils;
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
import org.viplab.core.model.ProcessKind;
import org.viplab.core.timeline.Actor;
import org.viplab.core.timeline.LabEvent;
import org.viplab.lab.Action;
import org.viplab.lab.Target;
import org.viplab.lab.Verb;
import org.viplab.ui.FxWait;
import org.viplab.ui.TestSessions;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Mode 1, mysqld stopped on db1: the why panel explains the VIP on db2, and a click on a line selects its event. */
@ExtendWith(ApplicationExtension.class)
class WhyPanelInAppTest {
    static {
        System.setProperty("headless.geometry", "2400x1400-32");
    }

    private AppRoot app;
    private Stage stage;

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        app = TestSessions.openPaused(stage, Presets.mode1(), "why-panel", 1400, 900);
    }

    @AfterEach
    void close() { app.close(); }

    private <T> T fx(Callable<T> c) throws Exception { return FxWait.fx(c, 5); }

    @Test
    void explainsTheFailoverAndSelectsTheClickedLink(FxRobot robot) throws Exception {
        app.live.runFastUntil(app.live.now() + 3_000_000).get(10, TimeUnit.SECONDS);
        app.live.apply(new Action(Verb.STOP, new Target.Process("db1", ProcessKind.MYSQLD)), Actor.USER).get(5, TimeUnit.SECONDS);
        app.live.runFastUntil(app.live.now() + 8_000_000).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> app.viewModel.events().stream().anyMatch(WhyPanelInAppTest::vipOnDb2)));
        var list = fx(() -> app.window.eventList());
        LabEvent toDb2 = fx(() -> app.viewModel.events().stream().filter(WhyPanelInAppTest::vipOnDb2).findFirst().orElseThrow());
        assertSame(toDb2, fx(() -> list.select(toDb2)), "the VIP change is in the default filter");

        WhyPanel panel = fx(list::whyPanel);
        List<WhyModel.Line> lines = fx(panel::lines);
        List<String> texts = fx(panel::texts);
        assertTrue(lines.size() >= 4, String.join("\n", texts));
        LabEvent root = lines.get(0).event();
        assertInstanceOf(LabEvent.ActionApplied.class, root, String.join("\n", texts));
        assertEquals("db1/mysqld", ((LabEvent.ActionApplied) root).target());
        assertSame(toDb2, lines.get(lines.size() - 1).event());
        // the chain passes through the priority-0 advert db1 sent when its check failed
        assertTrue(lines.stream().anyMatch(l -> l.event() instanceof LabEvent.AdvertSent a && a.priority() == 0), String.join("\n", texts));
        assertTrue(texts.get(0).startsWith("1. "), texts.get(0));
        assertTrue(texts.get(1).contains("(+"), texts.get(1));
        for (int i = 1; i < lines.size(); i++) assertTrue(lines.get(i).event().timeUs() >= lines.get(i - 1).event().timeUs());

        screenshot();
        // the panel shows the end of a long chain: scroll back to the root line and click it
        fx(() -> { panel.listView().scrollTo(0); return null; });
        WaitForAsyncUtils.waitForFxEvents();
        WhyModel.Line first = lines.get(0);
        robot.clickOn(robot.lookup("#why-lines .list-cell").match((javafx.scene.control.ListCell<?> c) -> c.getItem() == first)
                .queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(() -> list.table().getSelectionModel().getSelectedItem() == root));
        // the chain stays while the selection walks along it
        assertEquals(texts, fx(panel::texts));
    }

    private static boolean vipOnDb2(LabEvent e) {
        return e instanceof LabEvent.VipChanged v && v.added() && v.host().equals("db2");
    }

    private void screenshot() throws Exception {
        WritableImage img = fx(() -> stage.getScene().snapshot(null));
        Path out = Files.createDirectories(Path.of("docs")).resolve("why-panel.png");
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", out.toFile());
    }
}
