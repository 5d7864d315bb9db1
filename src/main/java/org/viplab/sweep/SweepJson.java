package org.viplab.sweep;

import com.google.gson.GsonBuilder;
import org.viplab.core.util.Durations;
import org.viplab.drill.Step;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sweep's summary as JSON: per combination its pass rates, the quantiles of each metric and the seeds of
 * the worst runs. No wall-clock time, no path, no worker count: the same sweep gives the same bytes.
 */
public final class SweepJson {
    public static final int SCHEMA_VERSION = 1;

    private SweepJson() { }

    public static String toJson(SweepResult result) { return toJson(result, null); }

    /**
     * With {@code real} (may be null): a "real" block with the real runs' pass count and, per metric, both samples'
     * quantiles, the real values and the Kolmogorov–Smirnov test (D, exact or asymptotic p-value, the critical D at
     * alpha 0.05 for the sample sizes, null when no D could be significant).
     */
    public static String toJson(SweepResult result, RealComparison real) {
        SweepPlan plan = result.plan();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("drill", plan.drill().name());
        root.put("seeds", plan.seeds().toString());
        root.put("runs", plan.runs());
        root.put("finished", result.finished());
        root.put("cancelled", result.cancelled());
        List<Map<String, Object>> settings = new ArrayList<>();
        for (Setting s : plan.settings()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("key", s.key());
            m.put("values", s.texts());
            settings.add(m);
        }
        root.put("settings", settings);
        List<Map<String, Object>> combos = new ArrayList<>();
        for (CombinationStats c : result.stats()) combos.add(combination(c));
        root.put("combinations", combos);
        if (real != null) root.put("real", real(real));
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create().toJson(root) + "\n";
    }

    private static Map<String, Object> combination(CombinationStats c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("settings", c.combination().values());
        m.put("runs", c.runs());
        m.put("passed", c.passed());
        m.put("passRate", round(c.passRate()));
        List<Map<String, Object>> steps = new ArrayList<>();
        List<Step> drillSteps = c.combination().drill().steps();
        for (int i = 0; i < drillSteps.size(); i++) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("step", i + 1);
            s.put("text", drillSteps.get(i).text());
            double rate = c.stepPassRate(i);
            s.put("passRate", rate < 0 ? null : round(rate));
            steps.add(s);
        }
        m.put("steps", steps);
        Map<String, Object> metrics = new LinkedHashMap<>();
        for (Metric metric : Metric.values()) {
            Quantiles q = c.quantiles().get(metric);
            Map<String, Object> qm = new LinkedHashMap<>();
            qm.put("n", q == null ? 0 : q.n());
            if (q != null) {
                qm.put("min", Durations.ms(q.min()));
                qm.put("p50", Durations.ms(q.p50()));
                qm.put("p90", Durations.ms(q.p90()));
                qm.put("p99", Durations.ms(q.p99()));
                qm.put("max", Durations.ms(q.max()));
                List<Map<String, Object>> worst = new ArrayList<>();
                for (RunFigures r : c.worst().get(metric)) {
                    Map<String, Object> w = new LinkedHashMap<>();
                    w.put("seed", r.seed());
                    w.put("ms", Durations.ms(r.us(metric)));
                    worst.add(w);
                }
                qm.put("worst", worst);
            }
            metrics.put(metric.id(), qm);
        }
        m.put("metrics", metrics);
        return m;
    }

    private static Map<String, Object> real(RealComparison c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("runsAsked", c.runsAsked());
        m.put("runs", c.real().size());
        m.put("cancelled", c.cancelled());
        m.put("passed", c.realPassed());
        Map<String, Object> metrics = new LinkedHashMap<>();
        for (RealComparison.Row row : c.rows()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("simulated", quantiles(row.simulated()));
            r.put("real", quantiles(row.real()));
            List<Double> values = new ArrayList<>();
            for (long us : RealComparison.values(c.real(), row.metric())) values.add(Durations.ms(us));
            r.put("realValues", values);
            KolmogorovSmirnov.Result ks = row.ks();
            if (ks == null) {
                r.put("ks", null);
            } else {
                Map<String, Object> k = new LinkedHashMap<>();
                k.put("d", round(ks.d()));
                k.put("pValue", round(ks.pValue()));
                k.put("method", ks.exact() ? "exact" : "asymptotic");
                k.put("alpha", KolmogorovSmirnov.ALPHA);
                k.put("criticalD", ks.tooFew() ? null : round(ks.critical()));
                k.put("differs", ks.differs());
                r.put("ks", k);
            }
            metrics.put(row.metric().id(), r);
        }
        m.put("metrics", metrics);
        return m;
    }

    private static Map<String, Object> quantiles(Quantiles q) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", q == null ? 0 : q.n());
        if (q != null) {
            m.put("min", Durations.ms(q.min()));
            m.put("p50", Durations.ms(q.p50()));
            m.put("p90", Durations.ms(q.p90()));
            m.put("max", Durations.ms(q.max()));
        }
        return m;
    }

    /** Six decimals: the same on every JVM. */
    private static double round(double d) { return Math.round(d * 1e6) / 1e6; }
}
