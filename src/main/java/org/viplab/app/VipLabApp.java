package org.viplab.app;

import javafx.application.Application;
import javafx.stage.Stage;
import org.viplab.ui.settings.Prefs;
import org.viplab.ui.settings.PrefsStore;

/** The desktop lab: opens on preset mode1, running at 1x. */
public final class VipLabApp extends Application {
    private PrefsStore store;
    private Prefs prefs;
    private AppRoot session;

    /** Runs on the launcher thread, so reading the preferences file never holds up the FX thread. */
    @Override
    public void init() {
        store = new PrefsStore(PrefsStore.defaultDir());
        prefs = store.load();
    }

    @Override
    public void start(Stage stage) {
        timing("FX started");
        session = AppRoot.open(stage, AppRoot.Options.defaults(), store, prefs);
        session.features.setDocumentOpener(getHostServices()::showDocument);
        timing("window built");
        stage.show();
        timing("window shown");
        session.hostsMenu.fromArguments(getParameters().getRaw());
    }

    /** With -Dviplab.startupTiming=true: milliseconds since the JVM started, for the start-up figure. */
    private static void timing(String what) {
        if (Boolean.getBoolean("viplab.startupTiming")) {
            long ms = System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
            System.err.println("startup: " + what + " after " + ms + " ms");
        }
    }

    @Override
    public void stop() {
        if (session != null) session.close();
    }
}
