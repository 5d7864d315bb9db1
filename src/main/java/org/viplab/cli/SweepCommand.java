package org.viplab.cli;

import org.viplab.core.timeline.Timeline;
import org.viplab.core.util.AtomicFiles;
import org.viplab.core.util.Durations;
import org.viplab.drill.Drill;
import org.viplab.drill.DrillException;
import org.viplab.drill.DrillParser;
import org.viplab.drill.RealHosts;
import org.viplab.engine.sim.SimulatedLab;
import org.viplab.engine.ssh.Shell;
import org.viplab.report.SweepReport;
import org.viplab.sweep.CombinationStats;
import org.viplab.sweep.KolmogorovSmirnov;
import org.viplab.sweep.RealComparison;
import org.viplab.sweep.Metric;
import org.viplab.sweep.Quantiles;
import org.viplab.sweep.RunFigures;
import org.viplab.sweep.Seeds;
import org.viplab.sweep.Setting;
import org.viplab.sweep.SweepCsv;
import org.viplab.sweep.SweepException;
import org.viplab.sweep.SweepJson;
import org.viplab.sweep.SweepPlan;
import org.viplab.sweep.SweepResult;
import org.viplab.sweep.SweepRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code sweep DRILL --seeds 1-1000 --set KEY=V1,V2}: the drill for every seed × combination of settings on
 * the simulator, on all cores, and the distribution of its figures. Same arguments, same output bytes.
 */
@Command(name = "sweep", sortOptions = false,
        description = "run a drill over many seeds and settings on the simulator and print the distribution of its figures;"
                + " with --engine ssh --runs N, also N times on real hosts, the two distributions compared",
        footer = {"", "Each run is an ordinary simulated drill run; repeat one with the `viplab drill` command printed for the worst seeds.",
            "--set keys are the drill format's \"set\" paths (samples/drills/README.md), e.g. --set db2.keepalived.priority=90,95,99.",
            "--engine ssh: the hosts are restored and reach the baseline (the client's probes answered) before each run;"
                + " each metric's real sample is tested against the simulated one (two-sample Kolmogorov-Smirnov, exact p-value"
                + " for the sizes, conservative with tied values). Ctrl-C stops the run in progress, restores the hosts and writes nothing."})
public final class SweepCommand extends CliCommand {
    /** How a sweep's runs are simulated: exactly as {@code viplab drill} runs one. */
    static final SweepRunner.LabFactory SIMULATOR = (drill, timeline) -> SimulatedLab.steadyState(drill.topology(), drill.seed(), timeline);

    @Parameters(paramLabel = "DRILL", description = "a drill file (see samples/drills/README.md)")
    Path file;

    /** Real hosts run the drill as their own settings have it; the simulator runs it over seeds beside them. */
    enum Engine { sim, ssh }

    /** The simulated seeds a real-host comparison is drawn against when none are given (as docs/fidelity.md uses). */
    static final String SSH_SEEDS = "1-60";
    /** Real runs take about a minute each: a typo such as 1000 is refused rather than run for 16 hours. */
    static final int MAX_REAL_RUNS = 200;

    @Option(names = "--seeds", order = 1, paramLabel = "FIRST-LAST", description = "the seeds to run (default 1-1000; " + SSH_SEEDS + " with --engine ssh)")
    String seeds;

    @Option(names = "--engine", order = 2, paramLabel = "ENGINE", defaultValue = "sim",
            description = "sim (default) or ssh: also run the drill --runs times on the real hosts and compare")
    Engine engine;

    @Option(names = "--runs", order = 3, paramLabel = "N", description = "with --engine ssh: how many times to run the drill on the real hosts (1 to " + MAX_REAL_RUNS + ")")
    Integer runs;

    @Option(names = {"--hosts", "--inventory"}, order = 4, paramLabel = "INVENTORY",
            description = "with --engine ssh: the hosts' inventory (default: the one-machine lab's)")
    String hosts;

