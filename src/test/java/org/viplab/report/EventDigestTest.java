package org.viplab.report;

import org.junit.jupiter.api.Test;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.LabEvent.ProbeFailure;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EventDigestTest {
    @Test
    void listsChangesNotRoutineRepeats() {
        List<LabEvent> in = List.of(
                new LabEvent.AdvertSent(0, "db1", 51, 100, 2, 1_000_000),
                new LabEvent.AdvertSent(1, "db1", 51, 100, 2, 1_000_000),   // repeat
                new LabEvent.AdvertSent(2, "db1", 51, 95, 2, 1_000_000),    // priority changed
                new LabEvent.AdvertSent(3, "db1", 51, 0, 2, 1_000_000),     // priority 0: always
                new LabEvent.AdvertSent(4, "db2", 51, 90, 2, 1_000_000),    // new advertiser
                new LabEvent.AdvertSent(5, "db2", 51, 90, 2, 1_000_000),    // repeat
                new LabEvent.ClientProbe(10, true, 1, "db1", ProbeFailure.NONE),
                new LabEvent.ClientProbe(11, true, 1, "db2", ProbeFailure.NONE),  // roundrobin: db2's first answer
                new LabEvent.ClientProbe(12, true, 1, "db1", ProbeFailure.NONE),  // routine
                new LabEvent.ClientProbe(13, true, 1, "db2", ProbeFailure.NONE),  // routine
                new LabEvent.ClientProbe(14, false, 1, null, ProbeFailure.TIMEOUT),
                new LabEvent.ClientProbe(15, false, 1, null, ProbeFailure.TIMEOUT), // same failure
                new LabEvent.ClientProbe(16, false, 1, null, ProbeFailure.REFUSED), // another failure
                new LabEvent.ClientProbe(17, true, 1, "db2", ProbeFailure.NONE),    // back
                new LabEvent.ClientProbe(18, true, 1, "db2", ProbeFailure.NONE),
                new LabEvent.VipChanged(19, "db2", "10.9.8.120", true, null));       // always
        EventDigest d = new EventDigest();
        List<Long> listed = new ArrayList<>();
        for (LabEvent e : in) if (d.listed(e)) listed.add(e.timeUs());
        assertEquals(List.of(0L, 2L, 3L, 4L, 10L, 11L, 14L, 16L, 17L, 19L), listed);
    }
}
