package org.viplab.cli;

import org.viplab.core.model.Presets;
import org.viplab.core.model.Topology;
import org.viplab.core.model.TopologyFiles;
import org.viplab.drill.Drill;
import org.viplab.drill.DrillException;
import org.viplab.drill.DrillParser;
import org.viplab.drill.DrillResult;
import org.viplab.replay.DrillEmitter;
import org.viplab.replay.Incident;
import org.viplab.report.Comparison;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * {@code replay --config db1=DIR --config db2=DIR --what-if PRESET|TOPOLOGY}: the incident's emitted drill run on
 * the simulator under the hosts' own configs (imported) and under an alternative, beside the incident itself, as
 * {@link Comparison} lays out {@code drill --engine both}. Lives in cli because it runs the simulator, which
 * {@code replay} must not know.
 */
final class WhatIf {
    /** The imported configs and the alternative, read and checked before anything runs. */
    record Plan(Topology configured, Topology alternative, String alternativeName) { }

    private WhatIf() { }

    /** @param configured the hosts' configs as {@code --config} imported them (checked for the simulator) */
    static Plan plan(Topology configured, String whatIf) {
        Topology alternative = Presets.byName(whatIf);
        String name = whatIf;
        if (alternative == null) {
            Path file = Path.of(whatIf);
            try {
                alternative = TopologyFiles.read(file);
            } catch (NoSuchFileException e) {
                throw new UsageException("--what-if " + whatIf + ": neither a preset (" + String.join(", ", Presets.names()) + ") nor a topology file");
            } catch (IOException | RuntimeException e) {
                throw new BadInputException("--what-if " + whatIf + ": " + e.getMessage());
            }
            name = file.getFileName().toString();
        }
        return new Plan(configured, alternative, name);
    }

    /** The three runs, in the order of the page: the incident, the drill as configured, the drill with the alternative. */
    static Comparison.Spec run(Plan plan, Incident incident, DrillResult incidentResult, List<String> findings) throws InterruptedException {
        Drill drill;
        try {
            drill = DrillParser.parse("the incident's drill", DrillEmitter.drill(incident), null);
        } catch (DrillException e) {
            throw new BadInputException("the incident cannot be run as a drill: " + e.getMessage());
        }
        sameHosts("--config", incident, plan.configured());
        sameHosts("--what-if " + plan.alternativeName(), incident, plan.alternative());
        DrillResult configured = DrillCommand.runDrill(drill.on(plan.configured()), null);
        DrillResult alternative = DrillCommand.runDrill(drill.on(plan.alternative()), null);
        List<Comparison.Side> sides = new ArrayList<>();
        sides.add(new Comparison.Side("incident", "incident", "incident", incidentResult, findings));
        sides.add(new Comparison.Side("configured", "configured", "configured", configured, List.of()));
        sides.add(new Comparison.Side("what-if", "whatIf", "whatIf", alternative, List.of()));
        // the difference the question asks about: what the alternative changes against the hosts' own configs
        return new Comparison.Spec(sides, 2, 1, "whatIfDiff", "comparison.title.whatIf", plan.alternativeName(),
                "report.result.incident", "incident", 0);
    }

    /** The drill's faults name the incident's hosts; a config of other names would act on no one. */
    private static void sameHosts(String option, Incident incident, Topology t) {
        TreeSet<String> nodes = new TreeSet<>(t.nodes.stream().map(n -> n.name).toList());
        TreeSet<String> hosts = new TreeSet<>(incident.hosts());
        if (!nodes.containsAll(hosts)) {
            throw new UsageException(option + ": its nodes are " + String.join(", ", nodes) + ", the incident's hosts " + String.join(", ", hosts)
                    + "; name them alike");
        }
    }
}
