package org.viplab.ui.tune;

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
import org.viplab.core.model.Topology;
import org.viplab.core.util.Durations;
import org.viplab.lab.Action;
import org.viplab.sweep.Seeds;
import org.viplab.sweep.SweepException;
import org.viplab.sweep.SweepRunner;
import org.viplab.tune.ConfigDiff;
import org.viplab.tune.Evaluation;
import org.viplab.tune.Knob;
import org.viplab.tune.Stress;
import org.viplab.tune.TuneRequest;
import org.viplab.tune.TuneResult;
import org.viplab.tune.Tuner;
import org.viplab.core.util.Failures;
import org.viplab.ui.common.TaskFailures;
import org.viplab.ui.common.I18n;
import org.viplab.ui.common.TaskExecutor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * The Tune dialog's model: the target and the stress as typed, the search run off the FX thread (a
 * {@link Tuner} on all cores) with progress, ETA and cancel, the candidates (recommended first), the selected
 * one's config diff, and Apply, which hands that candidate's topology to the lab. Plain Java with properties.
 */
public final class TuneModel {
    private final TaskExecutor tasks;
    private final SweepRunner.LabFactory labs;
    private final I18n i18n;
    private final Supplier<Topology> current;
    private final BiConsumer<Topology, String> applier;
    private final int workers;
    private final StringProperty target = new SimpleStringProperty("3s");
    private final StringProperty stall = new SimpleStringProperty("800ms");
    private final StringProperty loss = new SimpleStringProperty("5%");
    private final StringProperty seeds = new SimpleStringProperty("1-200");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<TuneResult> result = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Evaluation> rows = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Evaluation> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper diff = new ReadOnlyStringWrapper("");
    private Map<Knob, List<String>> grid = Map.of();
    private Supplier<String> stateText;
    private volatile Tuner tuner;
    private long phaseStart;
    private Tuner.Phase phase;

    /**
     * @param labs    a fresh simulated lab per run (the composition root names the engine)
     * @param current the lab's topology now (a copy)
     * @param applier restarts the lab on a topology, with the reason for the timeline
     */
    public TuneModel(TaskExecutor tasks, SweepRunner.LabFactory labs, I18n i18n, Supplier<Topology> current,
                     BiConsumer<Topology, String> applier, int workers) {
        this.tasks = tasks;
        this.labs = labs;
        this.i18n = i18n;
        this.current = current;
        this.applier = applier;
        this.workers = workers;
        setState(() -> i18n.get("tune.state.idle"));
        i18n.localeProperty().addListener((o, a, b) -> state.set(stateText.get()));
        selected.addListener((o, a, e) -> diff.set(diffOf(e)));
    }

    public StringProperty targetProperty() { return target; }

    public StringProperty stallProperty() { return stall; }

    public StringProperty lossProperty() { return loss; }

