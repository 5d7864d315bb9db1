package org.viplab.engine.sim;

import org.junit.jupiter.api.Test;
import org.viplab.core.model.FailoverBudget;
import org.viplab.core.model.KeepalivedSpec;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The failover budget (core, which may not import the simulator) uses the simulator's own constants and Skew. */
class BudgetConstantsTest {
    @Test
    void theBudgetsConstantsAreTheSimulators() {
        assertEquals(TrackScript.QUICK_RUN_US, FailoverBudget.SCRIPT_RUN_US);
        assertEquals(Keepalived.SERVICE_COMMAND_US, FailoverBudget.SERVICE_COMMAND_US);
        KeepalivedSpec v2 = new KeepalivedSpec();
        assertEquals(648_437, FailoverBudget.skewUs(v2, 90), "(256 - 90) / 256 s in whole microseconds");
        KeepalivedSpec v3 = new KeepalivedSpec();
        v3.vrrpVersion = 3;
        v3.advertIntSec = 2;
        assertEquals((256 - 90) * 2_000_000L / 256, FailoverBudget.skewUs(v3, 90), "v3: (256 - priority) × advert_int / 256");
    }
}
