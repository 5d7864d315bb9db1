package org.viplab.ui;

import org.viplab.app.AppRoot;
import javafx.stage.Stage;
import org.viplab.core.model.Topology;
import org.viplab.ui.settings.Prefs;
import org.viplab.ui.settings.PrefsStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The app as UI tests open it: paused at t = 0 (the test decides when virtual time passes), without pop-ups,
 * with its own throw-away prefs directory, so that no test sees what an earlier run or another test saved.
 */
public final class TestSessions {
    private TestSessions() { }

    /** Opens and shows the lab on {@code topology} in {@code stage}; prefs go to target/test-config/NAME-N. */
    public static AppRoot openPaused(Stage stage, Topology topology, String name) throws IOException {
        return openPaused(stage, topology, configDir(name), seen());
    }

    /** The same in a window of {@code width} x {@code height} (for tests that take screenshots or need room). */
    public static AppRoot openPaused(Stage stage, Topology topology, String name, int width, int height) throws IOException {
        Prefs prefs = seen();
        prefs.width = width;
        prefs.height = height;
        return openPaused(stage, topology, configDir(name), prefs);
    }

    /** Prefs of a user past the first-run card (a test of the card itself passes fresh prefs). */
    public static Prefs seen() {
        Prefs p = new Prefs();
        p.firstRunDone = true;
        return p;
    }

    /** A fresh prefs directory, target/test-config/NAME-N, for a test that reads what the app saved there. */
    public static Path configDir(String name) throws IOException {
        return Files.createDirectories(Path.of("target", "test-config", name + "-" + System.nanoTime()));
    }

    /** Opens and shows the lab with its prefs in {@code configDir}, starting from {@code prefs}. */
    public static AppRoot openPaused(Stage stage, Topology topology, Path configDir, Prefs prefs) {
        AppRoot s = AppRoot.open(stage, new AppRoot.Options(topology, 1, true, false), new PrefsStore(configDir), prefs);
        stage.show();
        return s;
    }
}
