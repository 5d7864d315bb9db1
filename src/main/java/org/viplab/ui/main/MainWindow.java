package org.viplab.ui.main;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import org.viplab.ui.main.MenuSections.Section;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.controlsfx.control.StatusBar;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.viplab.lab.Target;
import org.viplab.lab.Verb;
import org.viplab.core.model.Flavour;
import org.viplab.core.model.Mode;
import org.viplab.core.model.ProcessKind;
import org.viplab.lab.TimeControls;
import org.viplab.ui.common.I18n;
import org.viplab.ui.config.ConfigView;
import org.viplab.ui.drills.DrillPanel;
import org.viplab.ui.drills.DrillPanelModel;
import org.viplab.ui.controls.LabControls;
import org.viplab.ui.events.EventListView;
import org.viplab.core.text.TimeText;
import org.viplab.ui.live.LabViewModel;
import org.viplab.ui.settings.Prefs;
import org.viplab.ui.settings.SettingsPanel;
import org.viplab.ui.settings.Theme;
import org.viplab.ui.topology.TopologyView;
import org.viplab.ui.charts.ChartsPane;
import org.viplab.core.model.Topology;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Timeline;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import org.viplab.core.util.AtomicFiles;

/**
 * The main window: menus and toolbar on top, the big clock and the drawing beside the charts' slot, the
 * event list, config and settings in tabs below, and a status bar. Built in code; every text is bound to
 * {@link I18n}, every size is in em of the one root font size.
 */
public final class MainWindow {
    public static final double BASE_FONT_PX = 13;
    public static final List<Double> FONT_SCALES = List.of(0.85, 1.0, 1.25, 1.5, 2.0);

    private final Stage stage;
    private final LabViewModel vm;
    private final LabControls controls;
    private final I18n i18n;
    private final Prefs prefs;
    private final Executor background;
    private final Consumer<Prefs> savePrefs;
    private final BorderPane root = new BorderPane();
    private final StackPane chartsSlot = new StackPane();
    private final Shortcuts shortcuts = new Shortcuts();
    private final MenuSections sections = new MenuSections();
    private final TopologyView topology;
    private final EventListView events;
    private final SettingsPanel settings;
    private final ConfigView config;
    private final DrillPanel drills;
    private final StatusBar statusBar = new StatusBar();
    private final Scene scene;
    private MenuBar menuBar;
    private TabPane bottomTabs;
    private boolean notifications = true;
    private ChartsPane charts;
    private boolean syncingSelection;
    private long lastNotificationNanos;

    public MainWindow(Stage stage, LabViewModel vm, LabControls controls, I18n i18n, Prefs prefs, Executor background, Consumer<Prefs> savePrefs) {
        this.stage = stage;
        this.vm = vm;
        this.controls = controls;
        this.i18n = i18n;
        this.prefs = prefs;
        this.background = background;
        this.savePrefs = savePrefs;

        topology = new TopologyView(vm, controls, i18n);
        events = new EventListView(vm, i18n, this::chooseAndExportCsv);
        config = new ConfigView(controls.topologyProperty());
        settings = new SettingsPanel(controls.topologyProperty(), i18n, controls::applySettings);
        drills = new DrillPanel(new DrillPanelModel(controls, i18n, new org.viplab.ui.common.FxTaskExecutor(background), org.viplab.core.util.SampleFiles.drills()), i18n);

        root.getStyleClass().add("viplab-root");
        root.setId("main-root");
        defineShortcuts();
        root.setTop(new VBox(menuBar(), toolBar()));
        root.setCenter(centre());
        root.setBottom(statusBar());

        scene = new Scene(root, prefs.width, prefs.height);
        scene.getStylesheets().add(MainWindow.class.getResource("/org/viplab/ui/viplab.css").toExternalForm());
        for (Shortcuts.Shortcut s : shortcuts.all()) scene.getAccelerators().put(s.keys(), s.action());
        setFontScale(prefs.fontScale);
        stage.setScene(scene);
        stage.titleProperty().bind(Bindings.createStringBinding(() -> i18n.get("app.title", modeName(controls.topologyProperty().get().mode)),
                i18n.localeProperty(), controls.topologyProperty()));
        vm.addVipMoveListener(this::notifyVipMove);
        events.table().getSelectionModel().selectedItemProperty().addListener((o, a, e) -> {
            if (syncingSelection || e == null || charts == null) return;
            syncingSelection = true;
            charts.select(e);
            syncingSelection = false;
        });
        // The charts keep their data, window and highlight; only their words change.
        i18n.localeProperty().addListener((o, a, b) -> { if (charts != null) charts.setLocale(b); });
    }

