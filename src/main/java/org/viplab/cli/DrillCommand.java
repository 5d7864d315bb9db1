package org.viplab.cli;

import org.viplab.drill.Drill;
import org.viplab.drill.DrillException;
import org.viplab.drill.DrillParser;
import org.viplab.drill.DrillResult;
import org.viplab.drill.DrillRunner;
import org.viplab.drill.Step;
import org.viplab.drill.Verdict;
import org.viplab.report.ReportIndex;
import org.viplab.report.ReportOptions;
import org.viplab.report.ReportWriter;
import org.viplab.engine.sim.SimulatedLab;
import org.viplab.core.timeline.CauseChain;
import org.viplab.core.timeline.Failover;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Timeline;
import org.viplab.core.text.EventFormatter;
import org.viplab.core.text.TimeText;
import org.viplab.core.util.AtomicFiles;
import org.viplab.core.util.Durations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code drill FILE --engine sim --json OUT}: runs a drill headless and prints a verdict per step.
 * {@code --report DIR} also writes the drill's report there; with several files (e.g. samples/drills/*.json)
 * and {@code --report DIR} it runs them all, writes one report directory per drill and an index.html.
 */
@Command(name = "drill", sortOptions = false,
        description = "run a drill file and check its expectations (exit 0 pass, 1 fail, 2 bad file, 3 engine)",
        footer = {"", "Several FILEs (or --batch) need --report DIR: one report directory per drill, named after its file,",
            "and an index.html. See samples/drills/README.md for the drill format and the valid ranges."})
