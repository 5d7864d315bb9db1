package org.viplab.tune;

import org.viplab.core.model.CheckScriptSpec;
import org.viplab.core.model.KeepalivedSpec;
import org.viplab.core.model.NodeSpec;
import org.viplab.core.model.Topology;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A setting the tuning advisor varies. Each knob is set the same on both nodes: VRRP needs the same advert_int at
 * both ends, and a check that differs between the nodes would make the failover depend on which node failed. The
 * script knobs apply to every vrrp_script of a node (the presets and imports have one).
 *
 * <p>{@link Stage#COARSE} knobs decide detection and takeover and are searched first; {@link Stage#FINE} knobs
 * (recovery and haproxy's own checks) are searched around the best coarse candidates only, which keeps the run
 * count bounded (see {@link Grid}).
 */
public enum Knob {
    ADVERT_INT("advert_int", Stage.COARSE, "1,2,3"),
    INTERVAL("interval", Stage.COARSE, "1,2,3"),
    FALL("fall", Stage.COARSE, "1,2,3"),
    WEIGHT("weight", Stage.COARSE, "0"),
    PREEMPT("preempt", Stage.COARSE, "preempt,nopreempt"),
    RISE("rise", Stage.FINE, "1,2,3"),
    HAPROXY_INTER("haproxy.inter", Stage.FINE, "1000,2000"),
    HAPROXY_FALL("haproxy.fall", Stage.FINE, "2,3"),
    HAPROXY_RISE("haproxy.rise", Stage.FINE, "1,2");

    /** When a knob is searched. */
    public enum Stage { COARSE, FINE }

    private final String id;
    private final Stage stage;
    private final String defaults;

    Knob(String id, Stage stage, String defaults) {
        this.id = id;
        this.stage = stage;
        this.defaults = defaults;
    }

    /** The name on the command line ({@code --grid advert_int=1,2}) and in the JSON. */
    public String id() { return id; }

    public Stage stage() { return stage; }

    /** The values tried when {@code --grid} does not name the knob (the value as written is always added). */
    List<String> defaultValues() { return List.of(defaults.split(",")); }

    /** The key of its label in the bundles, e.g. "tune.knob.advert_int". */
    public String textKey() { return "tune.knob." + id.replace('.', '_'); }

    public static Knob byId(String id) {
        for (Knob k : values()) if (k.id.equals(id)) return k;
        return null;
    }

    /** Whether the knob means anything on {@code t}: script knobs need a script, haproxy knobs haproxy on both nodes. */
    boolean appliesTo(Topology t) {
        for (NodeSpec n : t.nodes) {
            switch (this) {
                case INTERVAL, FALL, RISE, WEIGHT -> { if (n.keepalived.scripts.isEmpty()) return false; }
                case HAPROXY_INTER, HAPROXY_FALL, HAPROXY_RISE -> { if (n.haproxy == null) return false; }
                default -> { }
            }
        }
        return true;
    }

    /** The value as written in {@code t} (the master's, see {@link org.viplab.core.model.FailoverBudget#master}). */
    String current(Topology t, NodeSpec master) {
        KeepalivedSpec k = master.keepalived;
        CheckScriptSpec s = k.scripts.isEmpty() ? null : k.scripts.get(0);
        return switch (this) {
            case ADVERT_INT -> number(k.advertIntSec);
            case INTERVAL -> s == null ? "" : number(s.intervalSec);
            case FALL -> s == null ? "" : Integer.toString(s.fall);
            case RISE -> s == null ? "" : Integer.toString(s.rise);
            case WEIGHT -> s == null ? "" : Integer.toString(s.weight);
            case PREEMPT -> t.nodes.stream().allMatch(n -> n.keepalived.effectiveNopreempt()) ? "nopreempt" : "preempt";
            case HAPROXY_INTER -> master.haproxy == null ? "" : Long.toString(master.haproxy.interMs);
            case HAPROXY_FALL -> master.haproxy == null ? "" : Integer.toString(master.haproxy.fall);
            case HAPROXY_RISE -> master.haproxy == null ? "" : Integer.toString(master.haproxy.rise);
        };
    }

    /** Whether {@code value} can be given to this knob (checked again, with ranges, when the sweep applies it). */
    boolean accepts(String value) {
        if (this == PREEMPT) return value.equals("preempt") || value.equals("nopreempt");
        if (this == ADVERT_INT || this == INTERVAL) return value.matches("\\d{1,4}(\\.\\d{1,3})?");
        return value.matches("-?\\d{1,7}");
    }

    /** The drill-format "set" paths and values that give every node this knob's {@code value}. */
    void settings(Topology t, String value, Map<String, String> out) {
        for (NodeSpec n : t.nodes) {
            String k = n.name + ".keepalived.";
            switch (this) {
                case ADVERT_INT -> out.put(k + "advertIntSec", value);
                case INTERVAL, FALL, RISE, WEIGHT -> {
                    String field = switch (this) {
                        case INTERVAL -> "intervalSec";
                        case FALL -> "fall";
                        case RISE -> "rise";
                        default -> "weight";
                    };
                    for (int i = 0; i < n.keepalived.scripts.size(); i++) out.put(k + "scripts." + i + "." + field, value);
                }
                case PREEMPT -> {
                    // nopreempt needs state BACKUP on both nodes: keepalived ignores it beside state MASTER
                    boolean nopreempt = value.equals("nopreempt");
                    out.put(k + "nopreempt", Boolean.toString(nopreempt));
                    if (nopreempt) out.put(k + "state", "BACKUP");
                }
                case HAPROXY_INTER -> out.put(n.name + ".haproxy.interMs", value);
                case HAPROXY_FALL -> out.put(n.name + ".haproxy.fall", value);
                case HAPROXY_RISE -> out.put(n.name + ".haproxy.rise", value);
            }
        }
    }

    /** "1" for 1.0, "0.5" for 0.5: how keepalived.conf writes a number of seconds. */
    static String number(double v) {
        if (v == Math.rint(v)) return Long.toString((long) v);
        return new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }

    /** For messages: "advert_int=1,2,3". */
    static String describe(Map<Knob, List<String>> values) {
        Map<String, String> m = new LinkedHashMap<>();
        values.forEach((k, v) -> m.put(k.id, String.join(",", v)));
        StringBuilder b = new StringBuilder();
        m.forEach((k, v) -> b.append(b.length() == 0 ? "" : " ").append(k).append('=').append(v));
        return b.toString();
    }
}
