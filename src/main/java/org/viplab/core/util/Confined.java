package org.viplab.core.util;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Paths a file names (a drill's topology, a config's include, a check script) must stay inside the folder the
 * user handed over: checked after normalisation and after resolving symbolic links, absolute or relative.
 */
public final class Confined {
    private Confined() { }

    /**
     * {@code candidate} as a real path when it lies inside {@code folder} (both resolved through symlinks),
     * else null. A candidate that does not exist is judged by its normalised path.
     */
    public static Path inside(Path folder, Path candidate) {
        try {
            Path root = folder.toAbsolutePath().normalize();
            if (Files.exists(root)) root = root.toRealPath();
            Path c = candidate.isAbsolute() ? candidate : folder.toAbsolutePath().resolve(candidate);
            c = c.normalize();
            if (Files.exists(c)) c = c.toRealPath();
            return c.startsWith(root) ? c : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
