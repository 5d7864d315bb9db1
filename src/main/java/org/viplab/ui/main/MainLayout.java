package org.viplab.ui.main;

import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.viplab.ui.common.I18n;
import org.viplab.ui.controls.LabControls;
import org.viplab.core.text.TimeText;
import org.viplab.ui.live.LabViewModel;
import org.viplab.ui.topology.TopologyView;

/**
 * The centre of the window: the clock bar and the drawing beside the charts' slot, an optional side panel at the
 * right, and the tabs (events, configuration, settings, drills, ...) below.
 */
final class MainLayout {
    /**
     * The charts go under the drawing in a window narrower than this in em (1024 px at 100 %, 1280 px from
     * 150 %) when it is also at least {@link #STACK_FROM_HEIGHT_EM} high: stacked, each needs the room of a
     * whole window. A narrow but short window (a projector at a large font) keeps them side by side, where each
     * has the full height.
     */
    static final double STACK_BELOW_EM = 85;
    static final double STACK_FROM_HEIGHT_EM = 62;

    private final LabViewModel vm;
    private final LabControls controls;
    private final I18n i18n;
    private final StackPane chartsSlot = new StackPane();
    private final SplitPane upper = new SplitPane();
    private final SplitPane main = new SplitPane();
    private final VBox drawingPane;
    private final TabPane tabs;
    private final ToggleButton eventsToggle = new ToggleButton();
    private Node sidePanel;
    private boolean presenter;
    private final javafx.beans.property.BooleanProperty compact = new javafx.beans.property.SimpleBooleanProperty();

    MainLayout(LabViewModel vm, LabControls controls, Widgets w, TopologyView topology, TabPane tabs, VipNotices notices) {
        this.vm = vm;
        this.controls = controls;
        this.i18n = w.i18n();
        this.tabs = tabs;
        // The drawing carries the notices in a corner, never over the toolbar or charts.
        StackPane drawing = new StackPane(topology, notices.noticeLayer());
        drawing.setId("drawing");
        drawing.setMinSize(0, 0);
        VBox.setVgrow(drawing, Priority.ALWAYS);
        drawingPane = new VBox(clockBar(), drawing);
        drawingPane.getStyleClass().add("drawing-pane");

        chartsSlot.setId("chartsSlot");
        chartsSlot.getStyleClass().add("charts-slot");
        Label placeholder = new Label();
        placeholder.setId("charts-placeholder");
        placeholder.textProperty().bind(i18n.bind("charts.placeholder"));
        placeholder.setWrapText(true);
        chartsSlot.getChildren().add(placeholder);

        upper.getItems().setAll(drawingPane, chartsSlot);
        upper.setDividerPositions(0.55);
        tabs.setId("bottom-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        main.getItems().setAll(upper, tabs);
        main.setOrientation(Orientation.VERTICAL);
        main.setDividerPositions(0.6);
        // The upper half gives way before the tabs and the status bar leave a small window: the drawing and the
        // charts shrink (and clip) rather than push the rest out of the window.
        main.setMinSize(0, 0);
        upper.setMinHeight(0);
        drawingPane.setMinHeight(0);
    }

    SplitPane root() { return main; }

    /**
     * Narrow and tall windows (in em of the root font, so a large font counts as small) stack the charts under
     * the drawing; others put them side by side. A compact window drops the hint line.
     */
    void fitTo(double widthEm, double heightEm, boolean compact) {
        this.compact.set(compact);
        Orientation o = widthEm < STACK_BELOW_EM && heightEm >= STACK_FROM_HEIGHT_EM ? Orientation.VERTICAL : Orientation.HORIZONTAL;
        if (upper.getOrientation() != o) {
            upper.setOrientation(o);
            upper.setDividerPositions(sidePanel == null ? 0.55 : 0.45);
        }
    }

    Orientation chartsOrientation() { return upper.getOrientation(); }

    /** Presenter mode: the drawing and charts take the window; the tabs come back with the Events toggle. */
    void setPresenter(boolean on) {
        presenter = on;
        eventsToggle.setVisible(on);
        eventsToggle.setManaged(on);
        eventsToggle.setSelected(false);
        showTabs(!on);
    }

    /** The tabs in view: in presenter mode the Events toggle switches on, elsewhere they are always there. */
    void showTabs() {
        if (presenter) eventsToggle.setSelected(true);
        showTabs(true);
    }

    private void showTabs(boolean show) {
        if (show && !main.getItems().contains(tabs)) {
            main.getItems().add(tabs);
            main.setDividerPositions(presenter ? 0.55 : 0.6);
        } else if (!show) {
            main.getItems().remove(tabs);
        }
    }

    StackPane chartsSlot() { return chartsSlot; }

    VBox drawingPane() { return drawingPane; }

    /**
     * Puts a panel at the right of the drawing and charts (e.g. the "why" panel), or removes it with null. The
     * drawing and charts keep their share; the panel starts at about a quarter of the width.
     */
    void setSidePanel(Node panel) {
        if (sidePanel != null) upper.getItems().remove(sidePanel);
        sidePanel = panel;
        if (panel != null) {
            upper.getItems().add(panel);
            upper.setDividerPositions(0.45, 0.75);
        } else {
            upper.setDividerPositions(0.55);
        }
    }

    private HBox clockBar() {
        Label clock = new Label();
        clock.setId("virtual-clock");
        clock.getStyleClass().add("virtual-clock");
        clock.textProperty().bind(Bindings.createStringBinding(() -> "t " + TimeText.clock(vm.clockProperty().get()), vm.clockProperty()));
        Label runState = new Label();
        runState.setId("run-state");
        runState.getStyleClass().add("run-state");
        runState.textProperty().bind(Bindings.createStringBinding(() -> controls.incidentProperty().get() ? i18n.get("clock.incident")
                        : controls.onHostsProperty().get() ? i18n.get("clock.realTime")
                        : controls.pausedProperty().get() ? i18n.get("clock.paused") : i18n.get("clock.running", controls.speedProperty().get()),
                controls.pausedProperty(), controls.speedProperty(), controls.onHostsProperty(), controls.incidentProperty(), i18n.localeProperty()));
        Label hint = new Label();
        hint.textProperty().bind(i18n.bind("topology.hint"));
        hint.getStyleClass().add("hint");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        clock.setMinWidth(Region.USE_PREF_SIZE);
        runState.setMinWidth(Region.USE_PREF_SIZE);
        hint.setMinWidth(0);
        eventsToggle.setId("presenter-events");
        eventsToggle.textProperty().bind(i18n.bind("presenter.events"));
        eventsToggle.setGraphic(new FontIcon(Material2AL.LIST_ALT));
        eventsToggle.setVisible(false);
        eventsToggle.setManaged(false);
        eventsToggle.setMinWidth(Region.USE_PREF_SIZE);
        eventsToggle.setOnAction(e -> showTabs(eventsToggle.isSelected()));
        hint.visibleProperty().bind(eventsToggle.visibleProperty().not().and(compact.not()));
        HBox clockBar = new HBox(12, clock, runState, spacer, hint, eventsToggle);
        clockBar.setAlignment(Pos.BASELINE_LEFT);
        clockBar.getStyleClass().add("clock-bar");
        return clockBar;
    }
}
