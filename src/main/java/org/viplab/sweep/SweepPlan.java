package org.viplab.sweep;

import com.google.gson.JsonElement;
import org.viplab.core.model.Topology;
import org.viplab.drill.Drill;
import org.viplab.core.model.Limits;
import org.viplab.core.model.SettingPaths;
import org.viplab.core.model.TopologyJson;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a sweep runs: the drill for every seed of a range × every combination of the swept settings (the
 * first {@code --set} varies slowest). Every combination is applied and checked before anything runs, so a
 * bad key or an out-of-range value stops the sweep with the drill format's own message.
 */
public final class SweepPlan {
    /** A sweep is held in memory (about 100 bytes a run): a million runs is the most it takes. */
    public static final long MAX_RUNS = 1_000_000;
    public static final int MAX_SETTINGS = 8;

    /** One combination of settings: the values by key, in --set order, and the drill with them applied. */
    public record Combination(int index, Map<String, String> values, Drill drill) {
        /** "db2.keepalived.priority=95, db1.keepalived.advertIntSec=2", or "as written" for no --set. */
        public String label() {
            if (values.isEmpty()) return "";
            StringBuilder b = new StringBuilder();
            for (Map.Entry<String, String> e : values.entrySet()) {
                if (b.length() > 0) b.append(", ");
                b.append(e.getKey()).append('=').append(e.getValue());
            }
            return b.toString();
        }
    }

    private final Drill drill;
    private final Seeds seeds;
    private final List<Setting> settings;
    private final List<Combination> combinations;

    private SweepPlan(Drill drill, Seeds seeds, List<Setting> settings, List<Combination> combinations) {
        this.drill = drill;
        this.seeds = seeds;
        this.settings = settings;
        this.combinations = combinations;
    }

    public static SweepPlan of(Drill drill, Seeds seeds, List<Setting> settings) throws SweepException {
        if (settings.size() > MAX_SETTINGS) throw new SweepException("at most " + MAX_SETTINGS + " --set keys in one sweep");
        Set<String> keys = new HashSet<>();
        long combos = 1;
        for (Setting s : settings) {
            if (!keys.add(s.key())) throw new SweepException("--set " + s.key() + " is given twice; list its values once: " + s.key() + "=V1,V2");
            try {
                new SettingPaths(drill.topology()).set(s.key(), com.google.gson.JsonNull.INSTANCE); // the path alone, checked
            } catch (IllegalArgumentException e) {
                throw new SweepException("--set " + s.key() + ": " + e.getMessage() + " (keys are the drill format's \"set\" paths, see samples/drills/README.md)");
            }
            combos *= s.values().size();
            if (combos > MAX_RUNS) throw new SweepException("more than " + MAX_RUNS + " combinations of settings; a sweep takes at most " + MAX_RUNS + " runs");
        }
        // compared by division: seeds × combinations can overflow a long (10^12 seeds × 64^8 combinations)
        if (seeds.count() > MAX_RUNS / combos) {
            throw new SweepException(combos + " combinations × " + seeds.count() + " seeds = " + combos * seeds.count()
                    + " runs; a sweep takes at most " + MAX_RUNS);
        }
        List<Combination> out = new ArrayList<>();
        int[] pick = new int[settings.size()];
        for (int c = 0; c < combos; c++) {
            int rest = c;
            for (int k = settings.size() - 1; k >= 0; k--) {
                pick[k] = rest % settings.get(k).values().size();
                rest /= settings.get(k).values().size();
            }
            Map<String, String> texts = new LinkedHashMap<>();
            Map<String, JsonElement> values = new LinkedHashMap<>();
            for (int k = 0; k < settings.size(); k++) {
                Setting s = settings.get(k);
                texts.put(s.key(), s.texts().get(pick[k]));
                values.put(s.key(), s.values().get(pick[k]));
            }
            Topology t = values.isEmpty() ? drill.topology() : checked(drill.topology(), values, texts);
            out.add(new Combination(c, java.util.Collections.unmodifiableMap(texts), drill.on(t)));
        }
        return new SweepPlan(drill, seeds, List.copyOf(settings), List.copyOf(out));
    }

