package org.viplab.engine.sim;

import org.viplab.core.timeline.Actor;
import org.viplab.lab.Action;
import org.viplab.lab.Target;
import org.viplab.lab.Verb;
import org.viplab.core.model.Topology;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Timeline;
import org.viplab.core.timeline.TimelineAnalysis;

import java.util.List;
import java.util.function.Predicate;

/** A simulated lab in its steady state, with helpers to act and to find events, for tests. */
final class Scenario {
    final Timeline timeline = new Timeline();
    final SimulatedLab lab;

    Scenario(Topology t) { this(t, 1); }

    Scenario(Topology t, long seed) { lab = SimulatedLab.steadyState(t, seed, timeline); }

    Scenario act(String verb, String target) {
        lab.apply(new Action(Verb.fromId(verb), Target.parse(target, lab.topology().nodeNames())), Actor.DRILL);
        return this;
    }

    Scenario at(long us) {
        lab.runUntil(us);
        return this;
    }

    static long s(double seconds) { return Math.round(seconds * 1_000_000); }

    List<LabEvent> events() { return timeline.snapshot(); }

    /** The first event at or after {@code from} matching the predicate. */
    <T extends LabEvent> T first(Class<T> type, long from, Predicate<T> p) {
        for (LabEvent e : events()) {
            if (e.timeUs() >= from && type.isInstance(e) && p.test(type.cast(e))) return type.cast(e);
        }
        throw new AssertionError("no " + type.getSimpleName() + " after " + from + " matching");
    }

    <T extends LabEvent> T last(Class<T> type, long before, Predicate<T> p) {
        T found = null;
        for (LabEvent e : events()) {
            if (e.timeUs() <= before && type.isInstance(e) && p.test(type.cast(e))) found = type.cast(e);
        }
        if (found == null) throw new AssertionError("no " + type.getSimpleName() + " before " + before);
        return found;
    }

    long vipAdded(String host, long from) {
        return first(LabEvent.VipChanged.class, from, v -> v.host().equals(host) && v.added()).timeUs();
    }

    long vipRemoved(String host, long from) {
        return first(LabEvent.VipChanged.class, from, v -> v.host().equals(host) && !v.added()).timeUs();
    }

    TimelineAnalysis analysis(long to) { return new TimelineAnalysis(events(), 0, to); }
}
