package org.viplab.replay;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads incident inputs bounded, for {@code viplab replay} and the app's File > Open incident… alike. */
public final class IncidentFiles {
    public static final long MAX_LOG_BYTES = 64L * 1024 * 1024;
    public static final long MAX_CAPTURE_BYTES = 256L * 1024 * 1024;

    private IncidentFiles() { }

    /** The file's bytes, bounded: a log or capture bigger than the limit is refused (cut it to the incident first). */
    public static byte[] read(Path f, long max) throws IncidentException {
        try {
            if (!Files.exists(f)) throw new IncidentException(f + ": no such file");
            if (!Files.isRegularFile(f)) throw new IncidentException(f + ": not a regular file");
            long size = Files.size(f);
            if (size > max) throw new IncidentException(f + ": " + size + " bytes, over the " + max + "-byte limit; cut it to the incident first");
            try (InputStream in = Files.newInputStream(f)) {
                byte[] b = in.readNBytes((int) max + 1);
                if (b.length > max) throw new IncidentException(f + ": grew over the " + max + "-byte limit while read");
                return b;
            }
        } catch (NoSuchFileException e) {
            throw new IncidentException(f + ": no such file");
        } catch (IOException e) {
            throw new IncidentException(f + ": cannot read: " + e.getMessage());
        }
    }
}
