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
        startAsAsked(getParameters().getNamed());
    }

    /** {@code --mode=mode2} and {@code --speed=100} (checked by the app command): a lesson or a benchmark's start. */
    private void startAsAsked(java.util.Map<String, String> named) {
        String mode = named.get("mode");
        java.util.concurrent.CompletableFuture<Void> ready = "mode2".equals(mode)
                ? session.controls.switchMode(org.viplab.core.model.Mode.HAPROXY_TRACKING)
                : java.util.concurrent.CompletableFuture.completedFuture(null);
        String speed = named.get("speed");
        if (speed != null) ready.thenRun(() -> Platform.runLater(() -> session.controls.setSpeed(Integer.parseInt(speed))));
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
