package org.viplab.ui.topology;

import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import org.viplab.core.model.ForeignRouterSpec;
import org.viplab.core.model.NodeSpec;
import org.viplab.core.model.Topology;
import org.viplab.core.text.TimeText;
import org.viplab.ui.common.I18n;

import java.util.List;

/**
 * A router of another cluster on the segment (the topology's {@code foreignRouters}, a VRID clash): its address,
 * VRID and priority, the VIPs it advertises and which of our nodes share its VRID. Dashed and without badges, VRRP
 * state or VIP pill, since the simulator runs it as nothing but a source of adverts. Before its {@code fromSec}
 * (by the drawing's clock) it is drawn faded: not on the segment yet.
 */
final class ForeignRouterCard extends VBox {
    private final ForeignRouterSpec spec;
    private final Label silent = new Label();

    ForeignRouterCard(ForeignRouterSpec spec, int index, Topology t, I18n i18n, ObservableValue<Number> clock) {
        this.spec = spec;
        setId("foreign-" + index);
        getStyleClass().addAll("host-card", "foreign-card");
        setAlignment(Pos.CENTER);
        Label title = new Label();
        title.textProperty().bind(i18n.bind("topology.foreign", spec.ip));
        title.getStyleClass().addAll("host-name", "foreign-name");
        Label vrid = new Label();
        vrid.textProperty().bind(i18n.bind("topology.foreignVrid", spec.vrid, spec.priority));
        vrid.getStyleClass().add("foreign-vrid");
        Label vips = new Label();
        vips.textProperty().bind(spec.vips == null || spec.vips.isEmpty() ? i18n.bind("topology.foreignNoVips")
                : i18n.bind("topology.foreignVips", String.join(", ", spec.vips)));
        vips.getStyleClass().add("host-ip");
        getChildren().addAll(title, vrid, vips);
        List<String> clash = sameVrid(t, spec.vrid);
        if (!clash.isEmpty()) {
            Label c = new Label();
            c.textProperty().bind(i18n.bind("topology.foreignClash", String.join(", ", clash)));
            c.getStyleClass().add("foreign-clash");
            getChildren().add(c);
        }
        // the interval and start are lengths in the reader's language: rewritten on a language switch
        Label every = new Label();
        every.getStyleClass().add("host-ip");
        Runnable texts = () -> {
            every.setText(i18n.get("topology.foreignEvery", TimeText.length(Math.round(spec.advertInt * 1_000_000), i18n.locale())));
            silent.setText(i18n.get("topology.foreignFrom", TimeText.length(Math.round(spec.fromSec * 1_000_000), i18n.locale())));
        };
        texts.run();
        i18n.localeProperty().addListener((o, a, b) -> texts.run());
        silent.getStyleClass().add("foreign-silent-text");
        getChildren().addAll(every, silent);
        Runnable time = () -> {
            boolean before = clock.getValue().longValue() < Math.round(spec.fromSec * 1_000_000);
            silent.setVisible(before);
            silent.setManaged(before);
            pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("silent"), before);
        };
        clock.addListener((o, a, b) -> time.run());
        time.run();
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(i18n.bind("topology.foreignTip"));
        Tooltip.install(this, tip);
    }

    /** Whether it is not advertising yet at the drawing's moment. */
    boolean silent() { return silent.isVisible(); }

    ForeignRouterSpec spec() { return spec; }

    /** Its lines as read, for tests. */
    List<String> texts() {
        return getChildren().stream().filter(n -> n instanceof Label l && l.isVisible()).map(n -> ((Label) n).getText()).toList();
    }

    /** Our nodes whose main instance or another instance has {@code vrid}: the ones its adverts reach. */
    static List<String> sameVrid(Topology t, int vrid) {
        return t.nodes.stream().filter(n -> hasVrid(n, vrid)).map(n -> n.name).toList();
    }

    private static boolean hasVrid(NodeSpec n, int vrid) {
        if (n.keepalived == null) return false;
        if (n.keepalived.virtualRouterId == vrid) return true;
        return n.keepalived.moreInstances != null && n.keepalived.moreInstances.stream().anyMatch(k -> k != null && k.virtualRouterId == vrid);
    }
}
