package org.viplab.ui.settings;

import javafx.animation.PauseTransition;
import javafx.beans.value.ObservableValue;
import javafx.scene.layout.BorderPane;
import javafx.util.Duration;
import org.controlsfx.control.PropertySheet;
import org.viplab.core.model.CheckScriptSpec;
import org.viplab.core.model.HaproxySpec;
import org.viplab.core.model.KeepalivedSpec;
import org.viplab.core.model.NodeSpec;
import org.viplab.core.model.Topology;
import org.viplab.core.model.TopologyJson;
import org.viplab.ui.common.I18n;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * keepalived and haproxy knobs of each node, and the foreign routers on the segment ({@link ForeignRouterSettings}),
 * in a ControlsFX PropertySheet. Edits go to a copy of the
 * running topology; after a short pause (so typing "95" is one change, not two) the copy is handed to
 * {@code onChange}, which restarts the simulation on it and logs what changed.
 */
public final class SettingsPanel extends BorderPane {
    /** Receives the edited topology and a one-line description of the change. */
    public interface ChangeHandler {
        void changed(Topology edited, String what);
    }

    private final I18n i18n;
    private final PropertySheet sheet = new PropertySheet();
    private final ChangeHandler onChange;
    private final PauseTransition debounce = new PauseTransition(Duration.millis(400));
    private final List<String> pendingChanges = new ArrayList<>();
    /** The foreign routers' knobs and their add and remove buttons. */
    private final ForeignRouterSettings foreign;
    /** The copy the editors write into; stays the same object across commits. */
    private Topology working;
    /** The last copy handed to {@code onChange}; when it comes back as the running topology, nothing reloads. */
    private Topology handedOver;

    public SettingsPanel(ObservableValue<Topology> topology, I18n i18n, ChangeHandler onChange) {
        this.i18n = i18n;
        this.onChange = onChange;
        setId("settings-panel");
        sheet.setId("settings-sheet");
        sheet.setMode(PropertySheet.Mode.CATEGORY);
        sheet.setModeSwitcherVisible(false);
        sheet.setSearchBoxVisible(false);
        setCenter(sheet);
        foreign = new ForeignRouterSettings(this, i18n);
        setTop(foreign.bar());
        debounce.setOnFinished(e -> commit());
        topology.addListener((o, a, b) -> {
            // Our own commit comes back as the new running topology: keep the sheet (and its focus) as it is.
            if (b != handedOver) load(b);
        });
        i18n.localeProperty().addListener((o, a, b) -> load(working));
        load(topology.getValue());
    }

    public PropertySheet sheet() { return sheet; }

    /** Applies pending edits now instead of after the pause (tests, window close). */
    public void commitNow() {
        debounce.stop();
        commit();
    }

    private void commit() {
        if (pendingChanges.isEmpty()) return;
        String what = i18n.get("settings.changed", String.join(", ", pendingChanges));
        pendingChanges.clear();
        Topology edited = TopologyJson.copy(working);
        handedOver = edited;
        onChange.changed(edited, what);
    }

    private void load(Topology t) {
        if (t == null) return;
        working = TopologyJson.copy(t);
        fill();
    }

