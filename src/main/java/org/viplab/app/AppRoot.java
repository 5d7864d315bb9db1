package org.viplab.app;

import org.viplab.ui.common.UiThread;
import javafx.stage.Stage;
import org.viplab.core.model.Presets;
import org.viplab.core.model.Topology;
import org.viplab.core.util.StartupTiming;
import org.viplab.lab.LabSwitch;
import org.viplab.cli.lab.LabScripts;
import org.viplab.engine.sim.LiveSimulation;
import org.viplab.engine.sim.SimulatedLab;
import org.viplab.engine.ssh.SshHostsEngines;
import org.viplab.ui.hosts.HostsContext;
import org.viplab.ui.controls.HostsConnection;
import org.viplab.ui.common.FxTimelineBridge;
import org.viplab.ui.common.I18n;
import org.viplab.ui.controls.LabControls;
import org.viplab.ui.live.LabViewModel;
import org.viplab.ui.main.MainWindow;
import org.viplab.ui.settings.Prefs;
import org.viplab.ui.settings.PrefsStore;
import org.viplab.ui.settings.Theme;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The composition root: builds the simulation, the FX bridge, the view model, the controls and the main
 * window, and takes them down again. The app and the UI tests both open the window through here. It is the
 * one place of the app that names the engines (the simulator, the SSH engine) and the one-machine lab's
 * files; everything under ui gets them as {@code lab} interfaces.
 */
public final class AppRoot implements AutoCloseable {
    /** A fresh simulator for a drill (its topology and seed): what sweeps and exercise judging run on. */
    private static final org.viplab.sweep.SweepRunner.LabFactory SIMULATOR =
            (d, t) -> SimulatedLab.steadyState(d.topology(), d.seed(), t);

    /**
     * What to start with. {@code startAfterFirstFrame}: the engine starts once the window's first frame is
     * laid out, so no event reaches the FX thread before the user sees the window (the app does this).
     */
    public record Options(Topology topology, long seed, boolean startPaused, boolean notifications, boolean startAfterFirstFrame) {
        public Options(Topology topology, long seed, boolean startPaused, boolean notifications) {
            this(topology, seed, startPaused, notifications, false);
        }

        public static Options defaults() { return new Options(Presets.mode1(), 1, false, true, true); }
    }

