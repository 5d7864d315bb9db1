package org.viplab.ui.main;

import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import org.viplab.ui.controls.LabControls;
import org.viplab.ui.live.LabViewModel;
import org.viplab.ui.settings.Prefs;

import java.util.function.Consumer;

/**
 * View > Pause on a VIP change, remembered in the preferences. The simulation pauses itself at the VIP event's own
 * time ({@link LabControls#pauseOnVipChangeProperty()}); when that move reaches the window this takes the pause
 * over (the toolbar shows Play) and says why in a notice that stays until the run plays again. A drill holding
 * the run is never paused, so its move shows no notice.
 */
final class AutoPause {
    private final LabControls controls;
    private final LabViewModel vm;
    private final VipNotices notices;

    AutoPause(LabViewModel vm, LabControls controls, VipNotices notices, Prefs prefs, Consumer<Prefs> savePrefs) {
        this.vm = vm;
        this.controls = controls;
        this.notices = notices;
        BooleanProperty on = controls.pauseOnVipChangeProperty();
        on.set(prefs.pauseOnVipChange);
        on.addListener((o, a, b) -> {
            prefs.pauseOnVipChange = b;
            savePrefs.accept(prefs);
            if (!b) notices.hidePaused();
        });
        vm.addVipMoveListener(this::moved);
        controls.pausedProperty().addListener((o, a, paused) -> { if (!paused) notices.hidePaused(); });
    }

    BooleanProperty property() { return controls.pauseOnVipChangeProperty(); }

    private void moved(LabViewModel.VipMove m) {
        if (!controls.pauseOnVipChangeProperty().get() || m.timeUs() < 0) return;
        if (!tookOver(m)) {
            // the engine pauses just after appending the move; the batch can reach the window a moment before that
            Platform.runLater(() -> tookOver(m));
        }
    }

    private boolean tookOver(LabViewModel.VipMove m) {
        if (!controls.followEnginePause()) return false;
        notices.showPaused(m, vm.vipHolders());
        return true;
    }
}
