package org.viplab.ui.drills;

import org.viplab.core.timeline.Actor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.viplab.drill.Drill;
import org.viplab.drill.DrillException;
import org.viplab.drill.DrillParser;
import org.viplab.drill.DrillRecorder;
import org.viplab.drill.DrillResult;
import org.viplab.drill.DrillRunner;
import org.viplab.drill.Step;
import org.viplab.drill.Verdict;
import org.viplab.lab.Capability;
import org.viplab.lab.DrillLab;
import org.viplab.lab.DrillStart;
import org.viplab.lab.LiveEngine;
import org.viplab.lab.RunReplacedException;
import org.viplab.core.util.Failures;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Timeline;
import org.viplab.ui.common.I18n;
import org.viplab.ui.common.TaskExecutor;
import org.viplab.ui.controls.LabControls;
import org.viplab.ui.sessions.SessionsModel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * What the drill panel does, without the panel: load a drill, run it on the engine in use (so the one
 * timeline feeds every view; see {@link LiveEngine#startDrill}), pause and abort it, record the user's actions into a drill,
 * and save or reopen whole sessions. Properties are read and written on the FX thread; parsing, file I/O and
 * the drill itself run on background threads, and come back through {@code fx}. Every method that starts
 * background work returns a future, so that tests can wait for it.
 */
public final class DrillPanelModel implements AutoCloseable {
    /** Where a drill run stands. */
    public enum Outcome { IDLE, RUNNING, PASSED, FAILED, ABORTED, ERROR }

    private final LabControls controls;
    private final I18n i18n;
    private final Executor fx;
    private final Executor io;
    /** A drill blocks its thread for its whole (virtual) duration: never the shared I/O thread. */
    private final ExecutorService drillThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "viplab-drill");
        t.setDaemon(true);
        return t;
    });

    private final ObservableList<Path> samples = FXCollections.observableArrayList();
    private final ObjectProperty<Drill> drill = new SimpleObjectProperty<>();
    private final ObservableList<StepRow> steps = FXCollections.observableArrayList();
    private final ObjectProperty<Outcome> outcome = new SimpleObjectProperty<>(Outcome.IDLE);
    private final ObjectProperty<DrillResult> lastResult = new SimpleObjectProperty<>();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final BooleanProperty fastest = new SimpleBooleanProperty();
    private final StringProperty state = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private Supplier<String> stateText = () -> "";
    private Supplier<String> messageText = () -> "";
    private final DrillRecording recording;
    private final SessionsModel sessions;

    /** How long a drill on real hosts waits for the baseline before its t = 0 (as on the command line). */
    static final long BASELINE_MAX_MS = 60_000;

    // the drill in progress (FX thread, except the volatile ones read by the drill thread)
    private volatile DrillRunner runner;
    private volatile DrillLab lab;
    private volatile boolean abortRequested;
    private final AtomicReference<List<Verdict>> latestVerdicts = new AtomicReference<>();
    private final AtomicBoolean verdictUpdateScheduled = new AtomicBoolean();
    private volatile long latestNowUs;

    /**
     * @param controls   the app's lab controls (the drill pauses, plays and resets the same simulation)
     * @param tasks      file work off the FX thread, outcomes back on it
     * @param samplesDir where sample drills are listed from; may not exist
     */
    public DrillPanelModel(LabControls controls, I18n i18n, TaskExecutor tasks, Path samplesDir) {
        this.controls = controls;
        this.i18n = i18n;
        this.fx = tasks.ui();
        this.io = tasks.background();
        this.recording = new DrillRecording(controls, i18n, tasks, running::get, this::setMessage);
        this.sessions = new SessionsModel(controls, i18n, tasks, new SessionsModel.DrillSide() {
            public boolean drillRunning() { return running.get(); }

            public String drillSource() { return drill.get() == null ? null : drill.get().source(); }

            public String recordingJson(String name) { return recording.toJson(name); }

            public void stopRecording() { recording.stopRecording(); }

            public void recovered(String json) { recording.recovered(json); }

            public void showRecovered() { recording.showRecovered(); }
        }, this::setMessage);
        i18n.localeProperty().addListener((o, a, b) -> retranslate());
        setState(() -> i18n.get("drills.none"));
        controls.lab().addRunListener((timeline, topology) -> runFx(() -> recording.runStarted(timeline)));
        controls.pausedProperty().addListener((o, a, b) -> { if (running.get()) showRunningState(); });
        listSamples(samplesDir);
    }

    // ---- properties ---------------------------------------------------------------------------------

    public ObservableList<Path> samples() { return samples; }

    public ReadOnlyObjectProperty<Drill> drillProperty() { return drill; }

    public ObservableList<StepRow> steps() { return steps; }

    public ReadOnlyObjectProperty<Outcome> outcomeProperty() { return outcome; }

    /** The result of the last drill that finished (for its report), null while one runs or before any. */
    public ReadOnlyObjectProperty<DrillResult> lastResultProperty() { return lastResult; }

    public ReadOnlyBooleanProperty runningProperty() { return running; }

    /** Off: the drill runs at the lab's speed; on: as fast as the CPU allows. */
    public BooleanProperty fastestProperty() { return fastest; }

    /** One sentence on the drill run: ready, running at t, passed, failed, aborted and what the restore did. */
    public ReadOnlyStringProperty stateProperty() { return state; }

    public ReadOnlyBooleanProperty recordingProperty() { return recording.recordingProperty(); }

    /** True when there is a recording (running or stopped) to save. */
    public ReadOnlyBooleanProperty hasRecordingProperty() { return recording.hasRecordingProperty(); }

    public ReadOnlyStringProperty recordTextProperty() { return recording.recordTextProperty(); }

    /** The recording's steps as they will be written: "t = 2s   stop db1/haproxy", expectations after. */
    public ObservableList<String> recordedSteps() { return recording.recordedSteps(); }

    /** True while a session is being saved or opened. */
    public ReadOnlyBooleanProperty busyProperty() { return sessions.busyProperty(); }

    /** The recorder of the user's actions. */
    public DrillRecording recording() { return recording; }

    /** File > Save session… and Open session…, whose outcome this panel's message tells. */
    public SessionsModel sessions() { return sessions; }

    /** The outcome of the last recording, session or file action. */
    public ReadOnlyStringProperty messageProperty() { return message; }

    /** True while the app looks at real hosts: drills run there in real time, recording is off. */
    public ReadOnlyBooleanProperty onHostsProperty() { return controls.onHostsProperty(); }

    /** The lab's pause state (the drill pauses with the lab). */
    public ReadOnlyBooleanProperty pausedProperty() { return controls.pausedProperty(); }

    // ---- loading ------------------------------------------------------------------------------------

    private void listSamples(Path dir) {
        if (dir == null || !Files.isDirectory(dir)) return;
        try (Stream<Path> s = Files.list(dir)) {
            samples.setAll(s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList());
        } catch (IOException e) {
            setMessage(() -> i18n.get("drills.state.error", e.getMessage()));
        }
    }

    /**
     * Parses the drill file off the FX thread and shows it; a bad file's error names file, line and column.
     * Completes once the drill is shown.
     */
    public CompletableFuture<Drill> load(Path file) {
        if (running.get()) return CompletableFuture.failedFuture(new IllegalStateException("a drill is running"));
        setState(() -> i18n.get("drills.state.loading", file.getFileName()));
        CompletableFuture<Drill> f = CompletableFuture.supplyAsync(() -> {
            try {
                return DrillParser.parseFile(file);
            } catch (DrillException e) {
                throw new CompletionException(e);
            }
        }, io);
        CompletableFuture<Drill> shown = new CompletableFuture<>();
        f.whenComplete((d, err) -> runFx(() -> {
            if (err != null) {
                Throwable cause = root(err);
                String text = cause instanceof DrillException de ? de.toString() : cause.getMessage();
                outcome.set(Outcome.ERROR);
                setState(() -> i18n.get("drills.state.error", text));
                shown.completeExceptionally(cause);
            } else {
                show(d);
                shown.complete(d);
            }
        }));
        return shown;
    }

    /** Shows {@code d} as if loaded from its file (a sweep's run, its seed and settings set), ready to run. */
    public void open(Drill d) {
        if (running.get()) throw new IllegalStateException("a drill is running");
        show(d);
    }

    private void show(Drill d) {
        drill.set(d);
        List<StepRow> rows = new ArrayList<>();
        for (Step s : d.steps()) rows.add(new StepRow(s, d, i18n));
        steps.setAll(rows);
        outcome.set(Outcome.IDLE);
        setState(() -> i18n.get("drills.state.idle"));
    }

    // ---- running ------------------------------------------------------------------------------------

    /**
     * Runs the loaded drill on the live simulation: restarts it on the drill's topology and seed (holding t = 0
     * until the drill is ready), then lets the runner drive it at the lab's speed or as fast as possible. Each
     * step turns passed, failed or done as its deadline passes. Completes with the result on the FX thread.
     */
    public CompletableFuture<DrillResult> run() {
        Drill d = drill.get();
        if (d == null || running.get()) return CompletableFuture.failedFuture(new IllegalStateException(d == null ? "no drill loaded" : "a drill is running"));
        recording.stopRecording();
        for (StepRow r : steps) r.clear();
        running.set(true);
        outcome.set(Outcome.RUNNING);
        lastResult.set(null);
        abortRequested = false;
        latestNowUs = 0;
        boolean fast = fastest.get();
        setState(() -> i18n.get("drills.state.running", seconds(0), seconds(d.endUs())));
        CompletableFuture<DrillResult> done = new CompletableFuture<>();
        LiveEngine engine = controls.lab().current();
        if (engine.can(Capability.TIME_CONTROLS) && controls.pausedProperty().get()) controls.play();
        drillThread.execute(() -> {
            DrillResult result = null;
            Throwable failure = null;
            try {
                result = runOn(engine, d, fast);
            } catch (Throwable t) {
                failure = root(t);
            }
            DrillResult res = result;
            Throwable fail = failure;
            runFx(() -> finished(d, res, fail, done));
        });
        return done;
    }

    /**
     * On the drill thread: the engine starts the drill's t = 0 (the simulator restarts on the drill's topology
     * and seed; real hosts restore and wait for their baseline, then run in real time and stay connected), and
     * the runner drives the lab it returns, on that lab's topology.
     */
    private DrillResult runOn(LiveEngine engine, Drill d, boolean fast) throws Exception {
        DrillRunner r = new DrillRunner();
        runner = r;
        if (abortRequested) r.abort();
        DrillLab l = engine.startDrill(new DrillStart(d.topology(), d.seed(), d.name(), fast, BASELINE_MAX_MS, () -> abortRequested,
                () -> runFx(() -> setState(() -> i18n.get("drills.state.baseline", BASELINE_MAX_MS / 1000))), actions(d)));
        lab = l;
        if (abortRequested) l.abort();
        try {
            return r.run(d.on(l.topology()), l, this::progress);
        } finally {
            l.close();
        }
    }

    /** Every action the drill may run, its restore's too. */
    private static List<org.viplab.lab.Action> actions(Drill d) {
        List<org.viplab.lab.Action> out = new java.util.ArrayList<>();
        for (List<? extends org.viplab.drill.Step> steps : List.of(d.steps(), d.restore())) {
            for (org.viplab.drill.Step s : steps) if (s instanceof org.viplab.drill.Step.ActionStep a) out.add(a.action());
        }
        return out;
    }

    /** On the drill thread: keep only the latest verdicts and hand them to the FX thread once at a time. */
    private void progress(long nowUs, List<Verdict> verdicts) {
        latestNowUs = nowUs;
        latestVerdicts.set(verdicts);
        if (verdictUpdateScheduled.compareAndSet(false, true)) {
            runFx(() -> {
                verdictUpdateScheduled.set(false);
                List<Verdict> v = latestVerdicts.get();
                if (!running.get() || v == null) return;
                showVerdicts(v);
                showRunningState();
            });
        }
    }

    private void showRunningState() {
        Drill d = drill.get();
        long now = Math.max(latestNowUs, controls.lab().now());
        boolean paused = controls.pausedProperty().get();
        setState(() -> i18n.get(paused ? "drills.state.paused" : "drills.state.running", seconds(now), seconds(d == null ? 0 : d.endUs())));
    }

    private void showVerdicts(List<Verdict> verdicts) {
        for (int i = 0; i < verdicts.size() && i < steps.size(); i++) steps.get(i).show(verdicts.get(i));
    }

    private void finished(Drill d, DrillResult r, Throwable failure, CompletableFuture<DrillResult> done) {
        running.set(false);
        runner = null;
        lab = null;
        if (r == null) {
            outcome.set(Outcome.ERROR);
            // an engine's refusal (a tool the hosts lack, a baseline not reached) in the user's language, now and after a switch
            Object text = failure instanceof RunReplacedException ? i18n.get("drills.state.resetDuring") : Failures.text(failure);
            setState(() -> i18n.get("drills.state.error", text));
            done.completeExceptionally(failure);
            return;
        }
        showVerdicts(r.verdicts());
        DrillSummary summary = DrillSummary.of(r, abortRequested, controls.lab().now(), i18n);
        outcome.set(summary.outcome());
        setState(summary.text());
        lastResult.set(r);
        done.complete(r);
    }

    /** Pauses or resumes the drill: the lab's own pause, so the views and the drill stop together. */
    public void togglePause() { controls.togglePause(); }

    /** Stops the drill at once; its restore steps and the implicit restore run, and the panel says what they did. */
    public void abort() {
        if (!running.get()) return;
        abortRequested = true;
        DrillRunner r = runner;
        DrillLab l = lab;
        if (r != null) r.abort();
        if (l != null) l.abort();
        if (controls.pausedProperty().get()) controls.play(); // the restore must be able to run
    }

    // ---- recording and sessions (their own models; kept here for the panel) ------------------------------

    public CompletableFuture<Void> startRecording() { return recording.startRecording(); }

    public void stopRecording() { recording.stopRecording(); }

    public void setRecording(boolean on) { recording.setRecording(on); }

    /** The kinds of expectation the trainer can add from what just happened. */
    public enum Suggestion { LAST_VIP_MOVE, NO_SPLIT_BRAIN, CLIENT_DOWNTIME }

    /** Adds an expectation to the recording; false (with a message) when there is nothing to base it on. */
    public boolean addExpectation(Suggestion s) { return recording.addExpectation(s); }

    /** Adds "expect the VIP on this host within the time it took" for a VIP switch picked elsewhere (the chart). */
    public boolean addVipExpectation(LabEvent.VipChanged vipAdded) { return recording.addVipExpectation(vipAdded); }

    public DrillRecorder recorder() { return recording.recorder(); }

    /** Writes the recording (stopped or still running) as a drill file, atomically, off the FX thread. */
    public CompletableFuture<Path> saveRecording(Path file) { return recording.saveRecording(file); }

    // ---- helpers ------------------------------------------------------------------------------------

    private void runFx(Runnable r) { fx.execute(r); }

    private void setState(Supplier<String> s) {
        stateText = s;
        state.set(s.get());
    }

    private void setMessage(Supplier<String> s) {
        messageText = s;
        message.set(s.get());
    }

    private void retranslate() {
        state.set(stateText.get());
        message.set(messageText.get());
    }

    static String seconds(long us) { return String.format(Locale.ROOT, "%.1f", us / 1e6); }

    static long lastTime(Timeline t) {
        List<LabEvent> s = t.snapshot();
        return s.isEmpty() ? 0 : s.get(s.size() - 1).timeUs();
    }

    static String stem(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    static Throwable root(Throwable t) { return Failures.root(t); }

    @Override
    public void close() {
        abort();
        drillThread.shutdownNow();
    }
}
