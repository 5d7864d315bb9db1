package org.viplab.ui.topology;

import javafx.scene.control.Label;
import org.viplab.ui.common.I18n;
import org.viplab.ui.live.LabViewModel;
import org.viplab.ui.live.TimeTravel;
import org.viplab.ui.why.VipCaptionText;

/**
 * The one line under the drawing that says why the VIP is where it is ("db2 took the VIP: db1 sent priority 0"),
 * from the last move's chain of causes; it stays until the next move, and follows the drawing back in time.
 */
final class VipCaption extends Label {
    private final LabViewModel shown;
    private final LabViewModel live;
    private final I18n i18n;
    /** Whether the last move's old holder still held the VIP when it arrived (split brain), noted as it happened. */
    private boolean split;
    private boolean pending;

    VipCaption(LabViewModel shown, LabViewModel live, I18n i18n) {
        this.shown = shown;
        this.live = live;
        this.i18n = i18n;
        setId("vip-caption");
        getStyleClass().add("vip-caption");
        setWrapText(true);
        shown.lastMoveProperty().addListener((o, a, m) -> {
            split = m != null && m.from() != null && shown.vipHolders().contains(m.from());
            // a replay up to a chosen event passes many moves: explain only the last one
            if (!pending) {
                pending = true;
                javafx.application.Platform.runLater(this::update);
            }
        });
        i18n.localeProperty().addListener((o, a, b) -> update());
        update();
    }

    private void update() {
        pending = false;
        LabViewModel.VipMove m = shown.lastMoveProperty().get();
        setVisible(m != null);
        if (m == null) {
            setText("");
            return;
        }
        long id = m.event() == null ? -1 : TimeTravel.indexOf(live.events(), m.event());
        setText(VipCaptionText.caption(live.timeline(), id, m.host(), m.from(), split, i18n));
    }
}
