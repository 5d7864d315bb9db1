package org.viplab.cli;

import org.viplab.config.ConfigRenderer;
import org.viplab.core.model.Topology;
import org.viplab.core.model.TopologyFiles;
import org.viplab.core.model.TopologyJson;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code render topology.json --out DIR}: each node's keepalived.conf, check scripts and haproxy.cfg. */
@Command(name = "render", description = "write each node's keepalived.conf, check scripts and haproxy.cfg from a topology file",
        footer = {"", "Writes DIR/NODE/keepalived.conf, the check scripts and, in mode 2, haproxy.cfg for every node."})
public final class RenderCommand extends CliCommand {
    @Parameters(paramLabel = "TOPOLOGY.json", description = "a topology file (see `viplab preset`)")
    Path file;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "the directory to write into")
    Path outDir;

    @Override
    protected int run(PrintStream out, PrintStream err) throws Exception {
        if (Files.exists(outDir) && !Files.isDirectory(outDir)) throw new BadInputException("--out " + outDir + ": is not a directory; --out takes a directory");
        Topology t;
        try {
            t = TopologyFiles.read(file);
        } catch (java.nio.file.NoSuchFileException e) {
            err.println(file + ": no such file");
            return ExitCodes.BAD_INPUT;
        } catch (TopologyFiles.TopologyFileException e) {
            err.println(e.getMessage());
            return ExitCodes.BAD_INPUT;
        } catch (java.io.IOException e) {
            err.println(file + ": cannot read: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        List<String> problems = TopologyJson.problems(t);
        if (!problems.isEmpty()) {
            err.println(file + ": " + String.join("; ", problems));
            return ExitCodes.BAD_INPUT;
        }
        Map<String, Path> dirs = ConfigRenderer.write(t, outDir);
        for (Map.Entry<String, Path> e : dirs.entrySet()) {
            try (var s = Files.list(e.getValue())) {
                out.println(e.getKey() + ": " + String.join(", ", s.map(p -> p.getFileName().toString()).sorted().toList()) + " in " + e.getValue());
            }
        }
        return ExitCodes.OK;
    }
}
