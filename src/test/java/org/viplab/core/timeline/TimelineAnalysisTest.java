package org.viplab.core.timeline;

import org.viplab.core.timeline.Actor;
import org.junit.jupiter.api.Test;
import org.viplab.core.timeline.LabEvent.ClientProbe;
import org.viplab.core.timeline.LabEvent.ProbeFailure;
import org.viplab.core.timeline.LabEvent.VipChanged;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Figures from a hand-made timeline: no engine needed, as the design wants. */
class TimelineAnalysisTest {
    private static VipChanged add(long t, String h) { return new VipChanged(t, h, "10.9.8.120", true, null); }

    private static VipChanged del(long t, String h) { return new VipChanged(t, h, "10.9.8.120", false, null); }

    private static ClientProbe ok(long t) { return new ClientProbe(t, true, 800, "db1", ProbeFailure.NONE); }

    private static ClientProbe bad(long t) { return new ClientProbe(t, false, 1_000_000, "", ProbeFailure.TIMEOUT); }

    @Test
    void spansGapsOverlapsAndFailovers() {
        List<LabEvent> ev = List.of(
                add(-5_000_000, "db1"),                               // before the window: db1 holds it at 0
                new LabEvent.ActionApplied(1_000_000, "stop", "db1/keepalived", Actor.DRILL),
                del(1_000_000, "db1"), add(1_648_437, "db2"),          // failover with a 648 ms gap
                add(10_000_000, "db1"), del(10_050_000, "db2"),        // 50 ms handover overlap: not split brain
                add(20_000_000, "db2"),                                // split brain for 5 s
                del(25_000_000, "db2"));
        TimelineAnalysis a = new TimelineAnalysis(ev, 0, 30_000_000);
        assertEquals(Set.of("db1"), a.holdersAt(0));
        assertEquals(Set.of(), a.holdersAt(1_200_000));
        assertEquals(Set.of("db1", "db2"), a.holdersAt(22_000_000));
        assertEquals(648_437, a.longestGapUs());
        assertEquals(2, a.overlaps().size());
        assertEquals(1, a.splitBrains().size());
        assertEquals(5_000_000, a.splitBrainUs());
        List<Failover> f = a.failovers();
        assertEquals(2, f.size(), "db1 -> db2, then db2 -> db1 through a handover overlap");
        assertEquals("db1", f.get(0).from());
        assertEquals("stop db1/keepalived", f.get(0).cause());
        assertEquals(0, f.get(0).detectionUs());
        assertEquals(648_437, f.get(0).failoverUs());
        assertEquals(648_437, f.get(0).gapUs());
        assertEquals(50_000, f.get(1).overlapUs());
    }

    @Test
    void outagesRunFromTheFirstFailureToTheNextSuccessAndOpenOnesEndAtTheWindow() {
        List<LabEvent> ev = List.of(bad(-100_000), ok(0), ok(100_000), bad(200_000), bad(300_000), ok(400_000), bad(900_000));
        TimelineAnalysis a = new TimelineAnalysis(ev, 0, 1_000_000);
        assertEquals(2, a.outages().size());
        assertEquals(200_000, a.outages().get(0).startUs());
        assertEquals(200_000, a.outages().get(0).lengthUs());
        assertEquals(2, a.outages().get(0).failedProbes());
        assertEquals(100_000, a.outages().get(1).lengthUs());
        assertEquals(true, a.outages().get(1).open());
        // an outage already going at the window's start counts from the start
        TimelineAnalysis late = new TimelineAnalysis(List.of(bad(-300_000), bad(50_000), ok(150_000)), 0, 1_000_000);
        assertEquals(0, late.outages().get(0).startUs());
        assertEquals(150_000, late.longestOutageUs());
        assertEquals(2, late.probes());
        assertEquals(1, late.failedProbes());
    }
}
