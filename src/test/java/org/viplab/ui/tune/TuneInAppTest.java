package org.viplab.ui.tune;

import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.viplab.app.AppRoot;
import org.viplab.core.model.Presets;
import org.viplab.tune.Knob;
import org.viplab.tune.TuneRequest;
import org.viplab.ui.FxWait;
import org.viplab.ui.TestSessions;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tools > Tune… in the whole app: the menu opens the dialog, a search runs on the lab's settings, Apply restarts the lab on the best. */
@ExtendWith(ApplicationExtension.class)
class TuneInAppTest {
    static {
        System.setProperty("headless.geometry", "2400x1400-32");
    }

    private AppRoot session;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        session = TestSessions.openPaused(stage, Presets.mode1(), "tune-in-app", 1400, 900);
    }

    @AfterEach
    void close() throws Exception {
        FxWait.fx(() -> {
            for (Window w : List.copyOf(Window.getWindows())) if (w != stage && w instanceof Stage s) s.close();
            return null;
        }, 10);
        session.close();
    }

    @Test
    void toolsTuneOpensTheDialogAndApplyChangesTheLabsSettings() throws Exception {
        MenuItem item = FxWait.fx(() -> session.window.menus().getMenus().stream().filter(m -> "menu-tools".equals(m.getId()))
                .flatMap((Menu m) -> m.getItems().stream()).filter(i -> "menu-tools-tune".equals(i.getId())).findFirst().orElseThrow(), 10);
        assertEquals("Tune…", FxWait.fx(item::getText, 5));
        FxWait.fx(() -> { item.fire(); return null; }, 10);
        assertTrue(FxWait.fx(() -> session.tuneDialog().stage().isShowing(), 5));
        Map<Knob, List<String>> grid = new EnumMap<>(Knob.class);
        for (String g : List.of("advert_int=1,2", "interval=1", "fall=1", "weight=-5", "preempt=preempt", "rise=1")) {
            Map.Entry<Knob, List<String>> e = TuneRequest.gridEntry(g);
            grid.put(e.getKey(), e.getValue());
        }
        FxWait.fx(() -> {
            session.tune.setGrid(grid);
            session.tune.seedsProperty().set("1-4");
            session.tune.stallProperty().set("3.7s");
            session.tune.lossProperty().set("");
            session.tune.run();
            return null;
        }, 10);
        FxWait.until("the search to finish", 180, () -> session.tune.resultProperty().get() != null);
        assertTrue(FxWait.fx(() -> session.tune.applySelected(), 10));
        FxWait.until("the lab to restart on the best", 30,
                () -> session.controls.topologyProperty().get().nodes.stream().allMatch(n -> n.keepalived.advertIntSec == 2.0));
        assertTrue(FxWait.fx(() -> session.controls.topologyProperty().get().nodes.stream()
                .allMatch(n -> n.keepalived.scripts.get(0).intervalSec == 1.0), 5), "and its interval 1");
    }
}
