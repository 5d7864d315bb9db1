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
import org.viplab.core.model.NodeSpec;
import org.viplab.core.model.Presets;
import org.viplab.core.model.Topology;
import org.viplab.core.timeline.Actor;
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

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The drawing of three to five hosts: a card each, a link per pair, no card over another; screenshots to look at. */
@ExtendWith(ApplicationExtension.class)
class ThreeNodeDrawingTest {
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

    private TopologyView show(Topology t, Timeline tl) throws Exception {
        return fx(() -> {
            LabViewModel vm = new LabViewModel();
            I18n i18n = new I18n(Locale.ENGLISH);
            TopologyView view = new TopologyView(vm, new LabControls(new LiveSimulation(t, 1), Runnable::run, i18n), i18n);
            vm.runStarted(t, tl);
            vm.appended(tl.snapshot());
            stage.setScene(new Scene(view, 1300, 800));
            stage.getScene().getStylesheets().add(TopologyView.class.getResource("/org/viplab/ui/viplab.css").toExternalForm());
            stage.show();
            return view;
        });
    }

    private void snapshot(String name) throws Exception {
        WritableImage img = fx(() -> stage.getScene().snapshot(null));
        Path out = Files.createDirectories(Path.of("target", "screenshots")).resolve(name);
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", out.toFile());
    }

    private static List<Bounds> cards(TopologyView view, List<String> hosts) {
        List<Bounds> out = new ArrayList<>();
        for (String h : hosts) {
            Node card = view.lookup("#host-" + h);
            assertNotNull(card, "a card for " + h);
            out.add(card.localToScene(card.getBoundsInLocal()));
        }
        return out;
    }

    @Test
    void galera3AfterDb1IsCutOffShowsThreeCardsAndATriangleOfLinks() throws Exception {
        Timeline tl = new Timeline();
        SimulatedLab lab = SimulatedLab.steadyState(Presets.galera3(), 1, tl);
        lab.runUntil(2_000_000);
        lab.apply(new Action(Verb.CUT, new Target.HostLink("db1")), Actor.USER);
        lab.runUntil(8_000_000);
        TopologyView view = show(lab.topology(), tl);
        fx(() -> { view.layout(); return null; });
        snapshot("topology-galera3-db1-cut.png");
        for (String pair : List.of("db1-db2", "db1-db3", "db2-db3")) {
            Line l = fx(() -> (Line) view.lookup("#link-" + pair));
            assertNotNull(l, pair);
            boolean cut = fx(() -> l.getStyleClass().contains("link-cut"));
            assertEquals(pair.contains("db1"), cut, pair + ": only db1's links are cut");
        }
        assertTrue(fx(() -> view.lookup("#vip-db2").isVisible()), "db2 holds the VIP");
        assertFalse(fx(() -> view.lookup("#vip-db3").isVisible()));
        List<Bounds> b = fx(() -> cards(view, List.of("db1", "db2", "db3")));
        for (int i = 0; i < b.size(); i++) for (int j = i + 1; j < b.size(); j++) assertFalse(b.get(i).intersects(b.get(j)), "cards " + i + " and " + j + " overlap");
        assertTrue(fx(() -> view.cardTexts("db3")).get(0).startsWith("BACKUP"), "db3 (50) stays BACKUP");
        snapshot("topology-galera3-db1-cut.png");
    }

    @Test
    void fiveNodesStandClearOfEachOther() throws Exception {
        Topology t = Presets.galera3();
        for (int i = 4; i <= 5; i++) {
            NodeSpec n = new NodeSpec("db" + i, "10.9.8." + (230 + i * 2), "02:00:00:00:00:0" + i);
            n.keepalived.priority = 60 - i * 5;
            n.haproxy = Presets.galera3().nodes.get(2).haproxy;
            t.nodes.add(n);
        }
        Timeline tl = new Timeline();
        SimulatedLab lab = SimulatedLab.steadyState(t, 1, tl);
        lab.runUntil(1_000_000);
        TopologyView view = show(t, tl);
        fx(() -> { view.layout(); return null; });
        snapshot("topology-five-nodes.png");
        List<String> names = t.nodeNames();
        List<Bounds> b = fx(() -> cards(view, names));
        for (int i = 0; i < b.size(); i++) for (int j = i + 1; j < b.size(); j++) assertFalse(b.get(i).intersects(b.get(j)), names.get(i) + " and " + names.get(j) + " overlap");
        assertNotNull(fx(() -> view.lookup("#link-db4-db5")));
        snapshot("topology-five-nodes.png");
    }
}
