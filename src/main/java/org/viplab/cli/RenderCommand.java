package org.viplab.cli;

import org.viplab.config.ConfigRenderer;
import org.viplab.core.model.Topology;
import org.viplab.core.model.TopologyJson;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code render topology.json --out DIR}: each node's keepalived.conf, check scripts and haproxy.cfg. */
public final class RenderCommand implements Command {
    @Override
    public String name() { return "render"; }

    @Override
    public String summary() { return "write each node's keepalived.conf, check scripts and haproxy.cfg from a topology file"; }

    @Override
    public String usage() {
        return "Usage: viplab render TOPOLOGY.json --out DIR\n"
                + "  writes DIR/NODE/keepalived.conf, the check scripts and, in mode 2, haproxy.cfg for every node\n";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Args a = Args.parse(args, Set.of("out"), Set.of());
        if (a.positionals().size() != 1) throw new UsageException("name one topology file");
        if (a.get("out") == null) throw new UsageException("--out DIR is required");
        Path file = Path.of(a.positionals().get(0));
        Topology t;
        try {
            t = TopologyJson.read(file);
        } catch (Exception e) {
            err.println(file + ": not a topology file: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        List<String> problems = TopologyJson.problems(t);
        if (!problems.isEmpty()) {
            err.println(file + ": " + String.join("; ", problems));
            return ExitCodes.BAD_INPUT;
        }
        Map<String, Path> dirs = ConfigRenderer.write(t, Path.of(a.get("out")));
        for (Map.Entry<String, Path> e : dirs.entrySet()) {
            try (var s = Files.list(e.getValue())) {
                out.println(e.getKey() + ": " + String.join(", ", s.map(p -> p.getFileName().toString()).sorted().toList()) + " in " + e.getValue());
            }
        }
        return ExitCodes.OK;
    }
}
