package org.viplab.engine.ssh;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The stall and thaw scripts themselves, run on this machine (as root, with a cgroup2 mount) against a process
 * of their own: a shell loop under a name nothing else has, that appends a line every 20 ms. The scripts are
 * given that name as the processes to freeze and a cgroup name of the test's own, so nothing else is touched.
 */
class StallScriptTest {
    @TempDir
    Path dir;

    static String cgroup2() throws Exception {
        for (String l : Files.readAllLines(Path.of("/proc/self/mounts"))) {
            String[] f = l.split(" ");
            if (f.length > 2 && f[2].equals("cgroup2")) return f[1];
        }
        return null;
    }

    private Process ticker(String name, Path out) throws Exception {
        Path sh = Files.copy(Path.of("/bin/sh"), dir.resolve(name));
        assertTrue(sh.toFile().setExecutable(true));
        return new ProcessBuilder(sh.toString(), "-c", "while :; do date +%s%N >>\"$1\"; sleep 0.02; done", name, out.toString()).start();
    }

    private static Process script(String script, String... args) throws Exception {
        List<String> w = Shell.script("sh", script, args);
        return new ProcessBuilder(w).redirectErrorStream(true).start();
    }

    private static String cgroupOf(long pid) throws Exception {
        for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/cgroup"))) if (l.startsWith("0::")) return l.substring(3);
        return null;
    }

    /** The ticks (epoch ns) written so far. */
    private static List<Long> ticks(Path out) throws Exception {
        return Files.readAllLines(out).stream().filter(s -> !s.isBlank()).map(Long::parseLong).toList();
    }

    @Test
    void aStallFreezesTheNamedProcessesForItsTimeAndPutsThemBack() throws Exception {
        String root = cgroup2();
        assumeTrue("root".equals(System.getProperty("user.name")) && root != null && Files.isWritable(Path.of(root)),
                "needs root and a writable cgroup2 mount");
        String name = "vlstall" + ProcessHandle.current().pid() % 100000;
        String group = "viplab-stall-test-" + name;
        Path out = dir.resolve("ticks");
        Process p = ticker(name, out);
        try {
            Thread.sleep(300);
            String home = cgroupOf(p.pid());
            Process s = script(FaultCommands.STALL_SCRIPT, group, "1.5", name);
            assertTrue(s.waitFor(10, TimeUnit.SECONDS));
            String said = new String(s.getInputStream().readAllBytes());
            long frozenAt = System.nanoTime();
            assertEquals(0, s.exitValue(), said);
            assertEquals("frozen: 1 processes", said.strip());
            assertEquals("/" + group, cgroupOf(p.pid()));
            assertTrue(Files.readString(Path.of(root, group, "cgroup.events")).contains("frozen 1"));
            int n = ticks(out).size();
            Thread.sleep(1000);
            assertEquals(n, ticks(out).size(), "no tick while frozen");
            // the sleeper thaws it 1.5 s after the freeze
            while (Files.exists(Path.of(root, group)) && System.nanoTime() - frozenAt < 5_000_000_000L) Thread.sleep(20);
            long thawedAfterMs = (System.nanoTime() - frozenAt) / 1_000_000;
            assertFalse(Files.exists(Path.of(root, group)), "the cgroup is removed");
            assertTrue(thawedAfterMs >= 1400 && thawedAfterMs < 2500, "thawed " + thawedAfterMs + " ms after the freeze");
            assertEquals(home, cgroupOf(p.pid()), "back in its own cgroup");
            Thread.sleep(300);
            assertTrue(ticks(out).size() > n, "ticking again");
            List<Long> t = ticks(out);
            long longestGapMs = 0;
            for (int i = 1; i < t.size(); i++) longestGapMs = Math.max(longestGapMs, (t.get(i) - t.get(i - 1)) / 1_000_000);
            assertTrue(longestGapMs >= 1400 && longestGapMs < 2500, "the ticker stood still " + longestGapMs + " ms");
            assertFalse(Files.exists(Path.of("/run/" + group + ".homes")));
        } finally {
            p.destroyForcibly().waitFor();
            script(FaultCommands.THAW_SCRIPT, group).waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aThawEndsAStallAtOnceAndItsSleeperLaterLeavesANewStallAlone() throws Exception {
        String root = cgroup2();
        assumeTrue("root".equals(System.getProperty("user.name")) && root != null && Files.isWritable(Path.of(root)),
                "needs root and a writable cgroup2 mount");
        String name = "vlthaw" + ProcessHandle.current().pid() % 100000;
        String group = "viplab-stall-test-" + name;
        Process p = ticker(name, dir.resolve("ticks"));
        try {
            Thread.sleep(200);
            String home = cgroupOf(p.pid());
            assertEquals(0, script(FaultCommands.STALL_SCRIPT, group, "1", name).waitFor());
            assertEquals("/" + group, cgroupOf(p.pid()));
            assertEquals(0, script(FaultCommands.THAW_SCRIPT, group).waitFor());
            assertEquals(home, cgroupOf(p.pid()), "thawed and back at once");
            assertFalse(Files.exists(Path.of(root, group)));
            // a second stall of 3 s: the first one's sleeper wakes after 1 s and must not end it
            assertEquals(0, script(FaultCommands.STALL_SCRIPT, group, "3", name).waitFor());
            Thread.sleep(1800);
            assertEquals("/" + group, cgroupOf(p.pid()), "still stalled by the second stall");
            assertTrue(Files.readString(Path.of(root, group, "cgroup.events")).contains("frozen 1"));
        } finally {
            script(FaultCommands.THAW_SCRIPT, group).waitFor(10, TimeUnit.SECONDS);
            p.destroyForcibly().waitFor();
        }
        assertFalse(Files.exists(Path.of(root, group)));
    }
}