    /**
     * A plan over combinations chosen by the caller rather than the product of {@code --set} lists: the tuning
     * advisor sets one knob on both nodes at once (advert_int must match on both ends of VRRP). Each map is
     * setting path to value text, read as {@code --set} reads it; each combination is checked like a sweep's.
     */
    public static SweepPlan ofCombinations(Drill drill, Seeds seeds, List<Map<String, String>> combinations) throws SweepException {
        if (combinations.isEmpty()) throw new SweepException("no combination to run");
        if (seeds.count() > MAX_RUNS / combinations.size()) {
            throw new SweepException(combinations.size() + " combinations × " + seeds.count() + " seeds; a sweep takes at most " + MAX_RUNS + " runs");
        }
        List<Combination> out = new ArrayList<>();
        for (Map<String, String> texts : combinations) {
            Map<String, JsonElement> values = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : texts.entrySet()) {
                values.put(e.getKey(), Setting.parse(e.getKey() + "=" + e.getValue()).values().get(0));
            }
            Topology t = values.isEmpty() ? drill.topology() : checked(drill.topology(), values, texts);
            Map<String, String> copy = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(texts));
            out.add(new Combination(out.size(), copy, drill.on(t)));
        }
        return new SweepPlan(drill, seeds, List.of(), List.copyOf(out));
    }

    /**
     * {@code base} with {@code values} applied through {@link SettingPaths} (the drill format's "set"), then checked
     * as a drill's "set" is: every range of {@link Limits} and every rule of {@link TopologyJson#problems}.
     */
    private static Topology checked(Topology base, Map<String, JsonElement> values, Map<String, String> texts) throws SweepException {
        Topology t;
        try {
            SettingPaths paths = new SettingPaths(base);
            for (Map.Entry<String, JsonElement> e : values.entrySet()) paths.set(e.getKey(), e.getValue());
            t = paths.build();
        } catch (IllegalArgumentException e) {
            throw new SweepException("--set " + joined(texts) + ": \"set\" gives " + e.getMessage());
        }
        for (Limits.Violation v : Limits.check(t)) {
            if (texts.containsKey(v.field())) throw new SweepException("--set " + v.field() + "=" + texts.get(v.field()) + ": " + v.message());
        }
        List<String> problems = TopologyJson.problems(t);
        if (!problems.isEmpty()) throw new SweepException("--set " + joined(texts) + ": the topology is not usable: " + String.join("; ", problems));
        return t;
    }

    private static String joined(Map<String, String> texts) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String> e : texts.entrySet()) b.append(b.length() == 0 ? "" : ", ").append(e.getKey()).append('=').append(e.getValue());
        return b.toString();
    }

    /**
     * {@code drill} with fixed settings ({@code --set KEY=VALUE}, one value each): how {@code viplab drill} repeats
     * one run of a sweep exactly.
     */
    public static Drill withSettings(Drill drill, List<String> args) throws SweepException {
        List<Setting> settings = new ArrayList<>();
        for (String a : args) {
            Setting s = Setting.parse(a);
            if (s.values().size() != 1) throw new SweepException("--set " + s.key() + " takes one value here; sweep several with viplab sweep");
            settings.add(s);
        }
        return of(drill, new Seeds(0, 0), settings).combinations().get(0).drill();
    }

    public Drill drill() { return drill; }

    public Seeds seeds() { return seeds; }

    public List<Setting> settings() { return settings; }

    public List<Combination> combinations() { return combinations; }

    public int runs() { return (int) (combinations.size() * seeds.count()); }

    /** Run {@code i} (0 .. runs-1): combination-major, seeds ascending within a combination. */
    public Combination combinationOf(int i) { return combinations.get((int) (i / seeds.count())); }

    public long seedOf(int i) { return seeds.first() + i % seeds.count(); }

    /** The drill of run {@code i}, its seed set. */
    public Drill drillOf(int i) {
        Drill d = combinationOf(i).drill();
        return new Drill(d.source(), d.name(), d.description(), d.presetName(), d.topology(), seedOf(i), d.durationUs(),
                d.steps(), d.restore(), d.warnings(), d.translations());
    }
}
