package org.viplab.ui.topology;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.viplab.core.model.Presets;
import org.viplab.core.model.ProcessKind;
import org.viplab.core.model.Topology;
import org.viplab.core.model.VrrpState;
import org.viplab.core.timeline.Actor;
import org.viplab.core.timeline.LabEvent;
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
import org.viplab.ui.live.TimeTravel;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The drawing at a chosen moment, computed from the timeline alone; the caption of the VIP's last move; the
 * adverts on the wire (a priority-0 advert larger and red, merged at speed, a frame mid-flight saved).
 */
@ExtendWith(ApplicationExtension.class)
class TimeTravelTest {
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

    /** Mode 1 (or {@code t}): steady state, mysqld stopped on db1 at 13 s, run to 17 s; the drawing following it live. */
    private static final class Failover {
        final Timeline tl = new Timeline();
        final LabViewModel vm = new LabViewModel();
        final I18n i18n = new I18n(Locale.ENGLISH);
        final TopologyView view;
        final SimulatedLab lab;
        int fed;

        Failover(Topology t) {
            lab = SimulatedLab.steadyState(t, 1, tl);
            view = new TopologyView(vm, new LabControls(new LiveSimulation(t, 1), Runnable::run, i18n), i18n);
            vm.runStarted(t, tl);
        }

        void runTo(long us) {
            lab.runUntil(us);
            List<LabEvent> fresh = tl.since(fed);
            fed += fresh.size();
            vm.appended(fresh);
        }

        <T extends LabEvent> T first(Class<T> type, Predicate<T> p) {
            for (LabEvent e : vm.events()) if (type.isInstance(e) && p.test(type.cast(e))) return type.cast(e);
            throw new AssertionError("no such " + type.getSimpleName());
        }
    }

