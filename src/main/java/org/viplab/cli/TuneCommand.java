package org.viplab.cli;

import org.viplab.core.model.Presets;
import org.viplab.core.model.Topology;
import org.viplab.core.model.TopologyFiles;
import org.viplab.core.model.TopologyJson;
import org.viplab.core.util.AtomicFiles;
import org.viplab.core.util.Durations;
import org.viplab.drill.DrillException;
import org.viplab.lab.Action;
import org.viplab.report.TuneReport;
import org.viplab.sweep.Seeds;
import org.viplab.sweep.SweepException;
import org.viplab.sweep.SweepRunner;
import org.viplab.tune.ConfigDiff;
import org.viplab.tune.Evaluation;
import org.viplab.tune.Knob;
import org.viplab.tune.Stress;
import org.viplab.tune.TuneDrills;
import org.viplab.tune.TuneJson;
import org.viplab.tune.TuneRequest;
import org.viplab.tune.TuneResult;
import org.viplab.tune.Tuner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code tune TOPOLOGY|PRESET --max-downtime-p99 3s [--stall 800ms] [--loss 5%]}: searches keepalived's and haproxy's
 * timing settings by sweeps on the simulator and recommends those that meet the downtime target with no false
 * failover under the stress, with the config lines to change. Same arguments, same output.
 */
@Command(name = "tune", sortOptions = false,
        description = "search advert_int, the check script's interval/fall/rise/weight, haproxy inter/fall/rise and preempt "
                + "for settings that meet a client-downtime target with no false failover",
        footer = {"", "Each candidate runs a failover drill (the fault on the master: the downtime) and a 60 s no-fault drill under",
            "--stall/--loss (a takeover by the backup there is a false failover), over --seeds, as sweeps on the simulator.",
            "Search: stage 1 every combination of advert_int, interval, fall, weight and preempt; stage 2 rise and haproxy's",
            "inter/fall/rise around the 4 best. Candidates the first 20 seeds already reject run no further seeds."})
public final class TuneCommand extends CliCommand {
    @Parameters(paramLabel = "TOPOLOGY|PRESET", description = "a topology file (viplab preset NAME --out FILE writes one) or a preset name")
    String topology;

    @Option(names = "--max-downtime-p99", order = 1, paramLabel = "DURATION", required = true, description = "the clients' downtime p99 to stay under, e.g. 3s")
    String maxDowntime;

    @Option(names = "--stall", order = 2, paramLabel = "DURATION", description = "a stall of the master (no CPU) the settings must ride out, e.g. 800ms")
    String stall;

    @Option(names = "--loss", order = 3, paramLabel = "PERCENT", description = "VRRP loss between the nodes the settings must ride out, e.g. 5%%")
    String loss;

    @Option(names = "--seeds", order = 4, paramLabel = "FIRST-LAST", defaultValue = "1-200", description = "the seeds each candidate runs (default ${DEFAULT-VALUE})")
    String seeds;

    @Option(names = "--fault", order = 5, paramLabel = "ACTION/PROCESS", description = "the failover drill's fault on the master (default: stop/mysqld in mode 1, kill/haproxy in mode 2)")
    String fault;

    @Option(names = "--grid", order = 6, paramLabel = "KNOB=V1,V2", description = "the values to try for a knob instead of the defaults (repeatable): "
            + "advert_int, interval, fall, weight, preempt, rise, haproxy.inter, haproxy.fall, haproxy.rise")
    List<String> grid = new ArrayList<>();

    /** --jobs, --lang, --progress, shared with sweep. */
    @Mixin
    BatchRunOptions batch = new BatchRunOptions();

    @Option(names = "--json", order = BatchRunOptions.JOBS + 1, paramLabel = "OUT", description = "write every candidate's figures, the recommendations and the diff as JSON")
    Path json;

    @Option(names = "--report", order = BatchRunOptions.JOBS + 2, paramLabel = "DIR", description = "write tune.html (the table, the trade-off plot, the diff) and tune.json to DIR")
    Path report;

    /** The rows printed: the recommendations (best first) up to this many, then the settings as written. */
    static final int SHOWN = 10;