    /**
     * Shows a run in the charts slot: a fresh {@link ChartsPane} following its timeline. A click on a chart
     * selects the nearest event in the event list, and a selection in the list marks its time on the charts.
     */
    public void showRun(Topology topology, Timeline timeline) {
        if (charts != null) charts.detach();
        charts = new ChartsPane(topology, i18n.locale());
        charts.setId("charts");
        charts.selectedEventProperty().addListener((o, a, e) -> {
            if (syncingSelection || e == null) return;
            syncingSelection = true;
            events.select(e);
            syncingSelection = false;
        });
        chartsSlot.getChildren().setAll(charts);
        charts.attach(timeline);
        events.showTimeline(timeline); // the why panel beside the list reads causes from this run's timeline
        // While recording a drill: right-click a VIP switch on the chart to expect it ("VIP on db2 within ...").
        ChartsPane shown = charts;
        org.viplab.ui.topology.ContextMenus.install(shown, () -> {
            if (!drills.model().recordingProperty().get()) return null;
            LabEvent picked = shown.selectedEventProperty().get();
            if (!(picked instanceof LabEvent.VipChanged v) || !v.added()) return null;
            MenuItem expect = new MenuItem(i18n.get("charts.expectVip", v.host()));
            expect.setId("menu-chart-expectVip");
            expect.setOnAction(a -> drills.model().addVipExpectation(v));
            return new javafx.scene.control.ContextMenu(expect);
        });
    }

    /** The charts of the current run, or null before the first run arrived. */
    public ChartsPane charts() { return charts; }

    // ---- accessors for the app and tests -----------------------------------------------------------

    public Scene scene() { return scene; }

    public Parent root() { return root; }

    /** Where the charts component goes; holds a placeholder until then. */
    public StackPane chartsSlot() { return chartsSlot; }

    public TopologyView topologyView() { return topology; }

    public EventListView eventList() { return events; }

    public SettingsPanel settingsPanel() { return settings; }

    public ConfigView configView() { return config; }

    public DrillPanel drillPanel() { return drills; }

    public Shortcuts shortcuts() { return shortcuts; }

    public StatusBar statusBarControl() { return statusBar; }

    /** The menus, for tests and lookups. */
    public MenuBar menus() { return menuBar; }

    /** Where features add their menu items (import, lint, report export, hosts), by section. */
    public MenuSections menuSections() { return sections; }

    /** The tabs under the drawing (events, configuration, settings, ...), for features that add a tab. */
    public TabPane bottomTabs() { return bottomTabs; }

    public Stage stage() { return stage; }

    /** Turns the VIP-move pop-ups off (tests, kiosk). */
    public void setNotificationsEnabled(boolean on) { notifications = on; }

    // ---- layout ------------------------------------------------------------------------------------