    public StringProperty seedsProperty() { return seeds; }

    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }

    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }

    public ReadOnlyStringProperty stateProperty() { return state.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<TuneResult> resultProperty() { return result.getReadOnlyProperty(); }

    /** Every candidate: the recommended ones (best first), then the rest, worst reason first. */
    public ObservableList<Evaluation> rows() { return rows; }

    public ReadOnlyObjectProperty<Evaluation> selectedProperty() { return selected.getReadOnlyProperty(); }

    /** The selected candidate's config lines against the lab's settings (unified diff), empty when none. */
    public ReadOnlyStringProperty diffProperty() { return diff.getReadOnlyProperty(); }

    public void select(Evaluation e) { selected.set(e); }

    /** Values to try instead of the defaults, as {@code --grid} gives them (a smaller search; empty: the defaults). */
    public void setGrid(Map<Knob, List<String>> values) { grid = Map.copyOf(values); }

    /** Reads the form, then searches on the lab's current topology in the background; completes on the UI thread. */
    public CompletableFuture<TuneResult> run() {
        if (running.get()) return CompletableFuture.failedFuture(new IllegalStateException("a search is running"));
        TuneRequest request;
        try {
            request = request();
        } catch (IllegalArgumentException | SweepException e) {
            setState(() -> i18n.get("tune.state.error", e.getMessage()));
            return CompletableFuture.failedFuture(e);
        }
        Topology base = current.get();
        Tuner t = new Tuner(labs, workers);
        tuner = t;
        running.set(true);
        progress.set(0);
        result.set(null);
        rows.clear();
        selected.set(null);
        phase = null;
        setState(() -> i18n.get("tune.state.planning"));
        CompletableFuture<TuneResult> done = new CompletableFuture<>();
        tasks.supply(() -> t.run(base, request, (p, n, total) -> tasks.ui().execute(() -> progress(p, n, total))))
                .whenComplete((res, err) -> tasks.ui().execute(() -> finished(res, err, done)));
        return done;
    }

    /** Stops starting runs; the search ends with what it has, marked cancelled. */
    public void cancel() {
        Tuner t = tuner;
        if (t != null) t.cancel();
    }

    /** Restarts the lab on the selected candidate's settings (nothing when none is selected). */
    public boolean applySelected() {
        Evaluation e = selected.get();
        TuneResult r = result.get();
        if (e == null || r == null) return false;
        applier.accept(r.apply(e.candidate()), i18n.get("tune.applied", e.candidate().label()));
        setState(() -> i18n.get("tune.state.applied", e.candidate().label()));
        return true;
    }

    private TuneRequest request() throws SweepException {
        long targetUs = Durations.parseUs(target.get().trim());
        if (targetUs <= 0) throw new IllegalArgumentException(i18n.get("tune.error.target"));
        String s = stall.get() == null ? "" : stall.get().trim();
        long stallUs = s.isEmpty() || s.equals("0") ? 0 : Durations.parseUs(s);
        String l = loss.get() == null ? "" : loss.get().trim();
        String lossText = l.isEmpty() || l.equals("0") || l.equals("0%") ? null : l.endsWith("%") ? l : l + "%";
        if (lossText != null) Action.parsePercent(lossText);
        return new TuneRequest(targetUs, new Stress(stallUs, lossText), Seeds.parse(seeds.get()), null, grid);
    }

    private void progress(Tuner.Phase p, int n, int total) {
        if (p != phase) {
            phase = p;
            phaseStart = System.nanoTime();
        }
        progress.set(total == 0 ? 1 : n / (double) total);
        double s = (System.nanoTime() - phaseStart) / 1e9;
        long eta = n > 0 && n < total ? Math.round((total - n) * s / n) : -1;
        int stage = p == Tuner.Phase.COARSE_SCREEN || p == Tuner.Phase.COARSE_CONFIRM ? 1 : 2;
        String what = i18n.get(p == Tuner.Phase.COARSE_SCREEN || p == Tuner.Phase.FINE_SCREEN ? "tune.phase.screen" : "tune.phase.confirm");
        setState(() -> eta < 0 ? i18n.get("tune.state.running", stage, what, n, total)
                : i18n.get("tune.state.runningEta", stage, what, n, total, eta));
    }

    private void finished(TuneResult res, Throwable err, CompletableFuture<TuneResult> done) {
        running.set(false);
        if (err != null) {
            setState(() -> i18n.get("tune.state.error", TaskFailures.text(err, i18n.locale())));
            done.completeExceptionally(Failures.root(err));
            return;
        }
        progress.set(1);
        result.set(res);
        List<Evaluation> rec = res.recommended();
        List<Evaluation> rest = new ArrayList<>(res.evaluations());
        rest.removeAll(rec);
        List<Evaluation> near = res.nearest();
        rest.removeAll(near);
        rest.sort(Comparator.comparing(Evaluation::verdict).thenComparingLong(e -> e.downtime().p99()).thenComparingInt(Evaluation::order));
        List<Evaluation> all = new ArrayList<>(rec);
        all.addAll(near); // nothing recommended: the closest within the target come first, fewest false failovers first
        all.addAll(rest);
        rows.setAll(all);
        selected.set(res.best() != null ? res.best() : near.isEmpty() ? null : near.get(0));
        if (res.cancelled()) {
            setState(() -> i18n.get("tune.state.cancelled", res.runs()));
        } else if (rec.isEmpty()) {
            setState(() -> i18n.get(near.isEmpty() ? "tune.state.none" : "tune.state.nearest", res.evaluations().size(), res.runs()));
        } else {
            setState(() -> i18n.get("tune.state.done", res.evaluations().size(), res.runs(), rec.size()));
        }
        done.complete(res);
    }

    private String diffOf(Evaluation e) {
        TuneResult r = result.get();
        if (e == null || r == null) return "";
        List<ConfigDiff.FileDiff> d = ConfigDiff.of(r.topology(), r.apply(e.candidate()));
        return d.isEmpty() ? i18n.get("tune.diff.none") : ConfigDiff.text(d);
    }

    private void setState(Supplier<String> text) {
        stateText = text;
        state.set(text.get());
    }
}
