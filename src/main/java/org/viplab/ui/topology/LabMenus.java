package org.viplab.ui.topology;

import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import org.viplab.core.model.ProcessKind;
import org.viplab.lab.Target;
import org.viplab.lab.Verb;
import org.viplab.ui.common.I18n;
import org.viplab.ui.controls.LabControls;
import org.viplab.ui.live.HostViewModel;
import org.viplab.ui.live.LabViewModel;

import java.util.List;

/** The drawing's right-click menus: what can be done to a process, a host, a client path or the peer link. */
final class LabMenus {
    private static final List<Verb> PROCESS_VERBS = List.of(Verb.START, Verb.STOP, Verb.KILL, Verb.HANG, Verb.RESUME, Verb.RESTART);

    private final LabViewModel vm;
    private final LabControls controls;
    private final I18n i18n;

    LabMenus(LabViewModel vm, LabControls controls, I18n i18n) {
        this.vm = vm;
        this.controls = controls;
        this.i18n = i18n;
    }

    ContextMenu process(String host, ProcessKind k) {
        ContextMenu m = new ContextMenu();
        for (Verb v : PROCESS_VERBS) m.getItems().add(item("verb." + v.id(), v, new Target.Process(host, k)));
        return m;
    }

    ContextMenu host(String host) {
        ContextMenu m = new ContextMenu();
        m.getItems().addAll(item("menu.cutNic", Verb.CUT, new Target.HostLink(host)), item("menu.healNic", Verb.HEAL, new Target.HostLink(host)));
        m.getItems().add(new SeparatorMenuItem());
        for (ProcessKind k : ProcessKind.values()) {
            HostViewModel h = vm.host(host);
            if (h != null && h.runs(k)) {
                Menu sub = new Menu(k.id());
                for (Verb v : PROCESS_VERBS) sub.getItems().add(item("verb." + v.id(), v, new Target.Process(host, k)));
                m.getItems().add(sub);
            }
        }
        return m;
    }

    ContextMenu clientPath(String host) {
        return new ContextMenu(item("verb.cut", Verb.CUT, new Target.ClientPath(host)), item("verb.heal", Verb.HEAL, new Target.ClientPath(host)));
    }

    ContextMenu peer(String a, String b) {
        return new ContextMenu(
                item("verb.cut", Verb.CUT, new Target.PeerPath(a, b, false)),
                item("verb.heal", Verb.HEAL, new Target.PeerPath(a, b, false)),
                new SeparatorMenuItem(),
                item("menu.blockVrrp", Verb.CUT, new Target.PeerPath(a, b, true)),
                item("menu.unblockVrrp", Verb.HEAL, new Target.PeerPath(a, b, true)),
                new SeparatorMenuItem(),
                oneWay(Verb.CUT, a, b), oneWay(Verb.CUT, b, a), oneWay(Verb.HEAL, a, b), oneWay(Verb.HEAL, b, a));
    }

    /** "Block VRRP from db1 to db2 only": the half of a block that decides whether the backup hears the master. */
    private MenuItem oneWay(Verb v, String from, String to) {
        String key = v == Verb.CUT ? "menu.blockVrrpOneWay" : "menu.unblockVrrpOneWay";
        MenuItem i = new MenuItem(i18n.get(key, from, to));
        i.setId("menu-" + key.replace('.', '-') + "-" + from + "-" + to);
        i.setOnAction(e -> controls.apply(v, new Target.OneWayVrrp(from, to)));
        return i;
    }

    private MenuItem item(String key, Verb v, Target t) {
        MenuItem i = new MenuItem(i18n.get(key));
        i.setId("menu-" + key.replace('.', '-'));
        i.setOnAction(e -> controls.apply(v, t));
        return i;
    }
}
