package org.viplab.ui.sessions;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.viplab.core.util.Failures;
import org.viplab.lab.Capability;
import org.viplab.lab.Engine;
import org.viplab.lab.RecordedRun;
import org.viplab.lab.TimeControls;
import org.viplab.session.Session;
import org.viplab.session.SessionFiles;
import org.viplab.session.SessionReplay;
import org.viplab.ui.common.I18n;
import org.viplab.ui.common.TaskExecutor;
import org.viplab.ui.controls.LabControls;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * File > Save session… and Open session… for the whole app: the run in use (its topology, seed, settings and
 * timeline, and the drill recording if any) to one file, and back. A simulator session is rebuilt on the
 * simulation; one recorded on real hosts is shown read-only. Properties on the FX thread; files are read and
 * written on the task executor's background thread.
 */
public final class SessionsModel {
    /** What a session keeps of the drill panel, and gives back to it when reopened. */
    public interface DrillSide {
        boolean drillRunning();

        /** The loaded drill's source, or null. */
        String drillSource();

        /** The recording as drill JSON named {@code name}, or null. */
        String recordingJson(String name);

        void stopRecording();

        /** A reopened session's recording (null: none); FX thread. */
        void recovered(String json);

        /** The reopened session is shown: its recording, if any, can be saved. */
        void showRecovered();
    }

    private final LabControls controls;
    private final I18n i18n;
    private final TaskExecutor tasks;
    private final Executor fx;
    private final Executor io;
    private final DrillSide drills;
    private final Consumer<Supplier<String>> message;
    private final BooleanProperty busy = new SimpleBooleanProperty();
    /** The last session opened was recorded on real hosts and is shown read-only (FX thread). */
    private boolean recordedShown;

    /** @param message where outcomes are told (translatable: the supplier is asked again on a language switch) */
    public SessionsModel(LabControls controls, I18n i18n, TaskExecutor tasks, DrillSide drills, Consumer<Supplier<String>> message) {
        this.controls = controls;
        this.i18n = i18n;
        this.tasks = tasks;
        this.fx = tasks.ui();
        this.io = tasks.background();
        this.drills = drills;
        this.message = message;
    }

    /** True while a session is being saved or opened. */
    public ReadOnlyBooleanProperty busyProperty() { return busy; }

    /**
     * Saves the whole session (topology, seed, settings, timeline, the recording if any) to one file,
     * atomically, off the FX thread. For File > Save session….
     */
    public CompletableFuture<Path> saveSession(Path file) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("speed", String.valueOf(controls.speedProperty().get()));
        settings.put("paused", String.valueOf(controls.pausedProperty().get()));
        settings.put("language", i18n.locale().toLanguageTag());
        String source = drills.drillSource();
        if (source != null) settings.put("drill", source);
        String rec = drills.recordingJson(i18n.get("drills.record.name", stem(file)));
        busy.set(true);
        setMessage(() -> i18n.get("drills.session.saving", file.getFileName()));
        CompletableFuture<Path> f = controls.lab().snapshot().thenApplyAsync(run -> {
            // real hosts: their timeline as recorded (it cannot be replayed, only shown again)
            Session s = SessionReplay.capture(run, settings, rec);
            try {
                SessionFiles.write(file, s, version());
            } catch (org.viplab.session.SessionException e) {
                throw new CompletionException(e);
            }
            int n = s.events().size();
            runFx(() -> setMessage(() -> i18n.get("drills.session.saved", file, n)));
            return file;
        }, io);
        f.whenComplete((p, err) -> runFx(() -> {
            busy.set(false);
            if (err != null) setMessage(() -> i18n.get("drills.state.error", root(err).getMessage()));
        }));
        return f;
    }

    /**
     * Opens a session file off the FX thread and rebuilds it on the live simulation: its topology and seed
     * from t = 0, its actions at their times, as fast as possible, leaving the lab paused where the session
     * ended. A bad or cut-off file is refused with the file and what is wrong; the lab is then left alone.
     * For File > Open session….
     */
    public CompletableFuture<SessionReplay.Outcome> openSession(Path file) {
        if (drills.drillRunning()) return CompletableFuture.failedFuture(new IllegalStateException("a drill is running"));
        if (controls.lab().can(Capability.CONNECTED)) {
            setMessage(() -> i18n.get("drills.session.disconnectFirst"));
            return CompletableFuture.failedFuture(new IllegalStateException(i18n.get("drills.session.disconnectFirst")));
        }
        busy.set(true);
        setMessage(() -> i18n.get("drills.session.opening", file.getFileName()));
        CompletableFuture<Session> read = tasks.supply(() -> SessionFiles.read(file));
        CompletableFuture<SessionReplay.Outcome> f = read.thenCompose(s -> {
            if (!SessionReplay.replayable(s)) {
                // recorded on real hosts: shown as it was, read-only, in the same views
                CompletableFuture<SessionReplay.Outcome> shown = new CompletableFuture<>();
                long end = SessionReplay.endOf(s);
                runFx(() -> {
                    drills.stopRecording();
                    controls.useAway(new RecordedRun(Engine.fromId(s.engine()), s.topology(), s.events(), s.causes(), end))
                            .whenComplete((v, e) -> shown.complete(new SessionReplay.Outcome(end, s.events().size(), null)));
                    recordedShown = true;
                });
                return shown;
            }
            CompletableFuture<TimeControls> paused = new CompletableFuture<>();
            runFx(() -> {
                recordedShown = false;
                drills.stopRecording();
                controls.backToSimulation();
                controls.pause().whenComplete((v, e) -> paused.complete(controls.lab().timeControls().orElseThrow()));
            });
            return paused.thenCompose(time -> SessionReplay.replay(time, s, i18n.get("drills.session.replayWhy", file.getFileName())))
                    .thenApply(o -> {
                        runFx(() -> drills.recovered(s.recordingJson()));
                        return o;
                    });
        });
        f.whenComplete((o, err) -> runFx(() -> {
            busy.set(false);
            if (err != null) {
                setMessage(() -> i18n.get("drills.state.error", root(err).getMessage()));
            } else if (o.difference() != null) {
                setMessage(() -> i18n.get("drills.session.differs", o.difference()));
            } else {
                drills.showRecovered();
                if (recordedShown) setMessage(() -> i18n.get("drills.session.openedRecorded", file.getFileName(), seconds(o.endUs()), o.events()));
                else setMessage(() -> i18n.get("drills.session.opened", file.getFileName(), seconds(o.endUs()), o.events()));
            }
        }));
        return f;
    }

    private void runFx(Runnable r) { fx.execute(r); }

    private void setMessage(Supplier<String> s) { message.accept(s); }

    private static Throwable root(Throwable t) { return Failures.root(t); }

    private static String seconds(long us) { return String.format(Locale.ROOT, "%.1f", us / 1e6); }

    private static String stem(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    private static String version() {
        String v = SessionsModel.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
