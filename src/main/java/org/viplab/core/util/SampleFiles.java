package org.viplab.core.util;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the sample drills and configs are: {@code -Dviplab.samples=DIR} when given; else {@code samples/} in the
 * working directory (a source tree, as the README runs it); else {@code samples/} beside the runtime, which is
 * where the .deb and the jlink image put them ({@code /opt/viplab/samples}). The app opened from a desktop menu has
 * the home folder as its working directory, so a path relative to it alone would find nothing.
 */
public final class SampleFiles {
    private SampleFiles() { }

    /** The samples folder for this process; may not exist (the Drills tab then lists nothing and says so). */
    public static Path root() {
        return root(System.getProperty("viplab.samples"), Path.of("").toAbsolutePath(), Path.of(System.getProperty("java.home")));
    }

    /** The sample drills. */
    public static Path drills() { return root().resolve("drills"); }

    static Path root(String property, Path workingDir, Path javaHome) {
        if (property != null && !property.isBlank()) return Path.of(property);
        Path local = workingDir.resolve("samples");
        if (Files.isDirectory(local.resolve("drills"))) return local;
        Path beside = javaHome.resolve("samples");
        if (Files.isDirectory(beside.resolve("drills"))) return beside;
        return local;
    }
}
