package org.viplab.ui.sweep;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.viplab.core.util.BundleText;
import org.viplab.core.util.Durations;
import org.viplab.drill.Drill;
import org.viplab.drill.DrillException;
import org.viplab.drill.DrillParser;
import org.viplab.drill.DrillResult;
import org.viplab.drill.RealHosts;
import org.viplab.lab.hosts.HostKeyPrompt;
import org.viplab.lab.hosts.Inventory;
import org.viplab.sweep.RealComparison;
import org.viplab.sweep.RealRuns;
import org.viplab.sweep.CombinationStats;
import org.viplab.sweep.Metric;
import org.viplab.sweep.RunFigures;
import org.viplab.sweep.Seeds;
import org.viplab.sweep.Setting;
import org.viplab.sweep.SweepException;
import org.viplab.sweep.SweepPlan;
import org.viplab.sweep.SweepResult;
import org.viplab.sweep.SweepRunner;
import org.viplab.core.util.Failures;
import org.viplab.ui.common.TaskFailures;
import org.viplab.ui.common.I18n;
import org.viplab.ui.common.TaskExecutor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The Sweep tab's model: a drill file, a seed range and the settings to sweep (one {@code KEY=V1,V2} a line),
 * run off the FX thread on all cores with progress and cancel; the result's worst runs can be opened as an
 * ordinary drill run. With "Real hosts" the drill also runs N times on the inventory's hosts over one connection
 * (as {@code sweep --engine ssh} does, through the same {@link RealRuns}), each run a line, and the two
 * distributions are compared per metric. Plain Java with properties: tests drive it without a window.
 */
public final class SweepModel {
    /** One of the worst runs by client downtime: which combination and seed, and the drill that repeats it. */
    public record WorstRun(String combination, long seed, double downtimeMs, boolean passed, Drill drill) { }

    /** Where the drill runs: the simulator alone, or the real hosts too (against the simulator's seeds). */
    public enum Engine { SIMULATOR, REAL_HOSTS }

    /**
     * What a real-host sweep needs from the composition root: the engine (unnamed), the one-machine lab's inventory
     * as the default, how an unknown host key is asked about, and how passwords are asked for (on the FX thread;
     * null when the user declines).
     */
    public record RealAccess(RealHosts hosts, Path defaultInventory, HostKeyPrompt hostKeys,
                             Function<List<Inventory.Host>, Map<String, char[]>> passwords) { }

    /** The simulator's seeds by default, with each engine: real runs are slow, so fewer seeds beside them (as the CLI). */
    static final String SIM_SEEDS = "1-200";
    static final String REAL_SEEDS = "1-60";
    /** As {@code sweep --runs}: a typo such as 1000 would run for 16 hours. */
    public static final int MAX_REAL_RUNS = 200;

    /**
     * A refusal in the user's words: the key of its text and the arguments, which may be engine texts in no language
     * yet (a {@link BundleText}, or a function of the language), rendered when shown and again after a switch.
     */
    private static final class Refused extends Exception {
        final String key;
        final Object[] args;

        Refused(String key, Object... args) {
            super(key);
            this.key = key;
            this.args = args;
        }

        @SuppressWarnings("unchecked")
        Object[] rendered(Locale l) {
            Object[] out = args.clone();
            for (int i = 0; i < out.length; i++) {
                if (out[i] instanceof BundleText t) out[i] = t.render(l);
                else if (out[i] instanceof Function<?, ?> f) out[i] = ((Function<Locale, String>) f).apply(l);
            }
            return out;
        }
    }

    private final TaskExecutor tasks;
    private final SweepRunner.LabFactory labs;
    private final I18n i18n;
    private final Consumer<Drill> opener;
    private final int workers;
    private final StringProperty file = new SimpleStringProperty("");
    private final StringProperty seeds = new SimpleStringProperty("1-200");
    private final StringProperty settings = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<SweepResult> result = new ReadOnlyObjectWrapper<>();
    private final ObservableList<WorstRun> worst = FXCollections.observableArrayList();
    private final ObjectProperty<Engine> engine = new SimpleObjectProperty<>(Engine.SIMULATOR);
    private final IntegerProperty realRuns = new SimpleIntegerProperty(3);
    private final StringProperty inventory = new SimpleStringProperty("");
    private final ObservableList<Supplier<String>> realLog = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<RealComparison> comparison = new ReadOnlyObjectWrapper<>();
    private final RealAccess real;
    private Supplier<String> stateText;
    private volatile SweepRunner runner;
    private volatile RealHosts.Session session;
    private volatile boolean cancelled;

