package org.viplab.engine.ssh;

import org.junit.jupiter.api.Test;
import org.viplab.core.model.ProcessKind;
import org.viplab.lab.Action;
import org.viplab.lab.Target;
import org.viplab.lab.Verb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real hosts refuse the timing faults whole, with a reason, rather than half-doing them. */
class TimingFaultRefusalTest {
    @Test
    void everyTimingFaultIsRefusedByNameAndTheOtherActionsAreNot() {
        String stall = SshLab.refusal(new Action(Verb.STALL, new Target.Host("db1"), Action.Amount.duration(3_700_000)));
        assertTrue(stall.startsWith("not supported on real hosts: stall db1 for 3.7s: "), stall);
        assertTrue(stall.contains("hang HOST/PROCESS"), "it says what to use instead");
        assertTrue(SshLab.refusal(new Action(Verb.DELAY, new Target.PeerPath("db1", "db2", false), Action.Amount.delay(200_000, 0)))
                .startsWith("not supported on real hosts: delay db1-db2 by 200ms: VIP Lab does not yet run tc netem"));
        assertTrue(SshLab.refusal(new Action(Verb.LOSS, new Target.ClientPath("db2"), Action.Amount.loss(3000)))
                .startsWith("not supported on real hosts: loss clients-db2 30%"));
        assertTrue(SshLab.refusal(new Action(Verb.SLOW, new Target.Process("db1", ProcessKind.MYSQLD), Action.Amount.duration(2_000_000)))
                .startsWith("not supported on real hosts: slow db1/mysqld by 2s"));
        assertTrue(SshLab.refusal(new Action(Verb.RESUME, new Target.Host("db1"))).contains("only resumed after a stall"));
        assertNull(SshLab.refusal(new Action(Verb.RESUME, new Target.Process("db1", ProcessKind.MYSQLD))));
        assertNull(SshLab.refusal(new Action(Verb.HEAL, new Target.PeerPath("db1", "db2", true))));
        assertNull(SshLab.refusal(new Action(Verb.STOP, new Target.Process("db1", ProcessKind.KEEPALIVED))));
        assertEquals(4, java.util.Arrays.stream(Verb.values()).filter(Verb::timingFault).count());
    }
}