    @Override
    protected int run(PrintStream out, PrintStream err) throws Exception {
        int workers = batch.workers();
        batch.checkLanguage(report);
        OutputPaths.checkFile("--json", json);
        OutputPaths.checkReportDir("--report", report);
        Topology base = topology();
        TuneRequest request = request();
        Tuner tuner = new Tuner(SweepCommand.SIMULATOR, workers);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread onInterrupt = new Thread(() -> {
            tuner.cancel();
            try {
                stopped.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "tune-cancel");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        long t0 = System.nanoTime();
        TuneResult result;
        Phases phases = new Phases(err, batch.progressBar());
        try {
            result = tuner.run(base, request, phases::update);
        } catch (DrillException | SweepException | IllegalArgumentException e) {
            phases.finish();
            stopped.countDown();
            throw new BadInputException(e instanceof DrillException d ? d.toString() : e.getMessage());
        } catch (SweepRunner.SweepRunException e) {
            phases.finish();
            err.println("engine failed: " + e.getMessage());
            stopped.countDown();
            return ExitCodes.ENGINE;
        } finally {
            phases.finish();
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it waits for the countdown below
            }
        }
        double wallS = (System.nanoTime() - t0) / 1e9;
        if (result.cancelled()) {
            err.printf(Locale.ROOT, "cancelled after %,d runs in %.1f s; nothing written%n", result.runs(), wallS);
            stopped.countDown();
            return ExitCodes.FAILED;
        }
        print(result, out);
        err.printf(Locale.ROOT, "%,d runs in %.1f s on %d workers (%,.0f runs/s)%n", result.runs(), wallS, workers, result.runs() / wallS);
        if (json != null) AtomicFiles.writeString(json, TuneJson.toJson(result));
        if (report != null) {
            OutputPaths.writeReport(report, tmp -> {
                TuneReport.write(result, tmp, batch.language());
                return null;
            });
            out.println("report: " + report.resolve(TuneReport.HTML));
        }
        stopped.countDown();
        return result.best() == null ? ExitCodes.FAILED : ExitCodes.OK;
    }

    private Topology topology() throws BadInputException {
        Topology preset = Presets.byName(topology);
        if (preset != null) return preset;
        Path file = Path.of(topology);
        Topology t;
        try {
            t = TopologyFiles.read(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new BadInputException(topology + ": no such file and no preset of that name (presets: " + String.join(", ", Presets.names()) + ")");
        } catch (java.io.IOException e) {
            throw new BadInputException(e instanceof TopologyFiles.TopologyFileException ? e.getMessage() : topology + ": cannot read: " + e.getMessage());
        }
        List<String> problems = TopologyJson.problems(t);
        if (!problems.isEmpty()) throw new BadInputException(topology + ": " + String.join("; ", problems));
        return t;
    }

    private TuneRequest request() throws BadInputException {
        try {
            long target = duration("--max-downtime-p99", maxDowntime);
            long stallUs = stall == null ? 0 : duration("--stall", stall);
            if (stall != null && (stallUs < 1_000 || stallUs > 600_000_000L)) throw new BadInputException("--stall " + stall + ": from 1ms to 10m");
            String lossText = null;
            if (loss != null) {
                lossText = loss.trim().endsWith("%") ? loss.trim() : loss.trim() + "%";
                try {
                    Action.parsePercent(lossText);
                } catch (IllegalArgumentException e) {
                    throw new BadInputException("--loss " + loss + ": " + e.getMessage());
                }
            }
            Map<Knob, List<String>> overrides = new EnumMap<>(Knob.class);
            for (String g : grid) {
                Map.Entry<Knob, List<String>> e = TuneRequest.gridEntry(g);
                if (overrides.put(e.getKey(), e.getValue()) != null) throw new BadInputException("--grid " + e.getKey().id() + " is given twice");
            }
            TuneDrills.Fault f = fault == null ? null : TuneDrills.Fault.parse(fault);
            return new TuneRequest(target, new Stress(stallUs, lossText), Seeds.parse(seeds), f, overrides);
        } catch (SweepException | IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    private static long duration(String option, String text) throws BadInputException {
        try {
            long us = Durations.parseUs(text);
            if (us <= 0) throw new BadInputException(option + " " + text + ": must be more than 0");
            return us;
        } catch (IllegalArgumentException e) {
            throw new BadInputException(option + " " + text + ": " + e.getMessage());
        }
    }

    /** What was run, the recommendations, the settings as written, and the best one's config diff. */
    static void print(TuneResult r, PrintStream out) {
        TuneRequest q = r.request();
        out.printf(Locale.ROOT, "Tune: %s (%s), client downtime p99 at most %s, stress: %s; seeds %s%n", r.topology().name,
                r.topology().mode.name(), Durations.format(q.maxDowntimeP99Us()), q.stress().describe(), q.seeds());
        out.println("Failover drill: " + r.drills().failover().name() + "; no-fault drill: " + r.drills().noFault().name());
        out.println("Grid: " + describe(r.grid().values()));
        long stage1 = r.evaluations().stream().filter(e -> e.stage() == 1).count();
        long stage2 = r.evaluations().size() - stage1;
        long screened = r.evaluations().stream().filter(Evaluation::screenedOut).count();
        out.printf(Locale.ROOT, "Searched %d candidates (stage 1: %d, stage 2: %d around the best); %d rejected on seeds %s; "
                + "%,d runs (the whole grid on every seed would be %,d)%n", r.evaluations().size(), stage1, stage2, screened,
                r.screenSeeds(), r.runs(), r.fullRuns());
        List<Evaluation> rec = r.recommended();
        out.printf(Locale.ROOT, "%d meet the target with no false failover%s%n", rec.size(), rec.isEmpty() ? "" : " (best first):");
        out.printf("  %-4s %-9s %-9s %-9s %-7s %s%n", "#", "p50 ms", "p99 ms", "false", "verdict", "settings");
        for (int i = 0; i < Math.min(SHOWN, rec.size()); i++) row(out, rec.get(i));
        if (rec.size() > SHOWN) out.printf("  … and %d more (--json or --report lists them all)%n", rec.size() - SHOWN);
        Evaluation written = r.asWritten();
        if (written != null) {
            out.println("As written:");
            row(out, written);
        }
        Evaluation best = r.best();
        if (best == null) {
            out.println("Nothing meets the target with no false failover: relax --max-downtime-p99 or the stress, or widen the grid (--grid).");
            List<Evaluation> near = r.nearest();
            if (near.isEmpty()) return;
            out.println("Closest within the target, fewest false failovers first (not a recommendation):");
            for (int i = 0; i < Math.min(5, near.size()); i++) row(out, near.get(i));
            List<ConfigDiff.FileDiff> diff = ConfigDiff.of(r.topology(), r.apply(near.get(0).candidate()));
            if (!diff.isEmpty()) {
                out.println("Its config lines (" + near.get(0).candidate().label() + "):");
                out.print(ConfigDiff.text(diff));
            }
            return;
        }
        List<ConfigDiff.FileDiff> diff = ConfigDiff.of(r.topology(), r.apply(best.candidate()));
        out.println(diff.isEmpty() ? "The settings as written are the best: nothing to change." : "To apply the best (" + best.candidate().label() + "):");
        out.print(ConfigDiff.text(diff));
    }

    private static void row(PrintStream out, Evaluation e) {
        out.printf(Locale.ROOT, "  %-4d %-9s %-9s %-9s %-7s %s%n", e.order(), ms(e.downtime().p50()), ms(e.downtime().p99()),
                e.falseFailovers() + "/" + e.noFaultRuns(), verdict(e), e.candidate().label());
    }

    static String verdict(Evaluation e) {
        return switch (e.verdict()) {
            case MEETS -> "meets";
            case FALSE_FAILOVERS -> "flaps";
            case TOO_SLOW -> "slow";
            case NO_FAILOVER -> "stuck";
        };
    }

    private static String ms(long us) { return us == Long.MAX_VALUE ? "never" : String.format(Locale.ROOT, "%.1f", Durations.ms(us)); }

    private static String describe(Map<Knob, List<String>> values) {
        StringBuilder b = new StringBuilder();
        values.forEach((k, v) -> b.append(b.length() == 0 ? "" : "  ").append(k.id()).append(' ').append(String.join(",", v)));
        return b.toString();
    }

    /** A progress bar per pass, with a line naming the pass first. */
    private static final class Phases {
        private final PrintStream err;
        private final boolean terminal;
        private Tuner.Phase phase;
        private ProgressBar bar;

        Phases(PrintStream err, boolean terminal) {
            this.err = err;
            this.terminal = terminal;
        }

        void update(Tuner.Phase p, int done, int total) {
            if (!terminal) return;
            if (p != phase) {
                finish();
                phase = p;
                err.printf(Locale.ROOT, "%s: %,d runs%n", name(p), total);
                bar = new ProgressBar(err, System::nanoTime);
            }
            bar.update(done, total);
        }

        void finish() {
            if (bar != null) bar.finish();
            bar = null;
        }

        private static String name(Tuner.Phase p) {
            return switch (p) {
                case COARSE_SCREEN -> "stage 1, screening every candidate";
                case COARSE_CONFIRM -> "stage 1, the remaining seeds for the candidates left";
                case FINE_SCREEN -> "stage 2, screening";
                case FINE_CONFIRM -> "stage 2, the remaining seeds";
            };
        }
    }
}
