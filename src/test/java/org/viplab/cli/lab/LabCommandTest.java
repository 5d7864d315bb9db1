package org.viplab.cli.lab;

import org.junit.jupiter.api.Test;
import org.viplab.cli.ExitCodes;
import org.viplab.lab.hosts.Inventory;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What `lab` says without touching the machine; building the lab itself is RealLabE2ETest's (VIPLAB_E2E=1). */
class LabCommandTest {
    @Test
    void badArgumentsAreUsageErrors() {
        RealLabE2ETest.Cli c = RealLabE2ETest.cli("lab", "up", "--mode", "3");
        assertEquals(ExitCodes.BAD_INPUT, c.rc());
        assertTrue(c.err().contains("--mode must be 1 or 2"), c.err());
        assertEquals(ExitCodes.BAD_INPUT, RealLabE2ETest.cli("lab", "sideways").rc());
        assertEquals(ExitCodes.BAD_INPUT, RealLabE2ETest.cli("lab").rc());
    }

    @Test
    void inventoryOfTheLabIsValidAndPinsItsKeys() {
        Inventory inv = LabCommand.inventory(Path.of("/run/x"), 2);
        assertEquals(List.of(), inv.problems());
        assertEquals("mode2", inv.preset);
        assertEquals(6039, inv.clientPort);
        assertEquals("/run/x/known_hosts", inv.knownHosts);
        assertEquals(List.of("db1", "db2"), inv.hostNames());
        assertEquals("10.9.8.223", inv.host("db2").address);
        assertEquals("/run/x/id_ed25519", inv.host("db1").keyFile);
        assertEquals(3306, LabCommand.inventory(Path.of("/run/x"), 1).clientPort);
    }

    @Test
    void theScriptsShipAsResources() {
        for (String f : LabScripts.FILES) assertTrue(LabScripts.class.getResource(f) != null, f);
    }
}
