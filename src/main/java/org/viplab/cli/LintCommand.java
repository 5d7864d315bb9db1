package org.viplab.cli;

import com.google.gson.GsonBuilder;
import org.viplab.config.ConfigImporter;
import org.viplab.config.ConfigParseException;
import org.viplab.config.Note;
import org.viplab.config.lint.Finding;
import org.viplab.config.lint.Lint;
import org.viplab.config.lint.Severity;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code lint --node db1=DIR --node db2=DIR [--json] [--no-simulate]}: what the configuration will and will not do. */
public final class LintCommand implements Command {
    @Override
    public String name() { return "lint"; }

    @Override
    public String summary() { return "check both nodes' configs for failover traps; findings are proved in the simulator"; }

    @Override
    public String usage() {
        return "Usage: viplab lint --node db1=DIR1 --node db2=DIR2 [--json] [--no-simulate] [--notes]\n"
                + "  --json         findings as JSON on standard output\n"
                + "  --no-simulate  skip the simulator runs that prove behavioural findings\n"
                + "  --notes        also print what the parsers kept but did not model\n"
                + "Exit codes: 0 no error-level finding, 1 an error-level finding, 2 a file cannot be read or parsed\n"
                + "(file:line:col on standard error).\n";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Args a = Args.parse(args, Set.of("node"), Set.of("json", "no-simulate", "notes"));
        if (!a.positionals().isEmpty()) throw new UsageException("unexpected argument " + a.positionals().get(0));
        ConfigImporter.Result r;
        try {
            r = ConfigImporter.importNodes(NodeDirs.parse(a.all("node")));
        } catch (ConfigParseException e) {
            if (a.flag("json")) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("parseError", e.reason());
                m.put("file", e.pos().file());
                m.put("line", e.pos().line());
                m.put("column", e.pos().column());
                out.println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(m));
            }
            err.println(e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        List<Finding> fs = Lint.run(r, !a.flag("no-simulate"));
        if (a.flag("json")) {
            out.println(toJson(fs, r.notes()));
        } else {
            for (Finding f : fs) out.print(f.toText());
            if (a.flag("notes")) for (Note n : r.notes()) out.println(n.pos() + ": note: " + n.message());
            long e = fs.stream().filter(f -> f.severity() == Severity.ERROR).count();
            long w = fs.stream().filter(f -> f.severity() == Severity.WARNING).count();
            long i = fs.size() - e - w;
            out.println(e + " error(s), " + w + " warning(s), " + i + " info; " + r.notes().size() + " note(s)"
                    + (a.flag("notes") ? "" : " (--notes to show)"));
        }
        return Lint.hasErrors(fs) ? ExitCodes.FAILED : ExitCodes.OK;
    }

    static String toJson(List<Finding> fs, List<Note> notes) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Finding f : fs) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rule", f.rule());
            m.put("severity", f.severity().id());
            m.put("node", f.node());
            m.put("file", f.pos() == null ? null : f.pos().file());
            m.put("line", f.pos() == null ? null : f.pos().line());
            m.put("column", f.pos() == null ? null : f.pos().column());
            m.put("message", f.message());
            m.put("why", f.why());
            m.put("fix", f.fix());
            m.put("simulated", f.proof());
            list.add(m);
        }
        List<Map<String, Object>> ns = new ArrayList<>();
        for (Note n : notes) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", n.pos().file());
            m.put("line", n.pos().line());
            m.put("message", n.message());
            ns.add(m);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("findings", list);
        root.put("notes", ns);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root);
    }
}
