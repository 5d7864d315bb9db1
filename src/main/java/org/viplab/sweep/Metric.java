package org.viplab.sweep;

import java.util.Locale;

/**
 * The figures a sweep collects from each run, all read from the drill's own analysis (see {@link RunFigures}):
 * the first failover's detection, no-VIP gap, failover time and client downtime, and the run's split brain.
 */
public enum Metric {
    DETECTION("detectionMs"),
    GAP("gapMs"),
    FAILOVER("failoverMs"),
    CLIENT_DOWNTIME("clientDowntimeMs"),
    SPLIT_BRAIN("splitBrainMs");

    private final String id;

    Metric(String id) { this.id = id; }

    /** The CSV column and JSON key, e.g. "detectionMs". */
    public String id() { return id; }

    /** The key of its label in the report bundle, e.g. "sweep.metric.detection". */
    public String textKey() { return "sweep.metric." + name().toLowerCase(Locale.ROOT).replace("_", ""); }
}
