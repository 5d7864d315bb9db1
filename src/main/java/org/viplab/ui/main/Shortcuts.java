package org.viplab.ui.main;

import javafx.scene.input.KeyCombination;

import java.util.ArrayList;
import java.util.List;

/**
 * The keyboard shortcuts, in one list: the menus install them as accelerators and Help > Shortcuts shows
 * the same list, so the two can never disagree. All use a modifier (or a function key) so that typing in
 * the search box never triggers one.
 */
public final class Shortcuts {
    /** One shortcut: the keys, the i18n key of what it does, and the action. */
    public record Shortcut(KeyCombination keys, String descriptionKey, Runnable action) { }

    private final List<Shortcut> all = new ArrayList<>();

    public Shortcut add(String keys, String descriptionKey, Runnable action) {
        Shortcut s = new Shortcut(KeyCombination.valueOf(keys), descriptionKey, action);
        all.add(s);
        return s;
    }

    public List<Shortcut> all() { return List.copyOf(all); }
}
