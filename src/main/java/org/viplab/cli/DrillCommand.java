package org.viplab.cli;

import org.viplab.drill.Drill;
import org.viplab.drill.DrillException;
import org.viplab.drill.DrillParser;
import org.viplab.drill.DrillResult;
import org.viplab.drill.DrillRunner;
import org.viplab.drill.Step;
import org.viplab.drill.Verdict;
import org.viplab.sim.SimulatedLab;
import org.viplab.timeline.Timeline;
import org.viplab.util.AtomicFiles;
import org.viplab.util.Durations;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code drill FILE --engine sim --json OUT}: runs a drill headless and prints a verdict per step. */
public final class DrillCommand implements Command {
    @Override
    public String name() { return "drill"; }

    @Override
    public String summary() { return "run a drill file and check its expectations (exit 0 pass, 1 fail, 2 bad file, 3 engine)"; }

    @Override
    public String usage() {
        return "Usage: viplab drill FILE [--engine sim|ssh] [--inventory FILE] [--json OUT] [--jsonl OUT] [--seed N] [--quiet]\n"
                + "  FILE      a drill file (see samples/drills/README.md)\n"
                + "  --engine  sim (the built-in simulator; default) or ssh (real hosts; exit 3 when one cannot be reached)\n"
                + "  --inventory  the hosts for --engine ssh (default: the running `lab up`'s inventory)\n"
                + "  --json    write the result (verdicts and metrics) as JSON\n"
                + "  --jsonl   write the whole timeline as JSON Lines\n"
                + "  --seed    override the drill's seed\n"
                + "  --quiet   print only the summary line\n";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Args a = Args.parse(args, Set.of("engine", "json", "jsonl", "seed", "inventory"), Set.of("quiet"));
        if (a.positionals().size() != 1) throw new UsageException("name one drill file");
        String engine = a.get("engine", "sim");
        if (!engine.equals("sim") && !engine.equals("ssh")) throw new UsageException("unknown engine '" + engine + "'; engines: sim, ssh");
        Drill drill;
        try {
            drill = DrillParser.parseFile(Path.of(a.positionals().get(0)));
        } catch (DrillException e) {
            err.println(e);
            return ExitCodes.BAD_INPUT;
        }
        for (String w : drill.warnings()) err.println("warning: " + w);
        long seed = drill.seed();
        if (a.get("seed") != null) {
            try {
                seed = Long.parseLong(a.get("seed"));
            } catch (NumberFormatException e) {
                throw new UsageException("--seed must be a whole number");
            }
        }
        Drill run = new Drill(drill.source(), drill.name(), drill.description(), drill.presetName(), drill.topology(), seed,
                drill.durationUs(), drill.steps(), drill.restore(), drill.warnings());
        DrillResult result;
        if (engine.equals("ssh")) {
            SshDrill.Outcome o = SshDrill.run(run, a.get("inventory"), out, err);
            if (o.exitCode() != null) return o.exitCode();
            result = o.result();
        } else try {
            Timeline timeline = new Timeline();
            SimulatedLab lab = SimulatedLab.steadyState(run.topology(), seed, timeline);
            result = new DrillRunner().run(run, lab, null);
        } catch (RuntimeException e) {
            err.println("engine failed: " + e);
            return ExitCodes.ENGINE;
        }
        print(result, a.flag("quiet"), out);
        if (a.get("json") != null) AtomicFiles.writeString(Path.of(a.get("json")), result.toJson());
        if (a.get("jsonl") != null) {
            AtomicFiles.write(Path.of(a.get("jsonl")), o -> org.viplab.timeline.JsonLines.write(result.events(), o));
        }
        return result.passed() ? ExitCodes.OK : ExitCodes.FAILED;
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
                out.printf("  %s  %9s  %s%s%n", mark, Durations.format(s.anchorUs()), s.text(), v.detail().isEmpty() ? "" : ": " + v.detail());
            }
            Map<String, Object> m = DrillResult.metrics(r.analysis());
            out.println("  metrics: failovers " + m.get("failovers") + ", longest no-VIP gap " + m.get("vipGapMs") + " ms, split brain "
                    + m.get("splitBrainMs") + " ms, longest client outage " + m.get("clientDowntimeMs") + " ms");
            for (String p : r.restoreProblems()) out.println("  restore problem: " + p);
        }
        long failed = r.verdicts().stream().filter(Verdict::failed).count();
        long passed = r.verdicts().stream().filter(v -> v.status() == Verdict.Status.PASSED).count();
        out.println((r.passed() ? "PASSED" : "FAILED") + ": " + r.drill().name() + " (" + passed + " expectations passed, " + failed + " failed)");
    }
}
