package org.viplab.ui.sweep;

import org.junit.jupiter.api.Test;
import org.viplab.drill.Drill;
import org.viplab.engine.sim.SimulatedLab;
import org.viplab.sweep.SweepResult;
import org.viplab.sweep.SweepRunner;
import org.viplab.ui.common.CurrentThreadTaskExecutor;
import org.viplab.ui.common.I18n;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Sweep tab's model, driven without a window: run, progress, the worst runs, opening one, errors and cancel. */
class SweepModelTest {
    private static final SweepRunner.LabFactory SIM = (d, t) -> SimulatedLab.steadyState(d.topology(), d.seed(), t);
    private final List<Drill> opened = new ArrayList<>();
    private final I18n i18n = new I18n(Locale.ENGLISH);

    private SweepModel model(SweepRunner.LabFactory labs) {
        SweepModel m = new SweepModel(new CurrentThreadTaskExecutor(), labs, i18n, opened::add, 2);
        m.fileProperty().set("samples/drills/01-mode1-basic-failover.json");
        m.seedsProperty().set("1-15");
        m.settingsProperty().set("db2.keepalived.priority=90,99\n");
        return m;
    }

    @Test
    void aSweepListsItsWorstRunsAndOpensOneAsAnOrdinaryDrill() throws Exception {
        SweepModel m = model(SIM);
        SweepResult r = m.run().get();
        assertEquals(30, r.finished());
        assertEquals(1.0, m.progressProperty().get());
        assertFalse(m.runningProperty().get());
        assertEquals("30 runs, 30 passed. Double-click a run below to open it as an ordinary drill run.", m.stateProperty().get());
        assertEquals(10, m.worst().size(), "five per combination");
        for (int i = 1; i < m.worst().size(); i++) assertTrue(m.worst().get(i - 1).downtimeMs() >= m.worst().get(i).downtimeMs());
        SweepModel.WorstRun w = m.worst().get(0);
        m.open(w);
        Drill d = opened.get(0);
        assertEquals(w.seed(), d.seed());
        int priority = w.combination().endsWith("=99") ? 99 : 90;
        assertEquals(priority, d.topology().node("db2").keepalived.priority, "the run's settings come with it");
        assertEquals("Seed " + w.seed() + " is loaded in the Drill panel: press Run to watch it.", m.stateProperty().get());
        i18n.setLocale(I18n.CHINESE);
        assertTrue(m.stateProperty().get().startsWith("种子 " + w.seed()), "the state follows the language");
    }

    @Test
    void aBadSettingIsShownAndNothingRuns() {
        SweepModel m = model(SIM);
        m.settingsProperty().set("db2.keepalived.prority=90");
        assertThrows(CompletionException.class, () -> m.run().join());
        assertTrue(m.stateProperty().get().startsWith("Cannot sweep: --set db2.keepalived.prority: no such setting"), m.stateProperty().get());
        assertFalse(m.runningProperty().get());
        assertEquals(null, m.resultProperty().get());
    }

    @Test
    void cancelStopsTheSweepWithWhatItFinished() throws Exception {
        AtomicInteger started = new AtomicInteger();
        SweepModel[] self = new SweepModel[1];
        SweepModel m = model((d, t) -> {
            if (started.incrementAndGet() == 4) self[0].cancel();
            return SIM.create(d, t);
        });
        self[0] = m;
        SweepResult r = m.run().get();
        assertTrue(r.cancelled());
        assertTrue(m.stateProperty().get().startsWith("Cancelled: "), m.stateProperty().get());
        assertTrue(m.stateProperty().get().endsWith(" of 30 runs finished."), m.stateProperty().get());
    }
}