    private MenuBar menuBar() {
        Menu file = menu("menu.file");
        sections.attach(file, Section.FILE_IMPORT, Section.FILE_SESSIONS, Section.FILE_EXPORT, Section.FILE_QUIT);
        sections.add(Section.FILE_SESSIONS,
                item("menu.file.openSession", () -> drills.chooseAndOpenSession(stage)),
                item("menu.file.saveSession", () -> drills.chooseAndSaveSession(stage)));
        sections.add(Section.FILE_EXPORT,
                item("menu.file.exportCsv", this::chooseAndExportCsv),
                item("menu.file.exportPng", this::chooseAndExportPng));
        sections.add(Section.FILE_QUIT, item("menu.file.quit", stage::close));
        Menu lab = menu("menu.lab");
        sections.attach(lab, Section.LAB_HOSTS, Section.LAB_ACTIONS, Section.LAB_CHECKS);
        for (Shortcuts.Shortcut s : shortcuts.all()) {
            if (s.descriptionKey().startsWith("shortcut.font") || s.descriptionKey().equals("shortcut.help")
                    || s.descriptionKey().startsWith("shortcut.export")) continue;
            MenuItem i = item(s.descriptionKey(), s.action());
            i.setAccelerator(s.keys());
            sections.add(Section.LAB_ACTIONS, i);
        }
        ToggleGroup themes = new ToggleGroup();
        RadioMenuItem light = radio("menu.view.light", themes, () -> setTheme(Theme.LIGHT));
        RadioMenuItem dark = radio("menu.view.dark", themes, () -> setTheme(Theme.DARK));
        (Theme.fromId(prefs.theme) == Theme.DARK ? dark : light).setSelected(true);
        Menu theme = menu("menu.view.theme", light, dark);
        ToggleGroup langs = new ToggleGroup();
        // A language is offered under its own name, whatever the current language.
        RadioMenuItem en = new RadioMenuItem("English");
        en.setToggleGroup(langs);
        en.setOnAction(e -> setLanguage(I18n.ENGLISH));
        RadioMenuItem zh = new RadioMenuItem("中文");
        zh.setToggleGroup(langs);
        zh.setOnAction(e -> setLanguage(I18n.CHINESE));
        (i18n.locale().equals(I18n.CHINESE) ? zh : en).setSelected(true);
        i18n.localeProperty().addListener((o, a, b) -> (b.equals(I18n.CHINESE) ? zh : en).setSelected(true));
        Menu language = menu("menu.view.language", en, zh);
        ToggleGroup scales = new ToggleGroup();
        Menu scale = menu("menu.view.fontScale");
        for (double s : FONT_SCALES) {
            RadioMenuItem r = new RadioMenuItem(Math.round(s * 100) + " %");
            r.setToggleGroup(scales);
            r.setSelected(Math.abs(s - prefs.fontScale) < 0.01);
            r.setOnAction(e -> setFontScale(s));
            scale.getItems().add(r);
        }
        MenuItem fit = item("menu.view.fit", topology::fit);
        Menu view = menu("menu.view", theme, language, scale, new SeparatorMenuItem(), fit);
        Menu help = menu("menu.help", item("menu.help.shortcuts", this::showShortcuts));
        help.getItems().get(0).setAccelerator(javafx.scene.input.KeyCombination.valueOf("F1"));
        MenuBar bar = new MenuBar(file, lab, view, help);
        bar.setId("menu-bar");
        menuBar = bar;
        return bar;
    }

