package org.viplab.cli;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.viplab.core.model.Presets;
import org.viplab.core.model.TopologyJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input, as a careless user or an attacker would give it, and exactly what the CLI answers: the exit code
 * and the first line on standard error. {@code {dir}} in a case stands for its scratch folder. Every case is
 * refused before anything runs: nothing on standard output, nothing written.
 */
class BadInputTest {
    /** A drill file or other input the case makes in its folder; returns the command line. */
    @FunctionalInterface
    interface Setup {
        List<String> make(Path dir) throws IOException;
    }

    record Case(String name, Setup setup, int exit, String firstErrorLine) {
        @Override
        public String toString() { return name; }
    }

    private static final String STEPS = "\"steps\": [{\"at\": \"2s\", \"action\": \"stop\", \"target\": \"db1/keepalived\"},"
            + " {\"expect\": \"vip-on\", \"host\": \"db2\", \"within\": \"1s\"}]";

    /** A mode 1 drill with a "set" object on line 2 at column 9. */
    private static Setup drillWithSet(String setMembers) {
        return dir -> {
            Files.writeString(dir.resolve("d.json"), "{\"name\": \"x\", \"preset\": \"mode1\",\n \"set\": {" + setMembers + "},\n " + STEPS + "}");
            return List.of("drill", dir.resolve("d.json").toString());
        };
    }

    private static Setup drill(String text) {
        return dir -> {
            Files.writeString(dir.resolve("d.json"), text);
            return List.of("drill", dir.resolve("d.json").toString());
        };
    }

    /** Two node folders copied from samples/configs/mode1, db1's keepalived.conf edited by {@code edit}. */
    private static Setup importWith(String from, String to) {
        return dir -> {
            for (String n : List.of("db1", "db2")) {
                Path d = Files.createDirectories(dir.resolve("cfg/" + n));
                for (String f : List.of("keepalived.conf", "check_mysql.sh")) {
                    Files.copy(Path.of("samples/configs/mode1", n, f), d.resolve(f));
                }
            }
            Path kc = dir.resolve("cfg/db1/keepalived.conf");
            String text = Files.readString(kc);
            assertTrue(text.contains(from), from);
            Files.writeString(kc, text.replace(from, to));
            return List.of("import", "--node", "db1=" + dir.resolve("cfg/db1"), "--node", "db2=" + dir.resolve("cfg/db2"));
        };
    }