    /**
     * @param labs    a fresh simulated lab per run (the composition root names the engine)
     * @param opener  opens a drill as an ordinary run (the drill panel)
     */
    public SweepModel(TaskExecutor tasks, SweepRunner.LabFactory labs, I18n i18n, Consumer<Drill> opener, int workers) {
        this(tasks, labs, i18n, opener, workers, null);
    }

    /** @param real how to reach real hosts; null: the simulator only */
    public SweepModel(TaskExecutor tasks, SweepRunner.LabFactory labs, I18n i18n, Consumer<Drill> opener, int workers, RealAccess real) {
        this.real = real;
        this.tasks = tasks;
        this.labs = labs;
        this.i18n = i18n;
        this.opener = opener;
        this.workers = workers;
        setState(() -> i18n.get("sweep.state.idle"));
        i18n.localeProperty().addListener((o, a, b) -> state.set(stateText.get()));
        // the seeds follow the engine while the user has not changed them
        engine.addListener((o, a, b) -> {
            if (a == Engine.SIMULATOR && seeds.get().equals(SIM_SEEDS)) seeds.set(REAL_SEEDS);
            if (a == Engine.REAL_HOSTS && seeds.get().equals(REAL_SEEDS)) seeds.set(SIM_SEEDS);
        });
    }

    /** Whether real hosts can be chosen at all (the app wires them; a bare model has the simulator only). */
    public boolean realHostsAvailable() { return real != null; }

    /** The default inventory (the one-machine lab's), shown when {@link #inventoryProperty()} is blank; may be null. */
    public Path defaultInventory() { return real == null ? null : real.defaultInventory(); }

    public ObjectProperty<Engine> engineProperty() { return engine; }

    /** How many times the drill runs on the real hosts (1 to {@link #MAX_REAL_RUNS}). */
    public IntegerProperty realRunsProperty() { return realRuns; }

    /** The hosts' inventory file; blank: {@link #defaultInventory()}. */
    public StringProperty inventoryProperty() { return inventory; }

    /** What the real runs said, a line each (run k of N with its ETA, its figures, the baseline, the commands), in the current language. */
    public ObservableList<Supplier<String>> realLog() { return realLog; }

    /** The real runs against the simulated seeds, once a real-host sweep has finished (or was cancelled after a run). */
    public ReadOnlyObjectProperty<RealComparison> comparisonProperty() { return comparison.getReadOnlyProperty(); }

    public StringProperty fileProperty() { return file; }

    public StringProperty seedsProperty() { return seeds; }

