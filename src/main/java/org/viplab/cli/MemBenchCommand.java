package org.viplab.cli;

import org.viplab.core.model.Presets;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Timeline;
import org.viplab.core.timeline.TimelineAnalysis;
import org.viplab.engine.sim.SimulatedLab;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * {@code membench}: simulates a long run of the mode 2 lab into a real {@link Timeline} (what the app and the
 * drills keep), then prints the events stored and the heap still in use after a full GC, once per simulated
 * day, and finally reads the whole run back the way the views and reports do. Run it with a small -Xmx to see
 * whether a week fits. Prints figures; never fails on them.
 */
@Command(name = "membench", description = "simulate a week of the mode 2 lab into a timeline; print events stored and heap after GC")
public final class MemBenchCommand extends CliCommand {
    @Option(names = "--hours", paramLabel = "H", defaultValue = "168", description = "simulated hours (default ${DEFAULT-VALUE}, a week)")
    double hours;

    @Option(names = "--every", paramLabel = "H", defaultValue = "24", description = "print a line every H simulated hours (default ${DEFAULT-VALUE})")
    double every;

    @Override
    protected int run(PrintStream out, PrintStream err) throws Exception {
        if (!(hours > 0) || !(every > 0)) throw new UsageException("--hours and --every must be positive");
        long endUs = Math.round(hours * 3600e6);
        long stepUs = Math.round(every * 3600e6);
        out.printf("membench: %.1f h of mode 2 into a timeline, max heap %d MiB%n", hours, Runtime.getRuntime().maxMemory() >> 20);
        long base = liveHeap();
        Timeline timeline = new Timeline();
        SimulatedLab lab = SimulatedLab.steadyState(Presets.mode2(), 1, timeline);
        long t0 = System.nanoTime();
        for (long t = Math.min(stepUs, endUs); ; t = Math.min(t + stepUs, endUs)) {
            lab.runUntil(t);
            long heap = liveHeap() - base;
            out.printf("  %7.1f h: %,12d events, heap after GC %,6d MiB (%.1f bytes/event), %,d ms%n", t / 3600e6,
                    timeline.size(), heap >> 20, (double) heap / Math.max(1, timeline.size()), (System.nanoTime() - t0) / 1_000_000);
            if (t >= endUs) break;
        }
        // read it all back as the views and reports do: a snapshot, one pass over it, the analysis
        long t1 = System.nanoTime();
        List<LabEvent> all = timeline.snapshot();
        long probes = 0;
        for (LabEvent e : all) if (e instanceof LabEvent.ClientProbe) probes++;
        TimelineAnalysis a = new TimelineAnalysis(all, 0, endUs);
        long readMs = (System.nanoTime() - t1) / 1_000_000;
        out.printf("  read back: %,d events (%,d probes), %d spans, in %,d ms; heap after GC with the snapshot held %,d MiB%n",
                all.size(), probes, a.spans().size(), readMs, (liveHeap() - base) >> 20);
        out.printf("result: %.1f h, %,d events stored, heap after GC %,d MiB%n", hours, timeline.size(), (liveHeap() - base) >> 20);
        return ExitCodes.OK;
    }

    private static long liveHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