    private ToolBar toolBar() {
        ToggleGroup modes = new ToggleGroup();
        ToggleButton mode1 = toggle("toolbar.mode1", null, modes);
        mode1.setId("mode1");
        ToggleButton mode2 = toggle("toolbar.mode2", null, modes);
        mode2.setId("mode2");
        mode1.getStyleClass().add("left-pill");
        mode2.getStyleClass().add("right-pill");
        Runnable syncMode = () -> (controls.topologyProperty().get().mode == Mode.DB_TRACKING ? mode1 : mode2).setSelected(true);
        syncMode.run();
        controls.topologyProperty().addListener((o, a, b) -> syncMode.run());
        mode1.setOnAction(e -> { controls.switchMode(Mode.DB_TRACKING); syncMode.run(); });
        mode2.setOnAction(e -> { controls.switchMode(Mode.HAPROXY_TRACKING); syncMode.run(); });

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
        tooltip(flavour, "toolbar.flavour.tip");
        flavour.setPrefWidth(javafx.scene.layout.Region.USE_COMPUTED_SIZE);

        Button play = new Button();
        play.setId("play-pause");
        play.graphicProperty().bind(Bindings.createObjectBinding(() -> new FontIcon(controls.pausedProperty().get() ? Material2MZ.PLAY_ARROW : Material2MZ.PAUSE), controls.pausedProperty()));
        play.textProperty().bind(Bindings.createStringBinding(() -> i18n.get(controls.pausedProperty().get() ? "toolbar.play" : "toolbar.pause"),
                controls.pausedProperty(), i18n.localeProperty()));
        play.setOnAction(e -> controls.togglePause());
        Button step = button("toolbar.step", Material2MZ.SKIP_NEXT, () -> controls.step());
        step.setId("step");

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
        tooltip(speedBox.getChildren().get(0), "toolbar.speed.tip");
        Button restore = button("toolbar.restore", Material2MZ.SETTINGS_BACKUP_RESTORE, () -> controls.restore());
        restore.setId("restore");
        Button reset = button("toolbar.reset", Material2MZ.REFRESH, () -> controls.resetRun());
        reset.setId("reset");

        ComboBox<Locale> lang = new ComboBox<>();
        lang.setId("language");
        lang.getItems().setAll(I18n.SUPPORTED);
        lang.setCellFactory(l -> languageCell());
        lang.setButtonCell(languageCell());
        lang.setValue(i18n.locale());
        i18n.localeProperty().addListener((o, a, b) -> lang.setValue(b));
        lang.setOnAction(e -> { if (lang.getValue() != null) setLanguage(lang.getValue()); });
        ToggleButton darkToggle = new ToggleButton();
        darkToggle.setId("theme-toggle");
        darkToggle.setGraphic(new FontIcon(Material2AL.BRIGHTNESS_4));
        tooltip(darkToggle, "toolbar.dark");
        darkToggle.setSelected(Theme.fromId(prefs.theme) == Theme.DARK);
        darkToggle.setOnAction(e -> setTheme(darkToggle.isSelected() ? Theme.DARK : Theme.LIGHT));

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox modeBox = new HBox(mode1, mode2);
        // real hosts run in real time on their own configuration: the simulator's controls step aside
        for (javafx.scene.Node n : List.of(modeBox, flavour, play, step, speedBox, reset)) n.disableProperty().bind(controls.onHostsProperty());
        ToolBar bar = new ToolBar(modeBox, flavour, new Separator(Orientation.VERTICAL), play, step, speedBox,
                new Separator(Orientation.VERTICAL), restore, reset, spacer, new FontIcon(Material2AL.LANGUAGE), lang, darkToggle);
        bar.setId("toolbar");
        return bar;
    }

