package org.viplab.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The options sweep and tune share through {@link BatchRunOptions}: listed in each help where they always were
 * (without an order, the mixin's options would come first), with the same words, and
 * checked the same way by both commands.
 */
class BatchRunOptionsTest {
    private static DrillCommandReportTest.Run run(String... args) { return DrillCommandReportTest.run(args); }

    /** The option names of a command's help, in the order the help lists them. */
    private static List<String> options(String command) {
        // picocli warns on the process's stderr, not the command's
        java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
        java.io.PrintStream stderr = System.err;
        System.setErr(new java.io.PrintStream(warnings, true, java.nio.charset.StandardCharsets.UTF_8));
        DrillCommandReportTest.Run r;
        try {
            r = run(command, "--help");
        } finally {
            System.setErr(stderr);
        }
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err() + warnings.toString(java.nio.charset.StandardCharsets.UTF_8), "no picocli warning (a % in a description is doubled)");
        return r.out().lines().filter(l -> l.matches(" {2}(-h, | {4})--[a-z].*")).map(l -> l.trim().replaceAll("^-h, ", "").split("[ =,]")[0]).toList();
    }

    @Test
    void eachHelpListsTheSharedOptionsWhereItAlwaysDid() {
        assertEquals(List.of("--help", "--seeds", "--engine", "--runs", "--hosts", "--set", "--jobs", "--json", "--csv", "--report", "--lang",
                "--progress"), options("sweep"));
        assertEquals(List.of("--help", "--max-downtime-p99", "--stall", "--loss", "--seeds", "--fault", "--grid", "--jobs", "--json", "--report",
                "--lang", "--progress"), options("tune"));
        for (String c : List.of("sweep", "tune")) {
            String help = run(c, "--help").out();
            assertTrue(help.contains("      --jobs=N             worker threads (default: the number of cores)\n")
                    && help.contains("      --lang=LANG          the report's language: en (default) or zh-CN\n")
                    && help.contains("      --progress           draw the progress bar even when stderr is not a terminal\n"), help);
        }
    }

    @Test
    void bothCommandsCheckThemAlike() {
        List<List<String>> commands = List.of(List.of("sweep", "samples/drills/01-mode1-basic-failover.json"),
                List.of("tune", "mode1", "--max-downtime-p99", "3s"));
        for (List<String> c : commands) {
            DrillCommandReportTest.Run jobs = run(with(c, "--jobs", "257"));
            assertEquals(2, jobs.exit(), jobs.err());
            assertTrue(jobs.err().contains("--jobs must be from 1 to 256"), jobs.err());
            DrillCommandReportTest.Run lang = run(with(c, "--lang", "zh-CN"));
            assertEquals(2, lang.exit(), lang.err());
            assertTrue(lang.err().contains("--lang goes with --report DIR"), lang.err());
            DrillCommandReportTest.Run fr = run(with(c, "--lang", "fr"));
            assertEquals(2, fr.exit(), fr.err());
            assertTrue(fr.err().contains("unknown language 'fr'"), fr.err());
        }
    }

    private static String[] with(List<String> command, String... more) {
        List<String> l = new java.util.ArrayList<>(command);
        l.addAll(List.of(more));
        return l.toArray(String[]::new);
    }
}
