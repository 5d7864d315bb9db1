package org.viplab.ui.sweep;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.viplab.core.util.Durations;
import org.viplab.drill.Drill;
import org.viplab.drill.DrillException;
import org.viplab.drill.DrillParser;
import org.viplab.sweep.CombinationStats;
import org.viplab.sweep.Metric;
import org.viplab.sweep.RunFigures;
import org.viplab.sweep.Seeds;
import org.viplab.sweep.Setting;
import org.viplab.sweep.SweepException;
import org.viplab.sweep.SweepPlan;
import org.viplab.sweep.SweepResult;
import org.viplab.sweep.SweepRunner;
import org.viplab.ui.common.I18n;
import org.viplab.ui.common.TaskExecutor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The Sweep tab's model: a drill file, a seed range and the settings to sweep (one {@code KEY=V1,V2} a line),
 * run off the FX thread on all cores with progress and cancel; the result's worst runs can be opened as an
 * ordinary drill run. Plain Java with properties: tests drive it without a window.
 */
public final class SweepModel {
    /** One of the worst runs by client downtime: which combination and seed, and the drill that repeats it. */
    public record WorstRun(String combination, long seed, double downtimeMs, boolean passed, Drill drill) { }

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
    private Supplier<String> stateText;
    private volatile SweepRunner runner;

    /**
     * @param labs    a fresh simulated lab per run (the composition root names the engine)
     * @param opener  opens a drill as an ordinary run (the drill panel)
     */
    public SweepModel(TaskExecutor tasks, SweepRunner.LabFactory labs, I18n i18n, Consumer<Drill> opener, int workers) {
        this.tasks = tasks;
        this.labs = labs;
        this.i18n = i18n;
        this.opener = opener;
        this.workers = workers;
        setState(() -> i18n.get("sweep.state.idle"));
        i18n.localeProperty().addListener((o, a, b) -> state.set(stateText.get()));
    }

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
        String f = file.get();
        String s = seeds.get();
        String sets = settings.get();
        SweepRunner r = new SweepRunner();
        runner = r;
        running.set(true);
        progress.set(0);
        result.set(null);
        worst.clear();
        setState(() -> i18n.get("sweep.state.planning"));
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
                Throwable c = err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
                String text = c instanceof DrillException de ? de.toString() : c.getMessage();
                setState(() -> i18n.get("sweep.state.error", text));
                done.completeExceptionally(c);
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

    /** Stops starting runs; the sweep ends with what it finished. */
    public void cancel() {
        SweepRunner r = runner;
        if (r != null) r.cancel();
    }

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
