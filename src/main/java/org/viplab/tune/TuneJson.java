package org.viplab.tune;

import com.google.gson.GsonBuilder;
import org.viplab.core.util.Durations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The search as JSON: the request, the drills, the grid, the run counts, every candidate's figures and verdict,
 * the recommendations and the best one's config diff. No wall-clock time and no worker count: same bytes each time.
 */
public final class TuneJson {
    public static final int SCHEMA_VERSION = 1;

    private TuneJson() { }

    public static String toJson(TuneResult r) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("topology", r.topology().name);
        root.put("maxDowntimeP99Ms", Durations.ms(r.request().maxDowntimeP99Us()));
        Map<String, Object> stress = new LinkedHashMap<>();
        stress.put("stallMs", Durations.ms(r.request().stress().stallUs()));
        stress.put("vrrpLoss", r.request().stress().lossPercent());
        root.put("stress", stress);
        root.put("seeds", r.request().seeds().toString());
        root.put("screenSeeds", r.screenSeeds().toString());
        root.put("failoverDrill", r.drills().failover().name());
        root.put("noFaultDrill", r.drills().noFault().name());
        Map<String, Object> grid = new LinkedHashMap<>();
        r.grid().values().forEach((k, v) -> grid.put(k.id(), v));
        root.put("grid", grid);
        root.put("runs", r.runs());
        root.put("fullGridRuns", r.fullRuns());
        root.put("cancelled", r.cancelled());
        List<Map<String, Object>> all = new ArrayList<>();
        for (Evaluation e : r.evaluations()) all.add(evaluation(e));
        root.put("candidates", all);
        List<Integer> rec = new ArrayList<>();
        for (Evaluation e : r.recommended()) rec.add(e.order());
        root.put("recommended", rec);
        Evaluation best = r.best();
        if (best != null) {
            root.put("best", best.candidate().label());
            root.put("diff", ConfigDiff.text(ConfigDiff.of(r.topology(), r.apply(best.candidate()))));
        }
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create().toJson(root) + "\n";
    }

    private static Map<String, Object> evaluation(Evaluation e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("index", e.order());
        m.put("stage", e.stage());
        Map<String, Object> v = new LinkedHashMap<>();
        e.candidate().values().forEach((k, x) -> v.put(k.id(), x));
        m.put("settings", v);
        m.put("runs", e.runs());
        m.put("screenedOut", e.screenedOut());
        m.put("downtimeP50Ms", ms(e.downtime().p50()));
        m.put("downtimeP99Ms", ms(e.downtime().p99()));
        m.put("downtimeMaxMs", ms(e.downtime().max()));
        m.put("noFailover", e.noFailover());
        m.put("noFaultRuns", e.noFaultRuns());
        m.put("falseFailovers", e.falseFailovers());
        m.put("verdict", e.verdict().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        return m;
    }

    /** Milliseconds, or null for "the VIP never moved". */
    private static Double ms(long us) { return us == Long.MAX_VALUE ? null : Durations.ms(us); }
}
