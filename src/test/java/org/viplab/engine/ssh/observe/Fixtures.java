package org.viplab.engine.ssh.observe;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The real-lab recordings in ../shared/fixtures, found from the project directory; tests skip without them. */
public final class Fixtures {
    private Fixtures() { }

    public static Path realLab(String run) {
        Path base = Path.of(System.getProperty("user.dir")).resolve("../shared/fixtures/real-lab-2026-11-25").normalize();
        assumeTrue(Files.isDirectory(base), "real-lab fixtures not found at " + base);
        return base.resolve(run);
    }
}
