package org.viplab.ui.topology;

import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.shape.Line;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.viplab.core.model.Presets;
import org.viplab.core.model.Topology;
import org.viplab.core.timeline.Actor;
import org.viplab.core.timeline.Timeline;
import org.viplab.drill.DrillParser;
import org.viplab.engine.sim.LiveSimulation;
import org.viplab.engine.sim.SimulatedLab;
import org.viplab.lab.Action;
import org.viplab.lab.Target;
import org.viplab.lab.Verb;
import org.viplab.ui.FxWait;
import org.viplab.ui.common.I18n;
import org.viplab.ui.controls.LabControls;
import org.viplab.ui.live.LabViewModel;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sample 33's two foreign routers (VRID 51, priority 120) are drawn beside the client as dashed cards, clear of the
 * hosts' cards, with a dashed line to each host; the cloned VM is faded and "silent until 10 s" before it starts.
 */
@ExtendWith(ApplicationExtension.class)
class ForeignRouterDrawingTest {
    static {
        System.setProperty("headless.geometry", "1600x1000-32");
    }

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        org.viplab.ui.settings.Theme.LIGHT.apply();
    }

    private <T> T fx(Callable<T> c) throws Exception { return FxWait.fx(c, 10); }

    private TopologyView show(Topology t, Timeline tl, Locale locale) throws Exception {
        return fx(() -> {
            LabViewModel vm = new LabViewModel();
            I18n i18n = new I18n(locale);
            TopologyView view = new TopologyView(vm, new LabControls(new LiveSimulation(t, 1), Runnable::run, i18n), i18n);
            vm.runStarted(t, tl);
            vm.appended(tl.snapshot());
            stage.setScene(new Scene(view, 1300, 800));
            stage.getScene().getStylesheets().add(TopologyView.class.getResource("/org/viplab/ui/viplab.css").toExternalForm());
            stage.show();
            view.layout();
            return view;
        });
    }

    private void snapshot(String name) throws Exception {
        WritableImage img = fx(() -> stage.getScene().snapshot(null));
        Path out = Files.createDirectories(Path.of("target", "screenshots")).resolve(name);
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", out.toFile());
    }

    private static Topology sample33() throws Exception {
        return DrillParser.parseFile(Path.of("samples/drills/33-vrid-clash-foreign-router.json")).topology();
    }

    @Test
    void sample33DrawsBothForeignRoutersDashedBesideTheClient() throws Exception {
        Topology t = sample33();
        Timeline tl = new Timeline();
        SimulatedLab lab = SimulatedLab.steadyState(t, 1, tl);
        lab.runUntil(5_000_000);
        TopologyView view = show(t, tl, Locale.ENGLISH);
        snapshot("topology-foreign-routers-5s.png");
        assertEquals(List.of("Foreign router 10.9.8.77", "VRID 51 \u00b7 priority 120", "advertises VIP 10.9.8.150",
                "same VRID as db1, db2", "an advert every 1 s"), fx(() -> view.foreignTexts(0)));
        List<String> clone = fx(() -> view.foreignTexts(1));
        assertEquals("advertises VIP 10.9.8.120", clone.get(2));
        assertEquals("silent until 10 s", clone.get(clone.size() - 1), "at 5 s the clone has not started");
        Node c1 = fx(() -> view.lookup("#foreign-1"));
        assertTrue(fx(() -> c1.getPseudoClassStates().contains(javafx.css.PseudoClass.getPseudoClass("silent"))));
        assertTrue(fx(() -> view.lookup("#foreign-0").getStyleClass().contains("foreign-card")), "drawn unlike the hosts' cards");
        // clear of every other card
        List<String> ids = List.of("#foreign-0", "#foreign-1", "#client", "#host-db1", "#host-db2");
        List<Bounds> b = fx(() -> ids.stream().map(id -> view.lookup(id)).map(n -> n.localToScene(n.getBoundsInLocal())).toList());
        for (int i = 0; i < b.size(); i++) for (int j = i + 1; j < b.size(); j++) assertFalse(b.get(i).intersects(b.get(j)), ids.get(i) + " and " + ids.get(j) + " overlap");
        for (String h : List.of("db1", "db2")) assertNotNull(fx(() -> view.lookup("#foreign-link-0-" + h)), h);

        // at 12 s the clone advertises our VIP at 120: nobody of ours holds it, and its card is no longer faded
        lab.runUntil(12_000_000);
        lab.apply(new Action(Verb.CUT, new Target.HostLink("db2")), Actor.USER);
        lab.runUntil(12_500_000);
        TopologyView later = show(t, tl, Locale.ENGLISH);
        snapshot("topology-foreign-routers-12s.png");
        List<String> now = fx(() -> later.foreignTexts(1));
        assertFalse(now.contains("silent until 10 s"), now.toString());
        assertFalse(fx(() -> later.lookup("#vip-db1").isVisible()), "the clone's 120 took VRID 51 from db1");
        Line cut = fx(() -> (Line) later.lookup("#foreign-link-1-db2"));
        assertTrue(fx(() -> cut.getStyleClass().contains("foreign-link-cut")), "db2's link is cut: no advert reaches it");
        Line up = fx(() -> (Line) later.lookup("#foreign-link-1-db1"));
        assertFalse(fx(() -> up.getStyleClass().contains("foreign-link-cut")));
    }

    @Test
    void fourRoutersOverThreeHostsStandClearOfEveryCard() throws Exception {
        Topology t = Presets.galera3();
        t.foreignRouters = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            org.viplab.core.model.ForeignRouterSpec f = new org.viplab.core.model.ForeignRouterSpec();
            f.ip = "10.9.8." + (77 + i);
            f.vrid = 51 + i;
            f.vips = new java.util.ArrayList<>(List.of("10.9.8." + (150 + i)));
            t.foreignRouters.add(f);
        }
        Timeline tl = new Timeline();
        SimulatedLab.steadyState(t, 1, tl).runUntil(1_000_000);
        TopologyView view = show(t, tl, Locale.ENGLISH);
        snapshot("topology-foreign-routers-galera3.png");
        List<String> ids = new java.util.ArrayList<>(List.of("#client", "#host-db1", "#host-db2", "#host-db3"));
        for (int i = 0; i < 4; i++) ids.add("#foreign-" + i);
        List<Bounds> b = fx(() -> ids.stream().map(id -> view.lookup(id)).map(n -> n.localToScene(n.getBoundsInLocal())).toList());
        for (int i = 0; i < b.size(); i++) for (int j = i + 1; j < b.size(); j++) assertFalse(b.get(i).intersects(b.get(j)), ids.get(i) + " and " + ids.get(j) + " overlap");
        // VRID 52 is none of ours (galera3's instances use 51): no clash line on its card
        assertFalse(fx(() -> view.foreignTexts(1)).stream().anyMatch(l -> l.startsWith("same VRID")), fx(() -> view.foreignTexts(1)).toString());
        assertTrue(fx(() -> view.foreignTexts(0)).contains("same VRID as db1, db2, db3"), fx(() -> view.foreignTexts(0)).toString());
        // lines only to the hosts whose instance of that VRID reads its adverts
        assertNotNull(fx(() -> view.lookup("#foreign-link-0-db3")));
        assertNull(fx(() -> view.lookup("#foreign-link-1-db1")));
    }

    @Test
    void inChineseAndAbsentWithoutForeignRouters() throws Exception {
        Topology t = sample33();
        Timeline tl = new Timeline();
        SimulatedLab.steadyState(t, 1, tl).runUntil(1_000_000);
        TopologyView zh = show(t, tl, Locale.SIMPLIFIED_CHINESE);
        assertEquals(List.of("外部路由器 10.9.8.77", "VRID 51 \u00b7 优先级 120", "通告 VIP 10.9.8.150", "与 db1, db2 的 VRID 相同", "每 1 秒一个通告"),
                fx(() -> zh.foreignTexts(0)));
        Topology plain = Presets.mode1();
        Timeline tl2 = new Timeline();
        SimulatedLab.steadyState(plain, 1, tl2).runUntil(1_000_000);
        TopologyView none = show(plain, tl2, Locale.ENGLISH);
        assertNull(fx(() -> none.lookup("#foreign-0")));
        assertEquals(List.of(), fx(() -> none.foreignTexts(0)));
    }
}
