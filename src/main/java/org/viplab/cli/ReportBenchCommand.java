package org.viplab.cli;

import org.viplab.drill.Drill;
import org.viplab.drill.DrillParser;
import org.viplab.drill.DrillResult;
import org.viplab.report.ReportOptions;
import org.viplab.report.ReportWriter;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import java.util.stream.Stream;

/**
 * {@code reportbench}: times exporting the report (HTML + PDF + charts + CSV, JSON Lines, JSON, JUnit XML) of a
 * 10-minute drill, then exports a 24 h mode 2 run to show it fits in memory (downsampled charts, streamed CSV).
 * Prints figures; never fails on a time.
 */
@Command(name = "reportbench", description = "time a 10-minute drill's report export and export a 24 h run; print times and memory")
public final class ReportBenchCommand extends CliCommand {
    /** Ten minutes of mode 1 with four failovers: keepalived stopped and started, mysqld stopped and started. */
    static final String TEN_MINUTES = """
            {"name": "reportbench: 10 minutes of mode 1", "preset": "mode1", "duration": "10m", "steps": [
              {"at": "60s", "action": "stop", "target": "db1/keepalived"},
              {"expect": "vip-on", "host": "db2", "within": "1s"},
              {"at": "120s", "action": "start", "target": "db1/keepalived"},
              {"expect": "vip-on", "host": "db1", "within": "10s"},
              {"at": "300s", "action": "stop", "target": "db1/mysqld"},
              {"expect": "vip-on", "host": "db2", "within": "10s"},
              {"at": "420s", "action": "start", "target": "db1/mysqld"},
              {"at": "430s", "action": "start", "target": "db1/keepalived"},
              {"expect": "vip-on", "host": "db1", "within": "10s"},
              {"expect": "no-split-brain"}
            ]}""";

    @Option(names = "--runs", paramLabel = "N", defaultValue = "5",
            description = "timed exports of the 10-minute report after one warm-up (default ${DEFAULT-VALUE}; median reported)")
    int runs;

    @Option(names = "--hours", paramLabel = "H", defaultValue = "24", description = "length of the long run (default ${DEFAULT-VALUE}; 0 skips it)")
    double hours;

    @Option(names = "--out", paramLabel = "DIR", description = "where to write (default: a temporary directory, deleted afterwards)")
    Path outDir;

    @Option(names = "--lang", paramLabel = "LANG", converter = LangConverter.class, completionCandidates = LangConverter.Candidates.class,
            description = "report language (default en)")
    Locale lang;

    @Override
    protected int run(PrintStream out, PrintStream err) throws Exception {
        if (runs < 1 || !(hours >= 0)) throw new UsageException("--runs must be positive and --hours not negative");
        Locale locale = lang == null ? Locale.ENGLISH : lang;
        if (outDir != null && Files.exists(outDir) && !Files.isDirectory(outDir)) {
            throw new BadInputException("--out " + outDir + ": is not a directory; --out takes a directory");
        }
        boolean keep = outDir != null;
        Path dir = keep ? outDir : Files.createTempDirectory("viplab-reportbench");
        ReportOptions options = new ReportOptions(locale, false, Instant.now());
        try {
            Drill drill = DrillParser.parse("reportbench-10min.json", TEN_MINUTES, Path.of("."));
            DrillResult ten = DrillCommand.runDrill(drill, null);
            out.printf("reportbench: 10-minute drill, %,d events%n", ten.events().size());
            ReportWriter.write(ten, dir.resolve("10min"), options); // warm-up: class loading, fonts, JIT
            long[] totals = new long[runs];
            long[] cpu = new long[runs];
            ReportWriter.Written last = null;
            for (int i = 0; i < runs; i++) {
                long t = System.nanoTime();
                long c = ChartBenchCommand.cpuNanos();
                last = ReportWriter.write(ten, dir.resolve("10min"), options);
                totals[i] = (System.nanoTime() - t) / 1_000_000;
                cpu[i] = (ChartBenchCommand.cpuNanos() - c) / 1_000_000;
            }
            Arrays.sort(totals);
            Arrays.sort(cpu);
            out.printf("  (wall time on a shared machine, then this thread's CPU time; load average %s)%n", ChartBenchCommand.loadAverage());
            out.printf("  export (HTML+charts, PDF, CSV, JSONL, JSON, JUnit): median %d ms wall (min %d, max %d), %d ms CPU; last run per file %s%n",
                    totals[runs / 2], totals[0], totals[runs - 1], cpu[runs / 2], last.millis());
            out.printf("  sizes: report.html %,d B, report.pdf %,d B%n", Files.size(dir.resolve("10min/report.html")),
                    Files.size(dir.resolve("10min/report.pdf")));

            if (hours > 0) {
                String json = "{\"name\": \"reportbench: " + hours + " h of mode 2\", \"preset\": \"mode2\", \"duration\": \""
                        + Math.round(hours * 3600) + "s\", \"steps\": [{\"expect\": \"no-split-brain\"}]}";
                long t0 = System.nanoTime();
                DrillResult day = DrillCommand.runDrill(DrillParser.parse("reportbench-long.json", json, Path.of(".")), null);
                long simMs = (System.nanoTime() - t0) / 1_000_000;
                resetPeaks();
                long t = System.nanoTime();
                long c = ChartBenchCommand.cpuNanos();
                ReportWriter.Written w = ReportWriter.write(day, dir.resolve("long"), options);
                long ms = (System.nanoTime() - t) / 1_000_000;
                long cpuMs = (ChartBenchCommand.cpuNanos() - c) / 1_000_000;
                out.printf("  %.1f h run: %,d events (simulated in %,d ms); export %,d ms wall, %,d ms CPU; per file %s%n", hours,
                        day.events().size(), simMs, ms, cpuMs, w.millis());
                out.printf("  sizes: events.csv %,d B, timeline.jsonl %,d B, report.html %,d B, report.pdf %,d B%n",
                        Files.size(dir.resolve("long/events.csv")), Files.size(dir.resolve("long/timeline.jsonl")),
                        Files.size(dir.resolve("long/report.html")), Files.size(dir.resolve("long/report.pdf")));
                out.printf("  peak heap during the export %d MiB (max heap %d MiB)%n", peakHeapBytes() >> 20, Runtime.getRuntime().maxMemory() >> 20);
            }
            out.println("  memory: " + ChartBenchCommand.memory());
            if (keep) out.println("  written to " + dir);
        } finally {
            if (!keep) deleteTree(dir);
        }
        return ExitCodes.OK;
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

    private static void deleteTree(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
