package org.viplab.ui.incidents;

import org.viplab.config.ConfigParseException;
import org.viplab.core.model.Topology;
import org.viplab.core.timeline.Causes;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Timeline;
import org.viplab.core.timeline.TimelineAnalysis;
import org.viplab.lab.Engine;
import org.viplab.lab.RecordedRun;
import org.viplab.replay.Finding;
import org.viplab.replay.Findings;
import org.viplab.replay.Incident;
import org.viplab.replay.IncidentConfigs;
import org.viplab.replay.IncidentException;
import org.viplab.replay.IncidentRequest;
import org.viplab.replay.InputSummary;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * The work behind File > Open incident…, without JavaFX: replays the inputs, takes the run's topology from the
 * hosts' configs when they are given (else the tutorial's preset the evidence points to, named after the hosts),
 * and hands back a read-only run of engine {@code incident}. Runs on a background thread.
 */
public final class IncidentOpening {
    /** What the dialog gathered: the replay's inputs, and host → config directory (none, or both hosts). */
    public record Inputs(IncidentRequest request, Map<String, Path> configDirs) { }

    /**
     * A replayed incident ready to be shown.
     *
     * @param configs the hosts' own configs it is shown with, or null (then {@code topology} is the tutorial's mode)
     */
    public record Opened(Incident incident, List<InputSummary> inputs, Topology topology, List<String> findings, IncidentConfigs configs) {
        public List<LabEvent> events() { return incident.events(); }

        public long endUs() { return incident.endUs(); }

        public int failovers() { return analysis().failovers().size(); }

        public int splitBrains() { return analysis().splitBrains().size(); }

        private TimelineAnalysis analysis() { return incident.analysis(); }

        /** The incident as a recorded run: its events with their inferred causes, read-only, labelled INCIDENT. */
        public RecordedRun run() {
            Timeline.Caused c = incident.timeline().caused();
            Causes causes = c.causes();
            return new RecordedRun(Engine.INCIDENT, topology, c.events(), causes, incident.endUs());
        }
    }

    /** A config directory that cannot be read: its file:line:column and what is wrong. */
    public static final class ConfigFailed extends RuntimeException {
        ConfigFailed(String message) { super(message); }
    }

    private final Supplier<Locale> locale;

    /** @param locale the language findings are worded in */
    public IncidentOpening(Supplier<Locale> locale) { this.locale = locale; }

    /**
     * @param progress told (fraction done, the file being read or null) as the replay goes
     * @throws IncidentRequest.Failed when a file cannot be read (file:line), with what the others gave
     */
    public Opened open(Inputs in, BiConsumer<Double, String> progress) throws IncidentRequest.Failed {
        IncidentRequest.Outcome o = in.request().run(progress);
        Incident i = o.incident();
        Topology t = i.presetTopology();
        IncidentConfigs configs = null;
        if (!in.configDirs().isEmpty()) {
            try {
                configs = IncidentConfigs.read(in.configDirs(), in.request().logs().keySet());
            } catch (ConfigParseException e) {
                throw new ConfigFailed(e.message(locale.get()));
            } catch (IncidentException e) {
                throw new ConfigFailed(e.getMessage());
            }
            t = configs.topology();
        }
        Locale l = locale.get();
        List<String> findings = Findings.of(i).stream().map(Finding::text).map(x -> x.render(l)).toList();
        return new Opened(i, o.inputs(), t, findings, configs);
    }
}
