package org.viplab.ui.config;

import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import org.viplab.config.ConfigRenderer;
import org.viplab.core.model.CheckScriptSpec;
import org.viplab.core.model.NodeSpec;
import org.viplab.core.model.Topology;
import javafx.beans.value.ObservableValue;

import java.util.Map;

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
            TextArea text = new TextArea(allFiles(t, n));
            text.setId("config-" + n.name);
            text.setEditable(false);
            text.getStyleClass().add("config-text");
            tabs.getTabs().add(new Tab(n.name + " (" + n.ip + ")", text));
        }
        tabs.getSelectionModel().select(Math.min(selected, tabs.getTabs().size() - 1));
    }

    public TextArea text(String node) { return (TextArea) lookup("#config-" + node); }

    /**
     * Every file of the node as {@code viplab render} writes it (one renderer for the app, the CLI and the
     * reports), each under a comment with the path it has on the host.
     */
    public static String allFiles(Topology t, NodeSpec n) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String> f : ConfigRenderer.render(t, n).entrySet()) {
            if (b.length() > 0) b.append('\n');
            b.append("# ").append(hostPath(f.getKey(), n)).append('\n').append(f.getValue());
        }
        return b.toString();
    }

    private static String hostPath(String file, NodeSpec n) {
        if (file.equals("keepalived.conf")) return "/etc/keepalived/keepalived.conf";
        if (file.equals("haproxy.cfg")) return "/etc/haproxy/haproxy.cfg";
        for (CheckScriptSpec s : n.keepalived.scripts) {
            if (s.path != null && s.path.endsWith("/" + file)) return s.path;
        }
        return file;
    }
}
