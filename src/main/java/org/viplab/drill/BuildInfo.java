package org.viplab.drill;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The tool's version and the git commit it was built from, baked into the jar at build time
 * ({@code org/viplab/build.properties}, written by the build); "unknown" when built outside a git work tree,
 * with "-dirty" appended when the tree had uncommitted changes.
 */
public record BuildInfo(String version, String commit) {
    private static final BuildInfo CURRENT = load();

    public static BuildInfo current() { return CURRENT; }

    private static BuildInfo load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/org/viplab/build.properties")) {
            if (in != null) p.load(in);
        } catch (IOException e) {
            // an unreadable resource is the same as none: the report says "unknown" rather than fail
        }
        String manifest = BuildInfo.class.getPackage().getImplementationVersion();
        String version = p.getProperty("version", manifest == null ? "dev" : manifest);
        return new BuildInfo(version, p.getProperty("commit", "unknown"));
    }
}
