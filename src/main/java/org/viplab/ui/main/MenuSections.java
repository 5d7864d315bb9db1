package org.viplab.ui.main;

import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The menus as named sections, so that a feature adds its items where they belong ("File, exports") instead
 * of counting positions in someone else's menu. A menu shows its sections in a fixed order, each non-empty one
 * after a separator.
 */
public final class MenuSections {
    /** Where items go, in menu order. */
    public enum Section {
        FILE_IMPORT, FILE_SESSIONS, FILE_EXPORT, FILE_QUIT,
        LAB_HOSTS, LAB_ACTIONS, LAB_CHECKS,
        TOOLS
    }

    private final Map<Section, List<MenuItem>> items = new EnumMap<>(Section.class);
    private final Map<Section, Menu> menus = new EnumMap<>(Section.class);
    private final Map<Menu, List<Section>> layout = new java.util.HashMap<>();

    /** {@code menu} shows {@code sections}, in this order. */
    public void attach(Menu menu, Section... sections) {
        layout.put(menu, List.of(sections));
        for (Section s : sections) menus.put(s, menu);
        rebuild(menu);
    }

    /** Adds items at the end of {@code section}. */
    public void add(Section section, MenuItem... added) {
        items.computeIfAbsent(section, s -> new ArrayList<>()).addAll(List.of(added));
        Menu menu = menus.get(section);
        if (menu != null) rebuild(menu);
    }

    private void rebuild(Menu menu) {
        List<MenuItem> all = new ArrayList<>();
        for (Section s : layout.get(menu)) {
            List<MenuItem> in = items.getOrDefault(s, List.of());
            if (in.isEmpty()) continue;
            if (!all.isEmpty()) all.add(new SeparatorMenuItem());
            all.addAll(in);
        }
        menu.getItems().setAll(all);
    }
}
