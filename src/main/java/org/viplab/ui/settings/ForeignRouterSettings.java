package org.viplab.ui.settings;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.HBox;
import org.controlsfx.control.PropertySheet;
import org.viplab.core.model.ForeignRouterSpec;
import org.viplab.core.model.NodeSpec;
import org.viplab.core.model.Topology;
import org.viplab.ui.common.I18n;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The settings of the topology's foreign routers (other clusters' VRRP routers on the segment, a VRID clash): a
 * section of knobs per router, named by the paths a drill's "set" uses ({@code foreignRouters.0.priority}), and
 * buttons to add one or remove one. Values are checked where every topology is, by {@code TopologyJson.problems}
 * and the ranges of {@code Limits} when the run restarts: a bad one is refused with its path and range.
 */
final class ForeignRouterSettings {
    private final SettingsPanel panel;
    private final I18n i18n;
    private final Button add = new Button();
    private final MenuButton remove = new MenuButton();
    private final HBox bar;
    private Topology working;

    ForeignRouterSettings(SettingsPanel panel, I18n i18n) {
        this.panel = panel;
        this.i18n = i18n;
        add.setId("settings-add-foreign");
        add.textProperty().bind(i18n.bind("settings.addForeign"));
        add.setOnAction(e -> add());
        remove.setId("settings-remove-foreign");
        remove.textProperty().bind(i18n.bind("settings.removeForeign"));
        bar = new HBox(8, add, remove);
        bar.setPadding(new Insets(4, 6, 4, 6));
        bar.setId("settings-foreign-bar");
    }

    HBox bar() { return bar; }

    /** The knobs of every foreign router of {@code t} (the panel's working copy, which they edit). */
    List<PropertySheet.Item> items(Topology t) {
        List<PropertySheet.Item> out = new ArrayList<>();
        if (t.foreignRouters == null) return out;
        for (int i = 0; i < t.foreignRouters.size(); i++) {
            ForeignRouterSpec f = t.foreignRouters.get(i);
            if (f == null) continue;
            String cat = i18n.get("settings.category.foreign", i + 1, f.ip);
            String p = "foreignRouters." + i + ".";
            out.add(panel.item(cat, p + "ip", "settings.foreignIp", String.class, () -> f.ip, v -> f.ip = v.trim()));
            out.add(panel.item(cat, p + "vrid", "settings.foreignVrid", Integer.class, () -> f.vrid, v -> f.vrid = v));
            out.add(panel.item(cat, p + "priority", "settings.foreignPriority", Integer.class, () -> f.priority, v -> f.priority = v));
            out.add(panel.item(cat, p + "advertInt", "settings.foreignAdvertInt", Double.class, () -> f.advertInt, v -> f.advertInt = v));
            out.add(panel.item(cat, p + "vips", "settings.foreignVips", String.class, () -> String.join(", ", f.vips == null ? List.of() : f.vips),
                    v -> f.vips = vips(v)));
            out.add(panel.item(cat, p + "authPass", "settings.foreignAuthPass", String.class, () -> f.authPass == null ? "" : f.authPass,
                    v -> f.authPass = v.isBlank() ? null : v));
            out.add(panel.item(cat, p + "fromSec", "settings.foreignFromSec", Double.class, () -> f.fromSec, v -> f.fromSec = v));
        }
        return out;
    }

    /** "10.9.8.150, 10.9.8.151" (commas or spaces) to the list; each address is checked when the run restarts. */
    static List<String> vips(String text) {
        return new ArrayList<>(Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isEmpty()).toList());
    }

    /** The remove menu lists the routers of {@code t}. */
    void update(Topology t) {
        working = t;
        List<MenuItem> items = new ArrayList<>();
        if (t.foreignRouters != null) {
            for (int i = 0; i < t.foreignRouters.size(); i++) {
                ForeignRouterSpec f = t.foreignRouters.get(i);
                if (f == null) continue;
                int index = i;
                MenuItem m = new MenuItem(i18n.get("settings.category.foreign", i + 1, f.ip));
                m.setId("settings-remove-foreign-" + i);
                m.setOnAction(e -> remove(index));
                items.add(m);
            }
        }
        remove.getItems().setAll(items);
        remove.setDisable(items.isEmpty());
    }

    /**
     * A new router on a free address with the first node's VRID and password, so that it clashes at once (what the
     * section is for) and advertises no VIP: another cluster's, whose adverts our nodes log and drop.
     */
    private void add() {
        if (working == null) return; // no topology loaded yet
        ForeignRouterSpec f = new ForeignRouterSpec();
        f.ip = ForeignRouterSpec.freeAddress(working);
        NodeSpec first = working.nodes.isEmpty() ? null : working.nodes.get(0);
        if (first != null && first.keepalived != null) {
            f.vrid = first.keepalived.virtualRouterId;
            f.authPass = first.keepalived.authPass;
        }
        if (working.foreignRouters == null) working.foreignRouters = new ArrayList<>();
        working.foreignRouters.add(f);
        panel.structureChanged("foreignRouters + " + f.ip);
    }

    private void remove(int index) {
        ForeignRouterSpec f = working.foreignRouters.remove(index);
        // none left: absent, as in a topology that never had one
        if (working.foreignRouters.isEmpty()) working.foreignRouters = null;
        panel.structureChanged("foreignRouters - " + (f == null ? index : f.ip));
    }
}
