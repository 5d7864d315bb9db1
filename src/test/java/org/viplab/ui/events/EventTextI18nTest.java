package org.viplab.ui.events;

import org.junit.jupiter.api.Test;
import org.viplab.testing.Drills;
import org.viplab.core.timeline.LabEvent;
import org.viplab.ui.common.I18n;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** The event list's texts for every kind of event the sample drills produce, in both languages: no missing key, no record dump. */
class EventTextI18nTest {
    @Test
    void everyEventOfTheSampleDrillsHasAText() throws Exception {
        List<LabEvent> all = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("samples/drills"))) {
            for (Path p : s.filter(p -> p.toString().endsWith(".json") && !p.getFileName().toString().startsWith("real-")).sorted().toList()) {
                all.addAll(Drills.runFile(p).events());
            }
        }
        Set<String> kinds = new TreeSet<>();
        all.forEach(e -> kinds.add(e.kind()));
        assertTrue(kinds.contains("cluster") && all.stream().anyMatch(e -> e instanceof LabEvent.ClientProbe p
                && p.failure() == LabEvent.ProbeFailure.REJECTED), "the samples have cluster events and rejected queries: " + kinds);
        for (I18n t : List.of(new I18n(I18n.ENGLISH), new I18n(I18n.CHINESE))) {
            for (LabEvent e : all) {
                String d = EventText.details(t, e);
                assertFalse(d.contains("!"), "a missing key in " + t.locale() + ": " + d);
                assertFalse(d.startsWith(e.getClass().getSimpleName() + "["), "a record dump: " + d);
            }
        }
        LabEvent.ClusterStatus c = new LabEvent.ClusterStatus(0, "db1", "non-Primary: no quorum (1 of 2)", false);
        assertEquals("cluster: non-Primary: no quorum (1 of 2) (not writable)", EventText.details(new I18n(I18n.ENGLISH), c));
        assertEquals("集群：non-Primary: no quorum (1 of 2)（不可写）", EventText.details(new I18n(I18n.CHINESE), c));
        LabEvent.ClientProbe rejected = new LabEvent.ClientProbe(0, false, 20_000, null, LabEvent.ProbeFailure.REJECTED);
        assertEquals("查询失败：查询被拒绝，用时 20ms", EventText.details(new I18n(I18n.CHINESE), rejected));
    }
}
