package org.viplab.ui.main;

import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;
import org.viplab.core.model.Mode;
import org.viplab.core.model.Topology;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Timeline;
import org.viplab.ui.charts.ChartsPane;
import org.viplab.ui.common.FxTaskExecutor;
import org.viplab.ui.common.I18n;
import org.viplab.ui.config.ConfigView;
import org.viplab.ui.controls.LabControls;
import org.viplab.ui.drills.DrillPanel;
import org.viplab.ui.drills.DrillPanelModel;
import org.viplab.ui.events.EventListView;
import org.viplab.ui.live.LabViewModel;
import org.viplab.ui.settings.Prefs;
import org.viplab.ui.settings.SettingsPanel;
import org.viplab.ui.settings.Theme;
import org.viplab.ui.topology.ContextMenus;
import org.viplab.ui.topology.TopologyView;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The main window: menus ({@link MainMenus}) and toolbar ({@link MainToolBar}) on top, the drawing beside the
 * charts' slot and the tabs below ({@link MainLayout}), and a status bar ({@link MainStatusBar}). This class
 * builds the children, joins them, and owns the window-wide settings (language, theme, font scale). Every text
 * is bound to {@link I18n}, every size is in em of the one root font size.
 */
public final class MainWindow {
    public static final double BASE_FONT_PX = 13;
    public static final List<Double> FONT_SCALES = List.of(0.85, 1.0, 1.25, 1.5, 2.0);
    /** The smallest font scale in presenter mode: readable from the back of a room on a 1280x720 projector. */
    public static final double PRESENTER_SCALE = 1.5;
    /**
     * Below this height in em (a 720 px projector from 150 %, 1080 px at 200 %) the window is compact: a smaller
     * clock, no hint line, and the language and theme controls only in the View menu, so the drawing, charts and
     * tabs keep their room.
     */
    static final double COMPACT_BELOW_EM = 45;
    private static final PseudoClass COMPACT = PseudoClass.getPseudoClass("compact");

    private final Stage stage;
    private final I18n i18n;
    private final Prefs prefs;
    private final Consumer<Prefs> savePrefs;
    private final BorderPane root = new BorderPane();
    private final Shortcuts shortcuts = new Shortcuts();
    private final MenuSections sections = new MenuSections();
    private final DoubleProperty fontScale = new SimpleDoubleProperty(1);
    private final BooleanProperty presenter = new SimpleBooleanProperty();
    private final BooleanProperty compact = new SimpleBooleanProperty();
    private final TopologyView topology;
    private final EventListView events;
    private final SettingsPanel settings;
    private final ConfigView config;
    private final DrillPanel drills;
    private final MainExports exports;
    private final MainLayout layout;
    private final MenuBar menuBar;
    private final TabPane bottomTabs;
    private final StatusBar statusBar;
    private final VipNotices notices;
    private final AutoPause autoPause;
    private FailoverJump failoverJump;
    private final Scene scene;
    /** How much lab time the live charts show: it follows the speed (see {@link org.viplab.charts.LiveWindow}). */
    private final javafx.beans.binding.DoubleBinding liveWindowSeconds;
    private ChartsPane charts;
    private boolean syncingSelection;

