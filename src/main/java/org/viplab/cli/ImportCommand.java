package org.viplab.cli;

import org.viplab.config.ConfigImporter;
import org.viplab.config.ConfigParseException;
import org.viplab.config.Note;
import org.viplab.core.model.TopologyJson;
import org.viplab.report.ReportOptions;
import org.viplab.core.util.AtomicFiles;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code import --node db1=DIR --node db2=DIR [--out FILE]}: real config files to a topology file. */
public final class ImportCommand implements Command {
    @Override
    public String name() { return "import"; }

    @Override
    public String summary() { return "read both nodes' keepalived.conf, haproxy.cfg and check scripts into a topology file"; }

    @Override
    public String usage() {
        return "Usage: viplab import --node db1=DIR1 --node db2=DIR2 [--out topology.json] [--lang en|zh-CN]\n"
                + "  --node  NAME=DIR: a directory with keepalived.conf, optional haproxy.cfg and the check scripts\n"
                + "          (a script path such as /etc/keepalived/check_mysql.sh is looked up in DIR by file name)\n"
                + "  --out   write the topology JSON here (default: standard output)\n"
                + "  --lang  the language of notes and parse errors: en (default) or zh-CN\n"
                + "          (names, keywords and quoted values stay as they are)\n"
                + "Exit codes: 0 imported, 2 a file cannot be read or parsed (file:line:col on standard error).\n";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Args a = Args.parse(args, Set.of("node", "out", "lang"), Set.of());
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
            err.println(e.message(lang));
            return ExitCodes.BAD_INPUT;
        }
        for (Note n : r.notes()) err.println(LintCommand.noteLabel(lang) + " " + n.toString(lang));
        List<String> problems = TopologyJson.problems(r.topology());
        if (!problems.isEmpty()) {
            err.println("viplab import: the imported topology cannot be simulated: " + String.join("; ", problems));
            return ExitCodes.BAD_INPUT;
        }
        String json = TopologyJson.toJson(r.topology());
        if (a.get("out") == null) {
            out.print(json);
        } else {
            AtomicFiles.writeString(Path.of(a.get("out")), json);
            out.println("wrote " + a.get("out") + " (" + r.topology().mode.shortName() + ", VIP " + r.topology().vip + ", nodes "
                    + String.join(", ", r.topology().nodes.stream().map(n -> n.name + " " + n.ip).toList()) + ")");
        }
        return ExitCodes.OK;
    }
}
