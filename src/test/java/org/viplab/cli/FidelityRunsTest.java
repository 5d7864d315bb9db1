package org.viplab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.viplab.drill.Drill;
import org.viplab.drill.DrillParser;
import org.viplab.drill.DrillResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * fidelity --runs: the recorded real runs and the page's section made from them. No lab here: the recorded runs
 * are drill results of the simulator on other seeds (the record cannot tell; RealLabE2ETest runs the lab).
 */
class FidelityRunsTest {
    static final Path DRILL = Path.of("samples/drills/real-mode1-mysql-stop.json");

    static List<DrillResult> sim(Drill d, long from, int n) throws Exception {
        List<DrillResult> out = new ArrayList<>();
        for (long s = from; s < from + n; s++) out.add(DrillCommand.runDrill(d, s));
        return out;
    }

    @Test
    void theRecordRoundTripsAndABrokenOneIsNamed(@TempDir Path tmp) throws Exception {
        Drill d = DrillParser.parseFile(DRILL);
        FidelityRuns rec = new FidelityRuns();
        FidelityRuns.Drill one = new FidelityRuns.Drill();
        one.date = "2026-12-06";
        one.hosts = "Keepalived v2.2.7, HAProxy 2.6.12, MariaDB 10.11";
        one.runsAsked = 2;
        for (DrillResult r : sim(d, 200, 2)) one.runs.add(FidelityRuns.Run.of(r));
        rec.drills.put("real-mode1-mysql-stop.json", one);
        Path f = tmp.resolve("fidelity-runs.json");
        rec.write(f);
        FidelityRuns back = FidelityRuns.read(f);
        assertEquals(2, back.drills.get("real-mode1-mysql-stop.json").runs.size());
        assertEquals(one.runs.get(1).clientDowntimeMs, back.drills.get("real-mode1-mysql-stop.json").runs.get(1).clientDowntimeMs);
        assertEquals(0, FidelityRuns.read(tmp.resolve("absent.json")).drills.size(), "no record: no real runs");
        Files.writeString(tmp.resolve("bad.json"), "{\"schemaVersion\": 9, \"drills\": {}}");
        java.io.IOException e = assertThrows(java.io.IOException.class, () -> FidelityRuns.read(tmp.resolve("bad.json")));
        assertTrue(e.getMessage().contains("bad.json: schemaVersion 9"), e.getMessage());
    }

    @Test
    void thePageGainsARowPerFigureWithBothSamplesAndAVerdict() throws Exception {
        Drill d = DrillParser.parseFile(DRILL);
        List<FidelityDoc.DrillRuns> drills = List.of(new FidelityDoc.DrillRuns(DRILL.getFileName().toString(), d, sim(d, 1, 60)));
        String before = FidelityDoc.generate("", drills, 60);
        FidelityRuns rec = new FidelityRuns();
        FidelityRuns.Drill three = new FidelityRuns.Drill();
        three.date = "2026-12-06";
        three.hosts = "h";
        three.runsAsked = 3;
        three.seconds = 120;
        for (DrillResult r : sim(d, 900, 3)) three.runs.add(FidelityRuns.Run.of(r));
        rec.drills.put(DRILL.getFileName().toString(), three);
        String after = FidelityDoc.generate("", drills, 60, rec);
        assertTrue(after.startsWith(before), "the section is added at the end, the rest unchanged");
        String section = after.substring(before.length());
        assertTrue(section.contains("- real-mode1-mysql-stop.json: 3 of 3 runs on 2026-12-06 (h), 3 passed, 120 s in all\n"), section);
        three.load = "29.98 31.76 35.26";
        assertTrue(FidelityDoc.generate("", drills, 60, rec).contains("120 s in all; load average 29.98 31.76 35.26 (1, 5, 15 min) as they began\n"));
        // the same simulator on other seeds: every real value inside the seeds' range
        assertTrue(section.contains("| real-mode1-mysql-stop.json | failovers | 1.0 / 1.0 / 1.0 (3) | 1.0 / 1.0 / 1.0 (60) | 0.00 (1.000) | within |"), section);
        assertTrue(section.contains("| real-mode1-mysql-stop.json | first failover: no-VIP gap ms | 648.4 / 648.4 / 648.4 (3) | 648.4 / 648.4 / 648.4 (60) |"), section);
        assertFalse(section.contains("| beyond |"), section);
        assertEquals("beyond", FidelityDoc.verdict(new double[] {700, 710}, new double[] {648.4}, 50));
        assertEquals("within", FidelityDoc.verdict(new double[] {660, 690}, new double[] {648.4}, 50));
        assertEquals("median within", FidelityDoc.verdict(new double[] {600, 650, 31000}, new double[] {0, 3600}, 50));
        assertEquals("only simulated", FidelityDoc.verdict(new double[0], new double[] {1}, 0));
    }
}
