package org.viplab.session;

import org.viplab.lab.Engine;
import org.viplab.lab.RunSnapshot;
import org.viplab.lab.TimeControls;
import org.viplab.core.text.EventFormatter;
import org.viplab.core.text.TimeText;
import org.viplab.core.timeline.LabEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Takes a session from a live run, and puts one back: a simulator session is reopened by starting its
 * topology and seed afresh and applying its actions at their times, as fast as possible, which rebuilds the
 * very same timeline (the simulator is deterministic) and leaves a live lab where the user left off. The
 * result says whether the rebuilt VIP timeline matches the saved one. No JavaFX.
 */
public final class SessionReplay {
    /** How a reopened session turned out. {@code difference} is null when the VIP timeline matches. */
    public record Outcome(long endUs, int events, String difference) { }

    private SessionReplay() { }

    /** The setting that keeps the lab time the session was saved at (it may be later than the last event). */
    public static final String LAB_TIME = "labTimeUs";

    /**
     * A run as a session. A simulator run keeps its seed and the recording, and is rebuilt when opened; a run
     * on another engine (real hosts) cannot be replayed, so opening it shows the timeline as recorded.
     */
    public static Session capture(RunSnapshot run, Map<String, String> settings, String recordingJson) {
        Map<String, String> s = new java.util.LinkedHashMap<>(settings);
        s.put(LAB_TIME, String.valueOf(run.nowUs()));
        boolean rebuilt = run.engine().deterministic();
        return new Session(run.topology(), run.engine().id(), rebuilt ? run.seed() : 0, s, run.events(),
                rebuilt ? recordingJson : null, run.causes());
    }

    /** True when the session can be rebuilt on the simulator (it was recorded there); otherwise it is only shown. */
    public static boolean replayable(Session s) { return Engine.fromId(s.engine()).deterministic(); }

    /** Where a session ends: the lab time it was saved at, or its last event. */
    public static long endOf(Session s) {
        long end = s.endUs();
        try {
            String t = s.settings().get(LAB_TIME);
            if (t != null) end = Math.max(end, Long.parseLong(t));
        } catch (NumberFormatException e) {
            // a hand-edited setting: the last event will do
        }
        return end;
    }

    /**
     * Restarts the live simulation on the session's topology and seed and replays its actions up to its last
     * event. The lab is left paused there by the caller's choice: this only releases the drill hold.
     */
    public static CompletableFuture<Outcome> replay(TimeControls sim, Session s, String why) {
        if (!replayable(s)) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("recorded on " + s.engine() + ", not the simulator"));
        }
        long end = endOf(s);
        List<LabEvent.ActionApplied> actions = new ArrayList<>();
        for (LabEvent e : s.events()) if (e instanceof LabEvent.ActionApplied a) actions.add(a);
        return sim.replay(s.topology(), s.seed(), actions, end, why)
                .thenApply(run -> new Outcome(run.nowUs(), run.events().size(), difference(s.events(), run.events(), end)));
    }

    /** The first VIP event that differs between the saved and the rebuilt timeline, or null. */
    static String difference(List<LabEvent> saved, List<LabEvent> rebuilt, long endUs) {
        List<LabEvent> a = saved.stream().filter(e -> e instanceof LabEvent.VipChanged && e.timeUs() <= endUs).toList();
        List<LabEvent> b = rebuilt.stream().filter(e -> e instanceof LabEvent.VipChanged && e.timeUs() <= endUs).toList();
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            LabEvent x = i < a.size() ? a.get(i) : null;
            LabEvent y = i < b.size() ? b.get(i) : null;
            if (x == null || !x.equals(y)) return "saved " + describe(x) + ", replayed " + describe(y);
        }
        return null;
    }

    /** An event as the event list words it (never a record's toString). */
    private static String describe(LabEvent e) {
        if (e == null) return "nothing";
        return TimeText.seconds(e.timeUs()) + " s " + e.host() + ": " + EventFormatter.english().details(e);
    }
}