    @Option(names = "--set", order = 5, paramLabel = "KEY=V1,V2", description = "a setting to sweep (repeatable; every combination runs)")
    List<String> sets = new ArrayList<>();

    /** --jobs, --lang, --progress, shared with tune. */
    @Mixin
    BatchRunOptions batch = new BatchRunOptions();

    @Option(names = "--json", order = BatchRunOptions.JOBS + 1, paramLabel = "OUT", description = "write the summary (pass rates, quantiles, worst seeds) as JSON")
    Path json;

    @Option(names = "--csv", order = BatchRunOptions.JOBS + 2, paramLabel = "OUT", description = "write one row per run as CSV")
    Path csv;

    @Option(names = "--report", order = BatchRunOptions.JOBS + 3, paramLabel = "DIR", description = "write an HTML report (CDFs, histograms, quantiles, worst seeds) to DIR")
    Path report;

    @Override
    protected int run(PrintStream out, PrintStream err) throws Exception {
        int workers = batch.workers();
        batch.checkLanguage(report);
        boolean real = engine == Engine.ssh;
        if (!real && (runs != null || hosts != null)) throw new UsageException("--runs and --hosts go with --engine ssh");
        if (real && runs == null) throw new UsageException("--engine ssh needs --runs N: how many times to run the drill on the real hosts");
        if (real && (runs < 1 || runs > MAX_REAL_RUNS)) throw new UsageException("--runs must be from 1 to " + MAX_REAL_RUNS);
        if (real && !sets.isEmpty()) {
            throw new UsageException("--set changes the simulator's settings; real hosts run their own configuration (drop --set with --engine ssh)");
        }
        OutputPaths.checkFile("--json", json);
        OutputPaths.checkFile("--csv", csv);
        OutputPaths.checkReportDir("--report", report);
        Drill drill;
        try {
            drill = DrillParser.parseFile(file);
        } catch (DrillException e) {
            throw new BadInputException(e.toString());
        }
        for (String w : drill.warnings()) err.println("warning: " + w);
        SweepPlan plan;
        try {
            List<Setting> settings = new ArrayList<>();
            for (String s : sets) settings.add(Setting.parse(s));
            plan = SweepPlan.of(drill, Seeds.parse(seeds != null ? seeds : real ? SSH_SEEDS : "1-1000"), settings);
        } catch (SweepException e) {
            throw new BadInputException(e.getMessage());
        }
        SshDrill.Opened hostsOpened = null;
        if (real) {
            // connected before anything runs: a wrong inventory or an unreachable host stops here, not after the sweep
            hostsOpened = SshDrill.open(drill, hosts, out, err);
            if (hostsOpened.failure() != null) return hostsOpened.failure().exitCode();
        }
        RealHosts.Session session = hostsOpened == null ? null : hostsOpened.session();
        try {
            return sweep(plan, session, hostsOpened == null ? null : hostsOpened.drill(), workers, out, err);
        } finally {
            if (session != null) session.close();
        }
    }

