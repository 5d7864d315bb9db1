package org.viplab.cli;

import org.jfree.chart.JFreeChart;
import org.viplab.charts.ChartData;
import org.viplab.charts.LabCharts;
import org.viplab.model.Presets;
import org.viplab.sim.SimulatedLab;
import org.viplab.timeline.Timeline;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code chartbench}: loads a 24 h mode 2 timeline (about 1.3 M events) into the charts and times a redraw of the
 * three stacked charts (downsampled dataset rebuild + Java2D draw at 1600 x 900), whole day and zoomed. Prints
 * figures; never fails on a time.
 */
public final class ChartBenchCommand implements Command {
    @Override
    public String name() { return "chartbench"; }

    @Override
    public String summary() { return "time redrawing the three charts over a 24 h mode 2 timeline; print RSS and heap"; }

    @Override
    public String usage() {
        return "Usage: viplab chartbench [--hours H] [--runs N]\n"
                + "  --hours  simulated hours in the timeline (default 24)\n"
                + "  --runs   timed redraws per case after two warm-ups (default 5; the median is reported)\n"
                + "  --png    also write the whole-run chart (1600x900) there, to look at\n";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Args a = Args.parse(args, Set.of("hours", "runs", "png"), Set.of());
        double hours = Double.parseDouble(a.get("hours", "24"));
        int runs = Integer.parseInt(a.get("runs", "5"));
        if (hours <= 0 || runs < 1) throw new UsageException("--hours and --runs must be positive");
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
        BufferedImage img = new BufferedImage(1600, 900, BufferedImage.TYPE_INT_RGB);
        double[] whole = redraw(charts, 0, endUs, img, runs);
        int wholePoints = charts.pointCount();
        if (a.get("png") != null) javax.imageio.ImageIO.write(img, "png", java.nio.file.Path.of(a.get("png")).toFile());
        long mid = endUs / 2;
        double[] zoom = redraw(charts, mid, mid + 60_000_000, img, runs);
        int zoomPoints = charts.pointCount();
        double[] live = redraw(charts, endUs - 30_000_000, endUs, img, runs);
        out.printf("  (wall time on a shared machine, then this thread's CPU time: what an idle machine would take; load average %s)%n", loadAverage());
        out.printf("  redraw whole %.1f h (rebuild + draw 1600x900): median %.1f ms wall, %.1f ms CPU; %,d points drawn%n", hours, whole[0], whole[1], wholePoints);
        out.printf("  redraw a 60 s zoom:                           median %.1f ms wall, %.1f ms CPU; %,d points drawn%n", zoom[0], zoom[1], zoomPoints);
        out.printf("  redraw the live last 30 s:                    median %.1f ms wall, %.1f ms CPU%n", live[0], live[1]);
        out.println("  memory: " + memory());
        return ExitCodes.OK;
    }

    /** {median wall ms, median CPU ms} over {@code runs} of show() + draw() into the image, after two warm-ups. */
    static double[] redraw(LabCharts charts, long fromUs, long toUs, BufferedImage img, int runs) {
        double[] ms = new double[runs];
        double[] cpu = new double[runs];
        for (int i = -2; i < runs; i++) {
            long t = System.nanoTime();
            long c = cpuNanos();
            charts.show(fromUs, toUs, img.getWidth());
            draw(charts.chart(), img);
            if (i >= 0) {
                ms[i] = (System.nanoTime() - t) / 1e6;
                cpu[i] = (cpuNanos() - c) / 1e6;
            }
        }
        Arrays.sort(ms);
        Arrays.sort(cpu);
        return new double[]{ms[runs / 2], cpu[runs / 2]};
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