    /** The settings to sweep, one {@code KEY=V1,V2} a line. */
    public StringProperty settingsProperty() { return settings; }

    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }

    /** 0..1 while running. */
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }

    public ReadOnlyStringProperty stateProperty() { return state.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<SweepResult> resultProperty() { return result.getReadOnlyProperty(); }

    /** The worst runs by client downtime over all combinations, worst first. */
    public ObservableList<WorstRun> worst() { return worst; }

    /** Reads the drill, plans and runs the sweep in the background; completes on the UI thread. */
    public CompletableFuture<SweepResult> run() {
        if (running.get()) return CompletableFuture.failedFuture(new IllegalStateException("a sweep is running"));
        comparison.set(null);
        realLog.clear();
        if (engine.get() == Engine.REAL_HOSTS) return runReal();
        String f = file.get();
        String s = seeds.get();
        String sets = settings.get();
        SweepRunner r = begin();
        CompletableFuture<SweepResult> done = new CompletableFuture<>();
        tasks.supply(() -> {
            SweepPlan plan = plan(f, s, sets);
            tasks.ui().execute(() -> setState(() -> i18n.get("sweep.state.running", 0, plan.runs())));
            return r.run(plan, labs, workers, (n, total) -> tasks.ui().execute(() -> {
                progress.set(total == 0 ? 1 : n / (double) total);
                setState(() -> i18n.get("sweep.state.running", n, total));
            }), 200);
        }).whenComplete((res, err) -> tasks.ui().execute(() -> {
            running.set(false);
            if (err != null) {
                setState(() -> i18n.get("sweep.state.error", TaskFailures.text(err, i18n.locale())));
                done.completeExceptionally(Failures.root(err));
                return;
            }
            progress.set(1);
            result.set(res);
            worst.setAll(worstRuns(res));
            if (res.cancelled()) {
                setState(() -> i18n.get("sweep.state.cancelled", res.finished(), res.plan().runs()));
            } else {
                long passed = res.runs().stream().filter(RunFigures::passed).count();
                setState(() -> i18n.get("sweep.state.done", res.plan().runs(), passed));
            }
            done.complete(res);
        }));
        return done;
    }

    /** True while real hosts are connected for a sweep: closing the app then waits for the run in progress to restore. */
    public boolean onRealHosts() { return session != null; }

    /**
     * Stops starting runs; the sweep ends with what it finished. On real hosts the run in progress stops at its next
     * step and runs its restore (or stops waiting for the baseline, which the restore began), as Ctrl-C in the CLI.
     */
    public void cancel() {
        cancelled = true;
        SweepRunner r = runner;
        if (r != null) r.cancel();
        RealHosts.Session s = session;
        if (s != null) s.cancel();
    }

    /** A run begins, on either engine: a fresh runner, the last result and worst runs cleared, "planning" shown. */
    private SweepRunner begin() {
        SweepRunner r = new SweepRunner();
        runner = r;
        running.set(true);
        progress.set(0);
        result.set(null);
        worst.clear();
        setState(() -> i18n.get("sweep.state.planning"));
        return r;
    }

    /** The real runs' part of a sweep: everything off the FX thread; the outcome, or a refusal in words, on it. */
    private CompletableFuture<SweepResult> runReal() {
        if (real == null) return CompletableFuture.failedFuture(new IllegalStateException("no real hosts wired"));
        String f = file.get();
        String s = seeds.get();
        String sets = settings.get();
        int n = realRuns.get();
        String invText = inventory.get();
        SweepRunner r = begin();
        cancelled = false;
        CompletableFuture<SweepResult> done = new CompletableFuture<>();
        java.util.concurrent.atomic.AtomicReference<RealRuns.Outcome> realOutcome = new java.util.concurrent.atomic.AtomicReference<>();
        tasks.supply(() -> {
            if (n < 1 || n > MAX_REAL_RUNS) throw new Refused("sweep.real.error.runs", MAX_REAL_RUNS);
            if (!sets.isBlank()) throw new Refused("sweep.real.error.settings");
            SweepPlan plan = plan(f, s, "");
            Path invPath = invText == null || invText.isBlank() ? real.defaultInventory() : Path.of(invText.trim());
            if (invPath == null || !Files.exists(invPath)) throw new Refused("sweep.real.error.noInventory", String.valueOf(invPath));
            Inventory inv;
            try {
                inv = Inventory.read(invPath);
            } catch (IOException | IllegalArgumentException e) {
                throw new Refused("sweep.real.error.inventory", invPath, org.viplab.core.util.Failures.text(e));
            }
            String other = RealHosts.otherPreset(plan.drill(), inv);
            if (other != null) throw new Refused("sweep.real.error.preset", plan.drill().presetName(), other);
            Map<String, char[]> passwords = passwords(inv);
            String names = String.join(", ", inv.hostNames());
            ui(() -> setState(() -> i18n.get("sweep.state.connecting", names)));
            RealRunLines lines = lines();
            RealHosts.Session opened;
            try {
                opened = real.hosts().connect(inv, real.hostKeys(), passwords, lines::command, lines);
            } catch (RealHosts.ConnectException e) {
                throw new Refused("sweep.real.error.connect", e.text());
            }
            try (RealHosts.Session open = opened) {
                session = open;
                if (cancelled) open.cancel();
                RealHosts.Lacking cannot = open.cannotRun(plan.drill());
                Drill d = plan.drill();
                if (cannot != null) throw new Refused("sweep.real.error.unsupported", (Function<Locale, String>) l -> cannot.render(d, l));
                lines.connected(names);
                ui(() -> setState(() -> i18n.get("sweep.state.simulating", 0, plan.runs())));
                SweepResult simulated = r.run(plan, labs, workers, (k, total) -> ui(() -> {
                    progress.set(total == 0 ? 1 : k / (double) total);
                    setState(() -> i18n.get("sweep.state.simulating", k, total));
                }), 200);
                if (simulated.cancelled()) return simulated;
                realOutcome.set(RealRuns.repeat(open, open.onHosts(plan.drill()), n, lines, System::nanoTime));
                return simulated;
            } finally {
                session = null;
            }
        }).whenComplete((res, err) -> ui(() -> {
            running.set(false);
            if (err != null) {
                Throwable c = Failures.root(err);
                if (c instanceof Refused ref) {
                    setState(() -> i18n.get("sweep.state.error", i18n.get(ref.key, ref.rendered(i18n.locale()))));
                } else {
                    setState(() -> i18n.get("sweep.state.error", TaskFailures.text(c, i18n.locale())));
                }
                done.completeExceptionally(c);
                return;
            }
            progress.set(1);
            result.set(res);
            worst.setAll(worstRuns(res));
            RealRuns.Outcome o = realOutcome.get();
            if (o == null) { // cancelled before the real runs
                setState(() -> i18n.get("sweep.state.cancelled", res.finished(), res.plan().runs()));
                done.complete(res);
                return;
            }
            if (!o.results().isEmpty()) comparison.set(new RealComparison(res, RealRuns.figures(o.results()), n, o.cancelled()));
            long simPassed = res.runs().stream().filter(RunFigures::passed).count();
            long realPassed = o.results().stream().filter(DrillResult::passed).count();
            if (o.cancelled()) {
                setState(() -> i18n.get("sweep.state.realCancelled", o.results().size(), n));
            } else if (o.error() != null) {
                setState(() -> i18n.get("sweep.state.realFailed", o.error().render(i18n.locale())));
            } else {
                setState(() -> i18n.get("sweep.state.realDone", o.results().size(), realPassed, res.plan().runs(), simPassed));
            }
            done.complete(res);
        }));
        return done;
    }

    /** Asks on the FX thread for the passwords of the hosts that use them; this thread waits for the answer. */
    private Map<String, char[]> passwords(Inventory inv) throws Exception {
        List<Inventory.Host> need = inv.hosts.stream().filter(h -> "password".equals(h.auth)).toList();
        if (need.isEmpty()) return Map.of();
        CompletableFuture<Map<String, char[]>> asked = new CompletableFuture<>();
        ui(() -> {
            try {
                asked.complete(real.passwords() == null ? null : real.passwords().apply(need));
            } catch (RuntimeException e) {
                asked.completeExceptionally(e);
            }
        });
        Map<String, char[]> p = asked.get();
        if (p == null) throw new Refused("sweep.real.error.password", need.get(0).name);
        return p;
    }

    /** The lines of a real-host sweep, and where a run's start and end move the progress bar and the state. */
    private RealRunLines lines() {
        return new RealRunLines(i18n, tasks.ui(), realLog, new RealRunLines.Progress() {
            @Override public void starting(int run, int of, Supplier<String> eta) {
                progress.set((run - 1) / (double) of);
                setState(() -> i18n.get("sweep.state.real", run, of, eta.get()));
            }

            @Override public void finished(int run, int of) { progress.set(run / (double) of); }
        });
    }

    private void ui(Runnable r) { tasks.ui().execute(r); }

    /** Opens {@code w}'s run (its settings and seed) as an ordinary drill run. */
    public void open(WorstRun w) {
        opener.accept(w.drill());
        setState(() -> i18n.get("sweep.state.opened", w.seed()));
    }

    static SweepPlan plan(String file, String seeds, String settings) throws DrillException, SweepException {
        if (file == null || file.isBlank()) throw new SweepException("choose a drill file");
        Drill d = DrillParser.parseFile(Path.of(file.trim()));
        List<Setting> list = new ArrayList<>();
        for (String line : settings.split("\\R")) if (!line.isBlank()) list.add(Setting.parse(line.trim()));
        return SweepPlan.of(d, Seeds.parse(seeds), list);
    }

    private static List<WorstRun> worstRuns(SweepResult r) {
        List<WorstRun> out = new ArrayList<>();
        for (CombinationStats c : r.stats()) {
            List<RunFigures> w = c.worst().get(Metric.CLIENT_DOWNTIME);
            if (w == null) continue;
            for (RunFigures f : w) {
                SweepPlan plan = r.plan();
                int index = (int) (c.combination().index() * plan.seeds().count() + (f.seed() - plan.seeds().first()));
                out.add(new WorstRun(c.combination().label(), f.seed(), Durations.ms(f.us(Metric.CLIENT_DOWNTIME)), f.passed(), plan.drillOf(index)));
            }
        }
        out.sort((a, b) -> Double.compare(b.downtimeMs(), a.downtimeMs()));
        return out;
    }

    private void setState(Supplier<String> text) {
        stateText = text;
        state.set(text.get());
    }
}
