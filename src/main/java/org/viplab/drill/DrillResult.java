package org.viplab.drill;

import com.google.gson.GsonBuilder;
import org.viplab.core.timeline.CauseChain;
import org.viplab.core.timeline.Causes;
import org.viplab.core.timeline.Failover;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.TimelineAnalysis;
import org.viplab.core.util.Durations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A finished drill: its verdicts, the timeline it produced and the figures drawn from it.
 *
 * @param causes     the cause of each event, by index into {@code events}
 * @param provenance where the result comes from (tool, commit, command line, drill file, machine, hosts)
 */
public record DrillResult(Drill drill, String engine, List<Verdict> verdicts, List<LabEvent> events, long endUs,
                          List<String> restoreProblems, Causes causes, Provenance provenance) {
    /** result.json's shape (docs/result-schema.md): raised when a field changes meaning or goes away. */
    public static final int SCHEMA_VERSION = 1;

    public DrillResult {
        if (causes == null) causes = Causes.none();
        if (provenance == null) provenance = Provenance.of(drill, engine);
    }

    /** A result with the provenance of a run on this machine, without command line or drill file. */
    public DrillResult(Drill drill, String engine, List<Verdict> verdicts, List<LabEvent> events, long endUs,
                       List<String> restoreProblems, Causes causes) {
        this(drill, engine, verdicts, events, endUs, restoreProblems, causes, null);
    }

    public DrillResult withProvenance(Provenance p) {
        return new DrillResult(drill, engine, verdicts, events, endUs, restoreProblems, causes, p);
    }

    /** A result whose events name no causes (a free run rebuilt from a timeline without them). */
    public DrillResult(Drill drill, String engine, List<Verdict> verdicts, List<LabEvent> events, long endUs,
                       List<String> restoreProblems) {
        this(drill, engine, verdicts, events, endUs, restoreProblems, Causes.none());
    }

    /** Why {@code f} happened: the chain from its root (the action) to the VIP on its new holder, oldest first. */
    public List<CauseChain.Link> why(Failover f) { return CauseChain.why(events, causes, f); }

    /** The causes were inferred from what real hosts showed (the simulator knows its own exactly). */
    public boolean causesInferred() { return !"sim".equals(engine); }

    /** {@link #why} as JSON links {@code {"atMs", "host", "text"}}, with each event's text from {@code text}. */
    public List<Map<String, Object>> whyLinks(Failover f, Function<LabEvent, String> text) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (CauseChain.Link l : why(f)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("atMs", Durations.ms(l.event().timeUs()));
            m.put("host", l.event().host());
            m.put("text", text.apply(l.event()));
            out.add(m);
        }
        return out;
    }

    public boolean passed() { return verdicts.stream().noneMatch(Verdict::failed); }

    /** Passed expectations that expected trouble (a trap the drill shows): their PASSED means the trouble happened. */
    public long troubleSeen() {
        return verdicts.stream().filter(v -> v.status() == Verdict.Status.PASSED && v.step() instanceof Step.ExpectStep e && e.expectsTrouble()).count();
    }

    public TimelineAnalysis analysis() { return new TimelineAnalysis(events, 0, endUs); }

    /**
     * The result as JSON: no wall-clock time and no machine path, so the same drill and seed give the same
     * bytes. Times are milliseconds from t = 0.
     */
    public String toJson() { return toJson(null); }

    /**
     * The same with each failover's {@code why} (see {@link #whyLinks}), its texts from {@code text} (the
     * report's language); without it when {@code text} is null.
     */
    public String toJson(Function<LabEvent, String> text) {
        TimelineAnalysis a = analysis();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schemaVersion", SCHEMA_VERSION);
        Map<String, Object> tool = new LinkedHashMap<>();
        tool.put("version", provenance.build().version());
        tool.put("commit", provenance.build().commit());
        root.put("tool", tool);
        root.put("provenance", provenance.toJson());
        root.put("drill", drill.name());
        root.put("engine", engine);
        if (drill.presetName() != null) root.put("preset", drill.presetName());
        root.put("topology", drill.topology().name);
        root.put("mode", drill.topology().mode.shortName());
        root.put("flavour", drill.topology().flavour.id());
        if ("sim".equals(engine)) root.put("seed", drill.seed());
        root.put("durationMs", Durations.ms(endUs));
        root.put("passed", passed());
        List<Map<String, Object>> steps = new ArrayList<>();
        for (Verdict v : verdicts) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("step", v.step().index());
            s.put("line", v.step().line());
            s.put("atMs", Durations.ms(v.step().anchorUs()));
            if (v.step() instanceof Step.ExpectStep e && e.wholeDrill()) s.put("wholeDrill", true); // atMs is then only where it was written
            if (v.status() == Verdict.Status.PASSED && v.step() instanceof Step.ExpectStep e && e.expectsTrouble()) s.put("troubleSeen", true);
            s.put("kind", v.step() instanceof Step.ActionStep ? "action" : "expect");
            s.put("text", v.step().text());
            s.put("verdict", v.status().name().toLowerCase());
            if (!v.detail().isEmpty()) s.put("detail", v.detail());
            steps.add(s);
        }
        root.put("steps", steps);
        root.put("metrics", metrics());
        List<Map<String, Object>> fo = new ArrayList<>();
        for (Failover f : a.failovers()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("from", f.from());
            m.put("to", f.to());
            m.put("cause", f.cause());
            m.put("causeMs", f.causeUs() < 0 ? null : Durations.ms(f.causeUs()));
            m.put("startMs", Durations.ms(f.startUs()));
            m.put("endMs", Durations.ms(f.endUs()));
            m.put("detectionMs", f.causeUs() < 0 ? null : Durations.ms(f.detectionUs()));
            m.put("failoverMs", f.causeUs() < 0 ? null : Durations.ms(f.failoverUs()));
            m.put("gapMs", Durations.ms(f.gapUs()));
            m.put("overlapMs", Durations.ms(f.overlapUs()));
            m.put("clientDowntimeMs", Durations.ms(f.clientDowntimeUs()));
            if (text != null) {
                m.put("why", whyLinks(f, text));
                m.put("whyInferred", causesInferred());
            }
            fo.add(m);
        }
        root.put("failovers", fo);
        if (!restoreProblems.isEmpty()) root.put("restoreProblems", restoreProblems);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create().toJson(root) + "\n";
    }

    /** result.json of a drill that could not run: the file, why, and the exit code (no steps, no metrics). */
    public static String errorJson(String file, String error, int exitCode) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schemaVersion", SCHEMA_VERSION);
        Map<String, Object> tool = new LinkedHashMap<>();
        tool.put("version", BuildInfo.current().version());
        tool.put("commit", BuildInfo.current().commit());
        root.put("tool", tool);
        root.put("drillFile", file);
        root.put("passed", false);
        root.put("error", error);
        root.put("exitCode", exitCode);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root) + "\n";
    }

    /** What the client's probes saw over the whole run. */
    public ClientFigures client() { return ClientFigures.of(events, 0, endUs); }

    /** The run's figures, as in result.json's {@code metrics}. */
    public Map<String, Object> metrics() { return metrics(analysis(), client()); }

    public static Map<String, Object> metrics(TimelineAnalysis a, ClientFigures client) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("failovers", a.failovers().size());
        m.put("vipGapMs", Durations.ms(a.longestGapUs()));
        m.put("splitBrainMs", Durations.ms(a.splitBrainUs()));
        m.put("clientDowntimeMs", Durations.ms(a.longestOutageUs()));
        m.put("outages", a.outages().size());
        m.put("probes", a.probes());
        m.put("failedProbes", a.failedProbes());
        // a fraction in [0, 1], rounded to 6 places so the same run gives the same bytes on every JVM
        m.put("clientAvailability", Math.round(client.availability() * 1e6) / 1e6);
        m.put("failedProbesByKind", client.failuresByKind());
        m.put("longestSplitBrainMs", Durations.ms(a.splitBrains().stream().mapToLong(org.viplab.core.timeline.Span::lengthUs).max().orElse(0)));
        return m;
    }
}
