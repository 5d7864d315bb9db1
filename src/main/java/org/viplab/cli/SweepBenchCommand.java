package org.viplab.cli;

import org.viplab.drill.Drill;
import org.viplab.drill.DrillParser;
import org.viplab.engine.sim.SimulatedLab;
import org.viplab.sweep.Seeds;
import org.viplab.sweep.SweepPlan;
import org.viplab.sweep.SweepResult;
import org.viplab.sweep.SweepRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;

/**
 * {@code sweepbench}: a sweep of a 60 s mode 2 drill (haproxy killed on the master, the VIP moves, the restore),
 * timed; prints runs/s and the simulator's real-time factor side by side, with the load average, since the
 * machine is shared. Never fails on a time.
 */
@Command(name = "sweepbench", description = "time a sweep of a 60 s mode 2 drill and print runs/s and the simulator's real-time factor")
public final class SweepBenchCommand extends CliCommand {
    /** The benchmark's drill: 60 s of mode 2 with one failover, as the target names it. */
    static final String DRILL = """
            {"name": "sweepbench: 60 s of mode 2, haproxy killed on the master", "preset": "mode2", "duration": "60s",
             "steps": [
               {"at": "10s", "action": "kill", "target": "db1/haproxy"},
               {"expect": "vip-on", "host": "db2", "within": "5s"},
               {"expect": "no-split-brain"},
               {"expect": "client-downtime-under", "max": "5s"},
               {"at": "30s", "action": "start", "target": "db1/haproxy"}
             ]}""";

    @Option(names = "--runs", paramLabel = "N", defaultValue = "10000", description = "measured runs (default ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "1000", description = "runs before the measured ones, for the JIT (default ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--jobs", paramLabel = "N", description = "workers (default: the number of cores)")
    Integer jobs;

    @Override
    protected int run(PrintStream out, PrintStream err) throws Exception {
        int workers = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
        if (runs < 1 || runs > SweepPlan.MAX_RUNS || warmup < 0 || workers < 1 || workers > 256) {
            throw new UsageException("--runs 1.." + SweepPlan.MAX_RUNS + ", --warmup 0 or more, --jobs 1..256");
        }
        Drill drill = DrillParser.parse("sweepbench", DRILL, null);
        double load0 = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        out.printf(Locale.ROOT, "sweepbench: %,d runs of a %.0f s mode 2 drill (+ the simulator's 30-33 s warm-up each) on %d workers, %d cores; load average %.2f%n",
                runs, drill.endUs() / 1e6, workers, Runtime.getRuntime().availableProcessors(), load0);
        if (warmup > 0) sweep(drill, 1_000_000, warmup, workers);
        long cpu0 = cpuNanos();
        long t0 = System.nanoTime();
        SweepResult r = sweep(drill, 1, runs, workers);
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (cpuNanos() - cpu0) / 1e9;
        double load1 = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        // simulated time per run: the drill plus the warm-up (30 s + a seeded 0-3 s; 31.5 s on average)
        double simulated = runs * (drill.endUs() / 1e6 + (SimulatedLab.WARMUP_US + 1_500_000) / 1e6);
        long passed = r.runs().stream().filter(x -> x.passed()).count();
        out.printf(Locale.ROOT, "%,d runs in %.2f s wall: %,.0f runs/s (%,d passed); process CPU %.2f s (%,.0f runs per CPU-second)%n",
                runs, wall, runs / wall, passed, cpu, runs / cpu);
        out.printf(Locale.ROOT, "simulator: %,.0f simulated s in %.2f s wall = %,.0fx real time (all workers), %,.0fx per CPU-second%n",
                simulated, wall, simulated / wall, simulated / cpu);
        out.printf(Locale.ROOT, "target: 10,000 runs in under 10 s wall on 2 cores (1,000 runs/s); load average %.2f at the start, %.2f at the end "
                + "(a load above the core count means other processes shared them)%n", load0, load1);
        return ExitCodes.OK;
    }

    private static SweepResult sweep(Drill drill, long firstSeed, int n, int workers) throws Exception {
        SweepPlan plan = SweepPlan.of(drill, new Seeds(firstSeed, firstSeed + n - 1), List.of());
        return new SweepRunner().run(plan, SweepCommand.SIMULATOR, workers, null, 1000);
    }

    /** CPU time of the whole process (every worker), or wall-clock-free 0 when the JVM cannot tell. */
    private static long cpuNanos() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean s ? s.getProcessCpuTime() : 0;
    }
}
