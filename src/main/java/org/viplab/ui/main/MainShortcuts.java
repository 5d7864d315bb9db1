package org.viplab.ui.main;

import org.viplab.core.model.Mode;
import org.viplab.core.model.ProcessKind;
import org.viplab.lab.Target;
import org.viplab.lab.TimeControls;
import org.viplab.lab.Verb;
import org.viplab.ui.controls.LabControls;
import org.viplab.ui.live.LabViewModel;

import java.util.List;

/** The main window's keyboard shortcuts; the Lab menu lists the same actions with these keys. */
final class MainShortcuts {
    private final MainWindow window;
    private final LabViewModel vm;
    private final LabControls controls;

    MainShortcuts(MainWindow window, LabViewModel vm, LabControls controls) {
        this.window = window;
        this.vm = vm;
        this.controls = controls;
    }

    void define(Shortcuts shortcuts) {
        shortcuts.add("Shortcut+P", "shortcut.pause", controls::togglePause);
        shortcuts.add("Shortcut+N", "shortcut.step", () -> controls.step());
        for (int i = 0; i < TimeControls.SPEEDS.size(); i++) {
            int s = TimeControls.SPEEDS.get(i);
            shortcuts.add("Shortcut+" + (i + 1), "shortcut.speed" + s, () -> controls.setSpeed(s));
        }
        shortcuts.add("Shortcut+J", "shortcut.lastFailover", window::jumpToLastFailover);
        shortcuts.add("Shortcut+M", "shortcut.stopMysqld", () -> onHolder(Verb.STOP, ProcessKind.MYSQLD));
        shortcuts.add("Shortcut+H", "shortcut.hangMysqld", () -> onHolder(Verb.HANG, ProcessKind.MYSQLD));
        shortcuts.add("Shortcut+K", "shortcut.stopKeepalived", () -> onHolder(Verb.STOP, ProcessKind.KEEPALIVED));
        shortcuts.add("Shortcut+Shift+K", "shortcut.killKeepalived", () -> onHolder(Verb.KILL, ProcessKind.KEEPALIVED));
        shortcuts.add("Shortcut+B", "shortcut.blockVrrp", this::toggleVrrpBlock);
        shortcuts.add("Shortcut+R", "shortcut.restore", () -> controls.restore());
        shortcuts.add("Shortcut+Shift+R", "shortcut.reset", () -> controls.resetRun());
        shortcuts.add("Alt+1", "shortcut.mode1", () -> controls.switchMode(Mode.DB_TRACKING));
        shortcuts.add("Alt+2", "shortcut.mode2", () -> controls.switchMode(Mode.HAPROXY_TRACKING));
        shortcuts.add("Shortcut+E", "shortcut.exportCsv", () -> window.exports().chooseAndExportCsv());
        shortcuts.add("Shortcut+Shift+E", "shortcut.exportPng", () -> window.exports().chooseAndExportPng());
        shortcuts.add("Shortcut+Equals", "shortcut.fontBigger", () -> window.stepFont(+1));
        shortcuts.add("Shortcut+Minus", "shortcut.fontSmaller", () -> window.stepFont(-1));
        shortcuts.add("F11", "shortcut.viewPresenter", () -> window.setPresenter(!window.presenterProperty().get()));
        shortcuts.add("F1", "shortcut.help", window::showShortcuts);
    }

    /** Applies a verb to a process on the host holding the VIP (the first one, if split). */
    private void onHolder(Verb v, ProcessKind k) {
        if (vm.vipHolders().isEmpty()) {
            controls.status("status.noHolder");
            return;
        }
        String host = vm.vipHolders().get(0);
        if (!vm.host(host).runs(k)) {
            controls.status("status.runsNo", host, k.id());
            return;
        }
        controls.apply(v, new Target.Process(host, k));
    }

    private void toggleVrrpBlock() {
        List<String> names = vm.hosts().stream().map(h -> h.name()).toList();
        if (names.size() != 2) return;
        controls.apply(vm.vrrpBlockedProperty().get() ? Verb.HEAL : Verb.CUT, new Target.PeerPath(names.get(0), names.get(1), true));
    }
}
