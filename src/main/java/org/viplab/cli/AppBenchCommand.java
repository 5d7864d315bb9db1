package org.viplab.cli;

import org.viplab.core.text.TimeText;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Timeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code appbench}: the desktop app's own memory over a long live run. Opens the app (it needs a display:
 * {@code xvfb-run -a -s "-screen 0 1920x1080x24"}) on a preset at a speed, prints its resident set and its heap
 * after a full GC every interval, and closes it after the given wall minutes. What {@code membench} prints for the
 * timeline alone, this prints for everything the window keeps besides (event list, charts, why panel). Prints
 * figures; never fails on them.
 */
@Command(name = "appbench", description = "run the app live (under a display) and print its RSS and heap after GC every minute")
public final class AppBenchCommand extends CliCommand {
    @Option(names = "--minutes", paramLabel = "M", defaultValue = "10", description = "wall minutes to run (default ${DEFAULT-VALUE})")
    double minutes;

    @Option(names = "--every", paramLabel = "S", defaultValue = "60", description = "seconds between lines (default ${DEFAULT-VALUE})")
    double every;

    @Option(names = "--speed", paramLabel = "N", defaultValue = "100", description = "simulation speed (default ${DEFAULT-VALUE})")
    int speed;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "mode2", description = "preset, mode1 or mode2 (default ${DEFAULT-VALUE})")
    String mode;

    @Override
    protected int run(PrintStream out, PrintStream err) throws Exception {
        if (!(minutes > 0) || !(every > 0)) throw new UsageException("--minutes and --every must be positive");
        String[] args = AppCommand.arguments(null, speed, mode).toArray(String[]::new);
        out.printf("appbench: the app at %dx on %s for %.1f wall minutes, max heap %d MiB%n", speed, mode, minutes,
                Runtime.getRuntime().maxMemory() >> 20);
        Thread sampler = new Thread(() -> sample(out), "viplab-appbench");
        sampler.setDaemon(true);
        sampler.start();
        AppCommand.launchApp(args);
        return ExitCodes.OK;
    }

    private void sample(PrintStream out) {
        long t0 = System.nanoTime();
        long endNs = Math.round(minutes * 60e9);
        long stepNs = Math.round(every * 1e9);
        long peakLive = 0;
        try {
            for (long next = 0; ; next += stepNs) {
                long wait = t0 + Math.min(next, endNs) - System.nanoTime();
                if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000)); // a bench paces itself by the wall clock
                long live = liveHeap();
                peakLive = Math.max(peakLive, live);
                long committed = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
                out.printf("  %6.1f min: RSS %,5d MiB (peak %,5d), heap after GC %,4d MiB, heap committed %,4d MiB, %s%n",
                        (System.nanoTime() - t0) / 60e9, status("VmRSS") >> 10, status("VmHWM") >> 10, live >> 20, committed >> 20,
                        runSoFar());
                out.flush();
                if (next >= endNs) break;
            }
            out.printf("result: %.1f wall minutes at %dx, RSS %,d MiB (peak %,d), heap after GC %,d MiB (peak %,d), %s%n", minutes, speed,
                    status("VmRSS") >> 10, status("VmHWM") >> 10, liveHeap() >> 20, peakLive >> 20, runSoFar());
            out.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.exit(ExitCodes.OK); // the window has no other way to be told to close from here
    }

    /**
     * How far the window's run got: its events and the simulated time of the last ("run 812,345 events to
     * +01:23:45.6"). On a busy machine the simulation falls behind its speed, so two runs' memory compares only
     * beside this.
     */
    private static String runSoFar() {
        Timeline t;
        try {
            t = (Timeline) Class.forName("org.viplab.app.AppLauncher").getMethod("shownTimeline").invoke(null);
        } catch (ReflectiveOperationException e) {
            return "run unknown (" + e + ")";
        }
        if (t == null) return "no run shown yet";
        List<LabEvent> events = t.snapshot();
        long lastUs = events.isEmpty() ? 0 : events.get(events.size() - 1).timeUs();
        return String.format("run %,d events to %s", events.size(), TimeText.clock(lastUs));
    }

    /**
     * The heap the last full GC left: each heap pool's usage right after that collection. The app keeps allocating
     * while the bench reads (the simulation, the software renderer), so the heap's "used" a moment later is not it.
     */
    private static long liveHeap() {
        System.gc();
        long live = 0;
        for (java.lang.management.MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == java.lang.management.MemoryType.HEAP && p.getCollectionUsage() != null) live += p.getCollectionUsage().getUsed();
        }
        return live;
    }

    /** A size in KiB from /proc/self/status (Linux), or -1. */
    private static long status(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field + ":")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
