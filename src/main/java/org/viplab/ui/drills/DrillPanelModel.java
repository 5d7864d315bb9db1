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
import org.viplab.session.Session;
import org.viplab.session.SessionFiles;
import org.viplab.session.SessionReplay;
import org.viplab.lab.Capability;
import org.viplab.lab.DrillLab;
import org.viplab.lab.DrillStart;
import org.viplab.lab.Engine;
import org.viplab.lab.LiveEngine;
import org.viplab.lab.RecordedRun;
import org.viplab.lab.RunReplacedException;
import org.viplab.core.util.Failures;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Timeline;
import org.viplab.ui.common.I18n;
import org.viplab.ui.controls.LabControls;
import org.viplab.core.util.Durations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    private final BooleanProperty recording = new SimpleBooleanProperty();
    private final BooleanProperty hasRecording = new SimpleBooleanProperty();
    private final StringProperty recordText = new SimpleStringProperty("");
    private final ObservableList<String> recordedSteps = FXCollections.observableArrayList();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private Supplier<String> stateText = () -> "";
    private Supplier<String> recordTextSupplier = () -> "";
    private Supplier<String> messageText = () -> "";

    /** How long a drill on real hosts waits for the baseline before its t = 0 (as on the command line). */
    static final long BASELINE_MAX_MS = 60_000;

    // the drill in progress (FX thread, except the volatile ones read by the drill thread)
    private volatile DrillRunner runner;
    private volatile DrillLab lab;
    private volatile boolean abortRequested;
    private final AtomicReference<List<Verdict>> latestVerdicts = new AtomicReference<>();
    private final AtomicBoolean verdictUpdateScheduled = new AtomicBoolean();
    private volatile long latestNowUs;

    // recording (FX thread)
    private DrillRecorder recorder;
    private Timeline recordTimeline;
    private long recordEndUs = -1;
    private String recoveredRecording;
    /** The last session opened was recorded on real hosts and is shown read-only (FX thread). */
    private boolean recordedShown;
    private final Timeline.Listener recordListener = e -> {
        if (e instanceof LabEvent.ActionApplied a && a.by() == Actor.USER) runFx(this::refreshRecordText);
    };

    /**
     * @param controls   the app's lab controls (the drill pauses, plays and resets the same simulation)
     * @param fx         runs on the FX thread ({@code Platform::runLater})
     * @param io         runs file work off the FX thread (the app's background executor)
     * @param samplesDir where sample drills are listed from; may not exist
     */
    public DrillPanelModel(LabControls controls, I18n i18n, Executor fx, Executor io, Path samplesDir) {
        this.controls = controls;
        this.i18n = i18n;
        this.fx = fx;
        this.io = io;
        i18n.localeProperty().addListener((o, a, b) -> retranslate());
        setState(() -> i18n.get("drills.none"));
        controls.lab().addRunListener((timeline, topology) -> runFx(() -> runStarted(timeline)));
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

    public ReadOnlyBooleanProperty recordingProperty() { return recording; }

    /** True when there is a recording (running or stopped) to save. */
    public ReadOnlyBooleanProperty hasRecordingProperty() { return hasRecording; }

    public ReadOnlyStringProperty recordTextProperty() { return recordText; }

    /** The recording's steps as they will be written: "t = 2s   stop db1/haproxy", expectations after. */
    public ObservableList<String> recordedSteps() { return recordedSteps; }

    /** True while a session is being saved or opened. */
    public ReadOnlyBooleanProperty busyProperty() { return busy; }

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

    private void show(Drill d) {
        drill.set(d);
        List<StepRow> rows = new ArrayList<>();
        for (Step s : d.steps()) rows.add(new StepRow(s, i18n));
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
        if (recording.get()) stopRecording();
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
                () -> runFx(() -> setState(() -> i18n.get("drills.state.baseline", BASELINE_MAX_MS / 1000)))));
        lab = l;
        if (abortRequested) l.abort();
        try {
            return r.run(d.on(l.topology()), l, this::progress);
        } finally {
            l.close();
        }
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
            String text = failure instanceof RunReplacedException ? i18n.get("drills.state.resetDuring") : failure.getMessage();
            setState(() -> i18n.get("drills.state.error", text));
            done.completeExceptionally(failure);
            return;
        }
        showVerdicts(r.verdicts());
        long expectations = r.verdicts().stream().filter(v -> !(v.step() instanceof Step.ActionStep)).count();
        long failed = r.verdicts().stream().filter(Verdict::failed).count();
        String problems = r.restoreProblems().isEmpty() ? "" : " " + i18n.get("drills.state.restoreProblems", String.join("; ", r.restoreProblems()));
        if (abortRequested) {
            outcome.set(Outcome.ABORTED);
            List<String> restored = restoreActions(r.events());
            long at = r.events().stream().filter(e -> e instanceof LabEvent.ActionApplied a && a.by() == Actor.RESTORE)
                    .mapToLong(LabEvent::timeUs).findFirst().orElse(controls.lab().now());
            setState(() -> (restored.isEmpty() ? i18n.get("drills.state.abortedNothing", seconds(at))
                    : i18n.get("drills.state.aborted", seconds(at), String.join(", ", restored))) + problems);
        } else if (failed == 0) {
            outcome.set(Outcome.PASSED);
            setState(() -> i18n.get("drills.state.passed", expectations) + problems);
        } else {
            outcome.set(Outcome.FAILED);
            setState(() -> i18n.get("drills.state.failed", failed, expectations) + problems);
        }
        lastResult.set(r);
        done.complete(r);
    }

    private static List<String> restoreActions(List<LabEvent> events) {
        List<String> out = new ArrayList<>();
        for (LabEvent e : events) {
            if (e instanceof LabEvent.ActionApplied a && a.by() == Actor.RESTORE) out.add(a.action() + " " + a.target());
        }
        return out;
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

    // ---- recording ----------------------------------------------------------------------------------

    /**
     * Starts recording the user's actions. A drill starts from the steady state at t = 0, so when the current
     * run already has actions the lab is restarted (same topology and seed) and the recording starts at t = 0;
     * otherwise it records the current run from its t = 0. Either way the drill replays exactly.
     */
    public CompletableFuture<Void> startRecording() {
        if (recording.get() || running.get()) return CompletableFuture.completedFuture(null);
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
                setMessage(() -> i18n.get("drills.state.error", root(err).getMessage()));
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

    /** The kinds of expectation the trainer can add from what just happened. */
    public enum Suggestion { LAST_VIP_MOVE, NO_SPLIT_BRAIN, CLIENT_DOWNTIME }

    /** Adds an expectation to the recording; false (with a message) when there is nothing to base it on. */
    public boolean addExpectation(Suggestion s) {
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
        String name = stem(file);
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
        return recordTimeline == engine.timeline() ? engine.now() : lastTime(recordTimeline);
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

    private void runStarted(Timeline timeline) {
        // a reset made by someone else ends a recording on the old run; what was recorded is kept
        if (recording.get() && recordTimeline != null && timeline != recordTimeline) stopRecording();
    }

    // ---- sessions -----------------------------------------------------------------------------------

    /**
     * Saves the whole session (topology, seed, settings, timeline, the recording if any) to one file,
     * atomically, off the FX thread. For File > Save session….
     */
    public CompletableFuture<Path> saveSession(Path file) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("speed", String.valueOf(controls.speedProperty().get()));
        settings.put("paused", String.valueOf(controls.pausedProperty().get()));
        settings.put("language", i18n.locale().toLanguageTag());
        if (drill.get() != null) settings.put("drill", drill.get().source());
        String rec = recorder == null ? recoveredRecording : recorder.toJson(recordTimeline.snapshot(), recordEnd(), i18n.get("drills.record.name", stem(file)), null);
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
        if (running.get()) return CompletableFuture.failedFuture(new IllegalStateException("a drill is running"));
        if (controls.lab().can(Capability.CONNECTED)) {
            setMessage(() -> i18n.get("drills.session.disconnectFirst"));
            return CompletableFuture.failedFuture(new IllegalStateException(i18n.get("drills.session.disconnectFirst")));
        }
        busy.set(true);
        setMessage(() -> i18n.get("drills.session.opening", file.getFileName()));
        CompletableFuture<Session> read = CompletableFuture.supplyAsync(() -> {
            try {
                return SessionFiles.read(file);
            } catch (org.viplab.session.SessionException e) {
                throw new CompletionException(e);
            }
        }, io);
        CompletableFuture<SessionReplay.Outcome> f = read.thenCompose(s -> {
            if (!SessionReplay.replayable(s)) {
                // recorded on real hosts: shown as it was, read-only, in the same views
                CompletableFuture<SessionReplay.Outcome> shown = new CompletableFuture<>();
                long end = SessionReplay.endOf(s);
                runFx(() -> {
                    if (recording.get()) stopRecording();
                    controls.useAway(new RecordedRun(Engine.fromId(s.engine()), s.topology(), s.events(), end))
                            .whenComplete((v, e) -> shown.complete(new SessionReplay.Outcome(end, s.events().size(), null)));
                    recordedShown = true;
                });
                return shown;
            }
            CompletableFuture<org.viplab.lab.TimeControls> paused = new CompletableFuture<>();
            runFx(() -> {
                recordedShown = false;
                if (recording.get()) stopRecording();
                controls.backToSimulation();
                controls.pause().whenComplete((v, e) -> paused.complete(controls.lab().timeControls().orElseThrow()));
            });
            return paused.thenCompose(time -> SessionReplay.replay(time, s, "session " + file.getFileName()))
                    .thenApply(o -> {
                        runFx(() -> recoveredRecording = s.recordingJson());
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
                if (recoveredRecording != null) hasRecording.set(true);
                if (recordedShown) setMessage(() -> i18n.get("drills.session.openedRecorded", file.getFileName(), seconds(o.endUs()), o.events()));
                else setMessage(() -> i18n.get("drills.session.opened", file.getFileName(), seconds(o.endUs()), o.events()));
            }
        }));
        return f;
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private void runFx(Runnable r) { fx.execute(r); }

    private void setState(Supplier<String> s) {
        stateText = s;
        state.set(s.get());
    }

    private void setRecordText(Supplier<String> s) {
        recordTextSupplier = s;
        recordText.set(s.get());
    }

    private void setMessage(Supplier<String> s) {
        messageText = s;
        message.set(s.get());
    }

    private void retranslate() {
        state.set(stateText.get());
        recordText.set(recordTextSupplier.get());
        message.set(messageText.get());
    }

    private static String seconds(long us) { return String.format(Locale.ROOT, "%.1f", us / 1e6); }

    private static long lastTime(Timeline t) {
        List<LabEvent> s = t.snapshot();
        return s.isEmpty() ? 0 : s.get(s.size() - 1).timeUs();
    }

    private static String stem(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    private static String version() {
        String v = DrillPanelModel.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    static Throwable root(Throwable t) { return Failures.root(t); }

    @Override
    public void close() {
        abort();
        drillThread.shutdownNow();
    }
}
