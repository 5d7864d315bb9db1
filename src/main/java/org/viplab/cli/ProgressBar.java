package org.viplab.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar with the rate and an ETA, redrawn in place on a terminal's stderr
 * ({@code [########------] 4,200/10,000  42%  1,310 runs/s  ETA 4 s}). The clock is injected (nanoseconds).
 */
final class ProgressBar {
    private static final int WIDTH = 28;
    private final PrintStream err;
    private final LongSupplier nanos;
    private final long start;
    private int lastLength;

    ProgressBar(PrintStream err, LongSupplier nanos) {
        this.err = err;
        this.nanos = nanos;
        this.start = nanos.getAsLong();
    }

    void update(int done, int total) {
        String line = line(done, total, (nanos.getAsLong() - start) / 1e9);
        StringBuilder b = new StringBuilder("\r").append(line);
        for (int i = line.length(); i < lastLength; i++) b.append(' '); // wipe a longer previous line
        lastLength = line.length();
        err.print(b);
        err.flush();
    }

    /** Ends the bar's line so the next output starts on its own line. */
    void finish() {
        if (lastLength > 0) err.println();
        lastLength = 0;
    }

    static String line(int done, int total, double seconds) {
        int filled = total == 0 ? WIDTH : (int) ((long) done * WIDTH / total);
        String bar = "#".repeat(filled) + "-".repeat(WIDTH - filled);
        double rate = seconds > 0 ? done / seconds : 0;
        String eta = rate > 0 && done < total ? "ETA " + duration((total - done) / rate) : done >= total ? "done" : "ETA …";
        return String.format(Locale.ROOT, "[%s] %,d/%,d %3d%%  %,.0f runs/s  %s", bar, done, total,
                total == 0 ? 100 : (int) ((long) done * 100 / total), rate, eta);
    }

    private static String duration(double s) {
        if (s < 60) return String.format(Locale.ROOT, "%.0f s", Math.ceil(s));
        long m = (long) Math.ceil(s) / 60;
        return String.format(Locale.ROOT, "%d min %02d s", m, (long) Math.ceil(s) % 60);
    }
}
