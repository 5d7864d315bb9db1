package org.viplab.drill;

import org.viplab.core.timeline.Actor;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.viplab.lab.Action;
import org.viplab.lab.Target;
import org.viplab.lab.Verb;
import org.viplab.core.model.Topology;
import org.viplab.core.model.TopologyJson;
import org.viplab.core.model.VrrpState;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.TimelineAnalysis;
import org.viplab.core.util.AtomicFiles;
import org.viplab.core.util.Durations;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Turns what a trainer did by hand into a drill file: every action applied by {@link Actor#USER} from
 * {@code startUs} on becomes an action step at its time, and the trainer adds expectations drawn from what
 * happened (e.g. "the VIP reached db2 3.1 s after the last action" becomes "expect vip-on db2 within 3.5s").
 * Times in the file are relative to {@code startUs}; a recording that starts at the run's t = 0 (a lab in its
 * steady state with the same seed) replays to the same timeline. Not thread-safe: one owner (the FX thread in
 * the app). No JavaFX.
 */
public final class DrillRecorder {
    /** An action step, at a time relative to the recording's start. */
    public record RecordedAction(long atUs, Action action) { }

    /**
     * An expectation the trainer added. {@code atUs} null: judged over the whole drill (no-split-brain,
     * client-downtime-under).
     */
    public record RecordedExpect(Long atUs, Expectation kind, String host, VrrpState state, Long withinUs, Long forUs,
                                 Long maxUs) {
        public String text() {
            StringBuilder b = new StringBuilder("expect ").append(kind.id());
            if (host != null) b.append(' ').append(host);
            if (state != null) b.append(' ').append(state);
            if (maxUs != null) b.append(" < ").append(Durations.format(maxUs));
            if (withinUs != null) b.append(" within ").append(Durations.format(withinUs));
            if (forUs != null) b.append(" for ").append(Durations.format(forUs));
            if (atUs != null) b.append(" at ").append(Durations.format(atUs));
            return b.toString();
        }
    }

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create(); // "set": {"x": null} clears x

    private final Topology topology;
    private final long seed;
    private final long startUs;
    private final List<RecordedExpect> expectations = new ArrayList<>();

    /** Records on a lab of {@code topology} and {@code seed}, from lab time {@code startUs}. */
    public DrillRecorder(Topology topology, long seed, long startUs) {
        this.topology = TopologyJson.copy(topology);
        this.seed = seed;
        this.startUs = startUs;
    }

    public long startUs() { return startUs; }

    public long seed() { return seed; }

    public Topology topology() { return TopologyJson.copy(topology); }

    /** The user's actions in {@code events} from the start on, in time order, as drill steps. */
    public List<RecordedAction> actions(List<LabEvent> events) {
        List<RecordedAction> out = new ArrayList<>();
        for (LabEvent e : events) {
            if (e instanceof LabEvent.ActionApplied a && a.by() == Actor.USER && a.timeUs() >= startUs) {
                Verb verb = Verb.fromId(a.action());
                if (verb == null) throw new IllegalArgumentException("unknown action \"" + a.action() + "\" at " + Durations.format(a.timeUs()));
                out.add(new RecordedAction(a.timeUs() - startUs, Action.of(a, topology.nodeNames())));
            }
        }
        out.sort(Comparator.comparingLong(RecordedAction::atUs)); // stable: same-time actions keep their order
        return out;
    }

    public List<RecordedExpect> expectations() { return Collections.unmodifiableList(expectations); }

    public void add(RecordedExpect e) { expectations.add(e); }

    public void remove(RecordedExpect e) { expectations.remove(e); }

    /**
     * "Expect the VIP on this host within this time", from a VIP switch the trainer picked (e.g. on the chart):
     * anchored at the last user action before the switch, with the time it took rounded up with a margin
     * ({@link #roundUpWithMargin}). Without an action before it, anchored at the start.
     */
    public RecordedExpect expectVipOn(List<LabEvent> events, LabEvent.VipChanged vipAdded) {
        if (!vipAdded.added()) throw new IllegalArgumentException("pick the moment the VIP appeared on a host, not when it left " + vipAdded.host());
        long anchor = 0;
        for (RecordedAction a : actions(events)) {
            if (a.atUs() + startUs <= vipAdded.timeUs()) anchor = a.atUs();
        }
        long took = vipAdded.timeUs() - startUs - anchor;
        RecordedExpect e = new RecordedExpect(anchor, Expectation.VIP_ON, vipAdded.host(), null, roundUpWithMargin(took), null, null);
        expectations.add(e);
        return e;
    }

    /** "No split brain" over the whole drill. */
    public RecordedExpect expectNoSplitBrain() {
        RecordedExpect e = new RecordedExpect(null, Expectation.NO_SPLIT_BRAIN, null, null, null, null, null);
        expectations.add(e);
        return e;
    }

