package org.viplab.cli.lab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The shell scripts that build and remove the one-machine lab ship as resources; this extracts them to a
 * private temporary directory, runs {@code lab.sh} with the state directory, and relays its output.
 */
public final class LabScripts {
    static final List<String> FILES = List.of("lab.sh", "service.sh", "host-init.sh");

    private final Path stateDir;

    public LabScripts(Path stateDir) { this.stateDir = stateDir; }

    public Path stateDir() { return stateDir; }

    /** The state directory: $VIPLAB_LAB_DIR, or /run/viplab-lab. */
    public static Path defaultStateDir() {
        String env = System.getenv("VIPLAB_LAB_DIR");
        return Path.of(env != null && !env.isBlank() ? env : "/run/viplab-lab");
    }

    /** Runs {@code lab.sh ARGS...}; returns its exit code. Output goes line by line to {@code out}. */
    public int run(PrintStream out, String... args) throws IOException, InterruptedException {
        Path bin = Files.createTempDirectory("viplab-lab-bin");
        try {
            for (String f : FILES) {
                try (InputStream in = LabScripts.class.getResourceAsStream(f)) {
                    if (in == null) throw new IOException("missing resource org/viplab/cli/lab/" + f);
                    Files.copy(in, bin.resolve(f), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            List<String> cmd = new ArrayList<>(List.of("bash", bin.resolve("lab.sh").toString()));
            cmd.addAll(List.of(args));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            pb.environment().put("S", stateDir.toString());
            pb.environment().put("BIN", bin.toString());
            Process p = pb.start();
            p.getOutputStream().close();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) out.println(line);
            }
            return p.waitFor();
        } finally {
            try (Stream<Path> s = Files.walk(bin)) {
                for (Path f : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
            }
        }
    }
}
