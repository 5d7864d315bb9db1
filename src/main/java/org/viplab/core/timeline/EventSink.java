package org.viplab.core.timeline;

/** Where an engine puts what it sees. The timeline is one; the benchmark's summarising recorder is another. */
@FunctionalInterface
public interface EventSink {
    void accept(LabEvent event);

    /**
     * Appends an event that {@code causeId} (an earlier event's id, or {@link Causes#NONE}) caused, and returns
     * the new event's id for later events to name as their cause. A sink that keeps no ids (a summary) drops the
     * cause and answers {@link Causes#NONE}, so an engine never needs to know which sink it writes to.
     */
    default long accept(LabEvent event, long causeId) {
        accept(event);
        return Causes.NONE;
    }
}
