package org.viplab.ui.settings;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.MenuButton;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.viplab.core.model.ForeignRouterSpec;
import org.viplab.core.model.Presets;
import org.viplab.core.model.Topology;
import org.viplab.core.model.TopologyJson;
import org.viplab.drill.DrillParser;
import org.viplab.engine.sim.LiveSimulation;
import org.viplab.ui.FxWait;
import org.viplab.ui.common.I18n;
import org.viplab.ui.controls.LabControls;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The settings sheet edits, adds and removes the foreign routers of the running topology; a value out of
 * {@code Limits}' range is refused with its path and the editor shows the running value again.
 */
@ExtendWith(ApplicationExtension.class)
class SettingsForeignRoutersTest {
    static {
        System.setProperty("headless.geometry", "1600x1000-32");
    }

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Theme.LIGHT.apply();
    }

    private <T> T fx(Callable<T> c) throws Exception { return FxWait.fx(c, 10); }

    private record Shown(SettingsPanel panel, LabControls controls) { }

    private Shown show(Topology t, Locale locale) throws Exception {
        return fx(() -> {
            I18n i18n = new I18n(locale);
            LabControls controls = new LabControls(new LiveSimulation(t, 1), Runnable::run, i18n);
            SettingsPanel p = new SettingsPanel(controls.topologyProperty(), i18n, controls::applySettings);
            stage.setScene(new Scene(p, 700, 900));
            stage.show();
            return new Shown(p, controls);
        });
    }

    private Topology running(Shown s) throws Exception { return fx(() -> s.controls().topologyProperty().get()); }

    private void set(Shown s, String id, Object value) throws Exception {
        fx(() -> {
            s.panel().item(id).orElseThrow().setValue(value);
            s.panel().commitNow();
            return null;
        });
    }

    @Test
    void sample33sRoutersAreEditedAddedAndRemoved() throws Exception {
        Topology t = DrillParser.parseFile(Path.of("samples/drills/33-vrid-clash-foreign-router.json")).topology();
        Shown s = show(t, Locale.ENGLISH);
        assertEquals(120, fx(() -> s.panel().item("foreignRouters.1.priority").orElseThrow().getValue()));
        assertEquals("10.9.8.120", fx(() -> s.panel().item("foreignRouters.1.vips").orElseThrow().getValue()));
        assertEquals(10.0, fx(() -> s.panel().item("foreignRouters.1.fromSec").orElseThrow().getValue()));
        assertEquals("foreign router 2 (10.9.8.78)", fx(() -> s.panel().item("foreignRouters.1.vrid").orElseThrow().getCategory()));
        WritableImage img = fx(() -> stage.getScene().snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png",
                Files.createDirectories(Path.of("target", "screenshots")).resolve("settings-foreign-routers.png").toFile());

        set(s, "foreignRouters.1.priority", 90);
        set(s, "foreignRouters.0.vips", "10.9.8.150, 10.9.8.151");
        FxWait.until("the run restarted on the edits", 10, () -> running(s).foreignRouters.get(0).vips.size() == 2);
        assertEquals(90, running(s).foreignRouters.get(1).priority);
        assertEquals(List.of("10.9.8.150", "10.9.8.151"), running(s).foreignRouters.get(0).vips);
        // saved and read back with the topology JSON
        Topology back = TopologyJson.fromJson(TopologyJson.toJson(running(s)));
        assertEquals(90, back.foreignRouters.get(1).priority);

        // out of range: refused with its path, and the editor shows the running value again
        set(s, "foreignRouters.0.vrid", 300);
        String status = fx(() -> s.controls().statusProperty().get());
        assertTrue(status.contains("foreignRouters.0.vrid must be 1..255, got 300"), status);
        assertEquals(51, fx(() -> s.panel().item("foreignRouters.0.vrid").orElseThrow().getValue()));
        assertEquals(51, running(s).foreignRouters.get(0).vrid);
        set(s, "foreignRouters.0.ip", "10.9.8.201");
        status = fx(() -> s.controls().statusProperty().get());
        assertTrue(status.contains("ip 10.9.8.201 is a node's address"), status);
        set(s, "foreignRouters.0.vips", "10.9.8.150, db1");
        status = fx(() -> s.controls().statusProperty().get());
        assertTrue(status.contains("a VIP is not an IPv4 address: db1"), status);

        // add: a free address, the first node's VRID and password, no VIP
        fx(() -> { ((Button) stage.getScene().lookup("#settings-add-foreign")).fire(); return null; });
        FxWait.until("a third router runs", 10, () -> running(s).foreignRouters.size() == 3);
        ForeignRouterSpec added = running(s).foreignRouters.get(2);
        assertEquals("10.9.8.79", added.ip);
        assertEquals(51, added.vrid);
        assertEquals("1111", added.authPass);
        assertEquals(List.of(), added.vips);
        assertTrue(fx(() -> s.panel().item("foreignRouters.2.priority").isPresent()));

        // remove the first: the others move up; removing all leaves none (null, as a topology without any)
        MenuButton remove = fx(() -> (MenuButton) stage.getScene().lookup("#settings-remove-foreign"));
        assertEquals(3, fx(() -> remove.getItems().size()));
        fx(() -> { remove.getItems().get(0).fire(); return null; });
        FxWait.until("two left", 10, () -> running(s).foreignRouters.size() == 2);
        assertEquals("10.9.8.78", running(s).foreignRouters.get(0).ip);
        assertFalse(fx(() -> s.panel().item("foreignRouters.2.ip").isPresent()));
        for (int i = 0; i < 2; i++) fx(() -> { remove.getItems().get(0).fire(); return null; });
        FxWait.until("none left", 10, () -> running(s).foreignRouters == null);
        assertTrue(fx(remove::isDisable));
    }

    @Test
    void inChinese() throws Exception {
        Shown s = show(Presets.mode1(), Locale.SIMPLIFIED_CHINESE);
        assertEquals("添加外部路由器", fx(() -> ((Button) stage.getScene().lookup("#settings-add-foreign")).getText()));
        fx(() -> { ((Button) stage.getScene().lookup("#settings-add-foreign")).fire(); return null; });
        FxWait.until("one router runs", 10, () -> running(s).foreignRouters != null);
        assertEquals("外部路由器 1（10.9.8.77）", fx(() -> s.panel().item("foreignRouters.0.priority").orElseThrow().getCategory()));
        assertEquals("优先级", fx(() -> s.panel().item("foreignRouters.0.priority").orElseThrow().getName()));
        assertNull(Presets.mode1().foreignRouters);
    }
}
