package org.viplab.app;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.viplab.core.util.StartupTiming;
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
        StartupTiming.mark("FX toolkit up");
        store = new PrefsStore(PrefsStore.defaultDir());
        prefs = store.load();
    }

    @Override
    public void start(Stage stage) {
        StartupTiming.mark("FX start()");
        session = AppRoot.open(stage, AppRoot.Options.defaults(), store, prefs);
        session.features.setDocumentOpener(getHostServices()::showDocument);
        StartupTiming.mark("window built");
        if (StartupTiming.enabled()) firstLayoutMark(stage);
        stage.show();
        StartupTiming.mark("window shown");
        session.hostsMenu.fromArguments(getParameters().getRaw());
        session.startAsAsked(getParameters().getNamed());
    }

    /** Marks the first pulse that laid the scene out, the last step before the first frame is drawn. */
    private static void firstLayoutMark(Stage stage) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            stage.getScene().removePostLayoutPulseListener(once[0]);
            StartupTiming.mark("first layout");
            if (StartupTiming.exitAfterFirstFrame()) Platform.runLater(Platform::exit);
        };
        stage.getScene().addPostLayoutPulseListener(once[0]);
    }

    @Override
    public void stop() {
        if (session != null) session.close();
    }
}
