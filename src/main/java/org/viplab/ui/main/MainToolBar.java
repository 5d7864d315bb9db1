package org.viplab.ui.main;

import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.geometry.Pos;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.viplab.core.model.Flavour;
import org.viplab.core.model.Mode;
import org.viplab.lab.TimeControls;
import org.viplab.ui.common.I18n;
import org.viplab.ui.controls.LabControls;
import org.viplab.ui.settings.Theme;

import java.util.List;
import java.util.Locale;

/** The toolbar: mode, flavour, time controls, restore and restart, then language and theme at the right end. */
final class MainToolBar {
    private final MainWindow window;
    private final LabControls controls;
    private final Widgets w;
    private final I18n i18n;

    MainToolBar(MainWindow window, LabControls controls, Widgets widgets) {
        this.window = window;
        this.controls = controls;
        this.w = widgets;
        this.i18n = widgets.i18n();
    }

    /**
     * A flow of groups rather than a {@link javafx.scene.control.ToolBar}: at a large font or on a narrow
     * projector the groups wrap onto a second row instead of hiding behind an overflow button. Time and restore
     * controls are icons with tooltips, so they stay in the first row at 1280x720 and 200 %.
     */
    FlowPane build(Theme initialTheme) {
        HBox modeBox = modes();
        ComboBox<Flavour> flavour = flavour();
        Button play = playPause();
        Button step = iconButton("toolbar.step", Material2MZ.SKIP_NEXT, () -> controls.step());
        step.setId("step");
        HBox speedBox = speeds();
        Button restore = iconButton("toolbar.restore", Material2MZ.SETTINGS_BACKUP_RESTORE, () -> controls.restore());
        restore.setId("restore");
        Button reset = iconButton("toolbar.reset", Material2MZ.REFRESH, () -> controls.resetRun());
        reset.setId("reset");

        // real hosts run in real time on their own configuration: the simulator's controls step aside
        for (Node n : List.of(modeBox, flavour, play, step, speedBox, reset)) n.disableProperty().bind(controls.onHostsProperty());
        HBox looks = group(new FontIcon(Material2AL.LANGUAGE), language(), darkToggle(initialTheme));
        // a compact window leaves language and theme to the View menu rather than give them a row of their own
        looks.visibleProperty().bind(window.compactProperty().not());
        looks.managedProperty().bind(looks.visibleProperty());
        FlowPane bar = new FlowPane(Orientation.HORIZONTAL,
                group(play, step, speedBox), group(restore, reset), group(modeBox, flavour), looks);
        bar.setId("toolbar");
        bar.getStyleClass().addAll("tool-bar", "main-toolbar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private static HBox group(Node... nodes) {
        HBox g = new HBox(nodes);
        g.getStyleClass().add("toolbar-group");
        g.setAlignment(Pos.CENTER_LEFT);
        g.setMinWidth(Region.USE_PREF_SIZE);
        return g;
    }

    /** An icon whose words are its tooltip: short toolbars, same meaning. */
    private Button iconButton(String key, org.kordamp.ikonli.Ikon icon, Runnable action) {
        Button b = new Button();
        b.setGraphic(new FontIcon(icon));
        b.setOnAction(e -> action.run());
        w.tooltip(b, key);
        b.getStyleClass().add("button-icon");
        return b;
    }

    private HBox modes() {
        ToggleGroup modes = new ToggleGroup();
        ToggleButton mode1 = w.toggle("toolbar.mode1", null, modes);
        mode1.setId("mode1");
        ToggleButton mode2 = w.toggle("toolbar.mode2", null, modes);
        mode2.setId("mode2");
        mode1.getStyleClass().add("left-pill");
        mode2.getStyleClass().add("right-pill");
        Runnable syncMode = () -> (controls.topologyProperty().get().mode == Mode.DB_TRACKING ? mode1 : mode2).setSelected(true);
        syncMode.run();
        controls.topologyProperty().addListener((o, a, b) -> syncMode.run());
        mode1.setOnAction(e -> { controls.switchMode(Mode.DB_TRACKING); syncMode.run(); });
        mode2.setOnAction(e -> { controls.switchMode(Mode.HAPROXY_TRACKING); syncMode.run(); });
        return new HBox(mode1, mode2);
    }

    private ComboBox<Flavour> flavour() {
        ComboBox<Flavour> flavour = new ComboBox<>();
        flavour.setId("flavour");
        flavour.getItems().setAll(Flavour.values());
        flavour.setCellFactory(l -> flavourCell());
        flavour.setButtonCell(flavourCell());
        flavour.setValue(controls.topologyProperty().get().flavour);
        controls.topologyProperty().addListener((o, a, b) -> flavour.setValue(b.flavour));
        flavour.setOnAction(e -> { if (flavour.getValue() != null) controls.setFlavour(flavour.getValue()); });
        i18n.localeProperty().addListener((o, a, b) -> {
            flavour.setButtonCell(flavourCell());
            flavour.setCellFactory(l -> flavourCell());
        });
        w.tooltip(flavour, "toolbar.flavour.tip");
        flavour.setPrefWidth(Region.USE_COMPUTED_SIZE);
        return flavour;
    }

    private Button playPause() {
        Button play = new Button();
        play.setId("play-pause");
        play.graphicProperty().bind(Bindings.createObjectBinding(() -> new FontIcon(controls.pausedProperty().get() ? Material2MZ.PLAY_ARROW : Material2MZ.PAUSE), controls.pausedProperty()));
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(Bindings.createStringBinding(() -> i18n.get(controls.pausedProperty().get() ? "toolbar.play" : "toolbar.pause"),
                controls.pausedProperty(), i18n.localeProperty()));
        play.setTooltip(tip);
        play.getStyleClass().add("button-icon");
        play.setOnAction(e -> controls.togglePause());
        return play;
    }

    private HBox speeds() {
        ToggleGroup speeds = new ToggleGroup();
        HBox speedBox = new HBox();
        speedBox.setId("speeds");
        for (int i = 0; i < TimeControls.SPEEDS.size(); i++) {
            int s = TimeControls.SPEEDS.get(i);
            ToggleButton b = new ToggleButton(s + "\u00d7");
            b.setId("speed-" + s);
            b.setToggleGroup(speeds);
            b.getStyleClass().add(i == 0 ? "left-pill" : i == TimeControls.SPEEDS.size() - 1 ? "right-pill" : "center-pill");
            b.setSelected(controls.speedProperty().get() == s);
            b.setOnAction(e -> { controls.setSpeed(s); b.setSelected(true); });
            controls.speedProperty().addListener((o, a, v) -> b.setSelected(v.intValue() == s));
            speedBox.getChildren().add(b);
        }
        for (Node b : speedBox.getChildren()) w.tooltip(b, "toolbar.speed.tip");
        return speedBox;
    }

    private ComboBox<Locale> language() {
        ComboBox<Locale> lang = new ComboBox<>();
        lang.setId("language");
        lang.getItems().setAll(I18n.SUPPORTED);
        lang.setCellFactory(l -> languageCell());
        lang.setButtonCell(languageCell());
        lang.setValue(i18n.locale());
        i18n.localeProperty().addListener((o, a, b) -> lang.setValue(b));
        lang.setOnAction(e -> { if (lang.getValue() != null) window.setLanguage(lang.getValue()); });
        return lang;
    }

    private ToggleButton darkToggle(Theme initial) {
        ToggleButton darkToggle = new ToggleButton();
        darkToggle.setId("theme-toggle");
        darkToggle.setGraphic(new FontIcon(Material2AL.BRIGHTNESS_4));
        w.tooltip(darkToggle, "toolbar.dark");
        darkToggle.setSelected(initial == Theme.DARK);
        darkToggle.setOnAction(e -> window.setTheme(darkToggle.isSelected() ? Theme.DARK : Theme.LIGHT));
        return darkToggle;
    }

    private ListCell<Flavour> flavourCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(Flavour f, boolean empty) {
                super.updateItem(f, empty);
                setText(empty || f == null ? null : i18n.get("flavour." + f.id()));
            }
        };
    }

    private static ListCell<Locale> languageCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(Locale l, boolean empty) {
                super.updateItem(l, empty);
                setText(empty || l == null ? null : l.equals(I18n.CHINESE) ? "中文" : "English");
            }
        };
    }
}
