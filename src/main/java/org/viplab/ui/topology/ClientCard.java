package org.viplab.ui.topology;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.viplab.core.model.Mode;
import org.viplab.core.model.Topology;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.text.TimeText;
import org.viplab.ui.common.I18n;
import org.viplab.ui.live.LabViewModel;

import java.util.Locale;

/** The client's card: its address, what it queries (VIP:port) and its last probe's result. */
final class ClientCard {
    private ClientCard() { }

    static VBox create(LabViewModel vm, Topology t, I18n i18n) {
        Label title = new Label();
        title.textProperty().bind(i18n.bind("topology.client", t.clientIp));
        title.getStyleClass().add("host-name");
        Label target = new Label("\u2192 " + t.vip + ":" + t.effectiveClientPort());
        target.getStyleClass().add("host-ip");
        Label result = new Label();
        result.setId("client-result");
        result.getStyleClass().add("client-result");
        Runnable update = () -> {
            LabEvent.ClientProbe p = vm.lastProbeProperty().get();
            result.getStyleClass().removeAll("probe-ok", "probe-failed");
            if (p == null) {
                result.setText(i18n.get("topology.noProbe"));
            } else if (p.ok() && t.mode == Mode.HAPROXY_TRACKING && !vm.vipHolders().isEmpty()) {
                // mode 2: the VIP's holder runs the haproxy that chose the backend; say both
                result.getStyleClass().add("probe-ok");
                result.setText(i18n.get("topology.probeOkVia", vm.vipHolders().get(0), p.backend(), TimeText.length(p.latencyUs(), i18n.locale())));
            } else if (p.ok()) {
                result.getStyleClass().add("probe-ok");
                result.setText(i18n.get("topology.probeOk", p.backend(), TimeText.length(p.latencyUs(), i18n.locale())));
            } else {
                result.getStyleClass().add("probe-failed");
                result.setText(i18n.get("topology.probeFailed", i18n.get("probe." + p.failure().name().toLowerCase(Locale.ROOT))));
            }
        };
        vm.lastProbeProperty().addListener((o, a, b) -> update.run());
        vm.vipHolders().addListener((javafx.collections.ListChangeListener<String>) c -> update.run());
        i18n.localeProperty().addListener((o, a, b) -> update.run());
        update.run();
        VBox card = new VBox(title, target, result);
        card.setId("client");
        card.setAlignment(Pos.CENTER);
        card.getStyleClass().addAll("host-card", "client-card");
        return card;
    }
}
