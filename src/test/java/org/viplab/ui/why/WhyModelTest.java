package org.viplab.ui.why;

import org.junit.jupiter.api.Test;
import org.viplab.core.text.EventFormatter;
import org.viplab.core.timeline.Actor;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Reason;
import org.viplab.core.timeline.Timeline;

import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WhyModelTest {
    private final Timeline tl = new Timeline();
    private final LabEvent stop = new LabEvent.ActionApplied(35_800_000, "stop", "db1/mysqld", Actor.USER);
    private final LabEvent unrelated = new LabEvent.AdvertSent(35_900_000, "db1", 51, 100, 2, 1_000_000);
    private final LabEvent advert0 = new LabEvent.AdvertSent(37_810_000, "db1", 51, 0, 2, 1_000_000);
    private final LabEvent vip = new LabEvent.VipChanged(38_460_400, "db2", "10.0.0.100", true, Reason.of(Reason.Code.VRRP_STATE, "MASTER"));

    WhyModelTest() {
        long s = tl.accept(stop, -1);
        tl.accept(unrelated, -1);
        long a = tl.accept(advert0, s);
        tl.accept(vip, a);
    }

    @Test
    void statesTheChainFromTheRootWithTimesAndDeltas() {
        List<WhyModel.Line> lines = WhyModel.lines(tl, vip, EventFormatter.english());
        assertEquals(List.of(0L, 2L, 3L), lines.stream().map(WhyModel.Line::id).toList());
        assertEquals(List.of(1, 2, 3), lines.stream().map(WhyModel.Line::number).toList());
        assertEquals(List.of("35.800", "37.810", "38.460"), lines.stream().map(WhyModel.Line::time).toList());
        assertNull(lines.get(0).delta());
        assertEquals("2.010", lines.get(1).delta());
        assertEquals("0.650", lines.get(2).delta());
        assertEquals(EventFormatter.english().details(stop), lines.get(0).text());
        assertEquals("db2", lines.get(2).host());
        assertTrue(lines.get(0).text().contains("db1/mysqld"), lines.get(0).text());
    }

    @Test
    void speaksTheFormattersLanguage() {
        EventFormatter zh = EventFormatter.of(Locale.SIMPLIFIED_CHINESE);
        assertEquals(zh.details(advert0), WhyModel.lines(tl, vip, zh).get(1).text());
    }

    @Test
    void anEventWithoutCauseIsItsOwnRootAndAnUnknownOneHasNoLines() {
        assertEquals(List.of(1L), WhyModel.lines(tl, unrelated, EventFormatter.english()).stream().map(WhyModel.Line::id).toList());
        // an equal record that is not the timeline's instance is not in it
        LabEvent copy = new LabEvent.AdvertSent(35_900_000, "db1", 51, 100, 2, 1_000_000);
        assertEquals(List.of(), WhyModel.lines(tl, copy, EventFormatter.english()));
        assertEquals(List.of(), WhyModel.lines(null, vip, EventFormatter.english()));
    }
}
