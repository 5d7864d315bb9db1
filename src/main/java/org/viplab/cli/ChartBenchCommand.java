package org.viplab.cli;

import org.jfree.chart.JFreeChart;
import org.viplab.charts.ChartData;
import org.viplab.charts.LabCharts;
import org.viplab.core.model.Presets;
import org.viplab.engine.sim.SimulatedLab;
import org.viplab.core.timeline.Timeline;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code chartbench}: loads a 24 h mode 2 timeline (about 1 M events) into the charts and times a redraw of the
 * three stacked charts (downsampled dataset rebuild + Java2D draw at 1600 x 900): the whole day, a 60 s zoom in
 * the middle of it, and the live last 30 s. Each case is warmed up first (the app redraws up to 30 times a second,
 * so what the user waits for is the compiled code), then timed N times; it prints the median wall time, the median
 * CPU time of this thread (what an idle machine would take: the machine is shared), and how that CPU time splits
 * between rebuilding the datasets and drawing. Prints figures; never fails on a time.
 */
@Command(name = "chartbench", sortOptions = false,
        description = "time redrawing the three charts over a 24 h mode 2 timeline; print RSS and heap")
public final class ChartBenchCommand extends CliCommand {
    /** The cases, in the order they run. */
    enum Case { WHOLE, ZOOM, LIVE }

    @Option(names = "--hours", paramLabel = "H", defaultValue = "24", description = "simulated hours in the timeline (default ${DEFAULT-VALUE})")
    double hours;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "15", description = "timed redraws per case (default ${DEFAULT-VALUE}; the median is reported)")
    int runs;

    @Option(names = "--warmup", paramLabel = "W", defaultValue = "20", description = "untimed redraws per case before them (default ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--case", paramLabel = "CASE",
            description = "time one case only (e.g. under a profiler): whole, zoom or live; default all three")
    Case only;

    @Option(names = "--png", paramLabel = "FILE",
            description = "also write each case's last redraw (1600x900) there, to look at: FILE, FILE-zoom.png, FILE-live.png")
    String png;

    @Override
    protected int run(PrintStream out, PrintStream err) throws Exception {
        if (!(hours > 0) || runs < 1 || warmup < 0) throw new UsageException("--hours and --runs must be positive, --warmup not negative");
        List<Case> cases = only == null ? List.of(Case.values()) : List.of(only);
        long endUs = Math.round(hours * 3600e6);

        long t0 = System.nanoTime();
        Timeline timeline = new Timeline();
        SimulatedLab lab = SimulatedLab.steadyState(Presets.mode2(), 1, timeline);
        lab.runUntil(endUs);
        long simMs = (System.nanoTime() - t0) / 1_000_000;
        out.printf("chartbench: %.1f h of mode 2: %,d events simulated in %,d ms%n", hours, timeline.size(), simMs);

        t0 = System.nanoTime();
        ChartData data = ChartData.of(Presets.mode2(), timeline.snapshot());
        long loadMs = (System.nanoTime() - t0) / 1_000_000;
        out.printf("  chart data loaded in %,d ms%n", loadMs);

        LabCharts charts = LabCharts.combined(data, Locale.ENGLISH);
        charts.setKnownUntil(endUs); // as the app does: the run has got to its end
        BufferedImage img = new BufferedImage(1600, 900, BufferedImage.TYPE_INT_RGB);
        out.printf("  %d timed redraws per case after %d untimed; medians; wall time on a shared machine (load average %s),%n"
                + "  CPU time of this thread (what an idle machine would take), split into dataset rebuild + draw%n", runs, warmup, loadAverage());
        for (Case c : cases) {
            long from = switch (c) {
                case WHOLE -> 0;
                case ZOOM -> endUs / 2;
                case LIVE -> Math.max(0, endUs - 30_000_000);
            };
            long to = c == Case.ZOOM ? from + 60_000_000 : endUs;
            Timing t = redraw(charts, from, to, img, warmup, runs);
            String label = switch (c) {
                case WHOLE -> String.format(Locale.ROOT, "whole %.1f h", hours);
                case ZOOM -> "a 60 s zoom";
                case LIVE -> "the live last 30 s";
            };
            out.printf(Locale.ROOT, "  redraw %-20s %6.1f ms wall, %6.1f ms CPU (rebuild %5.1f + draw %5.1f); first redraw %.1f ms wall; %,d points%n",
                    label + ":", t.wallMs, t.cpuMs, t.rebuildCpuMs, t.drawCpuMs, t.firstWallMs, charts.pointCount());
            if (png != null) {
                String file = c == Case.WHOLE ? png : png.replaceFirst("(\\.png)?$", "-" + c.name().toLowerCase(Locale.ROOT) + ".png");
                javax.imageio.ImageIO.write(img, "png", java.nio.file.Path.of(file).toFile());
            }
        }
        out.println("  memory: " + memory());
        return ExitCodes.OK;
    }

    /** Medians over the timed runs (ms), and the very first redraw of the case (cold for the first case run). */
    record Timing(double wallMs, double cpuMs, double rebuildCpuMs, double drawCpuMs, double firstWallMs) { }

    /** {@code warmup} untimed then {@code runs} timed rounds of show() + draw() into the image. */
    static Timing redraw(LabCharts charts, long fromUs, long toUs, BufferedImage img, int warmup, int runs) {
        double[] wall = new double[runs];
        double[] cpu = new double[runs];
        double[] rebuild = new double[runs];
        double[] draw = new double[runs];
        double first = 0;
        for (int i = -warmup; i < runs; i++) {
            long t = System.nanoTime();
            long c0 = cpuNanos();
            charts.show(fromUs, toUs, img.getWidth());
            long c1 = cpuNanos();
            draw(charts.chart(), img);
            long c2 = cpuNanos();
            double ms = (System.nanoTime() - t) / 1e6;
            if (i == -warmup) first = ms;
            if (i >= 0) {
                wall[i] = ms;
                cpu[i] = (c2 - c0) / 1e6;
                rebuild[i] = (c1 - c0) / 1e6;
                draw[i] = (c2 - c1) / 1e6;
            }
        }
        return new Timing(median(wall), median(cpu), median(rebuild), median(draw), first);
    }

    static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    /** This thread's CPU time: unlike wall time, not inflated when other processes share the cores. */
    static long cpuNanos() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "n/a";
        }
    }

    static void draw(JFreeChart chart, BufferedImage img) {
        Graphics2D g = img.createGraphics();
        try {
            chart.draw(g, new Rectangle2D.Double(0, 0, img.getWidth(), img.getHeight()));
        } finally {
            g.dispose();
        }
    }

    /** "RSS 312 MiB (peak 340 MiB), heap used 180 MiB of 512 MiB committed" */
    static String memory() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        long used = rt.totalMemory() - rt.freeMemory();
        return "RSS " + procStatus("VmRSS") + " (peak " + procStatus("VmHWM") + "), heap used " + (used >> 20) + " MiB of "
                + (rt.totalMemory() >> 20) + " MiB committed (max " + (rt.maxMemory() >> 20) + " MiB)";
    }

    /** A line of /proc/self/status in MiB, or "n/a" off Linux. */
    static String procStatus(String key) {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith(key + ":")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return (kb >> 10) + " MiB";
                }
            }
        } catch (Exception e) {
            return "n/a";
        }
        return "n/a";
    }
}
