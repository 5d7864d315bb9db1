package org.viplab.cli;

import org.viplab.core.timeline.Timeline;
import org.viplab.core.util.AtomicFiles;
import org.viplab.core.util.Durations;
import org.viplab.drill.Drill;
import org.viplab.drill.DrillException;
import org.viplab.drill.DrillParser;
import org.viplab.engine.sim.SimulatedLab;
import org.viplab.engine.ssh.Shell;
import org.viplab.report.SweepReport;
import org.viplab.sweep.CombinationStats;
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
        description = "run a drill over many seeds and settings on the simulator and print the distribution of its figures",
        footer = {"", "Each run is an ordinary simulated drill run; repeat one with the `viplab drill` command printed for the worst seeds.",
            "--set keys are the drill format's \"set\" paths (samples/drills/README.md), e.g. --set db2.keepalived.priority=90,95,99."})
public final class SweepCommand extends CliCommand {
    /** How a sweep's runs are simulated: exactly as {@code viplab drill} runs one. */
    static final SweepRunner.LabFactory SIMULATOR = (drill, timeline) -> SimulatedLab.steadyState(drill.topology(), drill.seed(), timeline);

    @Parameters(paramLabel = "DRILL", description = "a drill file (see samples/drills/README.md)")
    Path file;

    @Option(names = "--seeds", paramLabel = "FIRST-LAST", defaultValue = "1-1000", description = "the seeds to run (default ${DEFAULT-VALUE})")
    String seeds;

    @Option(names = "--set", paramLabel = "KEY=V1,V2", description = "a setting to sweep (repeatable; every combination runs)")
    List<String> sets = new ArrayList<>();

    @Option(names = "--jobs", paramLabel = "N", description = "worker threads (default: the number of cores)")
    Integer jobs;

    @Option(names = "--json", paramLabel = "OUT", description = "write the summary (pass rates, quantiles, worst seeds) as JSON")
    Path json;

    @Option(names = "--csv", paramLabel = "OUT", description = "write one row per run as CSV")
    Path csv;

    @Option(names = "--report", paramLabel = "DIR", description = "write an HTML report (CDFs, histograms, quantiles, worst seeds) to DIR")
    Path report;

    @Option(names = "--lang", paramLabel = "LANG", converter = LangConverter.class, completionCandidates = LangConverter.Candidates.class,
            description = "the report's language: en (default) or zh-CN")
    Locale lang;

    @Option(names = "--progress", description = "draw the progress bar even when stderr is not a terminal")
    boolean forceProgress;

    @Override
    protected int run(PrintStream out, PrintStream err) throws Exception {
        int workers = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
        if (workers < 1 || workers > 256) throw new UsageException("--jobs must be from 1 to 256");
        if (lang != null && report == null) throw new UsageException("--lang goes with --report DIR");
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
            plan = SweepPlan.of(drill, Seeds.parse(seeds), settings);
        } catch (SweepException e) {
            throw new BadInputException(e.getMessage());
        }
        SweepRunner runner = new SweepRunner();
        CountDownLatch stopped = new CountDownLatch(1);
        // Ctrl-C: stop starting runs, let the command say what it did, then let the JVM go
        Thread onInterrupt = new Thread(() -> {
            runner.cancel();
            try {
                stopped.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "sweep-cancel");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        boolean terminal = forceProgress || System.console() != null;
        ProgressBar bar = terminal ? new ProgressBar(err, System::nanoTime) : null;
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
        if (json != null) AtomicFiles.writeString(json, SweepJson.toJson(result));
        if (csv != null) {
            AtomicFiles.write(csv, o -> {
                Writer w = new OutputStreamWriter(o, StandardCharsets.UTF_8);
                SweepCsv.write(result, w);
                w.flush();
            });
        }
        if (report != null) {
            Locale language = lang == null ? Locale.ENGLISH : lang;
            OutputPaths.writeReport(report, tmp -> {
                SweepReport.write(result, tmp, language, (c, seed) -> reproduce(c.values(), seed));
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
