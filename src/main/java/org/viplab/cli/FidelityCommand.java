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
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code fidelity}: writes docs/fidelity.md from docs/calibration.md and the real-* sample drills run on the
 * simulator over seeds 1..N (see {@link FidelityDoc}). Run from the source tree; {@code --check} only compares.
 */
@Command(name = "fidelity", description = "write docs/fidelity.md: each simulator rule with its lab measurement, the real-* drills on the simulator over seeds;"
        + " with --runs N, first run each real-* drill N times on real hosts and record the runs")
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

    @Option(names = "--runs", paramLabel = "N", description = "run each real-* drill of the hosts' mode N times on the real hosts (1 to "
            + SweepCommand.MAX_REAL_RUNS + "), record the runs in docs/" + FidelityRuns.FILE + " and write the page from them")
    Integer runs;

    @Option(names = {"--hosts", "--inventory"}, paramLabel = "INVENTORY", description = "with --runs: the hosts' inventory (default: the one-machine lab's)")
    String hosts;

    @Override
    protected int run(PrintStream out, PrintStream err) throws Exception {
        if (!Files.isRegularFile(calibration)) throw new BadInputException("viplab fidelity: no calibration note at " + calibration);
        if (!Files.isDirectory(drills)) throw new BadInputException("viplab fidelity: no drill folder at " + drills);
        if (runs == null && hosts != null) throw new UsageException("--hosts goes with --runs N");
        if (runs != null && check) throw new UsageException("--check compares with the recorded runs; it does not take --runs");
        if (runs != null && (runs < 1 || runs > SweepCommand.MAX_REAL_RUNS)) throw new UsageException("--runs must be from 1 to " + SweepCommand.MAX_REAL_RUNS);
        Path recorded = calibration.resolveSibling(FidelityRuns.FILE);
        if (runs != null) {
            int rc = runOnHosts(recorded, out, err);
            if (rc != ExitCodes.OK) return rc;
        }
        String text = text(calibration, drills, recorded);
        if (check) {
            boolean same = Files.isRegularFile(outFile) && Files.readString(outFile, StandardCharsets.UTF_8).equals(text);
            out.println(same ? outFile + " is up to date" : outFile + " is stale: run viplab fidelity");
            return same ? ExitCodes.OK : ExitCodes.FAILED;
        }
        org.viplab.core.util.AtomicFiles.writeString(outFile, text);
        out.println("wrote " + outFile);
        return ExitCodes.OK;
    }

    /** What the command writes for these inputs, with the real runs recorded beside the calibration note. */
    static String text(Path calibration, Path drillDir) throws IOException, DrillException, InterruptedException {
        return text(calibration, drillDir, calibration.resolveSibling(FidelityRuns.FILE));
    }

    /**
     * Each real-* drill whose preset the hosts run, {@link #runs} times on the hosts over one connection (the shared
     * piece of sweep --engine ssh); the finished drills' runs replace what {@code recorded} held for them, the
     * other drills' records stay (a mode 1 lab and a mode 2 lab each add theirs). Ctrl-C stops the run in progress,
     * restores the hosts and records nothing.
     */
    private int runOnHosts(Path recorded, PrintStream out, PrintStream err) throws Exception {
        FidelityRuns record = FidelityRuns.read(recorded); // a broken record stops us before the hosts are touched
        List<Path> files = realDrills(drills);
        List<Drill> parsed = new ArrayList<>();
        for (Path f : files) parsed.add(DrillParser.parseFile(f));
        Path invPath = hosts != null ? Path.of(hosts) : org.viplab.cli.lab.LabScripts.defaultStateDir().resolve("inventory.json");
        String preset;
        try {
            preset = org.viplab.lab.hosts.Inventory.read(invPath).preset;
        } catch (java.nio.file.NoSuchFileException e) {
            throw new BadInputException("no inventory at " + invPath + ": give --hosts FILE, or start the one-machine lab with `lab up --mode 1|2`");
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
        List<Integer> mine = new ArrayList<>();
        for (int i = 0; i < parsed.size(); i++) {
            Drill d = parsed.get(i);
            if (d.presetName() == null || d.presetName().equals(preset)) mine.add(i);
            else out.println("skipped " + files.get(i).getFileName() + ": written for " + d.presetName() + ", the hosts run " + preset);
        }
        if (mine.isEmpty()) throw new BadInputException("no real-* drill in " + drills + " is written for " + preset + ", which the hosts run");
        SshDrill.Opened opened = SshDrill.open(parsed.get(mine.get(0)), hosts, out, err);
        if (opened.failure() != null) return opened.failure().exitCode();
        Map<String, FidelityRuns.Drill> done = new java.util.LinkedHashMap<>();
        try (org.viplab.drill.RealHosts.Session session = opened.session();
             CancelOnInterrupt hook = new CancelOnInterrupt(session::cancel)) {
            String versions = versions(session.versions());
            for (int i : mine) {
                Drill onHosts = session.onHosts(parsed.get(i));
                String name = files.get(i).getFileName().toString();
                String load = FidelityRuns.loadAverage();
                RealRuns.Outcome o = RealRuns.repeat(session, onHosts, runs, name, out, System::nanoTime);
                if (o.cancelled()) {
                    err.println("cancelled during " + name + ": the run in progress was stopped and the hosts restored; nothing recorded");
                    return ExitCodes.FAILED;
                }
                if (o.exitCode() != null) {
                    err.println(name + ": " + o.error() + "; nothing recorded");
                    return o.exitCode();
                }
                FidelityRuns.Drill d = new FidelityRuns.Drill();
                d.date = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
                d.hosts = versions;
                d.runsAsked = runs;
                d.seconds = Math.round(o.seconds());
                d.load = load;
                for (DrillResult r : o.results()) d.runs.add(FidelityRuns.Run.of(r));
                done.put(name, d);
            }
        }
        record.drills.putAll(done);
        record.write(recorded);
        out.println("recorded " + done.size() + " drills' runs in " + recorded);
        return ExitCodes.OK;
    }

    /**
     * "keepalived 2.2.7, haproxy 2.6.12, mariadb 10.11.19" from what the first host reports (the lab's hosts are
     * alike): the first version number of each line, which is all a table row needs (reports keep the whole lines).
     */
    static String versions(Map<String, Map<String, String>> byHost) {
        if (byHost.isEmpty()) return "no versions";
        Map<String, String> v = byHost.values().iterator().next();
        List<String> parts = new ArrayList<>();
        for (String k : List.of("keepalived", "haproxy", "mariadb")) {
            java.util.regex.Matcher m = VERSION.matcher(v.getOrDefault(k, ""));
            parts.add(k + " " + (m.find() ? m.group() : "unknown"));
        }
        return String.join(", ", parts);
    }

    private static final java.util.regex.Pattern VERSION = java.util.regex.Pattern.compile("\\d+\\.\\d+(\\.\\d+)?");

    private static List<Path> realDrills(Path drillDir) throws IOException {
        try (Stream<Path> s = Files.list(drillDir)) {
            return s.filter(p -> p.getFileName().toString().matches("real-.*\\.json")).sorted().toList();
        }
    }

    /** What the command writes for these inputs and these recorded real runs (none when the file is absent). */
    static String text(Path calibration, Path drillDir, Path recorded) throws IOException, DrillException, InterruptedException {
        List<FidelityDoc.DrillRuns> runs = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(drillDir)) {
            files = s.filter(p -> p.getFileName().toString().matches("real-.*\\.json")).sorted().toList();
        }
        FidelityRuns real = FidelityRuns.read(recorded);
        for (Path f : files) {
            Drill d = DrillParser.parseFile(f);
            List<DrillResult> results = new ArrayList<>();
            for (long seed = 1; seed <= SEEDS; seed++) results.add(DrillCommand.runDrill(d, seed));
            String name = f.getFileName().toString();
            runs.add(new FidelityDoc.DrillRuns(name, d, results, atRealTimes(d, real.drills.get(name))));
        }
        return FidelityDoc.generate(Files.readString(calibration, StandardCharsets.UTF_8), runs, SEEDS, real);
    }

    /**
     * The drill over seeds 1-{@link #SEEDS} at the recorded real runs' action times, seed k at run k's (cycling), or
     * none when a recorded run lacks them (records from before they were kept) or they do not fit the drill's actions.
     */
    private static List<DrillResult> atRealTimes(Drill d, FidelityRuns.Drill recorded) throws InterruptedException {
        if (recorded == null || recorded.runs.isEmpty()) return List.of();
        List<long[]> times = new ArrayList<>();
        for (FidelityRuns.Run r : recorded.runs) {
            long[] us = r.actionsUs();
            if (us == null) return List.of();
            times.add(us);
        }
        List<DrillResult> results = new ArrayList<>();
        try {
            for (long seed = 1; seed <= SEEDS; seed++) results.add(DrillCommand.runDrill(d.atActionTimes(times.get((int) ((seed - 1) % times.size()))), seed));
        } catch (IllegalArgumentException e) {
            return List.of(); // recorded for an earlier version of the drill, with other actions
        }
        return results;
    }
}
