package org.viplab.ui.topology;

import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.viplab.core.model.CheckScriptSpec;
import org.viplab.core.model.Presets;
import org.viplab.core.model.ProcessKind;
import org.viplab.core.model.ProcessState;
import org.viplab.core.model.Topology;
import org.viplab.core.model.VrrpState;
import org.viplab.core.timeline.Actor;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Reason;
import org.viplab.core.timeline.Timeline;
import org.viplab.engine.sim.LiveSimulation;
import org.viplab.engine.sim.SimulatedLab;
import org.viplab.lab.Action;
import org.viplab.lab.Target;
import org.viplab.lab.Verb;
import org.viplab.ui.FxWait;
import org.viplab.ui.common.I18n;
import org.viplab.ui.controls.LabControls;
import org.viplab.ui.live.LabViewModel;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The node card says what the timeline says: events fed through a timeline (written by hand, or the simulator's),
 * and the card's lines read back: the check's last result and its count towards fall or rise, the countdown to
 * its next run, the priority's arithmetic, FAULT by a weight-0 script, the last advert sent.
 */
@ExtendWith(ApplicationExtension.class)
class NodeCardTest {
    static {
        System.setProperty("headless.geometry", "1600x1000-32");
    }

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        org.viplab.ui.settings.Theme.LIGHT.apply();
    }

    private <T> T fx(Callable<T> c) throws Exception { return FxWait.fx(c, 5); }

    /** A drawing of {@code t} following {@code timeline}, as the app builds it. */
    private static final class Drawing {
        final LabViewModel vm = new LabViewModel();
        final I18n i18n = new I18n(Locale.ENGLISH);
        final TopologyView view;
        final Timeline timeline;
        int fed;

        Drawing(Topology t, Timeline timeline) {
            this.timeline = timeline;
            LiveSimulation idle = new LiveSimulation(t, 1); // never started: the controls need an engine to hold
            view = new TopologyView(vm, new LabControls(idle, Runnable::run, i18n), i18n);
            vm.runStarted(t, timeline);
        }

        /** Hands over what the timeline holds beyond what was handed before, as the FX bridge does. */
        void feed() {
            List<LabEvent> fresh = timeline.since(fed);
            fed += fresh.size();
            vm.appended(fresh);
        }
    }

    private Drawing show(Topology t, Timeline timeline) throws Exception {
        return fx(() -> {
            Drawing d = new Drawing(t, timeline);
            stage.setScene(new Scene(d.view, 1300, 800));
            stage.getScene().getStylesheets().add(TopologyView.class.getResource("/org/viplab/ui/viplab.css").toExternalForm());
            stage.show();
            return d;
        });
    }

    private static Topology weighted() {
        Topology t = Presets.mode1();
        CheckScriptSpec s = t.nodes.get(0).keepalived.scripts.get(0);
        s.name = "chk_mysql";
        s.fall = 2;
        s.rise = 2;
        s.intervalSec = 2;
        CheckScriptSpec z = new CheckScriptSpec();
        z.name = "chk_disk";
        z.weight = 0;
        z.intervalSec = 5;
        t.nodes.get(0).keepalived.scripts.add(z);
        return t;
    }

    @Test
    void aScriptedSequenceReadsAsTheCountsThePriorityArithmeticAndFault() throws Exception {
        Topology t = weighted();
        Timeline tl = new Timeline();
        Drawing d = show(t, tl);
        tl.accept(new LabEvent.ProcessChanged(0, "db1", ProcessKind.KEEPALIVED, ProcessState.STOPPED, ProcessState.RUNNING, null));
        tl.accept(new LabEvent.VrrpStateChanged(0, "db1", VrrpState.BACKUP, VrrpState.MASTER, null));
        tl.accept(new LabEvent.AdvertSent(500_000, "db1", 51, 100, 2, 1_000_000));
        tl.accept(new LabEvent.ScriptResult(1_000_000, "db1", "chk_mysql", 1, false, Reason.of(Reason.Code.PS_NONE, "mysqld")));
        fx(() -> { d.feed(); return null; });
        List<String> lines = fx(() -> d.view.cardTexts("db1"));
        assertEquals("MASTER \u00b7 priority 100", lines.get(0), "one failure of fall 2: no change yet");
        assertEquals("chk_mysql: ps -C mysqld: none, exit 1\nOK, fall 1/2 \u00b7 next run in 2.000 s", lines.get(1));
        assertEquals("chk_disk: not run yet\nOK, fall 0/1 \u00b7 next run not known", lines.get(2));
        assertEquals("last advert sent: priority 100 at 0.500 s", lines.get(3));

        // the second failure: failed, priority 100 - 5; the countdown runs on the lab clock
        tl.accept(new LabEvent.ScriptResult(3_000_000, "db1", "chk_mysql", 1, true, Reason.of(Reason.Code.PS_NONE, "mysqld")));
        tl.accept(new LabEvent.PriorityChanged(3_000_000, "db1", 100, 95, Reason.of(Reason.Code.TRACK_SCRIPT)));
        tl.accept(new LabEvent.AdvertSent(3_500_000, "db1", 51, 95, 2, 1_000_000));
        fx(() -> { d.feed(); return null; });
        lines = fx(() -> d.view.cardTexts("db1"));
        assertEquals("MASTER \u00b7 priority 100 \u2212 5 = 95", lines.get(0));
        assertEquals("chk_mysql: ps -C mysqld: none, exit 1\nFAILED, rise 0/2 \u00b7 next run in 1.500 s", lines.get(1));
        assertEquals("last advert sent: priority 95 at 3.500 s", lines.get(3));

        // one success of rise 2, then the weight-0 script fails: FAULT, and the priority-0 advert says so
        tl.accept(new LabEvent.ScriptResult(5_000_000, "db1", "chk_mysql", 0, true, Reason.of(Reason.Code.PS_FOUND, "mysqld")));
        tl.accept(new LabEvent.ScriptResult(5_100_000, "db1", "chk_disk", 1, true, null));
        tl.accept(new LabEvent.VrrpStateChanged(5_100_000, "db1", VrrpState.MASTER, VrrpState.FAULT, null));
        tl.accept(new LabEvent.AdvertSent(5_100_000, "db1", 51, 0, 2, 1_000_000));
        fx(() -> { d.feed(); return null; });
        lines = fx(() -> d.view.cardTexts("db1"));
        assertEquals("FAULT (weight 0: chk_disk failed)", lines.get(0));
        assertEquals("chk_mysql: ps -C mysqld: found, exit 0\nFAILED, rise 1/2 \u00b7 next run in 1.900 s", lines.get(1));
        assertEquals("chk_disk: exit 1\nFAILED, rise 0/1 \u00b7 next run in 5.000 s", lines.get(2));
        assertEquals("last advert sent: priority 0 at 5.100 s", lines.get(3));

        fx(() -> { d.i18n.setLocale(I18n.CHINESE); return null; });
        lines = fx(() -> d.view.cardTexts("db1"));
        assertEquals("FAULT\uff08\u6743\u91cd 0\uff1achk_disk \u5931\u8d25\uff09", lines.get(0));
        assertTrue(lines.get(1).contains("\u6062\u590d\u8ba1\u6570 1/2"), lines.get(1));
        assertEquals("\u6700\u8fd1\u53d1\u51fa\u7684\u901a\u544a\uff1a\u4f18\u5148\u7ea7 0\uff0c\u4e8e 5.100 \u79d2", lines.get(3));
    }

    @Test
    void mode1MysqldStopShowsTheCheckStillFindingItThenStoppedWithItsPriorityZeroAdvert() throws Exception {
        Timeline tl = new Timeline();
        SimulatedLab lab = SimulatedLab.steadyState(Presets.mode1(), 1, tl);
        Drawing d = show(Presets.mode1(), tl);
        lab.runUntil(13_000_000);
        lab.apply(new Action(Verb.STOP, new Target.Process("db1", ProcessKind.MYSQLD)), Actor.USER);
        lab.runUntil(14_000_000);
        fx(() -> { d.feed(); return null; });
        List<String> lines = fx(() -> d.view.cardTexts("db1"));
        // mysqld is gone, but the check has not run since: the card says when it will
        assertEquals("MASTER \u00b7 priority 100", lines.get(0));
        assertTrue(lines.get(1).startsWith("check_haproxy: ps -C mysqld: found, exit 0\nOK, fall 0/1 \u00b7 next run in 0."), lines.get(1));

        lab.runUntil(15_000_000);
        fx(() -> { d.feed(); return null; });
        lines = fx(() -> d.view.cardTexts("db1"));
        assertEquals("stopped", lines.get(0), "a stopped keepalived has no priority to show");
        assertTrue(lines.get(1).startsWith("check_haproxy: ps -C mysqld: none, exit 0\nOK, fall 0/1 \u00b7 not running (keepalived "), lines.get(1));
        assertTrue(lines.get(2).startsWith("last advert sent: priority 0 at 14.8"), lines.get(2));
        assertEquals("BACKUP \u00b7 priority 90", fx(() -> d.view.cardTexts("db2")).get(0), "db2 waits Skew(90) after the priority-0 advert");
        lab.runUntil(16_000_000);
        fx(() -> { d.feed(); return null; });
        assertEquals("MASTER \u00b7 priority 90", fx(() -> d.view.cardTexts("db2")).get(0));
    }

    /** The readwrite preset: each card has a line for VI_READ, its state and the read VIP while held; a PNG to look at. */
    @Test
    void eachCardShowsTheOtherInstancesStateAndTheVipsItHolds() throws Exception {
        Timeline tl = new Timeline();
        SimulatedLab lab = SimulatedLab.steadyState(Presets.readWrite(), 1, tl);
        Drawing d = show(Presets.readWrite(), tl);
        fx(() -> { d.feed(); return null; });
        List<String> db1 = fx(() -> d.view.cardTexts("db1"));
        assertEquals("VI_READ MASTER \u00b7 holds 10.9.8.121", db1.get(db1.size() - 1));
        assertEquals("VI_READ BACKUP", fx(() -> d.view.cardTexts("db2")).get(fx(() -> d.view.cardTexts("db2")).size() - 1));
        lab.apply(new Action(Verb.STOP, new Target.Process("db1", ProcessKind.MYSQLD)), Actor.USER);
        lab.runUntil(10_000_000);
        fx(() -> { d.feed(); return null; });
        db1 = fx(() -> d.view.cardTexts("db1"));
        List<String> db2 = fx(() -> d.view.cardTexts("db2"));
        assertEquals("VI_READ FAULT", db1.get(db1.size() - 1), "the sync group faulted it with VI_WRITE");
        assertEquals("VI_READ MASTER \u00b7 holds 10.9.8.121", db2.get(db2.size() - 1));
        assertTrue(db2.get(db2.size() - 2).startsWith("last advert sent: priority 90"), "VI_WRITE's advert, not VI_READ's: " + db2);
        java.nio.file.Path shot = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots")).resolve("readwrite-cards.png");
        javafx.scene.image.WritableImage img = fx(() -> stage.getScene().snapshot(null));
        javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(img, null), "png", shot.toFile());
    }

    @Test
    void aRealHostsKeepalivedLogReadsOnTheCardAndBackInTime() throws Exception {
        // db1's keepalived log of a real-lab run (stop, then start: BACKUP, the script, MASTER again), parsed by
        // the SSH engine's parser as a real-host run would be; lab time 0 = 13:28:00 on the host's clock
        var parser = new org.viplab.observe.KeepalivedLogParser("db1", java.time.ZoneOffset.UTC, true, 51, 1_000_000);
        parser.assume(VrrpState.MASTER, ProcessState.RUNNING);
        long zero = java.time.LocalDateTime.parse("2026-11-25T13:28:00").toEpochSecond(java.time.ZoneOffset.UTC) * 1_000_000;
        var time = org.viplab.observe.TimeMap.offset(zero, 0);
        Timeline tl = new Timeline();
        tl.accept(new LabEvent.ProcessChanged(0, "db1", ProcessKind.KEEPALIVED, ProcessState.STOPPED, ProcessState.RUNNING, null));
        tl.accept(new LabEvent.VrrpStateChanged(0, "db1", VrrpState.BACKUP, VrrpState.MASTER, null));
        try (var in = getClass().getResourceAsStream("/fixtures/real-lab-2026-11-25/S1-run1/keepalived-db1.log")) {
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                for (LabEvent e : parser.parse(line, time)) tl.accept(e);
            }
        }
        Drawing d = show(Presets.mode1(), tl);
        fx(() -> { d.feed(); return null; });
        List<String> lines = fx(() -> d.view.cardTexts("db1"));
        assertEquals("MASTER \u00b7 priority 100", lines.get(0), "back to MASTER at 28.770 s");
        assertTrue(lines.get(1).startsWith("check_haproxy: ") && lines.get(1).contains("OK, fall 0/1"), lines.get(1));
        assertEquals("last advert sent: priority 0 at 4.962 s", lines.get(2), "the log's 'sent 0 priority' (no capture here)");

        LabEvent release = fx(() -> d.vm.events().stream().filter(e -> e instanceof LabEvent.AdvertSent a && a.priority() == 0).findFirst().orElseThrow());
        fx(() -> d.view.timeTravel().view(release));
        lines = fx(() -> d.view.cardTexts("db1"));
        assertEquals("stopped", lines.get(0), "at 4.962 s keepalived was stopping: no priority");
        assertTrue(lines.get(1).contains("not running (keepalived stopping)"), lines.get(1));
    }
}
