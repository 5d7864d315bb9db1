package org.viplab.ui.main;

import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;
import org.viplab.ui.common.I18n;
import org.viplab.ui.main.MenuSections.Section;
import org.viplab.ui.settings.Theme;

/**
 * The menu bar: File, Lab (every time and fault shortcut), Preset (each preset, galera3's three nodes too), View (theme, language, font scale, fit) and Help.
 * File and Lab are built from {@link MenuSections}, where features add their items (import, hosts, lint, report).
 */
final class MainMenus {
    private final MainWindow window;
    private final Widgets w;
    private final I18n i18n;
    private final MenuSections sections;
    private final org.viplab.ui.controls.LabControls controls;

    MainMenus(MainWindow window, Widgets widgets, MenuSections sections, org.viplab.ui.controls.LabControls controls) {
        this.window = window;
        this.controls = controls;
        this.w = widgets;
        this.i18n = widgets.i18n();
        this.sections = sections;
    }

    MenuBar build(Theme initialTheme, double initialScale) {
        MenuBar bar = new MenuBar(file(), lab(), presets(), tools(), view(initialTheme, initialScale), help());
        bar.setId("menu-bar");
        return bar;
    }

    private Menu file() {
        MainExports exports = window.exports();
        Menu file = w.menu("menu.file");
        sections.attach(file, Section.FILE_IMPORT, Section.FILE_SESSIONS, Section.FILE_EXPORT, Section.FILE_QUIT);
        sections.add(Section.FILE_SESSIONS,
                w.item("menu.file.openSession", () -> window.drillPanel().chooseAndOpenSession(window.stage())),
                w.item("menu.file.saveSession", () -> window.drillPanel().chooseAndSaveSession(window.stage())));
        sections.add(Section.FILE_EXPORT,
                w.item("menu.file.exportCsv", exports::chooseAndExportCsv),
                w.item("menu.file.exportPng", exports::chooseAndExportPng));
        sections.add(Section.FILE_QUIT, w.item("menu.file.quit", window.stage()::close));
        return file;
    }

    /** The lab's actions are the shortcuts' actions, with their keys shown; font, export and help shortcuts live elsewhere. */
    private Menu lab() {
        Menu lab = w.menu("menu.lab");
        sections.attach(lab, Section.LAB_HOSTS, Section.LAB_ACTIONS, Section.LAB_CHECKS);
        for (Shortcuts.Shortcut s : window.shortcuts().all()) {
            String key = s.descriptionKey();
            if (key.startsWith("shortcut.font") || key.equals("shortcut.help") || key.startsWith("shortcut.export")
                    || key.startsWith("shortcut.view")) continue;
            MenuItem i = w.item(key, s.action());
            i.setAccelerator(s.keys());
            sections.add(Section.LAB_ACTIONS, i);
        }
        return lab;
    }

    /** Every preset by its name (the names `viplab preset` takes, in any language): the lab restarts on it. */
    private Menu presets() {
        Menu m = w.menu("menu.preset");
        for (String name : org.viplab.core.model.Presets.names()) {
            MenuItem i = new MenuItem(name);
            i.setId("menu-preset-" + name);
            i.setMnemonicParsing(false);
            i.setOnAction(e -> controls.switchPreset(name));
            m.getItems().add(i);
        }
        return m;
    }

    /** Tools: the advisors that run many simulations (Tune…), added by their features. */
    private Menu tools() {
        Menu tools = w.menu("menu.tools");
        sections.attach(tools, Section.TOOLS);
        return tools;
    }

    private Menu view(Theme initialTheme, double initialScale) {
        ToggleGroup themes = new ToggleGroup();
        RadioMenuItem light = w.radio("menu.view.light", themes, () -> window.setTheme(Theme.LIGHT));
        RadioMenuItem dark = w.radio("menu.view.dark", themes, () -> window.setTheme(Theme.DARK));
        (initialTheme == Theme.DARK ? dark : light).setSelected(true);
        Menu theme = w.menu("menu.view.theme", light, dark);
        ToggleGroup langs = new ToggleGroup();
        // A language is offered under its own name, whatever the current language.
        RadioMenuItem en = new RadioMenuItem("English");
        en.setToggleGroup(langs);
        en.setOnAction(e -> window.setLanguage(I18n.ENGLISH));
        RadioMenuItem zh = new RadioMenuItem("中文");
        zh.setToggleGroup(langs);
        zh.setOnAction(e -> window.setLanguage(I18n.CHINESE));
        (i18n.locale().equals(I18n.CHINESE) ? zh : en).setSelected(true);
        i18n.localeProperty().addListener((o, a, b) -> (b.equals(I18n.CHINESE) ? zh : en).setSelected(true));
        Menu language = w.menu("menu.view.language", en, zh);
        ToggleGroup scales = new ToggleGroup();
        Menu scale = w.menu("menu.view.fontScale");
        for (double s : MainWindow.FONT_SCALES) {
            RadioMenuItem r = new RadioMenuItem(Math.round(s * 100) + " %");
            r.setToggleGroup(scales);
            r.setSelected(Math.abs(s - initialScale) < 0.01);
            r.setOnAction(e -> window.setFontScale(s));
            window.fontScaleProperty().addListener((o, a, b) -> r.setSelected(Math.abs(s - b.doubleValue()) < 0.01));
            scale.getItems().add(r);
        }
        MenuItem fit = w.item("menu.view.fit", window.topologyView()::fit);
        CheckMenuItem presenter = new CheckMenuItem();
        presenter.textProperty().bind(i18n.bind("menu.view.presenter"));
        presenter.setId("menu-view-presenter");
        presenter.setAccelerator(KeyCombination.valueOf("F11"));
        // the window's state decides the tick, whether the key, the menu or a test switched it
        presenter.setOnAction(e -> window.setPresenter(!window.presenterProperty().get()));
        window.presenterProperty().addListener((o, a, on) -> presenter.setSelected(on));
        CheckMenuItem pauseOnVip = new CheckMenuItem();
        pauseOnVip.textProperty().bind(i18n.bind("menu.view.pauseOnVip"));
        pauseOnVip.setId("menu-view-pauseOnVip");
        pauseOnVip.selectedProperty().bindBidirectional(window.pauseOnVipChangeProperty());
        return w.menu("menu.view", presenter, pauseOnVip, new SeparatorMenuItem(), theme, language, scale, new SeparatorMenuItem(), fit);
    }

    private Menu help() {
        Menu help = w.menu("menu.help", w.item("menu.help.shortcuts", window::showShortcuts));
        help.getItems().get(0).setAccelerator(KeyCombination.valueOf("F1"));
        return help;
    }
}
