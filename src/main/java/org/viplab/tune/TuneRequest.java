package org.viplab.tune;

import org.viplab.sweep.Seeds;

import java.util.List;
import java.util.Map;

/**
 * What to tune for: the client-downtime p99 to stay under, the stress the settings must survive without a false
 * failover, the seeds each candidate runs, the fault of the failover drill (null: the mode's default) and the
 * knobs whose values replace the defaults ({@code --grid advert_int=1,2}).
 */
public record TuneRequest(long maxDowntimeP99Us, Stress stress, Seeds seeds, TuneDrills.Fault fault, Map<Knob, List<String>> grid) {
    /** The screening seeds: the first 20 of the range (all of them when there are fewer). */
    public static final int SCREEN_SEEDS = 20;

    public TuneRequest {
        if (maxDowntimeP99Us <= 0) throw new IllegalArgumentException("the downtime target must be positive");
        grid = Map.copyOf(grid);
    }

    /** Reads {@code --grid KNOB=V1,V2}: the knob by its id, each value checked for its kind. */
    public static Map.Entry<Knob, List<String>> gridEntry(String arg) {
        int eq = arg.indexOf('=');
        Knob k = eq <= 0 ? null : Knob.byId(arg.substring(0, eq).trim());
        if (k == null) {
            StringBuilder ids = new StringBuilder();
            for (Knob x : Knob.values()) ids.append(ids.length() == 0 ? "" : ", ").append(x.id());
            throw new IllegalArgumentException("--grid " + arg + ": write KNOB=V1,V2 with a knob of: " + ids);
        }
        List<String> values = List.of(arg.substring(eq + 1).split(",", -1)).stream().map(String::trim).toList();
        if (values.isEmpty() || values.size() > 16) throw new IllegalArgumentException("--grid " + arg + ": give 1 to 16 values");
        for (String v : values) {
            if (!k.accepts(v)) throw new IllegalArgumentException("--grid " + arg + ": \"" + v + "\" is not a value of " + k.id()
                    + (k == Knob.PREEMPT ? " (preempt or nopreempt)" : k == Knob.ADVERT_INT || k == Knob.INTERVAL ? " (seconds, e.g. 2 or 0.5)" : " (a whole number)"));
        }
        return Map.entry(k, values);
    }
}
