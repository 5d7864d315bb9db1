package org.viplab.ui.main;

import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
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
    private final LabViewModel vm;
    private final LabControls controls;
    private final I18n i18n;
    private final StackPane chartsSlot = new StackPane();
    private final SplitPane upper = new SplitPane();
    private final SplitPane main = new SplitPane();
    private final VBox drawingPane;
    private final TabPane tabs;
    private Node sidePanel;

    MainLayout(LabViewModel vm, LabControls controls, Widgets w, TopologyView topology, TabPane tabs) {
        this.vm = vm;
        this.controls = controls;
        this.i18n = w.i18n();
        this.tabs = tabs;
        VBox.setVgrow(topology, Priority.ALWAYS);
        drawingPane = new VBox(clockBar(), topology);
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
    }

    SplitPane root() { return main; }

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
        return clockBar;
    }
}
