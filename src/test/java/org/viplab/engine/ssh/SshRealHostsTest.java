package org.viplab.engine.ssh;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.viplab.drill.Drill;
import org.viplab.drill.DrillParser;
import org.viplab.drill.DrillResult;
import org.viplab.drill.RealHosts;
import org.viplab.sweep.RealRuns;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real-host runs shared by sweep --engine ssh, fidelity --runs and the Sweep tab, on in-process hosts that
 * reach the baseline: a drill repeated over one connection, each run from the baseline with its own t = 0, the
 * listener told each start and end, and a cancel that stops the run in progress and still runs its restore.
 */
class SshRealHostsTest {
    /** Stops db1's mysqld at 1 s (on these hosts: the VIP moves to db2) and starts it again in the restore (it moves back). */
    static Path drill(Path dir, String duration) throws Exception {
        Path f = dir.resolve("stop-mysqld.json");
        Files.writeString(f, """
                {"name": "in-process: stop mysqld on db1", "preset": "mode1", "duration": "%s",
                 "steps": [{"at": "1s", "action": "stop", "target": "db1/mysqld"}, {"expect": "no-split-brain"}],
                 "restore": [{"action": "start", "target": "db1/mysqld"}]}
                """.formatted(duration));
        return f;
    }

    @Test
    void aDrillRepeatsFromTheBaselineAndACancelStillRestores(@TempDir Path dir) throws Exception {
        Drill d = DrillParser.parseFile(drill(dir, "3s"));
        List<String> commands = new CopyOnWriteArrayList<>();
        List<Set<String>> baselines = new CopyOnWriteArrayList<>();
        List<String> told = new CopyOnWriteArrayList<>();
        try (BaselineHosts hosts = BaselineHosts.start(dir);
             RealHosts.Session s = new SshRealHosts().connect(hosts.inventory, (h, t, f) -> true, Map.of(), commands::add, new RealHosts.Notes() {
                 @Override public void baselineReached(Set<String> vipHolders) { baselines.add(vipHolders); }

                 @Override public void lateEvents(long n) { }
             })) {
            assertNull(s.cannotRun(d));
            RealRuns.Outcome o = RealRuns.repeat(s, s.onHosts(d), 2, new RealRuns.Listener() {
                @Override public void starting(int run, int of, double etaS, boolean guess) { told.add("start " + run + "/" + of + (guess ? " guess" : "")); }

                @Override public void finished(int run, int of, DrillResult r, double seconds) { told.add("end " + run + "/" + of); }
            }, System::nanoTime);
            assertNull(o.error());
            assertEquals(2, o.results().size());
            assertEquals(List.of("start 1/2 guess", "end 1/2", "start 2/2", "end 2/2"), told);
            assertEquals(List.of(Set.of("db1"), Set.of("db1")), baselines, "each run starts from the baseline, the VIP on db1");
            for (DrillResult r : o.results()) {
                assertEquals("ssh", r.engine());
                assertTrue(r.passed(), r.verdicts().toString());
                assertEquals(0, ((Number) r.metrics().get("failedProbes")).intValue(), r.metrics().toString());
                assertEquals(1, ((Number) r.metrics().get("failovers")).intValue(), "the VIP moved to db2: " + r.metrics());
                assertTrue(((Number) r.metrics().get("probes")).intValue() > 0, "the client probed the VIP: " + r.metrics());
            }
            assertEquals(2, commands.stream().filter(c -> c.equals(hosts.stopDb1Mysqld())).count(), commands.toString());
            assertEquals(2, commands.stream().filter(c -> c.equals(hosts.startDb1Mysqld())).count(), "each run's restore: " + commands);

            // a cancel in the middle of a long run: the run stops at its next wait, its restore runs, no run follows
            Drill slow = s.onHosts(DrillParser.parseFile(drill(dir, "120s")));
            Thread canceller = new Thread(() -> {
                try {
                    while (commands.stream().filter(c -> c.equals(hosts.stopDb1Mysqld())).count() < 3) Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
                s.cancel();
            });
            canceller.start();
            long t0 = System.nanoTime();
            RealRuns.Outcome c = RealRuns.repeat(s, slow, 3, new RealRuns.Listener() {
                @Override public void starting(int run, int of, double etaS, boolean guess) { }

                @Override public void finished(int run, int of, DrillResult r, double seconds) { }
            }, System::nanoTime);
            canceller.join();
            assertTrue(c.cancelled());
            assertEquals(0, c.results().size(), "an aborted run is not a sample");
            assertTrue((System.nanoTime() - t0) / 1e9 < 60, "stopped long before the drill's 120 s");
            assertEquals(3, commands.stream().filter(x -> x.equals(hosts.startDb1Mysqld())).count(), "the cancelled run restored: " + commands);
        }
    }
}
