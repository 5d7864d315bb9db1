package org.viplab.cli;

import org.viplab.config.ConfigImporter;
import org.viplab.config.ConfigParseException;
import org.viplab.config.ForeignImport;
import org.viplab.config.Note;
import org.viplab.core.model.TopologyJson;
import org.viplab.core.util.AtomicFiles;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code import --node db1=DIR --node db2=DIR [--foreign FILE] [--out FILE]}: real config files to a topology file. */
@Command(name = "import", sortOptions = false,
        description = "read both nodes' keepalived.conf, haproxy.cfg and check scripts into a topology file",
        footer = {"", "Exit codes: 0 imported, 2 a file cannot be read or parsed (file:line:col on standard error)."})
public final class ImportCommand extends CliCommand {
    @Option(names = "--node", paramLabel = "NAME=DIR", required = true,
            description = "a directory with keepalived.conf, optional haproxy.cfg and the check scripts (a script path such as "
                    + "/etc/keepalived/check_mysql.sh is looked up in DIR by file name); give two")
    List<String> nodes;

    @Option(names = "--foreign", paramLabel = "FILE",
            description = "the keepalived.conf of a router that is none of the nodes (another cluster on the segment, a cloned VM): "
                    + "its instances on the nodes' interface become foreign routers (a VRID clash); repeatable")
    List<Path> foreign;

    @Option(names = "--out", paramLabel = "FILE", description = "write the topology JSON here (default: standard output)")
    Path outFile;

    @Option(names = "--lang", paramLabel = "LANG", converter = LangConverter.class, completionCandidates = LangConverter.Candidates.class,
            description = "the language of notes and parse errors: en (default) or zh-CN (names, keywords and quoted values stay as they are)")
    Locale language;

    @Override
    protected int run(PrintStream out, PrintStream err) throws Exception {
        Locale lang = language == null ? Locale.ENGLISH : language;
        OutputPaths.checkFile("--out", outFile);
        ConfigImporter.Result r;
        try {
            r = ConfigImporter.importNodes(NodeDirs.parse(nodes));
            if (foreign != null) {
                List<Note> notes = new java.util.ArrayList<>(r.notes());
                for (Path f : foreign) ForeignImport.add(r.topology(), f, notes);
                r = new ConfigImporter.Result(r.topology(), r.nodes(), notes);
            }
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
        if (outFile == null) {
            out.print(json);
        } else {
            AtomicFiles.writeString(outFile, json);
            out.println("wrote " + outFile + " (" + r.topology().mode.shortName() + ", VIP " + r.topology().vip + ", nodes "
                    + String.join(", ", r.topology().nodes.stream().map(n -> n.name + " " + n.ip).toList())
                    + (r.topology().foreignRouters == null ? "" : "; foreign routers " + String.join(", ",
                            r.topology().foreignRouters.stream().map(f -> f.ip + " VRID " + f.vrid + " priority " + f.priority).toList())) + ")");
        }
        return ExitCodes.OK;
    }
}
