package org.viplab.tune;

import org.viplab.core.model.Topology;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** One combination of knob values the advisor tries, every applicable knob named (as written or changed). */
public record Candidate(Map<Knob, String> values) {
    public Candidate {
        values = Collections.unmodifiableMap(new EnumMap<>(values));
    }

    public String value(Knob k) { return values.get(k); }

    /** "advert_int=2 interval=1 fall=2 weight=0 preempt=nopreempt rise=2", in knob order: the same text every run. */
    public String label() {
        StringBuilder b = new StringBuilder();
        values.forEach((k, v) -> b.append(b.length() == 0 ? "" : " ").append(k.id()).append('=').append(v));
        return b.toString();
    }

    /** The same candidate with {@code k} set to {@code v}. */
    Candidate with(Knob k, String v) {
        Map<Knob, String> m = new EnumMap<>(values);
        m.put(k, v);
        return new Candidate(m);
    }

    /** The drill-format "set" paths that turn {@code base} into this candidate. */
    public Map<String, String> settings(Topology base) {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> k.settings(base, v, out));
        return out;
    }
}
