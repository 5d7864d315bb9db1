package org.viplab.core.timeline;

/** A run of failed client probes: from the first failure's start to the next success's start (or the end). */
public record Outage(long startUs, long endUs, int failedProbes, boolean open) {
    public long lengthUs() { return endUs - startUs; }
}
