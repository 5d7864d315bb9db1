package org.viplab.exercise;

import org.viplab.core.model.VrrpState;

import java.util.Map;
import java.util.Set;

/** What really happened at the end of a predict task's drill on the simulator: what the trainee predicts. */
public record Truth(Set<String> vipOn, Map<String, VrrpState> states, long clientDowntimeUs) {
    public Truth {
        vipOn = Set.copyOf(vipOn);
        states = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(states));
    }
}
