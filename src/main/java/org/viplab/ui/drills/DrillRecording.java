package org.viplab.ui.drills;

import org.viplab.core.timeline.Actor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Timeline;
import org.viplab.core.util.Durations;
import org.viplab.core.util.Failures;
import org.viplab.drill.DrillRecorder;
import org.viplab.lab.Capability;
import org.viplab.lab.LiveEngine;
import org.viplab.ui.common.I18n;
import org.viplab.ui.common.TaskExecutor;
import org.viplab.ui.controls.LabControls;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The drill panel's recorder: the user's actions on the live run, and the expectations the trainer adds,
 * written as a drill that replays exactly. Needs a run that can record drills (the simulation). FX thread;
 * files are written on the task executor's background thread.
 */
public final class DrillRecording {
    private final LabControls controls;
    private final I18n i18n;
    private final Executor fx;
    private final Executor io;
    private final BooleanSupplier drillRunning;
    private final Consumer<Supplier<String>> message;

    private final BooleanProperty recording = new SimpleBooleanProperty();
    private final BooleanProperty hasRecording = new SimpleBooleanProperty();
    private final StringProperty recordText = new SimpleStringProperty("");
    private final ObservableList<String> recordedSteps = FXCollections.observableArrayList();
    private Supplier<String> recordTextSupplier = () -> "";

    private DrillRecorder recorder;
    private Timeline recordTimeline;
    private long recordEndUs = -1;
    /** The recording a reopened session carried, kept as its drill text. */
    private String recoveredRecording;
    private final Timeline.Listener recordListener = e -> {
        if (e instanceof LabEvent.ActionApplied a && a.by() == Actor.USER) runFx(this::refreshRecordText);
    };

    /**
     * @param drillRunning true while a drill runs (no recording then)
     * @param message      where the outcome of a recording action is told (translatable)
     */
    DrillRecording(LabControls controls, I18n i18n, TaskExecutor tasks, BooleanSupplier drillRunning, Consumer<Supplier<String>> message) {
        this.controls = controls;
        this.i18n = i18n;
        this.fx = tasks.ui();
        this.io = tasks.background();
        this.drillRunning = drillRunning;
        this.message = message;
        i18n.localeProperty().addListener((o, a, b) -> recordText.set(recordTextSupplier.get()));
    }

    public ReadOnlyBooleanProperty recordingProperty() { return recording; }

    /** True when there is a recording (running or stopped) to save. */
    public ReadOnlyBooleanProperty hasRecordingProperty() { return hasRecording; }

    public ReadOnlyStringProperty recordTextProperty() { return recordText; }

    /** The recording's steps as they will be written: "t = 2s   stop db1/haproxy", expectations after. */
    public ObservableList<String> recordedSteps() { return recordedSteps; }

    /** The recording as drill JSON named {@code name} (a reopened session's as it was), or null. */
    String toJson(String name) {
        return recorder == null ? recoveredRecording : recorder.toJson(recordTimeline.snapshot(), recordEnd(), name, null);
    }

    /** A reopened session's recording, to save again. */
    void recovered(String json) { recoveredRecording = json; }

    /** After a session was reopened: its recording, if any, can be saved. */
    void showRecovered() { if (recoveredRecording != null) hasRecording.set(true); }

    /**
     * Starts recording the user's actions. A drill starts from the steady state at t = 0, so when the current
     * run already has actions the lab is restarted (same topology and seed) and the recording starts at t = 0;
     * otherwise it records the current run from its t = 0. Either way the drill replays exactly.
     */
    public CompletableFuture<Void> startRecording() {
        if (recording.get() || drillRunning.getAsBoolean()) return CompletableFuture.completedFuture(null);
        LiveEngine engine = controls.lab().current();
        if (!engine.can(Capability.RECORD_DRILLS)) {
            setMessage(() -> i18n.get("drills.record.simOnly"));
            return CompletableFuture.failedFuture(new IllegalStateException(i18n.get("drills.record.simOnly")));
        }
        recording.set(true);
        boolean acted = engine.timeline().snapshot().stream().anyMatch(e -> e instanceof LabEvent.ActionApplied);
        CompletableFuture<Void> reset = acted ? controls.resetRun() : CompletableFuture.completedFuture(null);
        CompletableFuture<Void> done = new CompletableFuture<>();
        reset.whenComplete((v, err) -> runFx(() -> {
            if (err != null) {
                recording.set(false);
                setMessage(() -> i18n.get("drills.state.error", Failures.text(err)));
                done.completeExceptionally(root(err));
                return;
            }
            recorder = new DrillRecorder(engine.topology(), engine.timeControls().orElseThrow().seed(), 0);
            recordTimeline = engine.timeline();
            recordEndUs = -1;
            recoveredRecording = null;
            recordTimeline.addListener(recordListener);
            hasRecording.set(true);
            refreshRecordText();
            setMessage(acted ? () -> i18n.get("drills.record.fresh") : () -> "");
            done.complete(null);
        }));
        return done;
    }