    private SplitPane centre() {
        Label clock = new Label();
        clock.setId("virtual-clock");
        clock.getStyleClass().add("virtual-clock");
        clock.textProperty().bind(Bindings.createStringBinding(() -> "t " + TimeText.clock(vm.clockProperty().get()), vm.clockProperty()));
        Label runState = new Label();
        runState.setId("run-state");
        runState.getStyleClass().add("run-state");
        runState.textProperty().bind(Bindings.createStringBinding(() -> controls.onHostsProperty().get() ? i18n.get("clock.realTime")
                        : controls.pausedProperty().get() ? i18n.get("clock.paused") : i18n.get("clock.running", controls.speedProperty().get()),
                controls.pausedProperty(), controls.speedProperty(), controls.onHostsProperty(), i18n.localeProperty()));
        Label hint = new Label();
        hint.textProperty().bind(i18n.bind("topology.hint"));
        hint.getStyleClass().add("hint");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        clock.setMinWidth(Region.USE_PREF_SIZE);
        runState.setMinWidth(Region.USE_PREF_SIZE);
        hint.setMinWidth(0);
        HBox clockBar = new HBox(12, clock, runState, spacer, hint);
        clockBar.setAlignment(Pos.BASELINE_LEFT);
        clockBar.getStyleClass().add("clock-bar");
        VBox.setVgrow(topology, Priority.ALWAYS);
        VBox left = new VBox(clockBar, topology);
        left.getStyleClass().add("drawing-pane");

        chartsSlot.setId("chartsSlot");
        chartsSlot.getStyleClass().add("charts-slot");
        Label placeholder = new Label();
        placeholder.setId("charts-placeholder");
        placeholder.textProperty().bind(i18n.bind("charts.placeholder"));
        placeholder.setWrapText(true);
        chartsSlot.getChildren().add(placeholder);

        SplitPane upper = new SplitPane(left, chartsSlot);
        upper.setDividerPositions(0.55);

        TabPane tabs = new TabPane(tab("tab.events", events, "tab-events"), tab("tab.config", config, "tab-config"),
                tab("tab.settings", settings, "tab-settings"), tab("tab.drills", drills, "tab-drills"));
        tabs.setId("bottom-tabs");
        bottomTabs = tabs;
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        SplitPane main = new SplitPane(upper, tabs);
        main.setOrientation(Orientation.VERTICAL);
        main.setDividerPositions(0.6);
        return main;
    }

    private StatusBar statusBar() {
        statusBar.setId("status-bar");
        statusBar.textProperty().bind(controls.statusProperty());
        Label clock = new Label();
        clock.setId("status-clock");
        clock.textProperty().bind(Bindings.createStringBinding(() -> i18n.get("status.clock", TimeText.seconds(vm.clockProperty().get())),
                vm.clockProperty(), i18n.localeProperty()));
        Label engine = new Label();
        engine.setId("status-engine");
        engine.textProperty().bind(Bindings.createStringBinding(() -> controls.onHostsProperty().get()
                        ? i18n.get("status.engineHosts", String.join(", ", controls.topologyProperty().get().nodes.stream().map(n -> n.name + " " + n.ip).toList()))
                        : i18n.get("status.engine", i18n.get("engine.sim"),
                        controls.speedProperty().get(), i18n.get(controls.pausedProperty().get() ? "clock.paused" : "status.running")),
                controls.speedProperty(), controls.pausedProperty(), controls.onHostsProperty(), controls.topologyProperty(), i18n.localeProperty()));
        statusBar.getRightItems().addAll(clock, new Separator(Orientation.VERTICAL), engine);
        controls.status("status.ready");
        return statusBar;
    }

    private void defineShortcuts() {
        shortcuts.add("Shortcut+P", "shortcut.pause", controls::togglePause);
        shortcuts.add("Shortcut+N", "shortcut.step", () -> controls.step());
        for (int i = 0; i < TimeControls.SPEEDS.size(); i++) {
            int s = TimeControls.SPEEDS.get(i);
            shortcuts.add("Shortcut+" + (i + 1), "shortcut.speed" + s, () -> controls.setSpeed(s));
        }
        shortcuts.add("Shortcut+M", "shortcut.stopMysqld", () -> onHolder(Verb.STOP, ProcessKind.MYSQLD));
        shortcuts.add("Shortcut+H", "shortcut.hangMysqld", () -> onHolder(Verb.HANG, ProcessKind.MYSQLD));
        shortcuts.add("Shortcut+K", "shortcut.stopKeepalived", () -> onHolder(Verb.STOP, ProcessKind.KEEPALIVED));
        shortcuts.add("Shortcut+Shift+K", "shortcut.killKeepalived", () -> onHolder(Verb.KILL, ProcessKind.KEEPALIVED));
        shortcuts.add("Shortcut+B", "shortcut.blockVrrp", this::toggleVrrpBlock);
        shortcuts.add("Shortcut+R", "shortcut.restore", () -> controls.restore());
        shortcuts.add("Shortcut+Shift+R", "shortcut.reset", () -> controls.resetRun());
        shortcuts.add("Alt+1", "shortcut.mode1", () -> controls.switchMode(Mode.DB_TRACKING));
        shortcuts.add("Alt+2", "shortcut.mode2", () -> controls.switchMode(Mode.HAPROXY_TRACKING));
        shortcuts.add("Shortcut+E", "shortcut.exportCsv", this::chooseAndExportCsv);
        shortcuts.add("Shortcut+Shift+E", "shortcut.exportPng", this::chooseAndExportPng);
        shortcuts.add("Shortcut+Equals", "shortcut.fontBigger", () -> stepFont(+1));
        shortcuts.add("Shortcut+Minus", "shortcut.fontSmaller", () -> stepFont(-1));
        shortcuts.add("F1", "shortcut.help", this::showShortcuts);
    }

