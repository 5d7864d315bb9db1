package org.viplab.ui.config;

import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import org.viplab.model.NodeSpec;
import org.viplab.model.Topology;
import javafx.beans.value.ObservableValue;

/** Each node's files as the current settings would write them, one tab per node, read-only. */
public final class ConfigView extends BorderPane {
    private final TabPane tabs = new TabPane();

    public ConfigView(ObservableValue<Topology> topology) {
        setId("config-view");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        setCenter(tabs);
        topology.addListener((o, a, b) -> show(b));
        show(topology.getValue());
    }

    private void show(Topology t) {
        int selected = Math.max(0, tabs.getSelectionModel().getSelectedIndex());
        tabs.getTabs().clear();
        if (t == null) return;
        for (NodeSpec n : t.nodes) {
            TextArea text = new TextArea(ConfigRenderer.allFiles(t, n));
            text.setId("config-" + n.name);
            text.setEditable(false);
            text.getStyleClass().add("config-text");
            tabs.getTabs().add(new Tab(n.name + " (" + n.ip + ")", text));
        }
        tabs.getSelectionModel().select(Math.min(selected, tabs.getTabs().size() - 1));
    }

    public TextArea text(String node) { return (TextArea) lookup("#config-" + node); }
}
