package org.viplab.charts;

import org.junit.jupiter.api.Test;
import org.viplab.core.model.Presets;
import org.viplab.core.timeline.LabEvent;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The adverts chart plots the client VIP's instance: another instance's adverts (its own priority) stay off the lane. */
class InstanceAdvertsTest {
    @Test
    void onlyTheClientVipsInstanceIsPlottedWhenANodeHasSeveral() {
        List<LabEvent> events = List.of(
                new LabEvent.AdvertSent(1_000_000, "db1", 51, 100, 2, 1_000_000),
                new LabEvent.AdvertSent(1_000_000, "db1", 52, 50, 2, 1_000_000),
                new LabEvent.AdvertSent(2_000_000, "db2", 51, 90, 2, 1_000_000));
        assertEquals(2, ChartData.of(Presets.readWrite(), events).adverts.size());
        // one instance per node: every advert is that node's, whatever its VRID (a recorded run may not match the topology)
        assertEquals(3, ChartData.of(Presets.mode1(), events).adverts.size());
    }
}
