package org.viplab.report;

import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Span;
import org.viplab.core.timeline.TimelineAnalysis;
import org.viplab.core.util.Durations;
import org.viplab.drill.ClientFigures;
import org.viplab.drill.DrillResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The summary that opens a report: what went wrong in the run whatever the drill expected, so a PASSED drill
 * that expected a trap cannot hide a long outage or a split brain. Each row is {label, value, bad}.
 */
final class Anomalies {
    private Anomalies() { }

    static List<Map<String, Object>> rows(DrillResult r, ReportModel words) {
        TimelineAnalysis a = r.analysis();
        ClientFigures c = r.client();
        String none = words.t("anomaly.none");
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Span> gaps = a.nowhere();
        row(rows, words.t("anomaly.vipGaps"), gaps.isEmpty() ? none
                : words.f("anomaly.vipGaps.value", gaps.size(), Units.of(a.longestGapUs())), !gaps.isEmpty());
        List<Span> split = a.splitBrains();
        long longestSplit = split.stream().mapToLong(Span::lengthUs).max().orElse(0);
        row(rows, words.t("anomaly.splitBrain"), split.isEmpty() ? none
                : words.f("anomaly.splitBrain.value", Units.of(a.splitBrainUs()), Units.of(longestSplit)), !split.isEmpty());
        row(rows, words.t("anomaly.availability"), words.f("anomaly.availability.value", c.availabilityText(),
                c.probes() - c.failed(), c.probes()), c.failed() > 0);
        StringBuilder kinds = new StringBuilder();
        for (Map.Entry<LabEvent.ProbeFailure, Integer> e : c.failures().entrySet()) {
            if (kinds.length() > 0) kinds.append(", ");
            kinds.append(words.t("probe." + ClientFigures.kindId(e.getKey()))).append(' ').append(e.getValue());
        }
        row(rows, words.t("anomaly.failedProbes"), c.failed() == 0 ? none : c.failed() + " (" + kinds + ")", c.failed() > 0);
        row(rows, words.t("anomaly.longestOutage"), a.outages().isEmpty() ? none : Units.of(a.longestOutageUs()), !a.outages().isEmpty());
        return rows;
    }

    private static void row(List<Map<String, Object>> rows, String label, String value, boolean bad) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("label", label);
        m.put("value", value);
        m.put("bad", bad);
        rows.add(m);
    }
}
