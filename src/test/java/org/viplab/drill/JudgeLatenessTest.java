package org.viplab.drill;

import org.viplab.core.timeline.Reason;
import org.viplab.core.timeline.Actor;
import org.junit.jupiter.api.Test;
import org.viplab.core.model.ProcessKind;
import org.viplab.core.timeline.LabEvent;
import org.viplab.lab.Action;
import org.viplab.lab.Target;
import org.viplab.lab.Verb;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On real hosts an action may begin late (opening a channel on a loaded host): the expectations after it
 * are anchored to when it really began, the lateness is in the verdict, and beyond the tolerance it fails.
 */
class JudgeLatenessTest {
    static final String VIP = "10.9.8.120";
    static final Step.ActionStep STOP = new Step.ActionStep(0, 1, 10_000_000, new Action(Verb.STOP, new Target.Process("db1", ProcessKind.MYSQLD)));
    static final Step.ExpectStep VIP_ON_DB2 = new Step.ExpectStep(1, 2, 10_000_000, Expectation.VIP_ON, "db2", null, 2_000_000L, null, null, false);

    /** The stop began {@code lateUs} after its scheduled 10 s; the failover took 973 ms from there. */
    static List<LabEvent> run(long lateUs) {
        long began = 10_000_000 + lateUs;
        return List.of(new LabEvent.VipChanged(0, "db1", VIP, true, Reason.of(Reason.Code.AT_ZERO)),
                new LabEvent.ActionApplied(began, "stop", "db1/mysqld", Actor.DRILL),
                new LabEvent.VipChanged(began + 900_000, "db1", VIP, false, Reason.text("gone")),
                new LabEvent.VipChanged(began + 973_000, "db2", VIP, true, Reason.text("taken over")));
    }

    @Test
    void aLateActionMovesTheWindowAndSaysSo() {
        Verdict v = new Judge(run(1_233_000), 20_000_000, List.of(STOP)).judge(VIP_ON_DB2, 20_000_000);
        assertEquals(Verdict.Status.PASSED, v.status(), v.detail());
        assertEquals("true from t=12.206s, 973ms after t=11.233s; the action before it began 1.233s late, so the window starts at t=11.233s",
                v.detail(), "the failover is measured from when the stop began");
        // anchored to the schedule, the same run fails: the VIP came at 12.206 s, after the 12 s deadline
        Verdict scheduled = new Judge(run(1_233_000), 20_000_000).judge(VIP_ON_DB2, 20_000_000);
        assertEquals(Verdict.Status.FAILED, scheduled.status(), scheduled.detail());
    }

    @Test
    void onTimeChangesNothingAndTooLateFails() {
        Verdict onTime = new Judge(run(0), 20_000_000, List.of(STOP)).judge(VIP_ON_DB2, 20_000_000);
        assertEquals(new Judge(run(0), 20_000_000).judge(VIP_ON_DB2, 20_000_000), onTime, "the simulator's verdicts are unchanged");
        Verdict late = new Judge(run(2_500_000), 20_000_000, List.of(STOP)).judge(VIP_ON_DB2, 20_000_000);
        assertEquals(Verdict.Status.FAILED, late.status());
        assertTrue(late.detail().contains("beyond the tolerance of"), late.detail());
    }
}
