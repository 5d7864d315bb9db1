package org.viplab.tune;

import org.viplab.core.model.FailoverBudget;
import org.viplab.core.model.NodeSpec;
import org.viplab.core.model.Topology;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The values tried per knob, and the candidates they make. Every knob starts with its value as written, so the
 * current settings are always a candidate (the baseline of the diff). The search is coarse then fine: stage 1 is
 * every combination of the {@link Knob.Stage#COARSE} knobs with the fine ones as written; stage 2 varies the fine
 * knobs (every combination) around the {@link #FINE_AROUND} best candidates of stage 1 that met the target. With
 * the defaults that is at most 3 × 3 × 3 × 3 × 2 = 162 candidates, then 4 × 3 (mode 1) or 4 × 24 (mode 2).
 */
public final class Grid {
    /** How many of stage 1's best candidates stage 2 refines. */
    public static final int FINE_AROUND = 4;
    /** A grid bigger than this is a typo: 162 candidates × 200 seeds × 2 drills is already 64,800 runs. */
    public static final int MAX_CANDIDATES = 2000;

    private final Map<Knob, List<String>> values;
    private final Candidate asWritten;

    private Grid(Map<Knob, List<String>> values, Candidate asWritten) {
        this.values = values;
        this.asWritten = asWritten;
    }

    /**
     * The grid for {@code t}: per knob the value as written, then {@code overrides}' values for the knobs it names,
     * else the defaults (weight adds the one that drops the master below the backup, so the weight trap is tried).
     */
    public static Grid of(Topology t, Map<Knob, List<String>> overrides) {
        NodeSpec master = FailoverBudget.master(t);
        Map<Knob, List<String>> values = new EnumMap<>(Knob.class);
        Map<Knob, String> written = new EnumMap<>(Knob.class);
        for (Knob k : Knob.values()) {
            if (!k.appliesTo(t)) continue;
            String current = k.current(t, master);
            written.put(k, current);
            Set<String> v = new LinkedHashSet<>();
            v.add(current);
            List<String> given = overrides.get(k);
            if (given != null) {
                v.addAll(given);
            } else {
                v.addAll(k.defaultValues());
                if (k == Knob.WEIGHT) v.add(Integer.toString(crossingWeight(t, master)));
            }
            values.put(k, List.copyOf(v));
        }
        for (Knob k : overrides.keySet()) {
            if (!values.containsKey(k)) throw new IllegalArgumentException("--grid " + k.id() + ": this topology has no such setting ("
                    + (k.name().startsWith("HAPROXY") ? "no haproxy" : "no check script") + ")");
        }
        return new Grid(values, new Candidate(written));
    }

    /** A weight that puts the master's priority 5 below the backup's while its check fails: a failover by weight. */
    static int crossingWeight(Topology t, NodeSpec master) {
        int backup = t.nodes.stream().filter(n -> n != master).mapToInt(n -> n.keepalived.priority).max().orElse(0);
        return Math.max(-253, backup - master.keepalived.priority - 5);
    }

    public Map<Knob, List<String>> values() { return values; }

    public Candidate asWritten() { return asWritten; }

    /** Stage 1: every combination of the coarse knobs, the fine ones as written; the first is the settings as written. */
    public List<Candidate> coarse() {
        return product(asWritten, knobs(Knob.Stage.COARSE));
    }

    /** Stage 2 around {@code base}: every combination of the fine knobs, the coarse ones as in {@code base}. */
    public List<Candidate> fineAround(Candidate base) {
        return product(base, knobs(Knob.Stage.FINE));
    }

    /** How many candidates the whole grid has (every knob at once): what a search without stages would run. */
    public long fullSize() {
        long n = 1;
        for (List<String> v : values.values()) n *= v.size();
        return n;
    }

    private List<Knob> knobs(Knob.Stage stage) {
        List<Knob> out = new ArrayList<>();
        for (Knob k : values.keySet()) if (k.stage() == stage) out.add(k);
        return out;
    }

    private List<Candidate> product(Candidate base, List<Knob> knobs) {
        List<Candidate> out = new ArrayList<>();
        out.add(base);
        for (Knob k : knobs) {
            List<Candidate> next = new ArrayList<>();
            for (Candidate c : out) for (String v : values.get(k)) next.add(c.with(k, v));
            out = next;
        }
        return out;
    }
}
