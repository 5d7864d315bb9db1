package org.viplab.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import org.viplab.core.util.AtomicFiles;
import org.viplab.drill.DrillResult;
import org.viplab.sweep.Metric;
import org.viplab.sweep.RunFigures;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The real-* drills' runs on real hosts as {@code fidelity --runs N} recorded them (docs/fidelity-runs.json, beside
 * the calibration note): a few figures per run, so docs/fidelity.md is regenerated from them byte for byte without a
 * lab, and a run on a mode 2 lab adds to what a mode 1 lab recorded instead of replacing it.
 */
final class FidelityRuns {
    static final String FILE = "fidelity-runs.json";
    static final int SCHEMA_VERSION = 1;

    /** One real run: the drill's verdict, its whole-run figures and its first failover's (null without a failover). */
    static final class Run {
        boolean passed;
        int failovers;
        int failedProbes;
        int probes;
        double clientDowntimeMs;
        double splitBrainMs;
        Double detectionMs;
        Double gapMs;
        Double failoverMs;
        /**
         * When each of the drill's actions really began, ms from t = 0, in step order (the first host's start when
         * an action runs on two); null in records from before they were kept. The simulator's side of the comparison
         * replays these times (Drill.atActionTimes).
         */
        List<Double> actionsMs;

        static Run of(DrillResult r) {
            Run x = new Run();
            Map<String, Object> m = r.metrics();
            x.passed = r.passed();
            x.failovers = ((Number) m.get("failovers")).intValue();
            x.failedProbes = ((Number) m.get("failedProbes")).intValue();
            x.probes = ((Number) m.get("probes")).intValue();
            x.clientDowntimeMs = ((Number) m.get("clientDowntimeMs")).doubleValue();
            x.splitBrainMs = ((Number) m.get("splitBrainMs")).doubleValue();
            // the first failover's figures exactly as a sweep takes them (RunFigures: the drill's own analysis)
            RunFigures f = RunFigures.of(0, 0, r);
            x.detectionMs = ms(f, Metric.DETECTION);
            x.gapMs = ms(f, Metric.GAP);
            x.failoverMs = ms(f, Metric.FAILOVER);
            x.actionsMs = actionTimes(r);
            return x;
        }

        /** The drill's own actions as they began (ActionApplied by the drill), or null when they do not match its steps. */
        static List<Double> actionTimes(DrillResult r) {
            long steps = r.drill().steps().stream().filter(org.viplab.drill.Step.ActionStep.class::isInstance).count();
            List<Double> at = new ArrayList<>();
            for (org.viplab.core.timeline.LabEvent e : r.events()) {
                if (e instanceof org.viplab.core.timeline.LabEvent.ActionApplied a && a.by() == org.viplab.core.timeline.Actor.DRILL) {
                    at.add(Math.round(a.timeUs() / 100.0) / 10.0);
                }
            }
            return at.size() == steps ? at : null;
        }

        /** {@link #actionsMs} in µs, or null. */
        long[] actionsUs() {
            if (actionsMs == null) return null;
            long[] us = new long[actionsMs.size()];
            for (int i = 0; i < us.length; i++) us[i] = Math.round(actionsMs.get(i) * 1000);
            return us;
        }

        private static Double ms(RunFigures f, Metric m) { return f.has(m) ? Math.round(f.us(m) / 100.0) / 10.0 : null; }
    }

    /** One drill's recorded runs: when, on what, how long they took. */
    static final class Drill {
        String date;
        String hosts;
        int runsAsked;
        long seconds;
        /**
         * This machine's load averages (1, 5, 15 min) when the runs began, or null: on the one-machine lab the hosts
         * share its cores, and a loaded machine restarts and schedules slowly. Absent from the first record (not taken then).
         */
        String load;
        List<Run> runs = new ArrayList<>();
    }

    int schemaVersion = SCHEMA_VERSION;
    /** By drill file name, sorted: the same records give the same bytes. */
    TreeMap<String, Drill> drills = new TreeMap<>();

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create();

    /** The recorded runs at {@code file}, or none when there is no such file. */
    static FidelityRuns read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) return new FidelityRuns();
        try {
            FidelityRuns r = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), FidelityRuns.class);
            if (r == null || r.drills == null) throw new IOException(file + ": no \"drills\" object");
            if (r.schemaVersion != SCHEMA_VERSION) throw new IOException(file + ": schemaVersion " + r.schemaVersion + ", this version reads " + SCHEMA_VERSION);
            return r;
        } catch (JsonParseException e) {
            throw new IOException(file + ": not the recorded runs of viplab fidelity --runs: " + e.getMessage(), e);
        }
    }

    /** The first three fields of /proc/loadavg ("29.98 31.76 35.26"), or null where there is none. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).trim().split("\\s+");
            return f.length >= 3 ? f[0] + " " + f[1] + " " + f[2] : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    void write(Path file) throws IOException { AtomicFiles.writeString(file, GSON.toJson(this) + "\n"); }
}
