package org.viplab.cli;

import org.viplab.core.model.Presets;
import org.viplab.core.model.Topology;
import org.viplab.core.model.TopologyJson;
import org.viplab.core.util.AtomicFiles;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** {@code preset NAME --out FILE}: writes a preset as a topology file to start from. */
public final class PresetCommand implements Command {
    @Override
    public String name() { return "preset"; }

    @Override
    public String summary() { return "write a preset (" + String.join(", ", Presets.names()) + ") as a topology file"; }

    @Override
    public String usage() {
        return "Usage: viplab preset NAME [--out FILE]\n"
                + "  NAME   one of " + String.join(", ", Presets.names()) + "\n"
                + "  --out  write the topology JSON here (default: standard output)\n";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Args a = Args.parse(args, Set.of("out"), Set.of());
        if (a.positionals().size() != 1) throw new UsageException("name one preset");
        String name = a.positionals().get(0);
        Topology t = Presets.byName(name);
        if (t == null) throw new UsageException("unknown preset '" + name + "'");
        String json = TopologyJson.toJson(t);
        if (a.get("out") == null) {
            out.print(json);
        } else {
            AtomicFiles.writeString(Path.of(a.get("out")), json);
            out.println("wrote " + a.get("out"));
        }
        return ExitCodes.OK;
    }
}