    /** The sheet's items for {@code working} (again after a foreign router is added or removed). */
    private void fill() {
        List<PropertySheet.Item> items = new ArrayList<>();
        boolean galera = working.flavour == org.viplab.core.model.Flavour.GALERA || working.flavour == org.viplab.core.model.Flavour.PXC;
        boolean mgr = working.flavour == org.viplab.core.model.Flavour.MGR;
        for (NodeSpec n : working.nodes) {
            String cat = n.name;
            KeepalivedSpec k = n.keepalived;
            if (galera) items.add(new Item<>(cat, n.name + ".pcWeight", "settings.pcWeight", Integer.class, () -> n.pcWeight, v -> n.pcWeight = v));
            if (mgr) items.add(new Item<>(cat, n.name + ".memberWeight", "settings.memberWeight", Integer.class, () -> n.memberWeight, v -> n.memberWeight = v));
            items.add(new Item<>(cat, n.name + ".priority", "settings.priority", Integer.class, () -> k.priority, v -> k.priority = v));
            items.add(new Item<>(cat, n.name + ".state", "settings.state", KeepalivedSpec.InitialState.class, () -> k.state, v -> k.state = v));
            items.add(new Item<>(cat, n.name + ".nopreempt", "settings.nopreempt", Boolean.class, () -> k.nopreempt, v -> k.nopreempt = v));
            items.add(new Item<>(cat, n.name + ".advert_int", "settings.advertInt", Double.class, () -> k.advertIntSec, v -> k.advertIntSec = v));
            items.add(new Item<>(cat, n.name + ".version", "settings.version", Integer.class, () -> k.vrrpVersion, v -> k.vrrpVersion = v));
            for (CheckScriptSpec s : k.scripts) {
                String p = n.name + "." + s.name + ".";
                items.add(new Item<>(cat, p + "interval", "settings.scriptInterval", Double.class, () -> s.intervalSec, v -> s.intervalSec = v));
                items.add(new Item<>(cat, p + "weight", "settings.scriptWeight", Integer.class, () -> s.weight, v -> s.weight = v));
                items.add(new Item<>(cat, p + "fall", "settings.scriptFall", Integer.class, () -> s.fall, v -> s.fall = v));
                items.add(new Item<>(cat, p + "rise", "settings.scriptRise", Integer.class, () -> s.rise, v -> s.rise = v));
            }
            HaproxySpec h = n.haproxy;
            if (h != null) {
                items.add(new Item<>(cat, n.name + ".haproxy.inter", "settings.haproxyInter", Long.class, () -> h.interMs, v -> h.interMs = v));
                items.add(new Item<>(cat, n.name + ".haproxy.fall", "settings.haproxyFall", Integer.class, () -> h.fall, v -> h.fall = v));
                items.add(new Item<>(cat, n.name + ".haproxy.rise", "settings.haproxyRise", Integer.class, () -> h.rise, v -> h.rise = v));
                items.add(new Item<>(cat, n.name + ".haproxy.check", "settings.haproxyCheck", HaproxySpec.CheckType.class, () -> h.checkType, v -> h.checkType = v));
            }
        }
        if ((galera || mgr) && working.cluster != null) {
            // the database cluster's own timers, for every node at once
            org.viplab.core.model.ClusterSpec c = working.cluster;
            String cat = i18n.get("settings.category.cluster");
            items.add(new Item<>(cat, "cluster.suspectTimeoutMs", "settings.suspectTimeout", Long.class, () -> c.suspectTimeoutMs, v -> c.suspectTimeoutMs = v));
            items.add(new Item<>(cat, "cluster.istMs", "settings.istMs", Long.class, () -> c.istMs, v -> c.istMs = v));
            if (galera) items.add(new Item<>(cat, "cluster.sstMs", "settings.sstMs", Long.class, () -> c.sstMs, v -> c.sstMs = v));
            if (mgr) {
                items.add(new Item<>(cat, "cluster.memberExpelTimeoutSec", "settings.expelTimeout", Double.class, () -> c.memberExpelTimeoutSec, v -> c.memberExpelTimeoutSec = v));
                items.add(new Item<>(cat, "cluster.singlePrimary", "settings.singlePrimary", Boolean.class, () -> c.singlePrimary, v -> c.singlePrimary = v));
            }
        }
        items.addAll(foreign.items(working));
        sheet.getItems().setAll(items);
        foreign.update(working);
    }

    /** A knob of the working copy, for {@link ForeignRouterSettings}. */
    <T> PropertySheet.Item item(String category, String id, String key, Class<T> type, java.util.function.Supplier<T> getter,
                                java.util.function.Consumer<T> setter) {
        return new Item<>(category, id, key, type, getter, setter);
    }

    /** A foreign router added or removed: the sheet shows it at once, and the run restarts on it now (no pause). */
    void structureChanged(String what) {
        pendingChanges.add(what);
        fill();
        commitNow();
    }

    /** Finds an item by its id, e.g. "db1.priority" or "db1.check_haproxy.weight". */
    public Optional<PropertySheet.Item> item(String id) {
        return sheet.getItems().stream().filter(i -> i instanceof Item<?> it && it.id.equals(id)).findFirst();
    }

    /** One knob: reads and writes a field of the working copy, and records the change. */
    private final class Item<T> implements PropertySheet.Item {
        final String id;
        private final String category;
        private final String key;
        private final Class<T> type;
        private final java.util.function.Supplier<T> getter;
        private final java.util.function.Consumer<T> setter;

        Item(String category, String id, String key, Class<T> type, java.util.function.Supplier<T> getter, java.util.function.Consumer<T> setter) {
            this.category = category;
            this.id = id;
            this.key = key;
            this.type = type;
            this.getter = getter;
            this.setter = setter;
        }

        @Override public Class<?> getType() { return type; }

        @Override public String getCategory() { return category; }

        @Override public String getName() { return i18n.get(key); }

        @Override public String getDescription() { return i18n.get(key + ".help") + " (" + id + ")"; }

        @Override public Object getValue() { return getter.get(); }

        @Override
        public void setValue(Object value) {
            T v = convert(value);
            if (v == null || v.equals(getter.get())) return;
            setter.accept(v);
            pendingChanges.removeIf(s -> s.startsWith(id + " = "));
            pendingChanges.add(id + " = " + v);
            debounce.playFromStart();
        }

        @SuppressWarnings("unchecked")
        private T convert(Object value) {
            if (value == null) return null;
            if (type.isInstance(value)) return (T) value;
            if (value instanceof Number n) {
                if (type == Integer.class) return (T) Integer.valueOf(n.intValue());
                if (type == Long.class) return (T) Long.valueOf(n.longValue());
                if (type == Double.class) return (T) Double.valueOf(n.doubleValue());
            }
            return null;
        }

        @Override public Optional<ObservableValue<? extends Object>> getObservableValue() { return Optional.empty(); }
    }

}
