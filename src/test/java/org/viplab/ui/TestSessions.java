package org.viplab.ui;

import org.viplab.app.AppRoot;
import javafx.stage.Stage;
import org.viplab.core.model.Topology;
import org.viplab.ui.settings.Prefs;
import org.viplab.ui.settings.PrefsStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The app as UI tests open it: paused, without pop-ups, with its own throw-away prefs directory. */
public final class TestSessions {
    private TestSessions() { }

    /** Opens and shows the lab on {@code topology} in {@code stage}; prefs go to target/test-config/NAME-N. */
    public static AppRoot openPaused(Stage stage, Topology topology, String name) throws IOException {
        Path config = Files.createDirectories(Path.of("target", "test-config", name + "-" + System.nanoTime()));
        AppRoot s = AppRoot.open(stage, new AppRoot.Options(topology, 1, true, false), new PrefsStore(config), new Prefs());
        stage.show();
        return s;
    }
}
