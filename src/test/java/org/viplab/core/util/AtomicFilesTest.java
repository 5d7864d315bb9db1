package org.viplab.core.util;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void aNewFileFollowsTheUmaskLikeAPlainlyCreatedOne() throws Exception {
        Path plain = Files.createFile(dir.resolve("plain")); // 0666 less the umask: 0644 under 022
        Path written = dir.resolve("sub/written.json");
        AtomicFiles.writeString(written, "{}");
        assertEquals("{}", Files.readString(written));
        assertEquals(PosixFilePermissions.toString(Files.getPosixFilePermissions(plain)),
                PosixFilePermissions.toString(Files.getPosixFilePermissions(written)));
        try (var s = Files.list(written.getParent())) {
            assertEquals(1, s.count(), "no temporary file left beside it");
        }
    }

    @Test
    void aReplacedFileKeepsItsMode() throws Exception {
        Path f = dir.resolve("private.json");
        Files.writeString(f, "old");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        AtomicFiles.writeString(f, "new");
        assertEquals("new", Files.readString(f));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
    }
}
