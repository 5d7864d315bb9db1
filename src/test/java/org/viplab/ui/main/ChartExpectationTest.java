package org.viplab.ui.main;

import org.viplab.core.timeline.Actor;
import org.viplab.ui.FxWait;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.viplab.lab.Action;
import org.viplab.lab.Target;
import org.viplab.lab.Verb;
import org.viplab.core.model.Presets;
import org.viplab.core.model.ProcessKind;
import org.viplab.core.timeline.LabEvent;
import org.viplab.app.AppRoot;
import org.viplab.ui.TestSessions;

import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Recording a drill: a right-click on the VIP switch in the chart adds "expect the VIP on db2 within ...". */
@ExtendWith(ApplicationExtension.class)
class ChartExpectationTest {
    static {
        System.setProperty("headless.geometry", "2400x1400-32");
    }

    private AppRoot app;

    @Start
    void start(Stage stage) throws IOException {
        app = TestSessions.openPaused(stage, Presets.mode1(), "chart-expectation", 1400, 900);
    }

    @AfterEach
    void close() { app.close(); }

    private <T> T fx(Callable<T> c) throws Exception { return FxWait.fx(c, 5); }

    @Test
    void rightClickingTheVipSwitchWhileRecordingAddsAnExpectation(FxRobot robot) throws Exception {
        var model = app.window.drillPanel().model();
        fx(model::startRecording).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> model.recordingProperty().get()));
        app.live.apply(new Action(Verb.STOP, new Target.Process("db1", ProcessKind.KEEPALIVED)), Actor.USER).get(5, TimeUnit.SECONDS);
        app.live.runFastUntil(app.live.now() + 5_000_000).get(10, TimeUnit.SECONDS);
        // the views get events in batches: wait for the VIP switch itself, then for the charts to hold it
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> app.viewModel.events().stream()
                .anyMatch(e -> e instanceof LabEvent.VipChanged v && v.added() && v.host().equals("db2"))));
        var charts = fx(() -> app.window.charts());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> charts.data().eventsSeen() >= app.viewModel.events().size()));
        LabEvent.VipChanged toDb2 = fx(() -> app.viewModel.events().stream()
                .filter(e -> e instanceof LabEvent.VipChanged v && v.added() && v.host().equals("db2"))
                .map(e -> (LabEvent.VipChanged) e).reduce((a, b) -> b).orElseThrow());
        fx(() -> {
            charts.select(toDb2);
            return null;
        });
        robot.rightClickOn(charts);
        robot.clickOn("#menu-chart-expectVip");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(() -> !model.recorder().expectations().isEmpty()));
        var e = fx(() -> model.recorder().expectations().get(0));
        assertTrue(e.text().contains("vip-on db2"), e.text());
        assertEquals(1, fx(() -> model.recorder().expectations().size()));
    }
}
