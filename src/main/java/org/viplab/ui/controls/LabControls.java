package org.viplab.ui.controls;

import org.viplab.core.util.BundleText;
import org.viplab.core.timeline.Actor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.viplab.lab.Action;
import org.viplab.lab.Capability;
import org.viplab.lab.LabSwitch;
import org.viplab.lab.LiveEngine;
import org.viplab.lab.RecordedRun;
import org.viplab.lab.Target;
import org.viplab.lab.TimeControls;
import org.viplab.lab.Verb;
import org.viplab.core.model.Flavour;
import org.viplab.core.model.Mode;
import org.viplab.core.model.Presets;
import org.viplab.core.model.Topology;
import org.viplab.core.model.TopologyJson;
import org.viplab.core.util.Failures;
import org.viplab.ui.common.I18n;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * What the toolbar, menus, shortcuts and context menus do, in one place. Every command goes to the engine
 * in use (the simulation, or real hosts after "Connect to hosts…") and returns at once; only the outcome
 * (an error, a new pause state) comes back to the FX thread, once per command. What the command did shows up
 * through the timeline. Time controls, mode, flavour and settings act only on a run that has
 * {@link Capability#TIME_CONTROLS} (the simulation); where actions need confirmation (real hosts) an action
 * first shows the commands it will run and asks (see {@link #setRealActionConfirm}). Which engine is in use
 * is never asked: only what it can do.
 */
public final class LabControls {

    /** Asked before an action runs on real hosts outside a drill; true to go ahead. */
    @FunctionalInterface
    public interface RealActionConfirm {
        boolean confirm(String action, List<String> commands);
    }

    /** The engine the app starts on and comes back to (the simulation). */
    private final LiveEngine home;
    private final TimeControls homeTime;
    private java.util.function.Supplier<CompletableFuture<Long>> stepper;
    private final LabSwitch lab;
    private final BooleanProperty onHosts = new SimpleBooleanProperty();
    private final BooleanProperty incident = new SimpleBooleanProperty();
    private RealActionConfirm confirm = (a, c) -> false;
    private boolean simulationWasRunning;
    private final Executor fx;
    private final I18n i18n;
    private final ObjectProperty<Topology> topology = new SimpleObjectProperty<>();
    private final BooleanProperty paused = new SimpleBooleanProperty();
    private final IntegerProperty speed = new SimpleIntegerProperty(1);
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty pauseOnVipChange = new SimpleBooleanProperty();
    /** How to say the last status again, so that a language switch retranslates it. */
    private java.util.function.Supplier<String> lastStatus;

    /** On the home engine alone (tests, and the app before any connect). */
    public LabControls(LiveEngine home, Executor fx, I18n i18n) {
        this(new LabSwitch(home), home, fx, i18n);
    }

    /**
     * @param lab  the engine in use, which starts out as {@code home}
     * @param home the engine the app comes back to; it has time controls
     */
    public LabControls(LabSwitch lab, LiveEngine home, Executor fx, I18n i18n) {
        this.lab = lab;
        this.home = home;
        this.homeTime = home.timeControls().orElseThrow(() -> new IllegalArgumentException("the home engine has no time controls"));
        this.fx = fx;
        this.i18n = i18n;
        topology.set(TopologyJson.copy(home.topology()));
        i18n.localeProperty().addListener((o, a, b) -> { if (lastStatus != null) status.set(lastStatus.get()); });
        paused.set(homeTime.paused());
        speed.set(homeTime.speed());
        // the simulation pauses itself, at the VIP event's own time: at 100x the window would notice seconds late
        pauseOnVipChange.addListener((o, a, on) -> report(homeTime.pauseWhen(on ? LabControls::isVipChange : null)));
        // a drill, a session or the settings can start a run: the toolbar and title follow whoever did
        lab.addRunListener((timeline, t) -> {
            boolean hosts = !lab.current().can(Capability.TIME_CONTROLS);
            boolean replayed = lab.current() instanceof org.viplab.lab.RecordedRun r && r.recordedOn() == org.viplab.lab.Engine.INCIDENT;
            fx.execute(() -> {
                onHosts.set(hosts);
                incident.set(replayed);
                topology.set(TopologyJson.copy(t));
            });
        });
    }

    public ReadOnlyObjectProperty<Topology> topologyProperty() { return topology; }

    /** The topology running now (a copy: edit it and pass it to {@link #applySettings}). */
    public Topology topologyCopy() { return TopologyJson.copy(topology.get()); }

    public BooleanProperty pausedProperty() { return paused; }

    /**
     * "Pause automatically on a VIP change": the simulation stops at the moment the VIP arrives on a host after
     * t = 0, a move or a second holder (a split brain begins). Real hosts never pause.
     */
    public BooleanProperty pauseOnVipChangeProperty() { return pauseOnVipChange; }

    /** The VIP arrived on a host during the run (the warm-up before t = 0 does not count). */
    public static boolean isVipChange(org.viplab.core.timeline.LabEvent e) {
        return e instanceof org.viplab.core.timeline.LabEvent.VipChanged v && v.added() && v.timeUs() >= 0;
    }

    /**
     * Takes over a pause the engine made by itself ({@link #pauseOnVipChangeProperty()}); true when the toolbar
     * switched to paused now. FX thread.
     */
    public boolean followEnginePause() {
        Optional<TimeControls> time = lab.current().timeControls();
        if (time.isEmpty() || !time.get().paused() || paused.get()) return false;
        paused.set(true);
        return true;
    }

    public IntegerProperty speedProperty() { return speed; }

    /** The last outcome worth telling the user, in the current language. */
    public StringProperty statusProperty() { return status; }

    /** The engine in use; views and exports read from here. */
    public LabSwitch lab() { return lab; }

    /**
     * True while the app looks at a run without time controls (real hosts, a recording): time controls, mode,
     * flavour and settings do not apply.
     */
    public ReadOnlyBooleanProperty onHostsProperty() { return onHosts; }

    /** True while the run shown is a real incident replayed from logs (labelled INCIDENT; read-only like a recording). */
    public ReadOnlyBooleanProperty incidentProperty() { return incident; }

    /**
     * Shows {@code engine} (real hosts, or a recorded run) instead of the simulation, which pauses meanwhile;
     * on the FX thread.
     */
    public CompletableFuture<Void> useAway(LiveEngine engine) {
        if (!away()) simulationWasRunning = !homeTime.paused();
        homeTime.pause();
        return lab.use(engine);
    }

    /** True while another engine than the home one (the simulation) is shown. */
    public boolean away() { return lab.current() != home; }

    /** Back to the simulation, which runs on if it ran before; on the FX thread. */
    public CompletableFuture<Void> backToSimulation() {
        if (!away()) return CompletableFuture.completedFuture(null);
        CompletableFuture<Void> f = lab.use(home);
        if (simulationWasRunning && !paused.get()) homeTime.play();
        return f;
    }

    /** Who asks before an action runs on real hosts (the app shows the commands in a dialog). */
    public void setRealActionConfirm(RealActionConfirm c) { this.confirm = c; }

    /** Shows a translated status message; it follows later language switches. */
    public void status(String key, Object... args) {
        lastStatus = () -> i18n.get(key, args);
        status.set(lastStatus.get());
    }

    /** Shows a message that is already text (e.g. a description the user produced). */
    public void statusText(String text) {
        lastStatus = () -> text;
        status.set(text);
    }

    public CompletableFuture<Void> apply(Verb verb, Target target) {
        Action a;
        try {
            a = new Action(verb, target);
        } catch (IllegalArgumentException e) {
            status("status.error", Failures.text(e));
            return CompletableFuture.failedFuture(e);
        }
        LiveEngine engine = lab.current();
        if (engine.can(Capability.READ_ONLY)) return readOnly();
        if (engine.can(Capability.CONFIRM_ACTIONS)) {
            List<String> commands;
            try {
                commands = engine.commandsFor(a);
            } catch (RuntimeException e) {
                status("status.error", Failures.text(e));
                return CompletableFuture.failedFuture(e);
            }
            if (!confirm.confirm(verb.id() + " " + target.id(), commands)) {
                status("status.cancelled", verb.id() + " " + target.id());
                return CompletableFuture.failedFuture(new CancellationException("not confirmed"));
            }
        }
        status("status.action", verb.id() + " " + target.id());
        return report(engine.apply(a, Actor.USER));
    }

    public CompletableFuture<Void> restore() {
        LiveEngine engine = lab.current();
        if (engine.can(Capability.READ_ONLY)) return readOnly();
        if (engine.can(Capability.CONFIRM_ACTIONS) && !confirm.confirm(i18n.get("status.restoreAction"), List.of())) {
            status("status.cancelled", i18n.get("status.restoreAction"));
            return CompletableFuture.failedFuture(new CancellationException("not confirmed"));
        }
        status("status.restore");
        return report(engine.restore(Actor.USER));
    }

    public void togglePause() {
        if (paused.get()) play();
        else pause();
    }

    public CompletableFuture<Void> pause() {
        Optional<TimeControls> time = lab.current().timeControls();
        if (time.isEmpty()) return notOnHosts();
        paused.set(true);
        return report(time.get().pause());
    }

    public CompletableFuture<Void> play() {
        Optional<TimeControls> time = lab.current().timeControls();
        if (time.isEmpty()) return notOnHosts();
        paused.set(false);
        return report(time.get().play());
    }

    /** "Next event" (toolbar, Shortcut+N): the stepper's when one is set (the app's: the event list's next shown event), else one step. */
    public CompletableFuture<Long> step() {
        if (stepper != null) return stepper.get();
        Optional<TimeControls> time = lab.current().timeControls();
        if (time.isEmpty()) return notOnHosts();
        paused.set(true);
        return report(time.get().stepToNextEvent());
    }

    /** Steps the simulation until an event it ran is {@code wanted} or {@code maxUs} of lab time passed (pausing). */
    public CompletableFuture<Long> stepUntil(java.util.function.Predicate<org.viplab.core.timeline.LabEvent> wanted, long maxUs) {
        Optional<TimeControls> time = lab.current().timeControls();
        if (time.isEmpty()) return notOnHosts();
        paused.set(true);
        return report(time.get().stepUntil(wanted, maxUs));
    }

    /** What {@link #step()} does instead of one plain step; null for the plain step. */
    public void setStepper(java.util.function.Supplier<CompletableFuture<Long>> s) { stepper = s; }

    public CompletableFuture<Void> setSpeed(int s) {
        Optional<TimeControls> time = lab.current().timeControls();
        if (time.isEmpty()) return notOnHosts();
        speed.set(s);
        return report(time.get().setSpeed(s));
    }

    /** Starts the mode's preset afresh, keeping the chosen flavour. */
    public CompletableFuture<Void> switchMode(Mode mode) {
        if (topology.get().mode == mode) return CompletableFuture.completedFuture(null);
        Topology t = mode == Mode.DB_TRACKING ? Presets.mode1() : Presets.mode2();
        t.flavour = topology.get().flavour;
        return reset(t, i18n.get("status.mode", i18n.get(mode == Mode.DB_TRACKING ? "mode.db" : "mode.haproxy")));
    }

    /** Starts the named preset afresh (its own mode, flavour and nodes: galera3 runs three). */
    public CompletableFuture<Void> switchPreset(String name) {
        Topology t = Presets.byName(name);
        if (t == null) return CompletableFuture.failedFuture(new IllegalArgumentException("no preset " + name));
        return reset(t, i18n.get("status.preset", name));
    }

    public CompletableFuture<Void> setFlavour(Flavour f) {
        if (topology.get().flavour == f) return CompletableFuture.completedFuture(null);
        Topology t = topologyCopy();
        t.flavour = f;
        return reset(t, i18n.get("status.flavour", i18n.get("flavour." + f.id())));
    }

    /** Restarts the simulation on an edited topology; {@code why} goes to the timeline and the status bar. */
    public CompletableFuture<Void> applySettings(Topology edited, String why) {
        return reset(edited, why);
    }

    /** Restarts the current topology from t = 0. */
    public CompletableFuture<Void> resetRun() {
        return reset(topologyCopy(), i18n.get("status.reset"));
    }

    private CompletableFuture<Void> reset(Topology t, String why) {
        Optional<TimeControls> time = lab.current().timeControls();
        if (time.isEmpty()) return notOnHosts();
        Topology before = topology.get();
        List<String> problems = TopologyJson.problems(t);
        if (!problems.isEmpty()) {
            // Refused before anything restarts; a fresh copy of the running topology resets the editors.
            status("status.invalid", String.join("; ", problems));
            topology.set(TopologyJson.copy(before));
            return CompletableFuture.failedFuture(new IllegalArgumentException(String.join("; ", problems)));
        }
        topology.set(t);
        statusText(why);
        CompletableFuture<Void> f = time.get().reset(t, why);
        f.whenComplete((v, err) -> {
            if (err != null) fx.execute(() -> {
                topology.set(before);
                status("status.error", rootMessage(err));
            });
        });
        return f;
    }

    /** A recording can only be looked at. */
    private <T> CompletableFuture<T> readOnly() {
        RuntimeException e = RecordedRun.readOnlyError();
        status("status.error", Failures.text(e));
        return CompletableFuture.failedFuture(e);
    }

    /** Real hosts run in real time, on their own configuration: the simulator's controls do not apply. */
    private <T> CompletableFuture<T> notOnHosts() {
        status("status.notOnHosts");
        return CompletableFuture.failedFuture(new IllegalStateException(i18n.get("status.notOnHosts")));
    }

    private <T> CompletableFuture<T> report(CompletableFuture<T> f) {
        f.whenComplete((v, err) -> {
            if (err != null) fx.execute(() -> status("status.error", rootMessage(err)));
        });
        return f;
    }

    /** In no language yet: the status renders it in the user's, now and after a switch. */
    private static BundleText rootMessage(Throwable t) { return Failures.text(t); }
}
