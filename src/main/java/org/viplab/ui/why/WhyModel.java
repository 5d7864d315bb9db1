package org.viplab.ui.why;

import org.viplab.core.text.EventFormatter;
import org.viplab.core.text.TimeText;
import org.viplab.core.timeline.CauseChain;
import org.viplab.core.timeline.Causes;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Timeline;

import java.util.ArrayList;
import java.util.List;

/**
 * What the "why" panel states for one event: the chain from {@link CauseChain#why} as numbered lines with the
 * time of each link and its delta from the one before. Plain Java (no window needed); the words come from
 * {@link EventFormatter}, the times from {@link TimeText}, so the panel says what the CLI and reports say.
 */
public final class WhyModel {
    /**
     * One link: its id in the timeline, its event, its number (1 = the root), its time ("35.800"), the time since
     * the link before ("2.010", null for the root), its host and its event text.
     */
    public record Line(long id, LabEvent event, int number, String time, String delta, String host, String text) { }

    private WhyModel() { }

    /** The lines for {@code event} (looked up by identity in {@code timeline}); empty when it is not there. */
    public static List<Line> lines(Timeline timeline, LabEvent event, EventFormatter text) {
        if (timeline == null || event == null) return List.of();
        Timeline.Caused snap = timeline.caused();
        long id = idOf(snap.events(), event);
        return id < 0 ? List.of() : lines(CauseChain.why(snap.events(), snap.causes(), id), text);
    }

    /** The lines of {@code chain} (oldest first). */
    public static List<Line> lines(List<CauseChain.Link> chain, EventFormatter text) {
        List<Line> out = new ArrayList<>(chain.size());
        long before = 0;
        for (CauseChain.Link l : chain) {
            LabEvent e = l.event();
            String delta = out.isEmpty() ? null : TimeText.seconds(e.timeUs() - before);
            out.add(new Line(l.id(), e, out.size() + 1, TimeText.seconds(e.timeUs()), delta, e.host(), text.details(e)));
            before = e.timeUs();
        }
        return List.copyOf(out);
    }

    /**
     * The id (append index) of {@code event} in {@code events}, by identity: records can be equal (two identical
     * probes in one microsecond), the instance is not. Searched from the end, where selections usually are.
     */
    public static long idOf(List<LabEvent> events, LabEvent event) {
        for (int i = events.size() - 1; i >= 0; i--) if (events.get(i) == event) return i;
        return Causes.NONE;
    }
}
