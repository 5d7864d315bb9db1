package org.viplab.core.text;

import org.junit.jupiter.api.Test;
import org.viplab.core.timeline.Actor;
import org.viplab.core.timeline.JsonLines;
import org.viplab.core.timeline.JsonLinesReader;
import org.viplab.core.timeline.LabEvent;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** A timing fault's action in the event list, in both languages, and its amount kept through JSON Lines. */
class TimingFaultTextTest {
    private static final EventFormatter EN = EventFormatter.of(Locale.ENGLISH);
    private static final EventFormatter ZH = EventFormatter.of(Locale.SIMPLIFIED_CHINESE);

    private static LabEvent.ActionApplied act(String verb, String target, String detail) {
        return new LabEvent.ActionApplied(5_000_000, verb, target, Actor.DRILL, detail);
    }

    @Test
    void eachAmountReadsInEnglishAndChinese() {
        assertEquals("stall db1 for 3.7 s (by drill)", EN.details(act("stall", "db1", "for 3.7s")));
        assertEquals("delay db1-db2 by 200 ms jitter 50 ms (by drill)", EN.details(act("delay", "db1-db2", "by 200ms jitter 50ms")));
        assertEquals("loss on db1-db2/vrrp 30% (by drill)", EN.details(act("loss", "db1-db2/vrrp", "30%")));
        assertEquals("slow db1/mysqld by 2.5 s (by drill)", EN.details(act("slow", "db1/mysqld", "by 2.5s")));
        assertEquals("停顿（无 CPU） db1，持续 3.7 秒（执行者：演练）", ZH.details(act("stall", "db1", "for 3.7s")));
        assertEquals("丢包 db1-db2/vrrp，丢包率 30%（执行者：演练）", ZH.details(act("loss", "db1-db2/vrrp", "30%")));
        assertEquals("stop db1/mysqld (by drill)", EN.details(new LabEvent.ActionApplied(0, "stop", "db1/mysqld", Actor.DRILL)));
    }

    @Test
    void theAmountSurvivesJsonLinesAndIsAbsentForOtherActions() throws Exception {
        LabEvent.ActionApplied stall = act("stall", "db1", "for 3.7s");
        LabEvent.ActionApplied stop = new LabEvent.ActionApplied(0, "stop", "db1/mysqld", Actor.DRILL);
        assertFalse(JsonLines.line(stop).contains("detail"), "files of the other actions are unchanged");
        List<LabEvent> back = new ArrayList<>();
        JsonLinesReader.read("t.jsonl", new StringReader(JsonLines.line(stall) + "\n" + JsonLines.line(stop) + "\n"), back::add);
        assertEquals(List.of(stall, stop), back);
    }
}
