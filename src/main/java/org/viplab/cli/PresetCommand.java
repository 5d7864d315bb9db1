package org.viplab.cli;

import org.viplab.core.model.Presets;
import org.viplab.core.model.Topology;
import org.viplab.core.model.TopologyJson;
import org.viplab.core.util.AtomicFiles;

import java.io.PrintStream;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code preset NAME --out FILE}: writes a preset as a topology file to start from. */
@Command(name = "preset", description = "write a preset (mode1, mode2, ...) as a topology file")
public final class PresetCommand extends CliCommand {
    @Parameters(paramLabel = "NAME", completionCandidates = Names.class, description = "one of ${COMPLETION-CANDIDATES}")
    String name;

    @Option(names = "--out", paramLabel = "FILE", description = "write the topology JSON here (default: standard output)")
    Path outFile;

    /** The presets' names, for the help and the shell. */
    static final class Names implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() { return Presets.names().iterator(); }
    }

    @Override
    protected int run(PrintStream out, PrintStream err) throws Exception {
        OutputPaths.checkFile("--out", outFile);
        Topology t = Presets.byName(name);
        if (t == null) throw new UsageException("unknown preset '" + name + "'");
        String json = TopologyJson.toJson(t);
        if (outFile == null) {
            out.print(json);
        } else {
            AtomicFiles.writeString(outFile, json);
            out.println("wrote " + outFile);
        }
        return ExitCodes.OK;
    }
}
