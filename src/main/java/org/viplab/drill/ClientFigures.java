package org.viplab.drill;

import org.viplab.core.timeline.LabEvent;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the client's probes saw over a window: how many ran, how many failed and how. The longest outage alone
 * hides a run where every other probe fails (each outage is then one probe interval long); availability and
 * the failure count do not.
 *
 * @param failures failed probes by kind, in {@link LabEvent.ProbeFailure} order, kinds with no failure left out
 */
public record ClientFigures(int probes, int failed, Map<LabEvent.ProbeFailure, Integer> failures) {
    /** The probes in [fromUs, toUs] of {@code events}. */
    public static ClientFigures of(List<LabEvent> events, long fromUs, long toUs) {
        int probes = 0;
        int failed = 0;
        Map<LabEvent.ProbeFailure, Integer> kinds = new EnumMap<>(LabEvent.ProbeFailure.class);
        for (LabEvent e : events) {
            if (!(e instanceof LabEvent.ClientProbe p) || p.timeUs() < fromUs || p.timeUs() > toUs) continue;
            probes++;
            if (p.ok()) continue;
            failed++;
            // a failed probe that names no reason is still a failure: counted under NONE ("other")
            kinds.merge(p.failure() == null ? LabEvent.ProbeFailure.NONE : p.failure(), 1, Integer::sum);
        }
        return new ClientFigures(probes, failed, kinds);
    }

    /** The fraction of probes that succeeded, 1 when no probe ran (nothing was seen failing). */
    public double availability() { return probes == 0 ? 1.0 : (probes - failed) / (double) probes; }

    /** {@link #availability} as a percentage with two decimals, e.g. "76.00%"; never rounded up to 100%. */
    public String availabilityText() {
        double pct = availability() * 100;
        if (failed > 0 && pct > 99.99) return "99.99%"; // a single failure must not read as 100%
        return String.format(Locale.ROOT, "%.2f%%", pct);
    }

    /** Failures by kind for JSON: {"refused": 3, "timeout": 57}; "other" for a failure without a reason. */
    public Map<String, Integer> failuresByKind() {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (Map.Entry<LabEvent.ProbeFailure, Integer> e : failures.entrySet()) m.put(kindId(e.getKey()), e.getValue());
        return m;
    }

    public static String kindId(LabEvent.ProbeFailure f) {
        return f == LabEvent.ProbeFailure.NONE ? "other" : f.name().toLowerCase(Locale.ROOT);
    }
}
