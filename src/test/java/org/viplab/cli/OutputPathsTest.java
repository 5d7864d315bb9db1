package org.viplab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A report folder holds one run's files, written whole, with the umask's modes. */
class OutputPathsTest {
    @TempDir
    Path dir;

    private static List<String> names(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aSecondReportReplacesTheFirstWhole() throws Exception {
        Path report = dir.resolve("report");
        OutputPaths.writeReport(report, tmp -> {
            Files.writeString(tmp.resolve("report.html"), "run 1");
            return Files.writeString(tmp.resolve("events.csv"), "t,what");
        });
        OutputPaths.writeReport(report, tmp -> Files.writeString(tmp.resolve("report.html"), "run 2"));
        assertEquals(List.of("report.html"), names(report), "run 1's events.csv is gone with it");
        assertEquals("run 2", Files.readString(report.resolve("report.html")));
        assertEquals(List.of("report"), names(dir), "no temporary folder left beside it");
    }

    @Test
    void theUsersOwnFilesInAReportFolderAreKept() throws Exception {
        Path report = dir.resolve("reports");
        OutputPaths.writeReport(report, tmp -> {
            Files.createDirectories(tmp.resolve("01-old-drill"));
            Files.writeString(tmp.resolve("01-old-drill/report.html"), "old drill");
            return Files.writeString(tmp.resolve("index.html"), "run 1");
        });
        Files.writeString(report.resolve("README.md"), "what these reports are");
        OutputPaths.writeReport(report, tmp -> Files.writeString(tmp.resolve("index.html"), "run 2"));
        assertEquals(List.of("README.md", "index.html"), names(report), "the old drill's folder went with run 1");
        assertEquals("what these reports are", Files.readString(report.resolve("README.md")));
    }

    @Test
    void aFailedRunLeavesTheEarlierReportAsItWas() throws Exception {
        Path report = dir.resolve("report");
        OutputPaths.writeReport(report, tmp -> Files.writeString(tmp.resolve("report.html"), "run 1"));
        assertThrows(IOException.class, () -> OutputPaths.writeReport(report, tmp -> {
            Files.writeString(tmp.resolve("report.html"), "half");
            throw new IOException("disk full");
        }));
        assertEquals("run 1", Files.readString(report.resolve("report.html")));
        assertEquals(List.of("report"), names(dir));
    }

    @Test
    void theDrillCommandsFilesFollowTheUmask() throws Exception {
        Path plainFile = Files.createFile(dir.resolve("plain"));
        Path plainDir = Files.createDirectory(dir.resolve("plain-dir"));
        Path report = dir.resolve("r");
        Path json = dir.resolve("result.json");
        int rc = Launcher.run(List.of("drill", "samples/drills/01-mode1-basic-failover.json", "--quiet", "--json", json.toString(),
                "--report", report.toString()), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertEquals(ExitCodes.OK, rc);
        String fileMode = PosixFilePermissions.toString(Files.getPosixFilePermissions(plainFile));
        assertEquals(fileMode, PosixFilePermissions.toString(Files.getPosixFilePermissions(json)));
        assertEquals(fileMode, PosixFilePermissions.toString(Files.getPosixFilePermissions(report.resolve("report.html"))));
        assertEquals(PosixFilePermissions.toString(Files.getPosixFilePermissions(plainDir)),
                PosixFilePermissions.toString(Files.getPosixFilePermissions(report)));
        assertTrue(names(report).containsAll(List.of("report.html", "events.csv", "result.json", "junit.xml")), names(report).toString());
        assertFalse(names(dir).stream().anyMatch(n -> n.startsWith(".")), names(dir).toString());
    }
}
