package org.viplab.sweep;

import org.junit.jupiter.api.Test;
import org.viplab.core.model.FailoverBudget;
import org.viplab.drill.Drill;
import org.viplab.drill.DrillParser;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The analytic budget against the simulator: over a sweep of seeds (the fault anywhere in the check interval)
 * every run's failover time and client downtime fall inside the budget's range, for each kind of fault.
 */
class FailoverBudgetTest {
    private static Drill drill(String file) throws Exception { return DrillParser.parseFile(Path.of("samples/drills/" + file)); }

    private static void measuredInsideTheBudget(String file, String seeds) throws Exception {
        measuredInsideTheBudget(file, seeds, Metric.FAILOVER);
    }

    /** @param takeover the figure that ends at the new holder's takeover: failover time, or detection when the old holder keeps the VIP */
    private static void measuredInsideTheBudget(String file, String seeds, Metric takeover) throws Exception {
        Drill d = drill(file);
        FailoverBudget.Budget b = DrillBudget.of(d);
        assertNotNull(b, file);
        assertTrue(b.failsOver(), file + ": " + b.noFailover());
        SweepResult r = new SweepRunner().run(SweepPlan.of(d, Seeds.parse(seeds), List.of()), SweepTest.SIM, 2, null, 50);
        CombinationStats s = r.stats().get(0);
        Quantiles failover = s.quantiles().get(takeover);
        Quantiles down = s.quantiles().get(Metric.CLIENT_DOWNTIME);
        assertEquals(s.runs(), failover.n(), file + ": every run fails over");
        assertTrue(failover.min() >= b.failoverMinUs(), file + ": failover min " + failover.min() + " < budget " + b.failoverMinUs());
        assertTrue(failover.max() <= b.failoverMaxUs(), file + ": failover max " + failover.max() + " > budget " + b.failoverMaxUs());
        assertTrue(down.max() <= b.maxUs(), file + ": downtime max " + down.max() + " > budget " + b.maxUs());
        // and the budget is not loose: the measured spread covers most of the budget's
        long spread = failover.max() - failover.min();
        long budgetSpread = b.failoverMaxUs() - b.failoverMinUs();
        assertTrue(spread >= budgetSpread * 0.8, file + ": measured spread " + spread + " against " + budgetSpread);
    }

    @Test
    void mode1MysqldStopShutdownThenTheNextCheckThenSkew() throws Exception {
        FailoverBudget.Budget b = DrillBudget.of(drill("01-mode1-basic-failover.json"));
        assertEquals(List.of("shutdown", "nextCheck", "scriptRun", "serviceStop", "priority0", "garp", "client"),
                b.terms().stream().map(FailoverBudget.Term::id).toList());
        // 300 ms shutdown + 0-3 s + 10 ms + 10 ms + Skew(90) 648.437 ms, then 0-100 ms for the client
        assertEquals(968_437, b.failoverMinUs());
        assertEquals(3_968_437, b.failoverMaxUs());
        assertEquals(4_068_437, b.maxUs());
        assertEquals("db2.keepalived.priority = 90", b.terms().get(4).setting());
        assertEquals("wait for the next check", b.terms().get(1).label(Locale.ENGLISH));
        assertEquals("等待下一次检查", b.terms().get(1).label(Locale.SIMPLIFIED_CHINESE));
        measuredInsideTheBudget("01-mode1-basic-failover.json", "1-40");
    }

    @Test
    void mode2HaproxyKill() throws Exception {
        FailoverBudget.Budget b = DrillBudget.of(drill("02-mode2-basic-failover.json"));
        assertFalse(b.terms().stream().anyMatch(t -> t.id().equals("shutdown")), "a killed haproxy is gone at once");
        measuredInsideTheBudget("02-mode2-basic-failover.json", "1-40");
    }

    @Test
    void aSilentKeepalivedCostsMasterDownInterval() throws Exception {
        FailoverBudget.Budget b = DrillBudget.of(drill("07-mode1-keepalived-sigkill.json"));
        FailoverBudget.Term t = b.terms().get(0);
        assertEquals("masterDown", t.id());
        // (3 - 1) × 1 s + Skew(90) … 3 × 1 s + Skew(90): from the last advert heard
        assertEquals(2_648_437, t.minUs());
        assertEquals(3_648_437, t.maxUs());
        // a killed keepalived leaves the VIP on db1 too (split brain): the budget ends at db2's takeover, which
        // the drill's figures call detection (the VIP's first move), not failover (db2 alone, at the restore)
        measuredInsideTheBudget("07-mode1-keepalived-sigkill.json", "1-30", Metric.DETECTION);
    }

    @Test
    void aStoppedKeepalivedCostsSkewAlone() throws Exception {
        FailoverBudget.Budget b = DrillBudget.of(drill("13-preempt-failback.json"));
        assertEquals(648_437, b.failoverMaxUs());
        assertEquals(648_437, b.failoverMinUs());
    }

    @Test
    void faultsThatMoveNoVipSaySo() throws Exception {
        FailoverBudget.Budget kill = DrillBudget.of(drill("22-mode1-kill9-mysqld-no-failover.json"));
        assertFalse(kill.failsOver());
        assertTrue(kill.noFailover().english().contains("mysqld_safe"), kill.noFailover().english());
        assertNull(DrillBudget.of(drill("09-mode1-split-brain-blackhole.json")), "a cut between the nodes is no fault of the holder");
    }
}
