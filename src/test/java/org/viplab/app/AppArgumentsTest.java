package org.viplab.app;

import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.viplab.core.model.Mode;
import org.viplab.core.model.Presets;
import org.viplab.ui.FxWait;
import org.viplab.ui.TestSessions;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** `app --mode mode2 --speed 100` (as appbench starts it): the window runs the mode 2 preset at 100x. */
@ExtendWith(ApplicationExtension.class)
class AppArgumentsTest {
    static {
        System.setProperty("headless.geometry", "1600x1000-32"); // Monocle's 1280x800 is smaller than the window
    }

    private AppRoot session;

    @Start
    void start(Stage stage) throws IOException {
        session = TestSessions.openPaused(stage, Presets.mode1(), "app-arguments", 1400, 900);
    }

    @AfterEach
    void close() { session.close(); }

    @Test
    void modeAndSpeedFromTheCommandLineAreApplied() throws Exception {
        FxWait.fx(() -> session.startAsAsked(Map.of("mode", "mode2", "speed", "100")), 30).get(60, TimeUnit.SECONDS);
        assertEquals(Mode.HAPROXY_TRACKING, FxWait.fx(() -> session.controls.topologyProperty().get().mode, 30));
        assertEquals(100, FxWait.fx(() -> session.controls.speedProperty().get(), 30));
    }
}
