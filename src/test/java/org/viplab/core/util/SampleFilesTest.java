package org.viplab.core.util;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SampleFilesTest {
    @TempDir Path tmp;

    @Test
    void aSourceTreeUsesItsOwnSamples() throws Exception {
        Path tree = Files.createDirectories(tmp.resolve("tree/samples/drills")).getParent().getParent();
        Path runtime = Files.createDirectories(tmp.resolve("opt/viplab/samples/drills")).getParent().getParent();
        assertEquals(tree.resolve("samples"), SampleFiles.root(null, tree, runtime));
    }

    @Test
    void theInstalledAppStartedFromTheHomeFolderFindsTheSamplesBesideItsRuntime() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home/alice"));
        Path runtime = Files.createDirectories(tmp.resolve("opt/viplab/samples/drills")).getParent().getParent();
        assertEquals(runtime.resolve("samples"), SampleFiles.root(null, home, runtime));
    }

    @Test
    void thePropertyWinsAndNothingFoundMeansTheWorkingDirectory() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home/bob"));
        assertEquals(Path.of("/srv/drills-for-class"), SampleFiles.root("/srv/drills-for-class", home, tmp.resolve("jdk")));
        assertEquals(home.resolve("samples"), SampleFiles.root(" ", home, tmp.resolve("jdk")));
    }
}