public final class DrillCommand extends CliCommand {
    /** Where a drill runs. */
    enum Engine { sim, ssh, both }

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "a drill file (see samples/drills/README.md)")
    List<Path> files;

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "sim",
            description = "sim (the built-in simulator; default), ssh (real hosts; exit 3 when one cannot be reached), "
                    + "or both (the simulator, then the real hosts; --report DIR gets both reports and comparison.html)")
    Engine engine;

    @Option(names = "--inventory", paramLabel = "FILE", description = "the hosts for --engine ssh (default: the running `lab up`'s inventory)")
    String inventory;

    @Option(names = "--json", paramLabel = "OUT", description = "write the result (verdicts and metrics) as JSON")
    Path json;

    @Option(names = "--jsonl", paramLabel = "OUT", description = "write the whole timeline as JSON Lines")
    Path jsonl;

    @Option(names = "--seed", paramLabel = "N", description = "override the drill's seed")
    Long seed;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "change a setting as the drill's \"set\" would (repeatable), e.g. --set db2.keepalived.priority=95; how a sweep's run is repeated")
    List<String> sets = new ArrayList<>();

    @Option(names = "--quiet", description = "print only the summary line")
    boolean quiet;

    @Option(names = "--why", description = "print under each failover the chain of causes from the action to the VIP on its new holder")
    boolean why;

    @Option(names = "--report", paramLabel = "DIR",
            description = "write report.html, report.pdf, events.csv, timeline.jsonl, result.json and junit.xml to DIR")
    Path report;

    @Option(names = "--lang", paramLabel = "LANG", converter = LangConverter.class, completionCandidates = LangConverter.Candidates.class,
            description = "the language of the report, of the --why and --json texts and of why a drill on real hosts cannot run: en (default) or zh-CN")
    Locale lang;

    @Option(names = "--html-only", description = "write report.html only, without a timestamp (how samples/reports is made)")
    boolean htmlOnly;

    @Option(names = "--batch", description = "the batch layout (a directory per drill and an index) also for a single FILE")
    boolean batch;

    @Override
    protected int run(PrintStream out, PrintStream err) throws Exception {
        if (files.size() > 1 && report == null) {
            throw new UsageException("several drill files need --report DIR (a batch writes one report per drill)");
        }
        if (engine == Engine.both && report == null) throw new UsageException("--engine both writes its comparison with --report DIR");
        ReportOptions options = null;
        if (report != null) {
            options = new ReportOptions(lang == null ? Locale.ENGLISH : lang, htmlOnly, htmlOnly ? null : Instant.now());
        } else if (htmlOnly) {
            throw new UsageException("--html-only goes with --report DIR");
        } else if (lang != null && json == null && !why) {
            throw new UsageException("--lang goes with --report DIR, --json or --why");
        }
        Locale language = lang == null ? Locale.ENGLISH : lang;
        EventFormatter formatter = EventFormatter.of(language);
        Function<LabEvent, String> text = formatter::details;
        if (batch && options == null) throw new UsageException("--batch goes with --report DIR");
        OutputPaths.checkFile("--json", json);
        OutputPaths.checkFile("--jsonl", jsonl);
        OutputPaths.checkReportDir("--report", report);
        if (files.size() > 1 || batch) {
            if (!sets.isEmpty()) throw new UsageException("--set takes one drill file");
            if (json != null || jsonl != null) throw new UsageException("--json and --jsonl take one drill file; a batch writes result.json per drill");
            if (engine == Engine.ssh) throw new UsageException("a batch runs on the simulator; run real-host drills one at a time");
            ReportOptions o = options;
            return OutputPaths.writeReport(report, tmp -> batch(files, seed, tmp, report, o, out, err));
        }

        Drill drill;
        try {
            drill = DrillParser.parseFile(files.get(0));
        } catch (DrillException e) {
            err.println(e);
            return cannotRun(files.get(0), e.toString(), ExitCodes.BAD_INPUT);
        }
        for (String w : drill.warnings()) err.println("warning: " + w);
        if (!sets.isEmpty()) {
            try {
                drill = org.viplab.sweep.SweepPlan.withSettings(drill, sets);
            } catch (org.viplab.sweep.SweepException e) {
                throw new BadInputException(e.getMessage());
            }
        }
        DrillResult ran;
        if (engine == Engine.both) {
            return both(drill, seed, inventory, report, options, out, err);
        }
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        if (engine == Engine.ssh) {
            SshDrill.Outcome o = SshDrill.run(withSeed(drill, seed), inventory, out, err, lang == null ? Locale.ENGLISH : lang);
            if (o.exitCode() != null && o.result() == null) return cannotRun(files.get(0), o.error(), o.exitCode());
            if (o.exitCode() != null) return o.exitCode();
            ran = o.result();
        } else try {
            ran = runDrill(drill, seed);
        } catch (RuntimeException e) {
            err.println("engine failed: " + e);
            return cannotRun(files.get(0), "engine failed: " + e, ExitCodes.ENGINE);
        }
        DrillResult result = withProvenance(ran, files.get(0), started, t0);
        print(result, quiet, out);
        if (why) printWhy(result, text, out);
        if (json != null) AtomicFiles.writeString(json, result.toJson(text));
        if (jsonl != null) {
            AtomicFiles.write(jsonl, o -> org.viplab.core.timeline.JsonLines.write(result.events(), result.causes(), o));
        }
        if (options != null) {
            Path dir = report;
            ReportOptions o = options;
            ReportWriter.Written w = OutputPaths.writeReport(dir, tmp -> ReportWriter.write(result, tmp, o));
            for (String warning : w.warnings()) err.println("warning: " + warning);
            out.println("report: " + dir.resolve(ReportWriter.HTML));
        }
        return result.passed() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /**
     * A drill that cannot run still leaves CI something to read: with --report DIR, a junit.xml whose one test is
     * an {@code <error>} with the file:line message, and a result.json saying so (no report page: there is no run).
     */
    private int cannotRun(Path file, String message, int exitCode) throws Exception {
        if (report == null || htmlOnly) return exitCode;
        String name = file.getFileName().toString().replaceFirst("\\.json$", "");
        OutputPaths.writeReport(report, tmp -> {
            AtomicFiles.write(tmp.resolve(ReportWriter.JUNIT), o -> org.viplab.report.JUnitXml.writeError(name, file.toString(), message, o));
            AtomicFiles.writeString(tmp.resolve(ReportWriter.JSON), DrillResult.errorJson(file.toString(), message, exitCode));
            return null;
        });
        return exitCode;
    }

    /** Runs the drill on a fresh simulator, with the seed overridden when one is given. */
    static DrillResult runDrill(Drill drill, Long seedOverride) throws InterruptedException {
        Drill run = withSeed(drill, seedOverride);
        Timeline timeline = new Timeline();
        SimulatedLab lab = SimulatedLab.steadyState(run.topology(), run.seed(), timeline);
        return new DrillRunner().run(run, lab, null);
    }

    /** The drill on the simulator, then on the real hosts; both reports and the comparison page. */
    private int both(Drill drill, Long seed, String inventory, Path dir, ReportOptions options, PrintStream out, PrintStream err)
            throws Exception {
        DrillResult sim;
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        try {
            sim = withProvenance(runDrill(drill, seed), files.get(0), started, t0);
        } catch (RuntimeException e) {
            err.println("simulator failed: " + e);
            return ExitCodes.ENGINE;
        }
        print(sim, true, out);
        Instant realStart = Instant.now();
        long r0 = System.nanoTime();
        SshDrill.Outcome o = SshDrill.run(withSeed(drill, seed), inventory, out, err, lang == null ? Locale.ENGLISH : lang);
        if (o.exitCode() != null) return o.exitCode();
        DrillResult real = withProvenance(o.result(), files.get(0), realStart, r0);
        print(real, true, out);
        OutputPaths.writeReport(dir, tmp -> {
            org.viplab.report.Comparison.write(sim, real, tmp, options);
            return null;
        });
        for (org.viplab.report.Comparison.Row r : org.viplab.report.Comparison.rows(sim, real)) {
            out.printf("  %-45s sim %10s  real %10s%n", r.what(), r.simMs() == null ? "-" : r.simMs() + " ms", r.realMs() == null ? "-" : r.realMs() + " ms");
        }
        out.println("comparison: " + dir.resolve(org.viplab.report.Comparison.HTML));
        return sim.passed() && real.passed() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /**
     * The result with where it comes from: this command line, the drill file's hash and text, and when it ran
     * (left out with --html-only, whose files must give the same bytes for the same drill).
     */
    private DrillResult withProvenance(DrillResult r, Path file, Instant started, long startNanos) throws java.io.IOException {
        org.viplab.drill.Provenance p = r.provenance().withCommandLine(commandLine()).withDrillFile(file);
        if (!htmlOnly) p = p.withRun(started, (System.nanoTime() - startNanos) / 1_000_000);
        return r.withProvenance(p);
    }

    /** The arguments as given after the program's name (picocli keeps them), "drill" first. */
    private List<String> commandLine() {
        picocli.CommandLine.ParseResult root = spec.root().commandLine().getParseResult();
        return root == null ? List.of("drill") : root.originalArgs();
    }

    private static Drill withSeed(Drill drill, Long seedOverride) {
        return seedOverride == null ? drill : drill.withSeed(seedOverride);
    }

    /**
     * Several drills: a report directory each (named after the file) and an index; the worst exit code wins.
     * {@code dir} is the fresh folder written to, {@code shownDir} the one it becomes.
     */
    private int batch(List<Path> files, Long seed, Path dir, Path shownDir, ReportOptions options, PrintStream out, PrintStream err) throws Exception {
        List<ReportIndex.Entry> entries = new ArrayList<>();
        Set<String> used = new HashSet<>();
        int exit = ExitCodes.OK;
        for (Path file : files) {
            String base = file.getFileName().toString().replaceFirst("\\.json$", "");
            String sub = base;
            for (int i = 2; !used.add(sub); i++) sub = base + "-" + i;
            Drill drill;
            try {
                drill = DrillParser.parseFile(file);
            } catch (DrillException e) {
                err.println(e);
                entries.add(new ReportIndex.Entry(base, file.toString(), null, null, e.getMessage()));
                exit = Math.max(exit, ExitCodes.BAD_INPUT);
                continue;
            }
            for (String w : drill.warnings()) err.println(file + ": warning: " + w);
            DrillResult result;
            Instant started = Instant.now();
            long t0 = System.nanoTime();
            try {
                result = withProvenance(runDrill(drill, seed), file, started, t0);
            } catch (RuntimeException e) {
                err.println(file + ": engine failed: " + e);
                entries.add(new ReportIndex.Entry(drill.name(), file.toString(), null, null, "engine failed: " + e.getMessage()));
                exit = Math.max(exit, ExitCodes.ENGINE);
                continue;
            }
            print(result, true, out);
            ReportWriter.Written w = ReportWriter.write(result, dir.resolve(sub), options);
            for (String warning : w.warnings()) err.println("warning: " + warning);
            entries.add(new ReportIndex.Entry(drill.name(), file.getFileName().toString(), sub, result, null));
            if (!result.passed()) exit = Math.max(exit, ExitCodes.FAILED);
        }
        ReportIndex.write(dir, entries, options);
        // one file for CI: a testsuite per drill, an error suite for each drill that could not run
        if (!options.htmlOnly()) AtomicFiles.write(dir.resolve(org.viplab.report.JUnitXml.BATCH), o -> org.viplab.report.JUnitXml.write(entries, o));
        long ok = entries.stream().filter(ReportIndex.Entry::passed).count();
        out.println(entries.size() + " drills: " + ok + " passed, " + (entries.size() - ok) + " failed; index: " + shownDir.resolve("index.html"));
        return exit;
    }

    /** Each failover and under it the chain of causes from the action to the VIP on its new holder. */
    static void printWhy(DrillResult r, Function<LabEvent, String> text, PrintStream out) {
        for (Failover f : r.analysis().failovers()) {
            // on real hosts the links are inferred from what was observed; the simulator states them exactly
            out.println("  failover " + f.from() + " -> " + f.to() + " at " + TimeText.seconds(f.endUs()) + " s, why"
                    + (r.causesInferred() ? " (inferred from what the hosts showed):" : ":"));
            List<CauseChain.Link> chain = r.why(f);
            if (chain.isEmpty()) out.println("    (no cause recorded)");
            long prev = chain.isEmpty() ? 0 : chain.get(0).event().timeUs();
            for (CauseChain.Link l : chain) {
                long t = l.event().timeUs();
                String delta = t == prev ? "" : "+" + TimeText.seconds(t - prev);
                out.printf("    %9s %8s  %-6s %s%n", TimeText.seconds(t), delta, l.event().host(), text.apply(l.event()));
                prev = t;
            }
        }
    }

    static void print(DrillResult r, boolean quiet, PrintStream out) {
        if (!quiet) {
            out.println("Drill: " + r.drill().name() + "  (engine " + r.engine() + ", " + r.drill().topology().name
                    + (r.engine().equals("sim") ? ", seed " + r.drill().seed() : "") + ")");
            for (Verdict v : r.verdicts()) {
                String mark = switch (v.status()) {
                    case DONE -> "  ..";
                    case PASSED -> "PASS";
                    case FAILED -> "FAIL";
                    case PENDING -> "  --";
                };
                Step s = v.step();
                // a whole-drill check has no instant (its text says "(whole drill)"): no time beside it
                String at = s instanceof Step.ExpectStep e && e.wholeDrill() ? "-" : Durations.format(s.anchorUs());
                out.printf("  %s  %9s  %s%s%n", mark, at, s.text(), v.detail().isEmpty() ? "" : ": " + v.detail());
            }
            Map<String, Object> m = r.metrics();
            out.println("  metrics: failovers " + m.get("failovers") + ", longest no-VIP gap " + m.get("vipGapMs") + " ms, split brain "
                    + m.get("splitBrainMs") + " ms, longest client outage " + m.get("clientDowntimeMs") + " ms, client availability "
                    + r.client().availabilityText() + " (" + m.get("failedProbes") + " of " + m.get("probes") + " probes failed)");
            for (String p : r.restoreProblems()) out.println("  restore problem: " + p);
        }
        long failed = r.verdicts().stream().filter(Verdict::failed).count();
        long passed = r.verdicts().stream().filter(v -> v.status() == Verdict.Status.PASSED).count();
        out.println((r.passed() ? "PASSED" : "FAILED") + ": " + r.drill().name() + " (" + passed + " expectations passed, " + failed + " failed)");
    }
}
