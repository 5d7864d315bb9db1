package org.viplab.session;

import org.viplab.core.model.Topology;
import org.viplab.core.timeline.Causes;
import org.viplab.core.timeline.LabEvent;

import java.util.List;
import java.util.Map;

/**
 * A whole lab session as the user left it: the topology (every setting of both nodes), the engine and seed,
 * the app's settings (speed, language, ...), the timeline, and the drill being recorded if any.
 *
 * @param settings      free-form app settings, kept in order; never null
 * @param recordingJson the drill file text of a recording in progress, or null
 * @param causes        the cause of each event, by index into {@code events}
 */
public record Session(Topology topology, String engine, long seed, Map<String, String> settings, List<LabEvent> events,
                      String recordingJson, Causes causes) {
    public Session {
        settings = Map.copyOf(settings);
        events = List.copyOf(events);
        if (causes == null) causes = Causes.none();
    }

    /** A session whose events name no causes. */
    public Session(Topology topology, String engine, long seed, Map<String, String> settings, List<LabEvent> events,
                   String recordingJson) {
        this(topology, engine, seed, settings, events, recordingJson, Causes.none());
    }

    /** The latest event time, or 0 for an empty timeline. */
    public long endUs() {
        long end = 0;
        for (LabEvent e : events) end = Math.max(end, e.timeUs());
        return end;
    }
}
