package org.viplab.ui.main;

import javafx.geometry.Pos;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.viplab.ui.common.I18n;
import org.viplab.core.text.TimeText;
import org.viplab.ui.live.LabViewModel;

/** Pop-ups that tell where the VIP went. */
final class VipNotices {
    private final Stage stage;
    private final I18n i18n;
    private boolean enabled = true;
    private long lastNotificationNanos;

    VipNotices(Stage stage, I18n i18n) {
        this.stage = stage;
        this.i18n = i18n;
    }

    void setEnabled(boolean on) { enabled = on; }

    void vipMoved(LabViewModel.VipMove m) {
        if (!enabled || stage.getScene() == null || !stage.isShowing()) return;
        long now = System.nanoTime();
        if (now - lastNotificationNanos < 1_500_000_000L) return; // at 100x moves can come faster than anyone reads
        lastNotificationNanos = now;
        Notifications.create().owner(stage).title(i18n.get("notify.vip.title"))
                .text(m.from() == null ? i18n.get("notify.vip.arrived", m.host(), TimeText.seconds(m.timeUs()))
                        : i18n.get("notify.vip.moved", m.from(), m.host(), TimeText.seconds(m.timeUs())))
                .hideAfter(Duration.seconds(3)).position(Pos.TOP_RIGHT).showInformation();
    }
}
