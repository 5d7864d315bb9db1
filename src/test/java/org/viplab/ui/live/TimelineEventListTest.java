package org.viplab.ui.live;

import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;
import org.viplab.core.model.Presets;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Timeline;
import org.viplab.engine.sim.SimulatedLab;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The event list shows the run's timeline, as far as it was handed over, without copying it. Runs without a window. */
class TimelineEventListTest {
    @Test
    void theListShowsTheTimelinesEventsAsFarAsHandedOverAndAnnouncesEachBatch() {
        Timeline tl = new Timeline();
        SimulatedLab lab = SimulatedLab.steadyState(Presets.mode2(), 1, tl);
        lab.runUntil(60_000_000);
        LabViewModel vm = new LabViewModel();
        List<Integer> added = new ArrayList<>();
        vm.events().addListener((ListChangeListener<LabEvent>) c -> {
            while (c.next()) if (c.wasAdded()) added.add(c.getAddedSize());
        });
        vm.runStarted(Presets.mode2(), tl);
        List<LabEvent> all = tl.snapshot();
        vm.appended(all.subList(0, 100));
        assertEquals(all.subList(0, 100), vm.events());
        vm.appended(all.subList(100, all.size()));
        assertEquals(all, vm.events());
        assertEquals(List.of(100, all.size() - 100), added);

        lab.runUntil(61_000_000); // appended but not handed over yet: not shown
        assertEquals(all.size(), vm.events().size());
        vm.runStarted(Presets.mode2(), new Timeline()); // a new run empties the list
        assertEquals(0, vm.events().size());
    }

    @Test
    void batchesHandedOverWithoutATimelineAreKeptAndShownInOrder() {
        LabViewModel vm = new LabViewModel();
        vm.runStarted(Presets.mode1());
        List<LabEvent> batch = new ArrayList<>();
        for (int i = 0; i < 50; i++) batch.add(new LabEvent.ClientProbe(i * 100_000L, true, 900, "db1", LabEvent.ProbeFailure.NONE));
        batch.add(new LabEvent.LinkChanged(5_000_000, "db1/link", true));
        vm.appended(batch);
        vm.appended(List.of(new LabEvent.LinkChanged(6_000_000, "db1/link", false)));
        List<LabEvent> expected = new ArrayList<>(batch);
        expected.add(new LabEvent.LinkChanged(6_000_000, "db1/link", false));
        assertEquals(expected, vm.events());
        vm.runStarted(Presets.mode1());
        assertEquals(List.of(), vm.events());
    }
}
