package org.viplab.sweep;

import org.viplab.core.text.EventCsv;
import org.viplab.core.util.Durations;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One CSV row per run: {@code seed}, each swept key as its own column, {@code passed}, then the metrics in
 * milliseconds ({@link Metric#id()}), empty where the run had no failover. Written by {@link EventCsv#writeTable}.
 */
public final class SweepCsv {
    private SweepCsv() { }

    public static List<String> header(SweepPlan plan) {
        List<String> h = new ArrayList<>();
        h.add("seed");
        for (Setting s : plan.settings()) h.add(s.key());
        h.add("passed");
        for (Metric m : Metric.values()) h.add(m.id());
        return h;
    }

    public static void write(SweepResult result, Appendable out) throws IOException {
        SweepPlan plan = result.plan();
        List<List<String>> rows = new ArrayList<>();
        for (RunFigures r : result.runs()) {
            List<String> row = new ArrayList<>();
            row.add(Long.toString(r.seed()));
            row.addAll(plan.combinations().get(r.combination()).values().values());
            row.add(Boolean.toString(r.passed()));
            for (Metric m : Metric.values()) row.add(r.has(m) ? ms(r.us(m)) : "");
            rows.add(row);
        }
        EventCsv.writeTable(header(plan), rows, out);
    }

    /**
     * A sweep with real runs beside it: one row per run of either, {@code engine} (sim or real) first, then
     * {@code seed} (the simulator's) or {@code run} (the real run's number, 1..), {@code passed} and the metrics.
     */
    public static void write(RealComparison c, Appendable out) throws IOException {
        List<String> header = new ArrayList<>(List.of("engine", "seed", "run", "passed"));
        for (Metric m : Metric.values()) header.add(m.id());
        List<List<String>> rows = new ArrayList<>();
        for (RunFigures r : c.simulated().runs()) rows.add(row("sim", Long.toString(r.seed()), "", r));
        for (RunFigures r : c.real()) rows.add(row("real", "", Long.toString(r.seed()), r));
        EventCsv.writeTable(header, rows, out);
    }

    private static List<String> row(String engine, String seed, String run, RunFigures r) {
        List<String> row = new ArrayList<>(List.of(engine, seed, run, Boolean.toString(r.passed())));
        for (Metric m : Metric.values()) row.add(r.has(m) ? ms(r.us(m)) : "");
        return row;
    }

    /** Milliseconds with the microseconds kept ("648.437"), trailing zeros dropped, always a dot. */
    static String ms(long us) {
        String s = String.format(Locale.ROOT, "%.3f", Durations.ms(us));
        return s.contains(".") ? s.replaceFirst("\\.?0+$", "") : s;
    }
}
