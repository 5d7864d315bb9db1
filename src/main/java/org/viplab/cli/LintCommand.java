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
import org.viplab.report.ReportOptions;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** {@code lint --node db1=DIR --node db2=DIR [--json] [--no-simulate] [--lang zh-CN]}: what the configuration will and will not do. */
public final class LintCommand implements Command {
    @Override
    public String name() { return "lint"; }

    @Override
    public String summary() { return "check both nodes' configs for failover traps; findings are proved in the simulator"; }

    @Override
    public String usage() {
        return "Usage: viplab lint --node db1=DIR1 --node db2=DIR2 [--json] [--no-simulate] [--notes] [--lang en|zh-CN]\n"
                + "  --json         findings as JSON on standard output\n"
                + "  --no-simulate  skip the simulator runs that prove behavioural findings\n"
                + "  --notes        also print what the parsers kept but did not model\n"
                + "  --lang         the language of findings, notes and parse errors: en (default) or zh-CN\n"
                + "                 (rule ids, names, keywords and quoted values stay as they are)\n"
                + "Exit codes: 0 no error-level finding, 1 an error-level finding, 2 a file cannot be read or parsed\n"
                + "(file:line:col on standard error).\n";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Args a = Args.parse(args, Set.of("node", "lang"), Set.of("json", "no-simulate", "notes"));
        if (!a.positionals().isEmpty()) throw new UsageException("unexpected argument " + a.positionals().get(0));
        Locale lang;
        try {
            lang = ReportOptions.parseLang(a.get("lang"));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        ConfigImporter.Result r;
        try {
            r = ConfigImporter.importNodes(NodeDirs.parse(a.all("node")));
        } catch (ConfigParseException e) {
            if (a.flag("json")) {
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
        List<Finding> fs = Lint.run(r, !a.flag("no-simulate"));
        if (a.flag("json")) {
            out.println(toJson(fs, r.notes(), lang));
        } else {
            for (Finding f : fs) out.print(f.toText(lang));
            if (a.flag("notes")) for (Note n : r.notes()) out.println(n.pos() + ": " + noteLabel(lang) + " " + n.message(lang));
            long e = fs.stream().filter(f -> f.severity() == Severity.ERROR).count();
            long w = fs.stream().filter(f -> f.severity() == Severity.WARNING).count();
            long i = fs.size() - e - w;
            out.println(LintText.of("lint.summary", e, w, i, r.notes().size(),
                    a.flag("notes") ? LintText.literal("") : LintText.of("lint.summary.notesHint")).render(lang));
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