    public void stopRecording() {
        if (!recording.get()) return;
        recording.set(false);
        if (recordTimeline != null) {
            recordTimeline.removeListener(recordListener);
            recordEndUs = recordEnd();
        }
        refreshRecordText();
    }

    public void setRecording(boolean on) {
        if (on) startRecording();
        else stopRecording();
    }

    /** Adds an expectation to the recording; false (with a message) when there is nothing to base it on. */
    public boolean addExpectation(DrillPanelModel.Suggestion s) {
        if (recorder == null) return false;
        List<LabEvent> events = recordTimeline.snapshot();
        DrillRecorder.RecordedExpect e;
        switch (s) {
            case LAST_VIP_MOVE -> {
                LabEvent.VipChanged last = null;
                for (LabEvent ev : events) {
                    if (ev instanceof LabEvent.VipChanged v && v.added() && v.timeUs() > recorder.startUs()) last = v;
                }
                if (last == null) {
                    setMessage(() -> i18n.get("drills.record.noVipMove"));
                    return false;
                }
                e = recorder.expectVipOn(events, last);
            }
            case NO_SPLIT_BRAIN -> e = recorder.expectNoSplitBrain();
            default -> e = recorder.expectClientDowntimeUnder(events, recordEnd());
        }
        String text = e.text();
        setMessage(() -> i18n.get("drills.record.added", text));
        refreshRecordText();
        return true;
    }

    /** Adds "expect the VIP on this host within the time it took" for a VIP switch picked elsewhere (the chart). */
    public boolean addVipExpectation(LabEvent.VipChanged vipAdded) {
        if (recorder == null || !vipAdded.added()) return false;
        DrillRecorder.RecordedExpect e = recorder.expectVipOn(recordTimeline.snapshot(), vipAdded);
        setMessage(() -> i18n.get("drills.record.added", e.text()));
        refreshRecordText();
        return true;
    }

    public DrillRecorder recorder() { return recorder; }

    /** Writes the recording (stopped or still running) as a drill file, atomically, off the FX thread. */
    public CompletableFuture<Path> saveRecording(Path file) {
        String name = DrillPanelModel.stem(file);
        CompletableFuture<Path> f;
        if (recorder != null) {
            DrillRecorder rec = recorder;
            Timeline tl = recordTimeline;
            long end = recordEnd();
            String title = i18n.get("drills.record.name", name);
            f = CompletableFuture.supplyAsync(() -> {
                try {
                    rec.save(file, tl.snapshot(), end, title, null);
                    return file;
                } catch (IOException e) {
                    throw new CompletionException(e);
                }
            }, io);
        } else if (recoveredRecording != null) {
            String text = recoveredRecording;
            f = CompletableFuture.supplyAsync(() -> {
                try {
                    org.viplab.core.util.AtomicFiles.writeString(file, text);
                    return file;
                } catch (IOException e) {
                    throw new CompletionException(e);
                }
            }, io);
        } else {
            return CompletableFuture.failedFuture(new IllegalStateException("nothing recorded"));
        }
        f.whenComplete((p, err) -> runFx(() -> setMessage(err == null ? () -> i18n.get("drills.record.saved", file)
                : () -> i18n.get("drills.state.error", file + ": " + root(err).getMessage()))));
        return f;
    }

    private long recordEnd() {
        if (recordEndUs >= 0) return recordEndUs;
        LiveEngine engine = controls.lab();
        return recordTimeline == engine.timeline() ? engine.now() : DrillPanelModel.lastTime(recordTimeline);
    }

    private void refreshRecordText() {
        if (recorder == null) {
            setRecordText(() -> "");
            recordedSteps.clear();
            return;
        }
        List<DrillRecorder.RecordedAction> recorded = recorder.actions(recordTimeline.snapshot());
        List<String> lines = new ArrayList<>();
        for (DrillRecorder.RecordedAction a : recorded) lines.add("t = " + Durations.format(a.atUs()) + "   " + a.action());
        for (DrillRecorder.RecordedExpect e : recorder.expectations()) lines.add(e.text());
        recordedSteps.setAll(lines);
        int actions = recorded.size();
        int expects = recorder.expectations().size();
        if (recording.get()) setRecordText(() -> i18n.get("drills.record.on", seconds(recorder.startUs()), actions, expects));
        else setRecordText(() -> i18n.get("drills.record.off", actions, expects));
    }

    void runStarted(Timeline timeline) {
        // a reset made by someone else ends a recording on the old run; what was recorded is kept
        if (recording.get() && recordTimeline != null && timeline != recordTimeline) stopRecording();
    }

    private void runFx(Runnable r) { fx.execute(r); }

    private void setMessage(Supplier<String> s) { message.accept(s); }

    private void setRecordText(Supplier<String> s) {
        recordTextSupplier = s;
        recordText.set(s.get());
    }

    private static Throwable root(Throwable t) { return Failures.root(t); }

    private static String seconds(long us) { return DrillPanelModel.seconds(us); }
}
