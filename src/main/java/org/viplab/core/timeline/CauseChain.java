package org.viplab.core.timeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code why(event)}: the chain of causes from a root (a user's or drill's action, or a spontaneous cause
 * such as a timer) to an event, oldest first. The one place that walks causes: drill results, reports and the
 * app ask here.
 */
public final class CauseChain {
    /** One event of a chain, with its id in the timeline. */
    public record Link(long id, LabEvent event) { }

    private CauseChain() { }

    /** The chain to event {@code id} of {@code timeline}; empty when there is no such event. */
    public static List<Link> why(Timeline timeline, long id) {
        Timeline.Caused snap = timeline.caused();
        return why(snap.events(), snap.causes(), id);
    }

    /** The chain to the event at index {@code id} of {@code events}, whose causes are {@code causes}. */
    public static List<Link> why(List<LabEvent> events, Causes causes, long id) {
        List<Link> out = new ArrayList<>();
        long at = id;
        // a cause is always an earlier event: anything else (a damaged file) ends the walk instead of looping
        while (at >= 0 && at < events.size() && (out.isEmpty() || at < out.get(out.size() - 1).id())) {
            out.add(new Link(at, events.get((int) at)));
            at = causes.causeOf(at);
        }
        Collections.reverse(out);
        return List.copyOf(out);
    }

    /**
     * The id of the VIP change that ended {@code f} (at its {@code endUs}: the VIP added on its new holder, or, after
     * an overlap, removed from the other), or {@link Causes#NONE} when {@code events} have none.
     */
    public static long failoverEnd(List<LabEvent> events, Failover f) {
        long found = Causes.NONE;
        for (int i = 0; i < events.size(); i++) {
            LabEvent e = events.get(i);
            if (e.timeUs() > f.endUs()) break;
            if (e.timeUs() == f.endUs() && e instanceof LabEvent.VipChanged v && v.added() == v.host().equals(f.to())) found = i;
        }
        return found;
    }

    /** The chain from the root to the VIP on {@code f}'s new holder; empty when the ending event is unknown. */
    public static List<Link> why(List<LabEvent> events, Causes causes, Failover f) {
        long end = failoverEnd(events, f);
        return end < 0 ? List.of() : why(events, causes, end);
    }

    /** The root of the chain to {@code id}: the event itself when nothing caused it. */
    public static Link root(List<LabEvent> events, Causes causes, long id) {
        List<Link> chain = why(events, causes, id);
        return chain.isEmpty() ? null : chain.get(0);
    }
}
