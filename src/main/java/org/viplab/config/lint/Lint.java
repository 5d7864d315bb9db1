package org.viplab.config.lint;

import org.viplab.config.ConfigImporter;
import org.viplab.config.ConfigParseException;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The lint entry point: every rule over both nodes' files, with findings about behaviour proved by running
 * the matching fault in the simulator. A plain API for the CLI and the app.
 */
public final class Lint {
    private Lint() { }

    /** The imported topology (with the parsers' notes) and the findings, for a caller that shows all three. */
    public record Report(ConfigImporter.Result imported, List<Finding> findings) {
        public boolean hasErrors() { return Lint.hasErrors(findings); }
    }

    /** Imports and lints in one call; the app's "Import configs…" can run the topology and list the findings. */
    public static Report report(Map<String, Path> nodeDirs) throws ConfigParseException {
        ConfigImporter.Result r = ConfigImporter.importNodes(nodeDirs);
        return new Report(r, run(r, true));
    }

    /** Parses, imports and lints the node directories (name to directory, in node order). */
    public static List<Finding> run(Map<String, Path> nodeDirs) throws ConfigParseException {
        return run(ConfigImporter.importNodes(nodeDirs), true);
    }

    /** Lints an import; {@code prove} runs the simulations (milliseconds each). */
    public static List<Finding> run(ConfigImporter.Result imported, boolean prove) {
        LintContext c = new LintContext(imported, prove);
        PriorityRules.check(c);
        PairRules.check(c);
        ScriptRules.check(c);
        HaproxyRules.check(c);
        BudgetRules.check(c);
        InstanceRules.check(c);
        NotifyRules.check(c);
        return c.findings.stream()
                .sorted(Comparator.comparing(Finding::severity)
                        .thenComparing(f -> f.pos() == null ? "" : f.pos().file())
                        .thenComparingInt(f -> f.pos() == null ? 0 : f.pos().line()))
                .toList();
    }

    public static boolean hasErrors(List<Finding> findings) {
        return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }
}
