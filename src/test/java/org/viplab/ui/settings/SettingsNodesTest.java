package org.viplab.ui.settings;

import javafx.beans.property.SimpleObjectProperty;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.viplab.core.model.Flavour;
import org.viplab.core.model.Presets;
import org.viplab.core.model.Topology;
import org.viplab.ui.FxWait;
import org.viplab.ui.common.I18n;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The settings sheet has a section per node, three and more, and the cluster's own timers for Galera and MGR. */
@ExtendWith(ApplicationExtension.class)
class SettingsNodesTest {
    static {
        System.setProperty("headless.geometry", "1600x1000-32");
    }

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Theme.LIGHT.apply();
    }

    @Test
    void galera3ShowsThreeNodesWithTheirVotesAndTheClusterTimers() throws Exception {
        AtomicReference<Topology> handed = new AtomicReference<>();
        SettingsPanel panel = FxWait.fx(() -> {
            SettingsPanel p = new SettingsPanel(new SimpleObjectProperty<>(Presets.galera3()), new I18n(Locale.ENGLISH), (t, what) -> handed.set(t));
            stage.setScene(new Scene(p, 600, 900));
            stage.show();
            return p;
        }, 10);
        for (String id : new String[] {"db3.priority", "db3.pcWeight", "db3.chk_haproxy.weight", "db3.haproxy.inter", "cluster.suspectTimeoutMs", "cluster.sstMs"}) {
            assertTrue(panel.item(id).isPresent(), id);
        }
        assertFalse(panel.item("cluster.singlePrimary").isPresent(), "MGR's mode is not a Galera setting");
        assertEquals(50, panel.item("db3.priority").orElseThrow().getValue());
        FxWait.fx(() -> {
            panel.item("db3.pcWeight").orElseThrow().setValue(3);
            panel.commitNow();
            return null;
        }, 10);
        assertEquals(3, handed.get().node("db3").pcWeight);
        WritableImage img = FxWait.fx(() -> stage.getScene().snapshot(null), 10);
        Path out = Files.createDirectories(Path.of("target", "screenshots")).resolve("settings-galera3.png");
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", out.toFile());

        Topology mgr = Presets.galera3();
        mgr.flavour = Flavour.MGR;
        SettingsPanel m = FxWait.fx(() -> new SettingsPanel(new SimpleObjectProperty<>(mgr), new I18n(Locale.ENGLISH), (t, w) -> { }), 10);
        assertTrue(m.item("cluster.singlePrimary").isPresent());
        assertTrue(m.item("db2.memberWeight").isPresent());
        assertFalse(m.item("db2.pcWeight").isPresent());
    }
}
