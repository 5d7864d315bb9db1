package org.viplab.ui.main;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.viplab.ui.common.I18n;

/** Controls whose words are bound to {@link I18n} and whose ids derive from their text key, for the main window's parts. */
final class Widgets {
    private final I18n i18n;

    Widgets(I18n i18n) { this.i18n = i18n; }

    I18n i18n() { return i18n; }

    Menu menu(String key, MenuItem... items) {
        Menu m = new Menu();
        m.textProperty().bind(i18n.bind(key));
        m.setId(key.replace('.', '-'));
        m.getItems().addAll(items);
        return m;
    }

    MenuItem item(String key, Runnable action) {
        MenuItem i = new MenuItem();
        i.textProperty().bind(i18n.bind(key));
        i.setId(key.replace('.', '-'));
        i.setOnAction(e -> action.run());
        return i;
    }

    RadioMenuItem radio(String key, ToggleGroup g, Runnable action) {
        RadioMenuItem r = new RadioMenuItem();
        r.textProperty().bind(i18n.bind(key));
        r.setToggleGroup(g);
        r.setOnAction(e -> action.run());
        return r;
    }

    ToggleButton toggle(String key, Ikon icon, ToggleGroup g) {
        ToggleButton b = new ToggleButton();
        b.textProperty().bind(i18n.bind(key));
        if (icon != null) b.setGraphic(new FontIcon(icon));
        b.setToggleGroup(g);
        return b;
    }

    Button button(String key, Ikon icon, Runnable action) {
        Button b = new Button();
        b.textProperty().bind(i18n.bind(key));
        b.setGraphic(new FontIcon(icon));
        b.setOnAction(e -> action.run());
        return b;
    }

    void tooltip(Node n, String key) {
        Tooltip t = new Tooltip();
        t.textProperty().bind(i18n.bind(key));
        if (n instanceof Control c) c.setTooltip(t);
        else Tooltip.install(n, t);
    }

    Tab tab(String key, Node content, String id) {
        Tab t = new Tab();
        t.textProperty().bind(i18n.bind(key));
        t.setId(id);
        // A tab's content joins the scene when the tab is first shown: styling and laying out hidden tabs
        // would cost the first window a second on a small machine.
        if (t.isSelected()) t.setContent(content);
        t.selectedProperty().addListener((o, was, now) -> { if (now && t.getContent() == null) t.setContent(content); });
        return t;
    }
}
