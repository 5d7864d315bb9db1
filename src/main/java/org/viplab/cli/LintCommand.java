package org.viplab.cli;

import com.google.gson.GsonBuilder;
import org.viplab.config.ConfigImporter;
import org.viplab.config.ConfigParseException;
import org.viplab.config.ConfigText;
import org.viplab.config.Note;
import org.viplab.config.lint.Finding;
import org.viplab.config.lint.Lint;
import org.viplab.config.lint.LintText;
import org.viplab.config.lint.Severity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code lint --node db1=DIR --node db2=DIR [--json] [--no-simulate] [--lang zh-CN]}: what the configuration will and will not do. */
@Command(name = "lint", sortOptions = false,
        description = "check both nodes' configs for failover traps; findings are proved in the simulator",
        footer = {"", "Exit codes: 0 no error-level finding, 1 an error-level finding, 2 a file cannot be read or parsed",
            "(file:line:col on standard error)."})
public final class LintCommand extends CliCommand {
    @Option(names = "--node", paramLabel = "NAME=DIR", required = true,
            description = "a node's name and the directory with its keepalived.conf, optional haproxy.cfg and check scripts; give two")
    List<String> nodes;

    @Option(names = "--json", description = "findings as JSON on standard output")
    boolean json;

    @Option(names = "--no-simulate", description = "skip the simulator runs that prove behavioural findings")
    boolean noSimulate;

    @Option(names = "--notes", description = "also print what the parsers kept but did not model")
    boolean notes;

    @Option(names = "--lang", paramLabel = "LANG", converter = LangConverter.class, completionCandidates = LangConverter.Candidates.class,
            description = "the language of findings, notes and parse errors: en (default) or zh-CN "
                    + "(rule ids, names, keywords and quoted values stay as they are)")
    Locale language;

    @Override
    protected int run(PrintStream out, PrintStream err) throws Exception {
        Locale lang = language == null ? Locale.ENGLISH : language;
        ConfigImporter.Result r;
        try {
            r = ConfigImporter.importNodes(NodeDirs.parse(nodes));
        } catch (ConfigParseException e) {
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("parseError", e.reason(lang));
                m.put("file", e.pos().file());
                m.put("line", e.pos().line());
                m.put("column", e.pos().column());
                out.println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(m));
            }
            err.println(e.message(lang));
            return ExitCodes.BAD_INPUT;
        }
        List<Finding> fs = Lint.run(r, !noSimulate);
        if (json) {
            out.println(toJson(fs, r.notes(), lang));
        } else {
            for (Finding f : fs) out.print(f.toText(lang));
            if (notes) for (Note n : r.notes()) out.println(n.pos() + ": " + noteLabel(lang) + " " + n.message(lang));
            long e = fs.stream().filter(f -> f.severity() == Severity.ERROR).count();
            long w = fs.stream().filter(f -> f.severity() == Severity.WARNING).count();
            long i = fs.size() - e - w;
            out.println(LintText.of("lint.summary", e, w, i, r.notes().size(),
                    notes ? LintText.literal("") : LintText.of("lint.summary.notesHint")).render(lang));
        }
        return Lint.hasErrors(fs) ? ExitCodes.FAILED : ExitCodes.OK;
    }

    /** "note:" in English, translated otherwise. */
    static String noteLabel(Locale lang) { return ConfigText.of("config.label.note").render(lang); }

    static String toJson(List<Finding> fs, List<Note> notes) { return toJson(fs, notes, Locale.ENGLISH); }

    /** The findings' texts in {@code lang}; keys and rule ids stay English, so a script can match on them. */
    static String toJson(List<Finding> fs, List<Note> notes, Locale lang) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Finding f : fs) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rule", f.rule());
            m.put("severity", f.severity().id());
            m.put("node", f.node());
            m.put("file", f.pos() == null ? null : f.pos().file());
            m.put("line", f.pos() == null ? null : f.pos().line());
            m.put("column", f.pos() == null ? null : f.pos().column());
            m.put("message", f.message(lang));
            m.put("why", f.why(lang));
            m.put("fix", f.fix(lang));
            m.put("simulated", f.proof(lang));
            list.add(m);
        }
        List<Map<String, Object>> ns = new ArrayList<>();
        for (Note n : notes) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", n.pos().file());
            m.put("line", n.pos().line());
            m.put("message", n.message(lang));
            ns.add(m);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("findings", list);
        root.put("notes", ns);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root);
    }
}
