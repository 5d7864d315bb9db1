package org.viplab.lab;

import org.viplab.core.timeline.Actor;
import org.viplab.core.model.Topology;
import org.viplab.core.timeline.Timeline;

/**
 * The one seam between what the user does and what the cluster does. The simulator and the SSH engine both
 * take actions and write what happens to the same kind of timeline.
 */
public interface Lab extends AutoCloseable {
    Topology topology();

    Timeline timeline();

    /** "sim" or "ssh". */
    String engine();

    /** The lab clock in microseconds (virtual for the simulator). */
    long now();

    /** Applies an action now; {@code by} says who asked. */
    void apply(Action action, Actor by);

    /** Lets time pass until {@code timeUs}: the simulator runs its events, a real lab waits. */
    void runUntil(long timeUs) throws InterruptedException;

    /** Puts everything back: resume, heal every link, start what is stopped (mysqld, haproxy, keepalived). */
    void restore(Actor by);

    @Override
    default void close() { }
}
