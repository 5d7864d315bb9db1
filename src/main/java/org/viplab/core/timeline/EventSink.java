package org.viplab.core.timeline;

/** Where an engine puts what it sees. The timeline is one; the benchmark's summarising recorder is another. */
@FunctionalInterface
public interface EventSink {
    void accept(LabEvent event);
}