    // ---- actions -----------------------------------------------------------------------------------

    /** Applies a verb to a process on the host holding the VIP (the first one, if split). */
    private void onHolder(Verb v, ProcessKind k) {
        if (vm.vipHolders().isEmpty()) {
            controls.status("status.noHolder");
            return;
        }
        String host = vm.vipHolders().get(0);
        if (!vm.host(host).runs(k)) {
            controls.status("status.error", host + " runs no " + k.id());
            return;
        }
        controls.apply(v, new Target.Process(host, k));
    }

    private void toggleVrrpBlock() {
        List<String> names = vm.hosts().stream().map(h -> h.name()).toList();
        if (names.size() != 2) return;
        controls.apply(vm.vrrpBlockedProperty().get() ? Verb.HEAL : Verb.CUT, new Target.PeerPath(names.get(0), names.get(1), true));
    }

    private void showShortcuts() { ShortcutsDialog.create(stage, shortcuts, i18n).show(); }

    public void setLanguage(Locale l) {
        i18n.setLocale(l);
        prefs.language = i18n.locale().toLanguageTag();
        savePrefs.accept(prefs);
    }

    public void setTheme(Theme t) {
        t.apply();
        prefs.theme = t.id();
        root.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("dark"), t == Theme.DARK);
        savePrefs.accept(prefs);
    }

    public void setFontScale(double s) {
        prefs.fontScale = s;
        root.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", BASE_FONT_PX * s));
        savePrefs.accept(prefs);
    }

    private void stepFont(int dir) {
        int i = 0;
        for (int j = 0; j < FONT_SCALES.size(); j++) if (Math.abs(FONT_SCALES.get(j) - prefs.fontScale) < 0.01) i = j;
        setFontScale(FONT_SCALES.get(Math.max(0, Math.min(FONT_SCALES.size() - 1, i + dir))));
    }

    private void notifyVipMove(LabViewModel.VipMove m) {
        if (!notifications || stage.getScene() == null || !stage.isShowing()) return;
        long now = System.nanoTime();
        if (now - lastNotificationNanos < 1_500_000_000L) return; // at 100x moves can come faster than anyone reads
        lastNotificationNanos = now;
        Notifications.create().owner(stage).title(i18n.get("notify.vip.title"))
                .text(m.from() == null ? i18n.get("notify.vip.arrived", m.host(), TimeText.seconds(m.timeUs()))
                        : i18n.get("notify.vip.moved", m.from(), m.host(), TimeText.seconds(m.timeUs())))
                .hideAfter(Duration.seconds(3)).position(Pos.TOP_RIGHT).showInformation();
    }

    private void chooseAndExportCsv() {
        FileChooser fc = new FileChooser();
        fc.setTitle(i18n.get("menu.file.exportCsv"));
        fc.setInitialFileName("viplab-events.csv");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        File f = fc.showSaveDialog(stage);
        if (f != null) exportCsv(f.toPath());
    }

    private void chooseAndExportPng() {
        FileChooser fc = new FileChooser();
        fc.setTitle(i18n.get("menu.file.exportPng"));
        fc.setInitialFileName("viplab-topology.png");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG", "*.png"));
        File f = fc.showSaveDialog(stage);
        if (f != null) exportDrawingPng(f.toPath());
    }

    /** Writes the shown events as CSV; the text is taken on the FX thread, the file written in the background. */
    public CompletableFuture<Path> exportCsv(Path file) {
        String csv = events.csv();
        return written(CompletableFuture.supplyAsync(() -> {
            try {
                EventListView.writeCsv(file, csv);
                return file;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, background));
    }

    /** Writes the drawing as PNG; snapshot on the FX thread, encoding and writing in the background. */
    public CompletableFuture<Path> exportDrawingPng(Path file) {
        WritableImage img = topology.snapshotDrawing();
        return written(CompletableFuture.supplyAsync(() -> {
            try {
                BufferedImage b = SwingFXUtils.fromFXImage(img, null);
                AtomicFiles.write(file, out -> ImageIO.write(b, "png", out));
                return file;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, background));
    }

    private CompletableFuture<Path> written(CompletableFuture<Path> f) {
        f.whenComplete((p, err) -> javafx.application.Platform.runLater(() -> {
            if (err == null) controls.status("status.saved", p.toString());
            else controls.status("status.error", err.getCause() != null ? err.getCause().getMessage() : err.getMessage());
        }));
        return f;
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private String modeName(Mode m) { return i18n.get(m == Mode.DB_TRACKING ? "mode.db" : "mode.haproxy"); }

    private Menu menu(String key, MenuItem... items) {
        Menu m = new Menu();
        m.textProperty().bind(i18n.bind(key));
        m.setId(key.replace('.', '-'));
        m.getItems().addAll(items);
        return m;
    }

    private MenuItem item(String key, Runnable action) {
        MenuItem i = new MenuItem();
        i.textProperty().bind(i18n.bind(key));
        i.setId(key.replace('.', '-'));
        i.setOnAction(e -> action.run());
        return i;
    }

    private RadioMenuItem radio(String key, ToggleGroup g, Runnable action) {
        RadioMenuItem r = new RadioMenuItem();
        r.textProperty().bind(i18n.bind(key));
        r.setToggleGroup(g);
        r.setOnAction(e -> action.run());
        return r;
    }

    private ToggleButton toggle(String key, org.kordamp.ikonli.Ikon icon, ToggleGroup g) {
        ToggleButton b = new ToggleButton();
        b.textProperty().bind(i18n.bind(key));
        if (icon != null) b.setGraphic(new FontIcon(icon));
        b.setToggleGroup(g);
        return b;
    }

    private Button button(String key, org.kordamp.ikonli.Ikon icon, Runnable action) {
        Button b = new Button();
        b.textProperty().bind(i18n.bind(key));
        b.setGraphic(new FontIcon(icon));
        b.setOnAction(e -> action.run());
        return b;
    }

    private void tooltip(javafx.scene.Node n, String key) {
        Tooltip t = new Tooltip();
        t.textProperty().bind(i18n.bind(key));
        if (n instanceof javafx.scene.control.Control c) c.setTooltip(t);
        else Tooltip.install(n, t);
    }

    private Tab tab(String key, javafx.scene.Node content, String id) {
        Tab t = new Tab();
        t.textProperty().bind(i18n.bind(key));
        t.setId(id);
        // A tab's content joins the scene when the tab is first shown: styling and laying out hidden tabs
        // would cost the first window a second on a small machine.
        if (t.isSelected()) t.setContent(content);
        t.selectedProperty().addListener((o, was, now) -> { if (now && t.getContent() == null) t.setContent(content); });
        return t;
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