    public MainWindow(Stage stage, LabViewModel vm, LabControls controls, I18n i18n, Prefs prefs, Executor background, Consumer<Prefs> savePrefs) {
        this.stage = stage;
        this.i18n = i18n;
        this.prefs = prefs;
        this.savePrefs = savePrefs;
        Widgets w = new Widgets(i18n);
        liveWindowSeconds = Bindings.createDoubleBinding(() -> org.viplab.charts.LiveWindow.seconds(
                controls.onHostsProperty().get() ? 1 : controls.speedProperty().get()), controls.speedProperty(), controls.onHostsProperty());

        topology = new TopologyView(vm, controls, i18n);
        exports = new MainExports(stage, i18n, controls, null, topology, background);
        events = new EventListView(vm, i18n, exports::chooseAndExportCsv);
        exports.setEvents(events);
        events.whyPanel().inferredProperty().bind(controls.onHostsProperty());
        config = new ConfigView(controls.topologyProperty());
        settings = new SettingsPanel(controls.topologyProperty(), i18n, controls::applySettings);
        drills = new DrillPanel(new DrillPanelModel(controls, i18n, new FxTaskExecutor(background), org.viplab.core.util.SampleFiles.drills()), i18n);
        bottomTabs = new TabPane(w.tab("tab.events", events, "tab-events"), w.tab("tab.config", config, "tab-config"),
                w.tab("tab.settings", settings, "tab-settings"), w.tab("tab.drills", drills, "tab-drills"));

        root.getStyleClass().add("viplab-root");
        root.setId("main-root");
        new MainShortcuts(this, vm, controls).define(shortcuts);
        Theme theme = Theme.fromId(prefs.theme);
        notices = new VipNotices(vm, i18n);
        autoPause = new AutoPause(vm, controls, notices, prefs, savePrefs);
        menuBar = new MainMenus(this, w, sections, controls).build(theme, prefs.fontScale);
        // the split-brain banner spans the window under the toolbar: the drawing and the tabs share the room it takes
        root.setTop(new VBox(menuBar, new MainToolBar(this, controls, w).build(theme), notices.splitBanner()));
        vm.addVipMoveListener(notices::vipMoved);
        layout = new MainLayout(vm, controls, w, topology, bottomTabs, notices);
        failoverJump = new FailoverJump(vm, controls, events, bottomTabs, layout::showTabs);
        root.setCenter(layout.root());
        statusBar = MainStatusBar.build(vm, controls, i18n);
        root.setBottom(statusBar);

        scene = new Scene(root, prefs.width, prefs.height);
        scene.getStylesheets().add(MainWindow.class.getResource("/org/viplab/ui/viplab.css").toExternalForm());
        for (Shortcuts.Shortcut s : shortcuts.all()) scene.getAccelerators().put(s.keys(), s.action());
        setFontScale(prefs.fontScale);
        stage.setScene(scene);
        stage.titleProperty().bind(Bindings.createStringBinding(() -> i18n.get("app.title", modeName(controls.topologyProperty().get().mode)),
                i18n.localeProperty(), controls.topologyProperty()));
        scene.widthProperty().addListener((o, a, b) -> fitLayout());
        scene.heightProperty().addListener((o, a, b) -> fitLayout());
        fitLayout();
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
        charts.setFontScale(fontScale.get());
        charts.setDark(Theme.fromId(prefs.theme) == Theme.DARK);
        charts.liveWindowSecondsProperty().bind(liveWindowSeconds);
        charts.selectedEventProperty().addListener((o, a, e) -> {
            if (syncingSelection || e == null) return;
            syncingSelection = true;
            events.select(e);
            syncingSelection = false;
        });
        layout.chartsSlot().getChildren().setAll(charts);
        charts.attach(timeline);
        events.showTimeline(timeline); // the why panel beside the list reads causes from this run's timeline
        // While recording a drill: right-click a VIP switch on the chart to expect it ("VIP on db2 within ...").
        ChartsPane shown = charts;
        ContextMenus.install(shown, () -> {
            if (!drills.model().recordingProperty().get()) return null;
            LabEvent picked = shown.selectedEventProperty().get();
            if (!(picked instanceof LabEvent.VipChanged v) || !v.added()) return null;
            MenuItem expect = new MenuItem(i18n.get("charts.expectVip", v.host()));
            expect.setId("menu-chart-expectVip");
            expect.setOnAction(a -> drills.model().addVipExpectation(v));
            return new ContextMenu(expect);
        });
    }

    /** The charts of the current run, or null before the first run arrived. */
    public ChartsPane charts() { return charts; }

    // ---- accessors for the app, features and tests ---------------------------------------------------

    public Scene scene() { return scene; }

    public Parent root() { return root; }

    /** Where the charts component goes; holds a placeholder until then. */
    public StackPane chartsSlot() { return layout.chartsSlot(); }

    /**
     * The hook for a panel beside the drawing and charts (the "why" panel): shown at the right of the upper
     * half, or removed with null.
     */
    public void setSidePanel(Node panel) { layout.setSidePanel(panel); }

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
    public void setNotificationsEnabled(boolean on) { notices.setEnabled(on); }