    private int sweep(SweepPlan plan, RealHosts.Session session, Drill onHosts, int workers, PrintStream out, PrintStream err) throws Exception {
        SweepRunner runner = new SweepRunner();
        CountDownLatch stopped = new CountDownLatch(1);
        // Ctrl-C: stop starting runs (on real hosts: stop the run in progress, which restores the hosts), let the
        // command say what it did, then let the JVM go
        Thread onInterrupt = new Thread(() -> {
            runner.cancel();
            if (session != null) session.cancel();
            try {
                stopped.await(session == null ? 10 : 120, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "sweep-cancel");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        ProgressBar bar = batch.progressBar() ? new ProgressBar(err, System::nanoTime) : null;
        long t0 = System.nanoTime();
        SweepResult result;
        try {
            result = runner.run(plan, SIMULATOR, workers, bar == null ? null : bar::update, 200);
        } catch (SweepRunner.SweepRunException e) {
            if (bar != null) bar.finish();
            err.println("engine failed: " + e.getMessage());
            stopped.countDown();
            return ExitCodes.ENGINE;
        } finally {
            if (bar != null) bar.finish();
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it waits for the line below
            }
        }
        double wallS = (System.nanoTime() - t0) / 1e9;
        if (result.cancelled()) {
            err.printf(Locale.ROOT, "cancelled: %,d of %,d runs finished in %.1f s; nothing written%n", result.finished(), plan.runs(), wallS);
            stopped.countDown();
            return ExitCodes.FAILED;
        }
        print(result, out);
        err.printf(Locale.ROOT, "%,d runs in %.1f s on %d workers (%,.0f runs/s)%n", plan.runs(), wallS, workers, plan.runs() / wallS);
        RealComparison comparison = null;
        if (session != null) {
            Runtime.getRuntime().addShutdownHook(onInterrupt); // removed above with the simulator's part; the real runs need it more
            RealRuns.Outcome o;
            try {
                o = RealRuns.repeat(session, onHosts, runs, "sweep", out, System::nanoTime);
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(onInterrupt);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running: it waits for the latch below
                }
            }
            if (o.cancelled()) {
                err.printf(Locale.ROOT, "cancelled: %d of %d real runs finished in %.0f s; the run in progress was stopped and the hosts restored; nothing written%n",
                        o.results().size(), runs, o.seconds());
                stopped.countDown();
                return ExitCodes.FAILED;
            }
            if (o.exitCode() != null) {
                err.println(o.error());
                stopped.countDown();
                return o.exitCode();
            }
            comparison = new RealComparison(result, org.viplab.sweep.RealRuns.figures(o.results()), runs, false);
            printReal(comparison, out);
            err.printf(Locale.ROOT, "%d real runs in %.0f s%n", runs, o.seconds());
        }
        RealComparison real = comparison;
        if (json != null) AtomicFiles.writeString(json, SweepJson.toJson(result, real));
        if (csv != null) {
            AtomicFiles.write(csv, o -> {
                Writer w = new OutputStreamWriter(o, StandardCharsets.UTF_8);
                if (real == null) SweepCsv.write(result, w); else SweepCsv.write(real, w);
                w.flush();
            });
        }
        if (report != null) {
            OutputPaths.writeReport(report, tmp -> {
                SweepReport.write(result, real, tmp, batch.language(), (c, seed) -> reproduce(c.values(), seed));
                return null;
            });
            out.println("report: " + report.resolve(SweepReport.HTML));
        }
        stopped.countDown();
        return ExitCodes.OK;
    }

    /** Per combination: its pass rate, each judged step's pass rate, the quantiles and the worst seeds. */
    void print(SweepResult result, PrintStream out) {
        SweepPlan plan = result.plan();
        out.println("Sweep: " + plan.drill().name() + "  (seeds " + plan.seeds() + ", " + plan.combinations().size()
                + " combination" + (plan.combinations().size() == 1 ? "" : "s") + ", " + plan.runs() + " runs)");
        for (CombinationStats c : result.stats()) {
            String label = c.combination().label();
            out.printf(Locale.ROOT, "%s  passed %d of %d (%.1f%%)%n", label.isEmpty() ? "as written" : label, c.passed(), c.runs(), c.passRate() * 100);
            for (int i = 0; i < c.stepPassed().length; i++) {
                double r = c.stepPassRate(i);
                if (r >= 0) out.printf(Locale.ROOT, "    step %-2d %6.1f%%  %s%n", i + 1, r * 100, c.combination().drill().steps().get(i).text());
            }
            out.printf("    %-18s %6s %10s %10s %10s %10s %10s%n", "ms", "runs", "min", "p50", "p90", "p99", "max");
            for (Metric m : Metric.values()) {
                Quantiles q = c.quantiles().get(m);
                if (q == null) {
                    out.printf("    %-18s %6d%n", m.id(), 0);
                    continue;
                }
                out.printf(Locale.ROOT, "    %-18s %6d %10.1f %10.1f %10.1f %10.1f %10.1f%n", m.id(), q.n(), Durations.ms(q.min()),
                        Durations.ms(q.p50()), Durations.ms(q.p90()), Durations.ms(q.p99()), Durations.ms(q.max()));
            }
            List<RunFigures> worst = c.worst().get(Metric.CLIENT_DOWNTIME);
            if (worst != null && !worst.isEmpty()) {
                RunFigures w = worst.get(0);
                out.printf(Locale.ROOT, "    worst client downtime %.1f ms: %s%n", Durations.ms(w.us(Metric.CLIENT_DOWNTIME)), reproduce(c.combination().values(), w.seed()));
            }
        }
    }

    /**
     * The real runs against the simulated seeds, per metric: how many runs have it, both medians, the real min and
     * max, and the Kolmogorov-Smirnov test with its verdict at alpha 0.05 said in words.
     */
    static void printReal(RealComparison c, PrintStream out) {
        SweepPlan plan = c.simulated().plan();
        out.printf(Locale.ROOT, "Real hosts: %d runs, %d passed; against the simulator's seeds %s (two-sample Kolmogorov-Smirnov, alpha %.2f)%n",
                c.real().size(), c.realPassed(), plan.seeds(), KolmogorovSmirnov.ALPHA);
        out.printf("    %-18s %11s %10s %10s %10s %10s %6s %8s %8s  %s%n", "ms", "runs r/sim", "sim p50", "real min", "real p50", "real max",
                "D", "p", "D crit", "verdict");
        for (RealComparison.Row r : c.rows()) {
            Quantiles s = r.simulated();
            Quantiles q = r.real();
            KolmogorovSmirnov.Result ks = r.ks();
            out.printf(Locale.ROOT, "    %-18s %11s %10s %10s %10s %10s %6s %8s %8s  %s%n", r.metric().id(),
                    (q == null ? 0 : q.n()) + "/" + (s == null ? 0 : s.n()), msOrDash(s == null ? null : s.p50()),
                    msOrDash(q == null ? null : q.min()), msOrDash(q == null ? null : q.p50()), msOrDash(q == null ? null : q.max()),
                    ks == null ? "-" : String.format(Locale.ROOT, "%.3f", ks.d()),
                    ks == null ? "-" : pText(ks.pValue()),
                    ks == null || ks.tooFew() ? "-" : String.format(Locale.ROOT, "%.3f", ks.critical()), verdict(r));
        }
        out.println("    p: exact for these sample sizes (asymptotic beyond " + KolmogorovSmirnov.EXACT_CELLS + " pairs), for continuous values;"
                + " tied values (repeated figures) make it conservative");
    }

    /** In words: whether the real runs differ from the simulated seeds at alpha 0.05, or why it cannot be said. */
    static String verdict(RealComparison.Row r) {
        return switch (r.verdict()) {
            case NONE -> "no run has it";
            case NO_REAL -> "no real run has it";
            case NO_SIMULATED -> "no simulated run has it";
            case TOO_FEW -> "too few runs to tell at alpha 0.05";
            case DIFFER -> "differ at alpha 0.05";
            case NO_DIFFERENCE -> "no significant difference";
        };
    }

    static String pText(double p) { return p < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", p); }

    private static String msOrDash(Long us) { return us == null ? "-" : String.format(Locale.ROOT, "%.1f", Durations.ms(us)); }

    /** The exact command that repeats one run: {@code viplab drill FILE --seed N --set KEY=VALUE …}, each word quoted once. */
    String reproduce(Map<String, String> settings, long seed) {
        List<String> words = new ArrayList<>(List.of("viplab", "drill", file.toString(), "--seed", Long.toString(seed)));
        for (Map.Entry<String, String> e : settings.entrySet()) {
            words.add("--set");
            words.add(e.getKey() + "=" + e.getValue());
        }
        return Shell.command(words);
    }
}
