package org.viplab.core.timeline;

/**
 * The VIP moving from one sole holder to another.
 *
 * @param causeUs    when the action that most plausibly caused it was applied, or -1 when none is known
 * @param startUs    when {@code from} stopped being the sole holder (the VIP left it, or {@code to} also took it)
 * @param endUs      when {@code to} became the sole holder
 * @param gapUs      time in between with the VIP on no host
 * @param overlapUs  time in between with the VIP on both hosts
 */
public record Failover(String from, String to, String cause, long causeUs, long startUs, long endUs,
                       long gapUs, long overlapUs, long clientDowntimeUs) {
    /** From the cause to the VIP leaving the old holder (or the new one taking it): how long detection took. */
    public long detectionUs() { return causeUs < 0 ? -1 : startUs - causeUs; }

    /** From the cause until the new holder alone has the VIP. */
    public long failoverUs() { return causeUs < 0 ? -1 : endUs - causeUs; }
}
