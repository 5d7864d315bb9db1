package org.viplab.ui.main;

import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import org.controlsfx.control.StatusBar;
import org.viplab.ui.common.I18n;
import org.viplab.ui.controls.LabControls;
import org.viplab.core.text.TimeText;
import org.viplab.ui.live.LabViewModel;

/** The status bar: the last status message on the left; the lab's clock and which engine runs it on the right. */
final class MainStatusBar {
    private MainStatusBar() { }

    static StatusBar build(LabViewModel vm, LabControls controls, I18n i18n) {
        StatusBar statusBar = new StatusBar();
        statusBar.setId("status-bar");
        statusBar.textProperty().bind(controls.statusProperty());
        Label clock = new Label();
        clock.setId("status-clock");
        clock.textProperty().bind(Bindings.createStringBinding(() -> i18n.get("status.clock", TimeText.seconds(vm.clockProperty().get())),
                vm.clockProperty(), i18n.localeProperty()));
        Label engine = new Label();
        engine.setId("status-engine");
        engine.textProperty().bind(Bindings.createStringBinding(() -> controls.incidentProperty().get()
                        ? i18n.get("status.engineIncident", String.join(", ", controls.topologyProperty().get().nodeNames()))
                        : controls.onHostsProperty().get()
                        ? i18n.get("status.engineHosts", String.join(", ", controls.topologyProperty().get().nodes.stream().map(n -> n.name + " " + n.ip).toList()))
                        : i18n.get("status.engine", i18n.get("engine.sim"),
                        controls.speedProperty().get(), i18n.get(controls.pausedProperty().get() ? "clock.paused" : "status.running")),
                controls.speedProperty(), controls.pausedProperty(), controls.onHostsProperty(), controls.incidentProperty(), controls.topologyProperty(),
                i18n.localeProperty()));
        statusBar.getRightItems().addAll(clock, new Separator(Orientation.VERTICAL), engine);
        controls.status("status.ready");
        return statusBar;
    }
}
