package org.viplab.cli;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/fidelity.md is what `viplab fidelity` writes now: a changed rule, measurement or simulator shows here. */
class FidelityDocTest {
    private static String fresh;

    /** One generation for both tests: it runs every real-* drill over 60 seeds. */
    @org.junit.jupiter.api.BeforeAll
    static void generate() throws Exception { fresh = FidelityCommand.text(Path.of("docs/calibration.md"), Path.of("samples/drills")); }

    @Test
    void theCommittedFileIsNotStale() throws Exception {
        String committed = Files.readString(Path.of("docs/fidelity.md"), StandardCharsets.UTF_8);
        assertEquals(fresh, committed, "docs/fidelity.md is stale: run `./viplab fidelity` (or java -jar target/viplab.jar fidelity) and commit it");
    }

    /** Every rule of the calibration note's second part has a lab measurement and a test behind it. */
    @Test
    void everyRuleHasALabMeasurementAndATest() throws Exception {
        String doc = fresh;
        assertFalse(doc.contains("no lab measurement"), doc);
        assertFalse(doc.contains("no test named"), doc);
        assertTrue(doc.contains("real-mode1-kill9-mysqld.json") && doc.contains("real-mode2-mysql-stop-redispatch.json")
                && doc.contains("real-mode1-vrrp-cut-heal-arp.json"), "the fidelity drills of issue 14 are in it");
        assertFalse(doc.contains("| outside |"), "a real-* drill's seed outside the lab's range:\n" + doc);
    }
}
