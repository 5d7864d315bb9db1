package org.viplab.replay;

import org.viplab.core.model.Presets;
import org.viplab.core.model.Topology;
import org.viplab.core.model.TopologyJson;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Timeline;
import org.viplab.core.timeline.TimelineAnalysis;
import org.viplab.drill.Drill;
import org.viplab.drill.DrillResult;

import java.util.List;
import java.util.Map;

/**
 * A real incident rebuilt from its logs and captures: its events on one clock (microseconds from
 * {@code startEpochUs}), with causes inferred by {@link org.viplab.core.timeline.CauseInference}, each host's
 * clock offset, what each file contributed, and the findings the evidence proves.
 *
 * @param startEpochUs wall-clock time of t = 0 (the first evidence, on the capture's clock when there is one)
 * @param contributed  file → kind of line → count
 * @param mysqlDaemons host → the name its MariaDB log gives the server ("mariadbd", "mysqld")
 * @param wireGarps    every gratuitous ARP for the VIP seen on the wire (lab time), attributed or not
 * @param captureEndUs the last frame of the capture (lab time), or -1 without one: the evidence of an absence ends there
 */
public record Incident(Timeline timeline, long startEpochUs, long endUs, List<String> hosts, String vip,
                       Map<String, ClockOffset> offsets, Map<String, Map<String, Integer>> contributed,
                       Map<String, String> mysqlDaemons, List<LabEvent.GarpSent> wireGarps, long captureEndUs,
                       List<LabEvent.AdvertSent> wireAdverts) {
    /** What a replayed incident is called where runs name their engine (result.json, reports). */
    public static final String ENGINE = "incident";

    public List<LabEvent> events() { return timeline.snapshot(); }

    public TimelineAnalysis analysis() { return new TimelineAnalysis(events(), 0, endUs); }

    public boolean hasCapture() { return captureEndUs >= 0; }

    /** haproxy's lines were among the evidence: the tutorial's mode 2 (keepalived tracks haproxy). */
    public boolean haproxyMode() {
        return events().stream().anyMatch(e -> e instanceof LabEvent.ServerCheck
                || e instanceof LabEvent.LogLine l && l.source().equals("haproxy"));
    }

    /** The incident as a drill result: no steps, engine "incident", the causes as inferred, on {@link #presetTopology()}. */
    public DrillResult result(String name) { return result(name, presetTopology()); }

    /**
     * The incident as a drill result on {@code topology}: the hosts' own configs when they were given (so the
     * report's settings and files are theirs), else {@link #presetTopology()}.
     */
    public DrillResult result(String name, Topology topology) {
        Drill drill = new Drill(null, name, null, null, topology, 0, endUs, List.of(), List.of(), List.of());
        Timeline.Caused c = timeline.caused();
        return new DrillResult(drill, ENGINE, List.of(), c.events(), endUs, List.of(), c.causes());
    }

    /** Without the hosts' configs: the tutorial's mode the evidence points to, named after the hosts, with the VIP seen. */
    public Topology presetTopology() {
        Topology t = TopologyJson.copy(Presets.byName(haproxyMode() ? "mode2" : "mode1"));
        t.name = "incident";
        t.description = null; // the preset's words describe its config, which the logs do not show
        if (vip != null) t.vip = vip;
        for (int i = 0; i < Math.min(hosts.size(), t.nodes.size()); i++) t.nodes.get(i).name = hosts.get(i);
        return t;
    }
}
