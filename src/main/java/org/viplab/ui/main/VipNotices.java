package org.viplab.ui.main;

import javafx.animation.FadeTransition;
import javafx.animation.PauseTransition;
import javafx.animation.SequentialTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;
import org.viplab.ui.common.I18n;
import org.viplab.core.text.TimeText;
import org.viplab.ui.live.LabViewModel;

import java.util.List;

/**
 * Where the VIP went, inside the window: a short notice in the drawing's bottom-left corner (not over the toolbar
 * or the newest data at the charts' right), and while more than one host holds the VIP a persistent split-brain
 * banner across the window instead of a "moved" notice.
 */
final class VipNotices {
    private final I18n i18n;
    private final LabViewModel vm;
    private final Label notice = new Label();
    /** Why the run paused by itself (View > Pause on a VIP change); stays until the run plays again. */
    private final Label paused = new Label();
    private final StackPane noticeLayer = new StackPane(new javafx.scene.layout.VBox(6, paused, notice));
    private java.util.function.Supplier<String> pausedText;
    private final Label banner = new Label();
    private final SequentialTransition fade;
    private boolean enabled = true;
    private long lastNotificationNanos;

    VipNotices(LabViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        notice.setId("vip-notice");
        notice.getStyleClass().add("vip-notice");
        notice.setVisible(false);
        notice.setWrapText(true);
        paused.setId("auto-pause-notice");
        paused.getStyleClass().addAll("vip-notice", "pause-notice");
        paused.setWrapText(true);
        paused.setVisible(false);
        paused.managedProperty().bind(paused.visibleProperty());
        i18n.localeProperty().addListener((o, a, b) -> { if (pausedText != null) paused.setText(pausedText.get()); });
        ((javafx.scene.layout.VBox) noticeLayer.getChildren().get(0)).setAlignment(Pos.BOTTOM_LEFT);
        ((javafx.scene.layout.VBox) noticeLayer.getChildren().get(0)).setPickOnBounds(false);
        noticeLayer.setAlignment(Pos.BOTTOM_LEFT);
        noticeLayer.setPadding(new Insets(8));
        noticeLayer.setMouseTransparent(true); // the drawing's menus stay reachable under it
        noticeLayer.setPickOnBounds(false);
        FadeTransition out = new FadeTransition(Duration.millis(400), notice);
        out.setFromValue(1);
        out.setToValue(0);
        fade = new SequentialTransition(new PauseTransition(Duration.seconds(3)), out);
        fade.setOnFinished(e -> notice.setVisible(false));

        banner.setId("split-brain-banner");
        banner.getStyleClass().add("split-brain-banner");
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.setWrapText(true);
        BooleanBinding split = Bindings.size(vm.vipHolders()).greaterThan(1);
        banner.visibleProperty().bind(split);
        banner.managedProperty().bind(split);
        banner.textProperty().bind(Bindings.createStringBinding(() -> split.get() ? splitText(vm.vipHolders()) : "",
                vm.vipHolders(), i18n.localeProperty()));
    }

    StackPane noticeLayer() { return noticeLayer; }

    Label splitBanner() { return banner; }

    Label notice() { return notice; }

    void setEnabled(boolean on) { enabled = on; }

    Label pausedNotice() { return paused; }

    /** "Paused: the VIP moved from db1 to db2 at t = 35.80 s. Play (Ctrl+P) continues.", or a split brain's words. */
    void showPaused(LabViewModel.VipMove m, List<String> holders) {
        List<String> now = List.copyOf(holders);
        String at = TimeText.seconds(m.timeUs());
        pausedText = now.size() > 1 ? () -> i18n.get("notify.paused.split", String.join(i18n.get("notify.split.and"), now), at)
                : m.from() == null ? () -> i18n.get("notify.paused.arrived", m.host(), at)
                : () -> i18n.get("notify.paused.moved", m.from(), m.host(), at);
        paused.setText(pausedText.get());
        paused.setVisible(true);
    }

    void hidePaused() {
        pausedText = null;
        paused.setVisible(false);
    }

    /** "SPLIT BRAIN: VIP on db1 and db2". */
    String splitText(List<String> holders) {
        return i18n.get("notify.split", String.join(i18n.get("notify.split.and"), holders));
    }

    void vipMoved(LabViewModel.VipMove m) {
        // a second holder is not a move: the banner says it, and stays until one lets go
        if (!enabled || vm.vipHolders().size() > 1) return;
        long now = System.nanoTime();
        if (now - lastNotificationNanos < 1_500_000_000L) return; // at 100x moves can come faster than anyone reads
        lastNotificationNanos = now;
        notice.setText(m.from() == null ? i18n.get("notify.vip.arrived", m.host(), TimeText.seconds(m.timeUs()))
                : i18n.get("notify.vip.moved", m.from(), m.host(), TimeText.seconds(m.timeUs())));
        notice.setOpacity(1);
        notice.setVisible(true);
        fade.playFromStart();
    }
}