    public final LiveSimulation live;
    /** The engine the views look at: {@link #live}, or real hosts once connected. */
    public final LabSwitch lab;
    /** "Connect to hosts…" and back. */
    public final HostsConnection hosts;
    /** Lab > Connect to hosts… / Disconnect, and the confirmation of actions on real hosts. */
    public final org.viplab.ui.main.HostsMenu hostsMenu;
    public final FxTimelineBridge bridge;
    public final LabViewModel viewModel;
    public final LabControls controls;
    public final I18n i18n;
    public final MainWindow window;
    /** Import, lint (Findings tab) and report export, wired into the window's menus. */
    public final org.viplab.ui.main.AppFeatures features;
    public final Prefs prefs;
    private final PrefsStore store;
    private final ExecutorService background;
    /** The Sweep tab's model; its sweeps run on their own thread (which hands the runs to a work-stealing pool). */
    public final org.viplab.ui.sweep.SweepModel sweep;
    private final ExecutorService sweepThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "viplab-sweep");
        t.setDaemon(true);
        return t;
    });
    /** Tools > Tune…: the tuning advisor's model; its searches run on their own thread, like sweeps. */
    public final org.viplab.ui.tune.TuneModel tune;
    private org.viplab.ui.tune.TuneDialog tuneDialog;
    private final ExecutorService tuneThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "viplab-tune");
        t.setDaemon(true);
        return t;
    });
    private final Stage stage;

    private AppRoot(Stage stage, Options options, PrefsStore store, Prefs prefs) {
        this.stage = stage;
        this.store = store;
        this.prefs = prefs;
        Theme.fromId(prefs.theme).apply();
        StartupTiming.mark("theme set");
        i18n = new I18n(Locale.forLanguageTag(prefs.language));
        background = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "viplab-io");
            t.setDaemon(true);
            return t;
        });
        live = new LiveSimulation(options.topology(), options.seed());
        if (options.startPaused()) live.pause();
        bridge = new FxTimelineBridge(UiThread.executor());
        viewModel = new LabViewModel();
        bridge.addSink(viewModel);
        lab = new LabSwitch(live);
        bridge.attach(lab);
        controls = new LabControls(lab, live, UiThread.executor(), i18n);
        HostsContext hostsContext = new HostsContext(new SshHostsEngines(), labInventoryFile());
        hosts = new HostsConnection(controls, hostsContext.engines(), UiThread.executor(), background);
        if (options.startPaused()) controls.pausedProperty().set(true);
        StartupTiming.mark("engine and models");
        window = new MainWindow(stage, viewModel, controls, i18n, prefs, background, store::saveAsync);
        StartupTiming.mark("main window");
        window.setNotificationsEnabled(options.notifications());
        features = new org.viplab.ui.main.AppFeatures(window, controls, i18n);
        hostsMenu = new org.viplab.ui.main.HostsMenu(window, controls, hosts, hostsContext, i18n);
        window.bottomTabs().getTabs().add(exercisesTab());
        // Time travel: the drawing shows the moment of the event selected in the list (the charts and the why
        // panel select there too); its "Back to live" clears that selection.
        var selection = window.eventList().table().getSelectionModel();
        window.topologyView().followSelection(selection.selectedItemProperty(), selection::clearSelection);
        // "Next event" goes to the list's next shown event (stepping the simulation until one happens)
        controls.setStepper(new org.viplab.ui.events.EventStepper(window.eventList(), controls)::next);
        org.viplab.ui.topology.FirstRunCard.install(window.topologyView(), viewModel, i18n, prefs, store::saveAsync, window.bottomTabs());
        sweep = sweepTab();
        tune = tuneTool();
        bridge.addSink(new FxTimelineBridge.Sink() {
            @Override public void runStarted(Topology t) { }

            @Override public void runStarted(Topology t, org.viplab.core.timeline.Timeline timeline) {
                window.showRun(t, timeline);
                AppLauncher.showing(timeline);
                StartupTiming.mark("charts built");
            }

            @Override public void appended(java.util.List<org.viplab.core.timeline.LabEvent> batch) { }
        });
        if (prefs.x != null && prefs.y != null && !prefs.x.isNaN() && !prefs.y.isNaN()) {
            stage.setX(prefs.x);
            stage.setY(prefs.y);
        }
        stage.setMaximized(prefs.maximized);
        stage.setOnHidden(e -> rememberGeometry());
        if (options.startAfterFirstFrame()) afterFirstLayout(window.scene(), live::start);
        else live.start();
    }

    /**
     * The Sweep tab: sweeps of the simulator and, beside them, runs on real hosts over SSH (this root names both
     * engines; the one-machine lab's inventory is the default), a worst run opened in the drill panel.
     */
    private org.viplab.ui.sweep.SweepModel sweepTab() {
        var real = new org.viplab.ui.sweep.SweepModel.RealAccess(new org.viplab.engine.ssh.SshRealHosts(), labInventoryFile(),
                new org.viplab.ui.hosts.FxHostKeyPrompt(() -> stage, i18n),
                org.viplab.ui.sweep.PasswordsDialog.asker(i18n, () -> stage));
        org.viplab.ui.sweep.SweepModel m = new org.viplab.ui.sweep.SweepModel(new org.viplab.ui.common.FxTaskExecutor(sweepThread),
                SIMULATOR, i18n, d -> { if (window.drillPanel() != null) window.drillPanel().model().open(d); },
                Runtime.getRuntime().availableProcessors(), real);
        javafx.scene.control.Tab tab = new javafx.scene.control.Tab();
        tab.setId("tab-sweep");
        tab.textProperty().bind(i18n.bind("tab.sweep"));
        tab.setContent(new org.viplab.ui.sweep.SweepView(m, i18n, () -> stage));
        window.bottomTabs().getTabs().add(tab);
        return m;
    }

    /** Tools > Tune…: searches on the simulator (this root names the engine) from the lab's settings; Apply restarts the lab on one. */
    private org.viplab.ui.tune.TuneModel tuneTool() {
        org.viplab.ui.tune.TuneModel m = new org.viplab.ui.tune.TuneModel(new org.viplab.ui.common.FxTaskExecutor(tuneThread), SIMULATOR, i18n,
                controls::topologyCopy, controls::applySettings, Runtime.getRuntime().availableProcessors());
        javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem();
        item.textProperty().bind(i18n.bind("menu.tools.tune"));
        item.setId("menu-tools-tune");
        item.setOnAction(e -> tuneDialog().show());
        window.menuSections().add(org.viplab.ui.main.MenuSections.Section.TOOLS, item);
        return m;
    }

    /** The Tune dialog, made on first use and kept (its last search stays on show). */
    public org.viplab.ui.tune.TuneDialog tuneDialog() {
        if (tuneDialog == null) tuneDialog = new org.viplab.ui.tune.TuneDialog(tune, i18n, stage);
        return tuneDialog;
    }

    /** Runs {@code r} once, after the first pulse that lays {@code scene} out (the listener list is copy-on-write). */
    private static void afterFirstLayout(javafx.scene.Scene scene, Runnable r) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            r.run();
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    /** Where the one-machine lab keeps its inventory while it is up; null when that cannot be told. */
    public static Path labInventoryFile() {
        try {
            return LabScripts.defaultStateDir().resolve("inventory.json");
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** What the hosts dialog needs, as the app wires it (for tests that open the dialog alone). */
    /**
     * The Exercises tab: trainees' answers are judged on fresh simulator runs (this root alone names the engine),
     * the exercises read from the samples beside the app.
     */
    private javafx.scene.control.Tab exercisesTab() {
        org.viplab.exercise.Judge judge = new org.viplab.exercise.Judge(d -> new org.viplab.drill.DrillRunner()
                .run(d, SIMULATOR.create(d, new org.viplab.core.timeline.Timeline()), null));
        var model = new org.viplab.ui.exercises.ExercisesModel(new org.viplab.ui.common.FxTaskExecutor(background), judge,
                org.viplab.core.util.SampleFiles.root().resolve("exercises"), System::currentTimeMillis);
        model.setShowOnLab(d -> {
            var drills = window.drillPanel().model();
            if (drills.runningProperty().get()) return; // a drill already runs: the Drills tab says so
            drills.open(d);
            window.bottomTabs().getTabs().stream().filter(t -> "tab-drills".equals(t.getId())).findFirst()
                    .ifPresent(t -> window.bottomTabs().getSelectionModel().select(t));
            drills.run();
        });
        javafx.scene.control.Tab tab = new javafx.scene.control.Tab();
        tab.setId("tab-exercises");
        tab.setClosable(false);
        tab.textProperty().bind(i18n.bind("tab.exercises"));
        tab.setContent(new org.viplab.ui.exercises.ExercisesPanel(model, i18n));
        // while an exercise with a hidden fault is unsolved, the views that would show it stay covered
        for (javafx.scene.control.Tab t : window.bottomTabs().getTabs()) {
            if (java.util.Set.of("tab-config", "tab-settings", "tab-findings").contains(t.getId())) {
                org.viplab.ui.exercises.AnswerCover.cover(t, model.hidesAnswersProperty(), i18n);
            }
        }
        // View > Trainer mode: the same switch as the tab's button, from the keyboard during a class
        javafx.scene.control.CheckMenuItem trainer = new javafx.scene.control.CheckMenuItem();
        trainer.setId("menu-view-trainer");
        trainer.textProperty().bind(i18n.bind("menu.view.trainerMode"));
        trainer.setAccelerator(javafx.scene.input.KeyCombination.valueOf("Shortcut+Shift+T"));
        // the mode decides the tick, whether the menu, its key or the tab's button switched it
        trainer.setOnAction(e -> model.trainerModeProperty().set(!model.trainerModeProperty().get()));
        model.trainerModeProperty().addListener((o, a, on) -> trainer.setSelected(on));
        window.menus().getMenus().stream().filter(m -> "menu-view".equals(m.getId())).findFirst()
                .ifPresent(m -> m.getItems().addAll(new javafx.scene.control.SeparatorMenuItem(), trainer));
        return tab;
    }

    public static HostsContext hostsContext() { return new HostsContext(new SshHostsEngines(), labInventoryFile()); }

    /** Opens the lab in {@code stage} (not shown yet). {@code prefs} were loaded off the FX thread. */
    /**
     * The app command's {@code --mode=mode2} and {@code --speed=100} (checked there): a lesson's or a benchmark's
     * start. Completes once both are applied.
     */
    public java.util.concurrent.CompletableFuture<Void> startAsAsked(java.util.Map<String, String> named) {
        java.util.concurrent.CompletableFuture<Void> ready = "mode2".equals(named.get("mode"))
                ? controls.switchMode(org.viplab.core.model.Mode.HAPROXY_TRACKING)
                : java.util.concurrent.CompletableFuture.completedFuture(null);
        String speed = named.get("speed");
        if (speed == null) return ready;
        java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
        ready.whenComplete((v, e) -> javafx.application.Platform.runLater(
                () -> controls.setSpeed(Integer.parseInt(speed)).whenComplete((w, f) -> done.complete(null))));
        return done;
    }

    public static AppRoot open(Stage stage, Options options, PrefsStore store, Prefs prefs) {
        return new AppRoot(stage, options, store, prefs);
    }

    private void rememberGeometry() {
        prefs.maximized = stage.isMaximized();
        if (!stage.isMaximized()) {
            prefs.x = stage.getX();
            prefs.y = stage.getY();
            prefs.width = stage.getWidth();
            prefs.height = stage.getHeight();
        }
        store.saveAsync(prefs);
    }

    @Override
    public void close() {
        hosts.close();
        bridge.close();
        features.close();
        boolean restoring = sweep.onRealHosts();
        sweep.cancel();
        if (restoring) {
            // the run in progress on real hosts stops at its next step and restores them, as after Ctrl-C in the CLI:
            // the window is gone, the process waits (bounded) for the restore before it goes
            sweepThread.shutdown();
            try {
                sweepThread.awaitTermination(90, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        sweepThread.shutdownNow();
        tune.cancel();
        tuneThread.shutdownNow();
        live.close();
        background.shutdown();
        store.close();
    }
}