    private Failover mode1Failover() throws Exception {
        Failover f = fx(() -> {
            Failover x = new Failover(Presets.mode1());
            stage.setScene(new Scene(x.view, 1300, 800));
            stage.getScene().getStylesheets().add(TopologyView.class.getResource("/org/viplab/ui/viplab.css").toExternalForm());
            stage.show();
            x.runTo(13_000_000);
            x.lab.apply(new Action(Verb.STOP, new Target.Process("db1", ProcessKind.MYSQLD)), Actor.USER);
            x.runTo(17_000_000);
            return x;
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        return f;
    }

    @Test
    void theDrawingAtAChosenEventIsTheTimelineUpToItAndBackToLiveCatchesUp() throws Exception {
        Failover f = mode1Failover();
        TimeTravel travel = f.view.timeTravel();
        LabViewModel shown = travel.shown();
        assertEquals(List.of("db2"), fx(() -> List.copyOf(shown.vipHolders())), "live: the VIP is on db2");
        assertEquals("db2 took the VIP: db1 sent priority 0 \u00b7 stop db1/mysqld (by user)", fx(f.view::captionText));

        LabEvent zero = fx(() -> f.first(LabEvent.AdvertSent.class, a -> a.priority() == 0));
        fx(() -> travel.view(zero));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        // just after db1's priority-0 advert: db1 stopped and gave the VIP up, db2 still waits out Skew(90)
        assertEquals(VrrpState.STOPPED, fx(() -> shown.host("db1").vrrpProperty().get()));
        assertEquals(VrrpState.BACKUP, fx(() -> shown.host("db2").vrrpProperty().get()));
        assertTrue(fx(() -> shown.vipHolders().isEmpty()), "nobody holds the VIP in the gap");
        assertEquals(zero.timeUs(), fx(() -> shown.clockProperty().get()));
        assertTrue(fx(() -> f.view.lookup("#time-travel-bar").isVisible()));
        assertEquals("Viewing t = 14.843 s \u00b7 db1: advert, priority 0, VRID 51, VRRPv2, every 1s",
                fx(() -> ((javafx.scene.control.Label) f.view.lookup("#time-travel-text")).getText()));
        assertEquals("last advert sent: priority 0 at 14.843 s", fx(() -> f.view.cardTexts("db1")).get(2));
        assertEquals("db1 took the VIP: the first MASTER elected", fx(f.view::captionText), "the caption of the move before that moment");
        assertEquals(VrrpState.MASTER, fx(() -> f.vm.host("db2").vrrpProperty().get()), "the live model is untouched");
        snapshot(f, "time-travel.png");

        // back in time before the stop, then forward to the VIP on db2: each moment from the timeline
        LabEvent stop = fx(() -> f.first(LabEvent.ActionApplied.class, a -> true));
        fx(() -> travel.view(stop));
        assertEquals(VrrpState.MASTER, fx(() -> shown.host("db1").vrrpProperty().get()));
        assertEquals(List.of("db1"), fx(() -> List.copyOf(shown.vipHolders())));
        LabEvent onDb2 = fx(() -> f.first(LabEvent.VipChanged.class, v -> v.added() && v.host().equals("db2")));
        fx(() -> travel.view(onDb2));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("db2"), fx(() -> List.copyOf(shown.vipHolders())));
        assertEquals("db2 took the VIP: db1 sent priority 0 \u00b7 stop db1/mysqld (by user)", fx(f.view::captionText));

        // the lab goes on while we look back; back to live shows all of it
        fx(() -> { f.runTo(20_000_000); return null; });
        assertEquals(onDb2.timeUs(), fx(() -> shown.clockProperty().get()), "still at the chosen moment");
        fx(() -> { travel.backToLive(); return null; });
        assertTrue(fx(travel::isLive));
        assertFalse(fx(() -> f.view.lookup("#time-travel-bar").isVisible()));
        assertEquals(fx(() -> f.vm.clockProperty().get()), fx(() -> shown.clockProperty().get()));
    }

    @Test
    void advertsTravelOnTheLinkAPriorityZeroOneLargeAndRedAndTheyMergeAtSpeed() throws Exception {
        Failover f = fx(() -> {
            Failover x = new Failover(Presets.mode1());
            stage.setScene(new Scene(x.view, 1300, 800));
            stage.getScene().getStylesheets().add(TopologyView.class.getResource("/org/viplab/ui/viplab.css").toExternalForm());
            stage.show();
            x.view.wire().setPlaying(false); // dots stay in flight until the test holds them mid-way
            x.runTo(13_000_000);
            x.view.wire().clear(); // the frame shows the failover's traffic only
            x.lab.apply(new Action(Verb.STOP, new Target.Process("db1", ProcessKind.MYSQLD)), Actor.USER);
            return x;
        });
        // to just after db1's priority-0 advert, handed over in one batch as at high speed
        WireLayer wire = f.view.wire();
        int launchedBefore = fx(wire::launched);
        int mergedBefore = fx(wire::merged);
        fx(() -> { f.runTo(14_900_000); return null; });
        assertTrue(fx(wire::inFlightStyles).contains("wire-advert-zero"), fx(wire::inFlightStyles).toString() + " launched " + fx(wire::launched) + " merged " + fx(wire::merged));
        assertTrue(fx(wire::inFlightLabels).contains("0"), fx(wire::inFlightLabels).toString());
        // db1's adverts at 13.43, 14.43 and 14.84 s (priority 0) in one batch: one dot, the two later ones merged
        // into it, and the release wins its label (the client's queries fail meanwhile: no query dots)
        assertEquals(List.of("advert db1"), fx(wire::inFlightLanes));
        assertEquals(1, fx(wire::launched) - launchedBefore);
        assertEquals(2, fx(wire::merged) - mergedBefore);
        fx(() -> { f.runTo(15_600_000); return null; }); // db2 MASTER: its GARPs go to the client
        assertTrue(fx(wire::inFlightStyles).contains("wire-garp"), fx(wire::inFlightStyles).toString());
        fx(() -> { wire.holdAt(0.3); return null; });
        snapshot(f, "advert-animation.png");
    }

    @Test
    void captionsSayWhyForAKilledAStoppedAndACutOffMaster() throws Exception {
        // SIGKILL sends nothing and leaves the address: db2 waits a full Master_Down_Interval, then both hold it
        String killed = caption(Presets.mode1(), Verb.KILL, new Target.Process("db1", ProcessKind.KEEPALIVED));
        assertEquals("db2 took the VIP too: no advert from db1 reaches it, the VIP is on both (split brain) \u00b7 kill db1/keepalived (by user)", killed);
        // stopped (SIGTERM): priority 0 and the address released
        String stopped = caption(Presets.mode1(), Verb.STOP, new Target.Process("db1", ProcessKind.KEEPALIVED));
        assertEquals("db2 took the VIP: db1 sent priority 0 \u00b7 stop db1/keepalived (by user)", stopped);
        // the network link of the master down: its FAULT's priority-0 advert cannot leave, db2 times out
        String cut = caption(Presets.mode1(), Verb.CUT, new Target.HostLink("db1"));
        assertEquals("db2 took the VIP: no advert from db1 within the master-down interval \u00b7 cut db1/link (by user)", cut);
    }

    /** The caption after {@code verb target} at 13 s and 10 s more of lab time. */
    private String caption(Topology t, Verb verb, Target target) throws Exception {
        Failover f = fx(() -> {
            Failover x = new Failover(t);
            stage.setScene(new Scene(x.view, 1300, 800));
            stage.show();
            x.runTo(13_000_000);
            x.lab.apply(new Action(verb, target), Actor.USER);
            x.runTo(23_000_000);
            return x;
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        return fx(f.view::captionText);
    }

    @Test
    void inMode2TheClientPathRunsFromTheVipHolderThroughHaproxyToTheMysqldThatAnswered() throws Exception {
        Failover f = fx(() -> {
            Failover x = new Failover(Presets.mode2());
            stage.setScene(new Scene(x.view, 1300, 800));
            stage.show();
            x.view.wire().setPlaying(false);
            x.runTo(10_000_000);
            return x;
        });
        List<Double> path = fx(() -> f.view.wire().clientPathPoints());
        LabEvent.ClientProbe last = fx(() -> f.vm.lastProbeProperty().get());
        String holder = fx(() -> f.vm.vipHolders().get(0));
        assertTrue(last.ok());
        // client -> holder, and on to the backend when haproxy sent the query to the other host's mysqld
        assertEquals(last.backend().equals(holder) ? 4 : 6, path.size(), path + " backend " + last.backend() + " holder " + holder);
        assertEquals(TopologyView.CLIENT_AT.getY(), path.get(1));
        // queries fly to the holder, and haproxy's round robin sends some on to the other host's mysqld
        assertTrue(fx(() -> f.view.wire().inFlightLanes()).containsAll(List.of("probe", "probe " + holder)), fx(() -> f.view.wire().inFlightLanes()).toString());
    }

    private void snapshot(Failover f, String name) throws Exception {
        WritableImage img = fx(() -> f.view.snapshot(null, null));
        Path out = Files.createDirectories(Path.of(name.startsWith("advert") ? "docs" : "target/screenshots")).resolve(name);
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", out.toFile());
    }
}