    MainExports exports() { return exports; }

    /** View > Pause on a VIP change (remembered). */
    public BooleanProperty pauseOnVipChangeProperty() { return autoPause.property(); }

    DoubleProperty fontScaleProperty() { return fontScale; }

    // ---- window-wide settings ---------------------------------------------------------------------------

    public void setLanguage(Locale l) {
        i18n.setLocale(l);
        prefs.language = i18n.locale().toLanguageTag();
        savePrefs.accept(prefs);
    }

    public void setTheme(Theme t) {
        t.apply();
        prefs.theme = t.id();
        root.pseudoClassStateChanged(PseudoClass.getPseudoClass("dark"), t == Theme.DARK);
        if (charts != null) charts.setDark(t == Theme.DARK);
        savePrefs.accept(prefs);
    }

    public void setFontScale(double s) {
        prefs.fontScale = s;
        savePrefs.accept(prefs);
        applyFontScale(presenter.get() ? Math.max(PRESENTER_SCALE, s) : s);
    }

    private void applyFontScale(double s) {
        fontScale.set(s);
        root.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", BASE_FONT_PX * s));
        if (charts != null) charts.setFontScale(s);
        fitLayout();
    }

    /** The font scale shown now (presenter mode's while it is on). */
    public double fontScale() { return fontScale.get(); }

    /**
     * Presenter mode: the drawing and charts take the window, the font grows to at least
     * {@link #PRESENTER_SCALE}, the tabs (events, ...) hide behind a toggle. Off restores the chosen font.
     */
    public void setPresenter(boolean on) {
        if (presenter.get() == on) return;
        presenter.set(on);
        layout.setPresenter(on);
        statusBar.setVisible(!on);
        statusBar.setManaged(!on);
        applyFontScale(on ? Math.max(PRESENTER_SCALE, prefs.fontScale) : prefs.fontScale);
    }

    public BooleanProperty presenterProperty() { return presenter; }

    /** Charts beside the drawing (HORIZONTAL) or under it (VERTICAL), as the window's size in em decides. */
    public javafx.geometry.Orientation chartsOrientation() { return layout.chartsOrientation(); }

    /** True while the window is too short in em for the big clock and the toolbar's language and theme controls. */
    public boolean isCompact() { return compact.get(); }

    BooleanProperty compactProperty() { return compact; }

    /** Sizes count in em of the root font, so a larger font makes the same window narrower and shorter. */
    private void fitLayout() {
        if (scene == null || layout == null) return;
        double em = BASE_FONT_PX * fontScale.get();
        compact.set(scene.getHeight() / em < COMPACT_BELOW_EM);
        root.pseudoClassStateChanged(COMPACT, compact.get());
        layout.fitTo(scene.getWidth() / em, scene.getHeight() / em, compact.get());
    }

    void stepFont(int dir) {
        int i = 0;
        for (int j = 0; j < FONT_SCALES.size(); j++) if (Math.abs(FONT_SCALES.get(j) - prefs.fontScale) < 0.01) i = j;
        setFontScale(FONT_SCALES.get(Math.max(0, Math.min(FONT_SCALES.size() - 1, i + dir))));
    }

    /** Lab > Jump to the last failover: selects the last VIP change (time travel there, its why chain); null if none. */
    public LabEvent jumpToLastFailover() { return failoverJump.jump(); }

    void showShortcuts() { ShortcutsDialog.create(stage, shortcuts, i18n).show(); }

    /** Writes the shown events as CSV; the text is taken on the FX thread, the file written in the background. */
    public CompletableFuture<Path> exportCsv(Path file) { return exports.exportCsv(file); }

    /** Writes the drawing as PNG; snapshot on the FX thread, encoding and writing in the background. */
    public CompletableFuture<Path> exportDrawingPng(Path file) { return exports.exportDrawingPng(file); }

    private String modeName(Mode m) { return i18n.get(m == Mode.DB_TRACKING ? "mode.db" : "mode.haproxy"); }
}
