package org.viplab.cli;

import org.viplab.drill.Drill;
import org.viplab.drill.DrillException;
import org.viplab.drill.DrillParser;
import org.viplab.drill.DrillResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code fidelity}: writes docs/fidelity.md from docs/calibration.md and the real-* sample drills run on the
 * simulator over seeds 1..N (see {@link FidelityDoc}). Run from the source tree; {@code --check} only compares.
 */
@Command(name = "fidelity", description = "write docs/fidelity.md: each simulator rule with its lab measurement, the real-* drills on the simulator over seeds")
public final class FidelityCommand extends CliCommand {
    static final int SEEDS = 60;

    @Option(names = "--calibration", paramLabel = "FILE", defaultValue = "docs/calibration.md", description = "the lab's measurements (default ${DEFAULT-VALUE})")
    Path calibration;

    @Option(names = "--drills", paramLabel = "DIR", defaultValue = "samples/drills", description = "where the real-*.json drills are (default ${DEFAULT-VALUE})")
    Path drills;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "docs/fidelity.md", description = "the file to write (default ${DEFAULT-VALUE})")
    Path outFile;

    @Option(names = "--check", description = "write nothing; exit 1 when FILE differs from what would be written")
    boolean check;

    @Override
    protected int run(PrintStream out, PrintStream err) throws Exception {
        if (!Files.isRegularFile(calibration)) throw new BadInputException("viplab fidelity: no calibration note at " + calibration);
        if (!Files.isDirectory(drills)) throw new BadInputException("viplab fidelity: no drill folder at " + drills);
        String text = text(calibration, drills);
        if (check) {
            boolean same = Files.isRegularFile(outFile) && Files.readString(outFile, StandardCharsets.UTF_8).equals(text);
            out.println(same ? outFile + " is up to date" : outFile + " is stale: run viplab fidelity");
            return same ? ExitCodes.OK : ExitCodes.FAILED;
        }
        org.viplab.core.util.AtomicFiles.writeString(outFile, text);
        out.println("wrote " + outFile);
        return ExitCodes.OK;
    }

    /** What the command writes for these inputs. */
    static String text(Path calibration, Path drillDir) throws IOException, DrillException, InterruptedException {
        List<FidelityDoc.DrillRuns> runs = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(drillDir)) {
            files = s.filter(p -> p.getFileName().toString().matches("real-.*\\.json")).sorted().toList();
        }
        for (Path f : files) {
            Drill d = DrillParser.parseFile(f);
            List<DrillResult> results = new ArrayList<>();
            for (long seed = 1; seed <= SEEDS; seed++) results.add(DrillCommand.runDrill(d, seed));
            runs.add(new FidelityDoc.DrillRuns(f.getFileName().toString(), d, results));
        }
        return FidelityDoc.generate(Files.readString(calibration, StandardCharsets.UTF_8), runs, SEEDS);
    }
}
