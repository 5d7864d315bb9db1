package org.viplab.cli;

import com.google.gson.GsonBuilder;
import org.viplab.core.model.Presets;
import org.viplab.engine.sim.SimulatedLab;
import org.viplab.core.timeline.SummaryRecorder;
import org.viplab.core.util.AtomicFiles;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench}: simulates 24 hours of the mode 2 lab (adverts, scripts, haproxy checks, the 10 Hz client)
 * through the drill code path with a summarising recorder, and prints the figures. Never fails on a time.
 */
@Command(name = "bench", description = "simulate 24 h of the mode 2 lab and print events/s, real-time factor and peak heap")
public final class BenchCommand extends CliCommand {
    @Option(names = "--runs", paramLabel = "N", defaultValue = "5", description = "measured runs after one warm-up (default ${DEFAULT-VALUE}; the median is reported)")
    int runs;

    @Option(names = "--hours", paramLabel = "H", defaultValue = "24", description = "simulated hours per run (default ${DEFAULT-VALUE})")
    double hours;

    @Option(names = "--json", paramLabel = "OUT", description = "also write the figures as JSON")
    Path json;

    @Override
    protected int run(PrintStream out, PrintStream err) throws Exception {
        if (runs < 1 || !(hours > 0)) throw new UsageException("--runs and --hours must be positive");
        OutputPaths.checkFile("--json", json);
        long simUs = Math.round(hours * 3600e6);
        out.printf("bench: %.1f h of mode 2 per run, 1 warm-up + %d runs%n", hours, runs);
        runOnce(simUs); // warm-up: JIT
        List<long[]> results = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            resetPeaks();
            long[] r = runOnce(simUs);
            long peak = peakHeapBytes();
            results.add(new long[]{r[0], r[1], r[2], peak});
            out.printf("  run %d: %,d events in %d ms (%,d scheduler tasks), peak heap %d MiB%n", i + 1, r[0], r[1] / 1_000_000, r[2], peak >> 20);
        }
        // what a day-long run keeps: the heap in use after a full GC, with the last lab still reachable
        long liveHeapAfterRun = lastLiveHeap;
        results.sort((x, y) -> Long.compare(x[1], y[1]));
        long[] median = results.get(results.size() / 2);
        long events = median[0];
        double wallMs = median[1] / 1e6;
        long peakHeap = Collections.max(results, (x, y) -> Long.compare(x[3], y[3]))[3];
        Map<String, Object> fig = new LinkedHashMap<>();
        fig.put("simulatedHours", hours);
        fig.put("runs", runs);
        fig.put("events", events);
        fig.put("schedulerTasks", median[2]);
        fig.put("wallMs", Math.round(wallMs * 10) / 10.0);
        fig.put("eventsPerSecond", Math.round(events / (wallMs / 1000)));
        fig.put("realTimeFactor", Math.round(simUs / 1000.0 / wallMs));
        fig.put("peakHeapMiB", peakHeap >> 20);
        fig.put("liveHeapAfterRunMiB", liveHeapAfterRun >> 20);
        fig.put("maxHeapMiB", Runtime.getRuntime().maxMemory() >> 20);
        fig.put("cores", Runtime.getRuntime().availableProcessors());
        fig.put("java", System.getProperty("java.version"));
        out.printf("median: %,d events in %.1f ms = %,d events/s, %,dx real time; peak heap %d MiB (garbage included), live heap after a run %d MiB%n",
                events, wallMs, fig.get("eventsPerSecond"), fig.get("realTimeFactor"), peakHeap >> 20, liveHeapAfterRun >> 20);
        if (json != null) {
            AtomicFiles.writeString(json, new GsonBuilder().setPrettyPrinting().create().toJson(fig) + "\n");
        }
        return ExitCodes.OK;
    }

    private static long lastLiveHeap;

    /** {events, wall ns, scheduler tasks} */
    private static long[] runOnce(long simUs) {
        SummaryRecorder rec = new SummaryRecorder();
        long t0 = System.nanoTime();
        SimulatedLab lab = SimulatedLab.steadyState(Presets.mode2(), 1, rec);
        lab.runUntil(simUs);
        long wall = System.nanoTime() - t0;
        System.gc();
        lastLiveHeap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return new long[]{rec.total(), wall, lab.eventsExecuted()};
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) if (p.getType() == MemoryType.HEAP) p.resetPeakUsage();
    }

    private static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) if (p.getType() == MemoryType.HEAP) sum += p.getPeakUsage().getUsed();
        return sum;
    }
}