    /** "Client downtime under" the longest outage seen so far, rounded up with a margin (whole drill). */
    public RecordedExpect expectClientDowntimeUnder(List<LabEvent> events, long endUs) {
        long longest = new TimelineAnalysis(events, startUs, endUs).longestOutageUs();
        RecordedExpect e = new RecordedExpect(null, Expectation.CLIENT_DOWNTIME_UNDER, null, null, null, null, roundUpWithMargin(longest));
        expectations.add(e);
        return e;
    }

    /**
     * A limit that the measured time passes with room for the run-to-run spread of real hosts: a quarter more,
     * at least 200 ms more, rounded up to 100 ms (under 10 s) or to the second.
     */
    public static long roundUpWithMargin(long us) {
        long withMargin = us + Math.max(us / 4, 200_000);
        long unit = withMargin < 10_000_000 ? 100_000 : 1_000_000;
        return (withMargin + unit - 1) / unit * unit;
    }

    /**
     * The drill file's JSON: the topology as a preset plus overrides, the seed, every recorded action and
     * expectation with an explicit {@code at}, and {@code duration} up to {@code endUs} (lab time).
     */
    public String toJson(List<LabEvent> events, long endUs, String name, String description) {
        JsonObject root = new JsonObject();
        root.addProperty("name", name);
        if (description != null && !description.isBlank()) root.addProperty("description", description);
        TopologySettings.Described d = TopologySettings.describe(topology);
        String json = render(root, d, events, endUs);
        if (!describesTopology(json)) json = render(root, TopologySettings.coarse(d.preset(), topology), events, endUs);
        return json;
    }

    private String render(JsonObject head, TopologySettings.Described d, List<LabEvent> events, long endUs) {
        JsonObject root = head.deepCopy();
        root.addProperty("preset", d.preset());
        if (!d.set().isEmpty()) {
            JsonObject set = new JsonObject();
            for (Map.Entry<String, JsonElement> e : d.set().entrySet()) set.add(e.getKey(), e.getValue());
            root.add("set", set);
        }
        root.addProperty("seed", seed);
        List<RecordedAction> actions = actions(events);
        long duration = Math.max(0, endUs - startUs);
        for (RecordedAction a : actions) duration = Math.max(duration, a.atUs());
        for (RecordedExpect e : expectations) {
            if (e.atUs() != null) duration = Math.max(duration, e.atUs() + (e.withinUs() != null ? e.withinUs() : e.forUs() != null ? e.forUs() : 0));
        }
        root.addProperty("duration", Durations.format(duration));
        com.google.gson.JsonArray steps = new com.google.gson.JsonArray();
        List<Object> timed = new ArrayList<>(actions);
        List<RecordedExpect> whole = new ArrayList<>();
        for (RecordedExpect e : expectations) {
            if (e.atUs() == null) whole.add(e);
            else timed.add(e);
        }
        // actions before expectations at the same time, so that an expectation anchored at an action follows it
        timed.sort(Comparator.comparingLong(DrillRecorder::timeOf).thenComparingInt(o -> o instanceof RecordedAction ? 0 : 1));
        for (Object o : timed) steps.add(o instanceof RecordedAction a ? step(a) : step((RecordedExpect) o));
        for (RecordedExpect e : whole) steps.add(step(e));
        root.add("steps", steps);
        return GSON.toJson(root) + "\n";
    }

    private boolean describesTopology(String json) {
        try {
            Drill back = DrillParser.parse("recording", json, null);
            return TopologyJson.toJson(back.topology()).equals(TopologyJson.toJson(topology));
        } catch (DrillException e) {
            return false;
        }
    }

    /** Writes the drill file whole or not at all. */
    public void save(Path file, List<LabEvent> events, long endUs, String name, String description) throws IOException {
        AtomicFiles.writeString(file, toJson(events, endUs, name, description));
    }

    private static long timeOf(Object o) {
        return o instanceof RecordedAction a ? a.atUs() : ((RecordedExpect) o).atUs();
    }

    private static JsonObject step(RecordedAction a) {
        JsonObject s = new JsonObject();
        s.addProperty("at", Durations.format(a.atUs()));
        s.addProperty("action", a.action().verb().id());
        s.addProperty("target", a.action().target().id());
        ActionAmounts.write(s, a.action());
        return s;
    }

    private static JsonObject step(RecordedExpect e) {
        JsonObject s = new JsonObject();
        if (e.atUs() != null) s.addProperty("at", Durations.format(e.atUs()));
        s.addProperty("expect", e.kind().id());
        if (e.host() != null) s.addProperty("host", e.host());
        if (e.state() != null) s.addProperty("state", e.state().name());
        if (e.maxUs() != null) s.addProperty("max", Durations.format(e.maxUs()));
        if (e.withinUs() != null) s.addProperty("within", Durations.format(e.withinUs()));
        if (e.forUs() != null) s.addProperty("for", Durations.format(e.forUs()));
        return s;
    }
}
