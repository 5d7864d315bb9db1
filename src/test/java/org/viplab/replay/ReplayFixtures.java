package org.viplab.replay;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.util.Map;

/** The real-lab recordings (src/test/resources/fixtures/real-lab-2026-11-25), replayed as an incident. */
final class ReplayFixtures {
    static final String DIR = "/fixtures/real-lab-2026-11-25/";

    private ReplayFixtures() { }

    static byte[] bytes(String path) {
        try (InputStream in = ReplayFixtures.class.getResourceAsStream(path.startsWith("/") ? path : DIR + path)) {
            if (in == null) throw new IllegalArgumentException("no fixture " + path);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A builder on UTC (the lab's clock) with no offsets given. */
    static IncidentBuilder builder() { return new IncidentBuilder(ZoneOffset.UTC, Map.of(), null); }

    /** Each file of {@code run} a host's log or the capture, as a person would hand them over. */
    static IncidentBuilder run(String run, String... files) {
        IncidentBuilder b = builder();
        for (String f : files) {
            String path = run + "/" + f;
            if (f.startsWith("tcpdump")) b.capture(path, bytes(path));
            else b.log(f.contains("db1") ? "db1" : "db2", path, bytes(path));
        }
        return b;
    }
}
