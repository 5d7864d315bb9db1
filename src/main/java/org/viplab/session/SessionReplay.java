package org.viplab.session;

import org.viplab.lab.Action;
import org.viplab.lab.Target;
import org.viplab.lab.Verb;
import org.viplab.engine.sim.LiveSimulation;
import org.viplab.core.text.EventFormatter;
import org.viplab.core.text.TimeText;
import org.viplab.core.timeline.LabEvent;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Takes a session from the live simulation, and puts one back: a simulator session is reopened by starting its
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

    /** The current run as a session. Call from any thread; the timeline is copied. */
    public static Session capture(LiveSimulation live, Map<String, String> settings, String recordingJson) {
        Map<String, String> s = new java.util.LinkedHashMap<>(settings);
        s.put(LAB_TIME, String.valueOf(live.now()));
        return new Session(live.topology(), "sim", live.seed(), s, live.timeline().snapshot(), recordingJson);
    }

    /**
     * A run on another engine (real hosts) as a session: its topology and timeline up to now. It cannot be
     * replayed; opening it shows the timeline as recorded.
     */
    public static Session capture(org.viplab.lab.LiveEngine engine, Map<String, String> settings) {
        long now = engine.now();
        Map<String, String> s = new java.util.LinkedHashMap<>(settings);
        s.put(LAB_TIME, String.valueOf(now));
        List<LabEvent> events = engine.timeline().snapshot().stream().filter(e -> e.timeUs() <= now).toList();
        return new Session(engine.topology(), engine.engine(), 0, s, events, null);
    }

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
    public static CompletableFuture<Outcome> replay(LiveSimulation live, Session s, String why) {
        if (!"sim".equals(s.engine())) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("recorded on " + s.engine() + ", not the simulator"));
        }
        long end = endOf(s);
        List<String> hosts = s.topology().nodeNames();
        return live.reset(s.topology(), s.seed(), why)
                .thenCompose(v -> live.submit(lab -> {
                    for (LabEvent e : s.events()) {
                        if (!(e instanceof LabEvent.ActionApplied a) || e.timeUs() < lab.now()) continue;
                        lab.runUntil(a.timeUs());
                        Verb verb = Verb.fromId(a.action());
                        try {
                            lab.apply(new Action(verb, Target.parse(a.target(), hosts)), a.by());
                        } catch (RuntimeException ex) {
                            // it failed the same way when it was first applied; the ActionApplied is on the timeline
                        }
                    }
                    if (end > lab.now()) lab.runUntil(end);
                    return lab.now();
                }))
                .thenCompose(now -> live.releaseHold().thenApply(v -> {
                    List<LabEvent> rebuilt = live.timeline().snapshot();
                    return new Outcome(now, rebuilt.size(), difference(s.events(), rebuilt, end));
                }));
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
