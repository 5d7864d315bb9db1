package org.viplab.ui.drills;

import org.viplab.core.timeline.Actor;
import org.viplab.ui.FxWait;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.viplab.core.model.Presets;
import org.viplab.core.timeline.LabEvent;
import org.viplab.app.AppRoot;
import org.viplab.ui.TestSessions;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The design decision, tested: a drill run from the panel drives the app's one live simulation, so the main
 * window's views (fed by the one timeline through the FX bridge) show the drill without knowing about it.
 */
@ExtendWith(ApplicationExtension.class)
class DrillPanelInAppTest {
    static {
        System.setProperty("headless.geometry", "2400x1400-32");
    }

    private AppRoot app;
    private DrillPanelModel model;
    private final ExecutorService io = Executors.newSingleThreadExecutor();

    @Start
    void start(Stage stage) throws IOException {
        app = TestSessions.openPaused(stage, Presets.mode2(), "drill-panel-in-app", 1200, 800);
        model = new DrillPanelModel(app.controls, app.i18n, new org.viplab.ui.common.FxTaskExecutor(io), Path.of("samples", "drills"));
        Stage drills = new Stage();
        drills.setScene(new Scene(new DrillPanel(model, app.i18n), 700, 700));
        drills.show();
    }

    @AfterEach
    void close() {
        model.close();
        app.close();
        io.shutdownNow();
    }

    private static void waitUntil(String what, Callable<Boolean> condition) throws Exception {
        FxWait.until(what, 20, condition);
    }

    private <T> T fx(Callable<T> c) throws Exception { return FxWait.fx(c, 5); }

    @Test
    void theMainWindowsViewsFollowADrillRunFromThePanel() throws Exception {
        waitUntil("db1 holds the VIP", () -> fx(() -> app.viewModel.vipHolders().equals(List.of("db1"))));
        fx(() -> model.load(Path.of("samples", "drills", "01-mode1-basic-failover.json"))).get(10, TimeUnit.SECONDS);
        fx(() -> {
            model.fastestProperty().set(true);
            return model.run();
        }).get(30, TimeUnit.SECONDS);
        assertEquals(DrillPanelModel.Outcome.PASSED, fx(() -> model.outcomeProperty().get()), fx(() -> model.stateProperty().get()));

        // the views saw the drill's run: a fresh run of the drill's topology, its action, the VIP on db2
        waitUntil("the view model caught up", () -> fx(() -> app.viewModel.events().stream().anyMatch(e -> e instanceof LabEvent.ActionApplied a
                && a.by() == Actor.DRILL && a.target().equals("db1/mysqld"))));
        waitUntil("db2 holds the VIP in the views", () -> fx(() -> app.viewModel.vipHolders().equals(List.of("db2"))));
        assertTrue(fx(() -> app.viewModel.events().stream().anyMatch(e -> e instanceof LabEvent.LogLine l
                && l.text().startsWith("drill: Mode 1"))), "the reset says why on the timeline");
        assertTrue(fx(() -> !app.viewModel.host("db1").runs(org.viplab.core.model.ProcessKind.HAPROXY)), "the views switched to mode 1's hosts");
        int shown = fx(() -> app.viewModel.events().size());
        assertTrue(shown >= app.live.timeline().size() - 50, "one timeline: the views hold the simulation's events " + shown + " / " + app.live.timeline().size());
    }
}
