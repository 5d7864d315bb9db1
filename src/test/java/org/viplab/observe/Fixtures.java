package org.viplab.observe;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/**
 * The real-lab recordings, copied into the test resources (fixtures/real-lab-2026-11-25) so a plain clone runs
 * every test that reads them. They are part of the repository, so a missing folder is a broken checkout: an
 * error, never a skip.
 */
public final class Fixtures {
    static final String ROOT = "/fixtures/real-lab-2026-11-25";

    private Fixtures() { }

    /** The folder of one recorded run, e.g. {@code realLab("S1-run1").resolve("mon-db1.log")}. */
    public static Path realLab(String run) {
        URL url = Fixtures.class.getResource(ROOT + "/" + run);
        if (url == null) throw new IllegalStateException("test resource " + ROOT + "/" + run + " is missing");
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(url.toString(), e);
        }
    }
}
