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

    /** Milliseconds with the microseconds kept ("648.437"), trailing zeros dropped, always a dot. */
    static String ms(long us) {
        String s = String.format(Locale.ROOT, "%.3f", Durations.ms(us));
        return s.contains(".") ? s.replaceFirst("\\.?0+$", "") : s;
    }
}