    /** A .viplab zip with these entries. */
    private static Path zip(Path file, String... nameThenText) throws IOException {
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(file))) {
            for (int i = 0; i < nameThenText.length; i += 2) {
                z.putNextEntry(new ZipEntry(nameThenText[i]));
                z.write(nameThenText[i + 1].getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return file;
    }

    static Stream<Case> cases() {
        List<Case> c = new ArrayList<>();
        // the command line itself
        c.add(new Case("unknown option", dir -> List.of("drill", "x.json", "--frob"), 2, "viplab drill: Unknown option: '--frob'"));
        c.add(new Case("unknown engine", dir -> List.of("drill", "x.json", "--engine", "vm"), 2,
                "viplab drill: Invalid value for option '--engine': expected one of [sim, ssh, both] (case-insensitive) but was 'vm'"));
        c.add(new Case("seed not a number", dir -> List.of("drill", "x.json", "--seed", "abc"), 2,
                "viplab drill: Invalid value for option '--seed': 'abc' is not a long"));
        // outputs of the wrong kind, refused before running
        c.add(new Case("--json EXISTING_DIR", dir -> {
            Files.createDirectories(dir.resolve("out"));
            Files.writeString(dir.resolve("out/keep.txt"), "mine");
            return List.of("drill", "samples/drills/01-mode1-keepalived-stop.json", "--json", dir.resolve("out").toString());
        }, 2, "--json {dir}/out: is a directory; --json takes a file name"));
        c.add(new Case("--report FILE", dir -> {
            Files.writeString(dir.resolve("r.txt"), "mine");
            return List.of("drill", "samples/drills/01-mode1-keepalived-stop.json", "--report", dir.resolve("r.txt").toString());
        }, 2, "--report {dir}/r.txt: is not a directory; --report takes a directory"));
        c.add(new Case("--report DIR of other files", dir -> {
            Files.createDirectories(dir.resolve("docs"));
            Files.writeString(dir.resolve("docs/thesis.tex"), "mine");
            return List.of("drill", "samples/drills/01-mode1-keepalived-stop.json", "--report", dir.resolve("docs").toString());
        }, 2, "--report {dir}/docs: holds files that are not a VIP Lab report; name a new or empty directory (an earlier report there is replaced whole)"));
        // drill files
        c.add(new Case("set {\".\": 1}", drillWithSet("\".\": 1"), 2,
                "{dir}/d.json:2:15: \"set\": \".\" is not a setting path; write names joined by dots, e.g. \"db1.keepalived.priority\""));
        c.add(new Case("probeIntervalMs 0", drillWithSet("\"probeIntervalMs\": 0"), 2,
                "{dir}/d.json:2:29: \"set\": probeIntervalMs must be 10..3600000 ms, got 0"));
        c.add(new Case("probeTimeoutMs 0", drillWithSet("\"probeTimeoutMs\": 0"), 2,
                "{dir}/d.json:2:28: \"set\": probeTimeoutMs must be 1..3600000 ms, got 0"));
        c.add(new Case("negative shutdown time", drillWithSet("\"db1.mysqldShutdownMs\": -5"), 2,
                "{dir}/d.json:2:34: \"set\": db1.mysqldShutdownMs must be 0..3600000 ms, got -5"));
        c.add(new Case("negative start-up time", drillWithSet("\"db2.mysqldStartupMs\": -1"), 2,
                "{dir}/d.json:2:33: \"set\": db2.mysqldStartupMs must be 0..3600000 ms, got -1"));
        c.add(new Case("downTimerAdverts 0", drillWithSet("\"db1.keepalived.downTimerAdverts\": 0"), 2,
                "{dir}/d.json:2:45: \"set\": db1.keepalived.downTimerAdverts must be 1..100, got 0"));
        c.add(new Case("\"at\": \"99999999h\"", drill("{\"name\": \"x\", \"preset\": \"mode1\", \"steps\": [\n  {\"at\": \"99999999h\", \"action\": \"stop\", \"target\": \"db1/mysqld\"}]}"), 2,
                "{dir}/d.json:2:10: \"at\": \"99999999h\" is longer than the maximum of 31 days of simulated time"));
        c.add(new Case("binary drill", dir -> {
            Files.write(dir.resolve("d.json"), new byte[]{'{', '\n', ' ', (byte) 0x89, 'P', 'N', 'G'});
            return List.of("drill", dir.resolve("d.json").toString());
        }, 2, "{dir}/d.json: not UTF-8 text: byte 0x89 at byte offset 3 (line 2); is it a binary file?"));
        c.add(new Case("37 MB drill", dir -> {
            try (OutputStream o = Files.newOutputStream(dir.resolve("d.json"))) {
                byte[] spaces = new byte[1 << 20];
                Arrays.fill(spaces, (byte) ' ');
                for (int i = 0; i < 37; i++) o.write(spaces);
            }
            return List.of("drill", dir.resolve("d.json").toString());
        }, 2, "{dir}/d.json: 37.0 MiB is over the 4.0 MiB limit for this kind of file"));
        c.add(new Case("topology: /dev/zero", drill("{\"name\": \"x\", \"topology\": \"/dev/zero\", " + STEPS + "}"), 2,
                "{dir}/d.json:1:27: \"topology\": /dev/zero is outside the drill's folder {dir}; put the topology file beside the drill (or in a folder below it)"));
        c.add(new Case("topology: ../ outside", drill("{\"name\": \"x\", \"topology\": \"../../etc/passwd\", " + STEPS + "}"), 2,
                "{dir}/d.json:1:27: \"topology\": ../../etc/passwd is outside the drill's folder {dir}; put the topology file beside the drill (or in a folder below it)"));
        c.add(new Case("topology: a symlink out of the folder", dir -> {
            Files.createSymbolicLink(dir.resolve("t.json"), Path.of("/dev/zero"));
            Files.writeString(dir.resolve("d.json"), "{\"name\": \"x\", \"topology\": \"t.json\", " + STEPS + "}");
            return List.of("drill", dir.resolve("d.json").toString());
        }, 2, "{dir}/d.json:1:27: \"topology\": t.json is outside the drill's folder {dir}; put the topology file beside the drill (or in a folder below it)"));
        c.add(new Case("topology: a folder", dir -> {
            Files.createDirectories(dir.resolve("t.json"));
            Files.writeString(dir.resolve("d.json"), "{\"name\": \"x\", \"topology\": \"t.json\", " + STEPS + "}");
            return List.of("drill", dir.resolve("d.json").toString());
        }, 2, "{dir}/d.json:1:27: topology {dir}/t.json: not a regular file (a directory, device or pipe is not read)"));
        c.add(new Case("topology with downTimerAdverts 0", dir -> {
            Files.writeString(dir.resolve("t.json"), TopologyJson.toJson(Presets.mode1()).replaceFirst("\"downTimerAdverts\": 3", "\"downTimerAdverts\": 0"));
            Files.writeString(dir.resolve("d.json"), "{\"name\": \"x\", \"topology\": \"t.json\", " + STEPS + "}");
            return List.of("drill", dir.resolve("d.json").toString());
        }, 2, "{dir}/d.json:1:27: topology {dir}/t.json:{line of \"downTimerAdverts\": 0}: db1.keepalived.downTimerAdverts must be 1..100, got 0"));
        // configs
        c.add(new Case("include ../../../../proc/self/environ", importWith("global_defs {", "include ../../../../proc/self/environ\nglobal_defs {"), 2,
                "{dir}/cfg/db1/keepalived.conf:3:9: include \"../../../../proc/self/environ\" resolves to /proc/self/environ, outside the node's folder {dir}/cfg/db1; only files in that folder are read"));
        c.add(new Case("script interval 0.000001", importWith("interval 3", "interval 0.000001"), 2,
                "{dir}/cfg/db1/keepalived.conf:9:14: db1.keepalived.scripts.0.intervalSec must be 0.1..3600 s, got 1.0E-6"));
        c.add(new Case("check script: a symlink out of the folder", dir -> {
            List<String> args = importWith("interval 3", "interval 3").make(dir);
            Path script = dir.resolve("cfg/db1/check_mysql.sh");
            Files.delete(script);
            Files.createSymbolicLink(script, Path.of("/etc/hostname"));
            return args;
        }, 2, "{dir}/cfg/db1/keepalived.conf:8:12: the check script /etc/keepalived/check_mysql.sh resolves to /etc/hostname, outside the node's folder {dir}/cfg/db1; only files in that folder are read"));
        // sessions
        c.add(new Case("session with \"format\": {}", dir -> List.of("session",
                zip(dir.resolve("s.viplab"), "session.json", "{\"format\": {}, \"version\": 1, \"seed\": 1}").toString()), 2,
                "{dir}/s.viplab: session.json: \"format\" must be a string"));
        c.add(new Case("session with \"version\": \"x\"", dir -> List.of("session",
                zip(dir.resolve("s.viplab"), "session.json", "{\"format\": \"viplab-session\", \"version\": [1], \"seed\": 1}").toString()), 2,
                "{dir}/s.viplab: session.json: \"version\" must be a whole number"));
        c.add(new Case("session whose timeline is a zip bomb", dir -> List.of("session", zip(dir.resolve("s.viplab"),
                "session.json", "{\"format\": \"viplab-session\", \"version\": 1, \"seed\": 1, \"engine\": \"sim\"}",
                "topology.json", TopologyJson.toJson(Presets.mode1()),
                "timeline.jsonl", (" ".repeat(60_000) + "\n").repeat(140)).toString()), 2, // blank lines under the line cap
                "{dir}/s.viplab: timeline.jsonl inflates more than 400 times its compressed size: not a session VIP Lab wrote"));
        c.add(new Case("session whose timeline is one line of 100,000 characters", dir -> List.of("session", zip(dir.resolve("s.viplab"),
                "session.json", "{\"format\": \"viplab-session\", \"version\": 1, \"seed\": 1, \"engine\": \"sim\"}",
                "topology.json", TopologyJson.toJson(Presets.mode1()),
                "timeline.jsonl", "{\"kind\": \"log\", \"text\": \"" + "x".repeat(100_000) + "\"}\n").toString()), 2,
                "{dir}/s.viplab: timeline.jsonl line 1: the line is longer than 65536 characters, the limit for one event"));
        c.add(new Case("session that is not a zip", dir -> {
            Files.writeString(dir.resolve("s.viplab"), "hello");
            return List.of("session", dir.resolve("s.viplab").toString());
        }, 2, "{dir}/s.viplab: not a VIP Lab session, or damaged or cut off (zip END header not found)"));
        return c.stream();
    }

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedWithItsExitCodeAndMessage(Case c) throws Exception {
        List<String> args = c.setup().make(dir);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Launcher.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String errText = err.toString(StandardCharsets.UTF_8);
        assertEquals(c.exit(), exit, errText);
        assertEquals(expected(c.firstErrorLine()), errText.lines().findFirst().orElse(""), errText);
        assertEquals("", out.toString(StandardCharsets.UTF_8), "refused before anything ran");
        if (c.name().startsWith("--json")) assertEquals("mine", Files.readString(dir.resolve("out/keep.txt")), "the folder is kept");
    }

    /** The case's message with {dir} and {line of "TEXT"} (line:column of the value after TEXT in t.json) filled in. */
    private String expected(String message) throws IOException {
        String m = message.replace("{dir}", dir.toString());
        java.util.regex.Matcher lineOf = java.util.regex.Pattern.compile("\\{line of (\"[^}]*)\\}").matcher(m);
        if (lineOf.find()) {
            List<String> lines = Files.readAllLines(dir.resolve("t.json"));
            for (int i = 0; i < lines.size(); i++) {
                int col = lines.get(i).indexOf(lineOf.group(1));
                if (col >= 0) {
                    int value = col + lineOf.group(1).length() - 1; // the value is the text's last character
                    return m.replace(lineOf.group(), (i + 1) + ":" + (value + 1));
                }
            }
        }
        return m;
    }

    /** A command that runs out of memory, added beside the real ones. */
    @Command(name = "oom")
    static final class Oom implements Callable<Integer> {
        @Override
        public Integer call() { throw new OutOfMemoryError("Java heap space"); }
    }

    @org.junit.jupiter.api.Test
    void anOutOfMemoryErrorIsOneLineAndExitThreeNeverAVerdict() {
        CommandLine cl = Launcher.commandLine().addSubcommand(new Oom());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Launcher.run(cl, List.of("oom"), new PrintStream(out, true), new PrintStream(err, true));
        assertEquals(ExitCodes.ENGINE, exit);
        String max = Long.toString(Runtime.getRuntime().maxMemory() >> 20);
        assertEquals("viplab: out of memory (Java heap space, max heap " + max + " MiB): shorten the run or give java a larger -Xmx\n", err.toString());
        assertEquals("", out.toString());
    }

    /** The 1-based line of the first {@code needle} in {@code text}: the written topology grows with the model. */
    private static int lineOf(String text, String needle) {
        return text.substring(0, text.indexOf(needle)).split("\n", -1).length;
    }
}
