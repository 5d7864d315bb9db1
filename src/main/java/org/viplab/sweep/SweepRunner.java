package org.viplab.sweep;

import org.viplab.core.timeline.Timeline;
import org.viplab.drill.Drill;
import org.viplab.drill.DrillResult;
import org.viplab.drill.DrillRunner;
import org.viplab.lab.Lab;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a {@link SweepPlan} on a work-stealing pool: the run indexes are split in halves until a chunk is small,
 * idle workers steal the other halves, and each run writes its figures into its own slot. The result is
 * therefore the same whatever the number of workers and whatever order they finish in.
 */
public final class SweepRunner {
    /** A fresh lab for one run of {@code drill} (its seed set); the sweep never names an engine. */
    public interface LabFactory {
        Lab create(Drill drill, Timeline timeline);
    }

    /** Told on the calling thread, a few times a second and once at the end. */
    public interface Progress {
        void update(int finished, int total);
    }

    /** Runs per task before a chunk stops splitting: small enough to balance, large enough to be cheap. */
    private static final int CHUNK = 8;

    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicInteger finished = new AtomicInteger();

    /** Stops the sweep: no run starts after this; {@link #run} returns what was finished, marked cancelled. */
    public void cancel() { cancelled.set(true); }

    public boolean cancelled() { return cancelled.get(); }

    public int finished() { return finished.get(); }

    /**
     * Runs every run of {@code plan} on {@code jobs} workers and returns when all are done or the sweep is
     * cancelled. {@code progress} (may be null) is told every {@code progressMs} on this thread.
     *
     * @throws SweepRunException when a run fails (the engine threw): the sweep stops, naming seed and combination
     */
    public SweepResult run(SweepPlan plan, LabFactory labs, int jobs, Progress progress, long progressMs) throws InterruptedException {
        if (jobs < 1) throw new IllegalArgumentException("jobs " + jobs);
        RunFigures[] results = new RunFigures[plan.runs()];
        ForkJoinPool pool = new ForkJoinPool(jobs);
        try {
            ForkJoinTask<Void> task = pool.submit(new Chunk(plan, labs, results, 0, results.length));
            while (true) {
                try {
                    task.get(Math.max(1, progressMs), TimeUnit.MILLISECONDS);
                    break;
                } catch (TimeoutException e) {
                    if (progress != null) progress.update(finished.get(), results.length);
                } catch (ExecutionException e) {
                    Throwable c = e.getCause();
                    if (c instanceof SweepRunException s) throw s;
                    throw new SweepRunException("sweep failed: " + c, c);
                }
            }
        } catch (InterruptedException e) {
            cancel();
            throw e;
        } finally {
            pool.shutdownNow();
        }
        if (progress != null) progress.update(finished.get(), results.length);
        return new SweepResult(plan, results, cancelled.get());
    }

    /** A run that threw: which one, so it can be repeated with {@code viplab drill … --seed N}. */
    public static final class SweepRunException extends RuntimeException {
        SweepRunException(String message, Throwable cause) { super(message, cause); }
    }

    private final class Chunk extends RecursiveAction {
        private final SweepPlan plan;
        private final LabFactory labs;
        private final RunFigures[] results;
        private final int from;
        private final int to;

        Chunk(SweepPlan plan, LabFactory labs, RunFigures[] results, int from, int to) {
            this.plan = plan;
            this.labs = labs;
            this.results = results;
            this.from = from;
            this.to = to;
        }

        @Override
        protected void compute() {
            if (to - from > CHUNK) {
                int mid = (from + to) >>> 1;
                invokeAll(new Chunk(plan, labs, results, from, mid), new Chunk(plan, labs, results, mid, to));
                return;
            }
            for (int i = from; i < to && !cancelled.get(); i++) {
                results[i] = runOne(i);
                finished.incrementAndGet();
            }
        }

        private RunFigures runOne(int i) {
            Drill d = plan.drillOf(i);
            int combination = plan.combinationOf(i).index();
            try {
                Timeline timeline = new Timeline();
                DrillResult r = new DrillRunner().run(d, labs.create(d, timeline), null);
                return RunFigures.of(combination, d.seed(), r);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                SweepRunner.this.cancel();
                return null;
            } catch (RuntimeException e) {
                String at = plan.combinationOf(i).label();
                throw new SweepRunException("run with seed " + d.seed() + (at.isEmpty() ? "" : " (" + at + ")") + " failed: " + e, e);
            }
        }
    }
}
