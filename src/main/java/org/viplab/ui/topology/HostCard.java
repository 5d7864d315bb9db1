package org.viplab.ui.topology;

import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.viplab.core.model.ProcessKind;
import org.viplab.core.model.ProcessState;
import org.viplab.core.model.VrrpState;
import org.viplab.core.text.EventFormatter;
import org.viplab.core.text.TimeText;
import org.viplab.core.timeline.LabEvent;
import org.viplab.ui.common.I18n;
import org.viplab.ui.live.HostViewModel;
import org.viplab.ui.live.NodeFacts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * One host's card on the drawing: name, address, VRRP state with the effective priority and its arithmetic
 * ("MASTER · priority 100 − 5 = 95", "FAULT (weight 0: chk_mysql failed)"), one line per check script (its last
 * result, its count towards fall or rise, a countdown to its next run), the last advert sent, and the process
 * badges. Every line is read from the host's view model, so it says what the timeline says.
 */
final class HostCard extends VBox {
    private final HostViewModel h;
    private final I18n i18n;
    private final ObservableValue<Number> clock;
    private final Label vrrp = new Label();
    private final VBox checks = new VBox();
    private final Label advert = new Label();
    /** One line per other VRRP instance: its state, and the VIPs this host holds for it. */
    private final Label instances = new Label();

    HostCard(HostViewModel h, I18n i18n, ObservableValue<Number> clock, BiFunction<HostViewModel, ProcessKind, Label> badge) {
        this.h = h;
        this.i18n = i18n;
        this.clock = clock;
        Label name = new Label(h.name());
        name.getStyleClass().add("host-name");
        Label ip = new Label(h.ip());
        ip.getStyleClass().add("host-ip");
        vrrp.setId("vrrp-" + h.name());
        vrrp.getStyleClass().add("vrrp-line");
        checks.setId("checks-" + h.name());
        checks.setAlignment(Pos.CENTER);
        checks.getStyleClass().add("card-checks");
        advert.setId("advert-" + h.name());
        advert.getStyleClass().add("card-detail");
        instances.setId("instances-" + h.name());
        instances.getStyleClass().add("card-detail");

        Runnable update = this::update;
        h.vrrpProperty().addListener((o, a, b) -> update.run());
        h.priorityProperty().addListener((o, a, b) -> update.run());
        h.factsProperty().addListener((o, a, b) -> update.run());
        i18n.localeProperty().addListener((o, a, b) -> update.run());
        // the countdown moves with the lab clock (the drawing's: the chosen moment when looking back)
        clock.addListener((o, a, b) -> updateChecks());
        update();

        HBox badges = new HBox();
        badges.getStyleClass().add("badges");
        badges.setAlignment(Pos.CENTER);
        for (ProcessKind k : ProcessKind.values()) if (h.runs(k)) badges.getChildren().add(badge.apply(h, k));

        Label nicDown = new Label();
        nicDown.textProperty().bind(i18n.bind("topology.nicDown"));
        nicDown.getStyleClass().add("nic-down");
        nicDown.visibleProperty().bind(h.linkCutProperty());
        nicDown.managedProperty().bind(h.linkCutProperty());

        // a real host that stopped answering: what the card shows is the last thing known
        Label unreachable = new Label();
        unreachable.setId("unreachable-" + h.name());
        unreachable.textProperty().bind(i18n.bind("topology.unreachable"));
        unreachable.getStyleClass().add("nic-down");
        unreachable.visibleProperty().bind(h.reachableProperty().not());
        unreachable.managedProperty().bind(h.reachableProperty().not());

        getChildren().addAll(name, ip, vrrp, checks, advert, instances, badges, nicDown, unreachable);
        setId("host-" + h.name());
        pseudoClassStateChanged(PseudoClass.getPseudoClass("unreachable"), !h.reachableProperty().get());
        pseudoClassStateChanged(PseudoClass.getPseudoClass("cut"), h.linkCutProperty().get());
        h.reachableProperty().addListener((o, a, b) -> pseudoClassStateChanged(PseudoClass.getPseudoClass("unreachable"), !b));
        h.linkCutProperty().addListener((o, a, b) -> pseudoClassStateChanged(PseudoClass.getPseudoClass("cut"), b));
        setAlignment(Pos.CENTER);
        getStyleClass().add("host-card");
    }

    private void update() {
        VrrpState s = h.vrrpProperty().get();
        vrrp.setText(vrrpText(s));
        vrrp.getStyleClass().removeIf(c -> c.startsWith("vrrp-state-"));
        vrrp.getStyleClass().add("vrrp-state-" + s.name().toLowerCase(Locale.ROOT));
        LabEvent.AdvertSent a = h.facts().lastAdvert();
        advert.setText(a == null ? i18n.get("card.advert.none") : i18n.get("card.advert", String.valueOf(a.priority()), TimeText.seconds(a.timeUs())));
        advert.getStyleClass().remove("advert-zero");
        if (a != null && a.priority() == 0) advert.getStyleClass().add("advert-zero");
        List<String> lines = new ArrayList<>();
        for (NodeFacts.Instance i : h.facts().instances()) {
            String state = i.state() == VrrpState.STOPPED ? i18n.get("state.stopped") : i.state().name();
            lines.add(i.holdsVips() ? i18n.get("card.instance.holds", i.name(), state, String.join(", ", i.vips()))
                    : i18n.get("card.instance", i.name(), state));
        }
        instances.setText(String.join("\n", lines));
        instances.setVisible(!lines.isEmpty());
        instances.setManaged(!lines.isEmpty());
        updateChecks();
    }

    /**
     * The state and the priority it runs with. A stopped keepalived has none (its last word was its priority-0
     * advert, on the line below); a FAULT names the weight-0 script that put it there.
     */
    private String vrrpText(VrrpState s) {
        String state = s == VrrpState.STOPPED ? i18n.get("state.stopped") : s.name(); // keepalived's words stay as they are
        if (s == VrrpState.STOPPED) return state;
        NodeFacts.Priority p = h.facts().priority();
        if (s == VrrpState.FAULT && p.faultBy() != null) return i18n.get("card.fault", p.faultBy());
        return i18n.get("topology.vrrp", state, arithmetic(p, h.priorityProperty().get()));
    }

    /** "100 − 5 = 95"; just "95" when nothing is added or taken, or when the sum does not give what the lab says. */
    static String arithmetic(NodeFacts.Priority p, int effective) {
        if (p.terms().isEmpty()) return String.valueOf(effective);
        StringBuilder b = new StringBuilder().append(p.base());
        int sum = p.base();
        for (NodeFacts.Term t : p.terms()) {
            b.append(t.weight() < 0 ? " \u2212 " : " + ").append(Math.abs(t.weight()));
            sum += t.weight();
        }
        int clamped = Math.max(1, Math.min(254, sum));
        if (clamped != effective) return String.valueOf(effective);
        return b.append(" = ").append(effective).toString();
    }

    /** Rewrites the check lines in place (the clock moves them 30 times a second: no new nodes for that). */
    private void updateChecks() {
        List<NodeFacts.Script> scripts = h.facts().scripts();
        if (scripts.size() != checks.getChildren().size()) {
            List<Label> lines = new ArrayList<>();
            for (NodeFacts.Script s : scripts) {
                Label l = new Label();
                l.setId("check-" + h.name() + "-" + s.name());
                l.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
                lines.add(l);
            }
            checks.getChildren().setAll(lines);
        }
        for (int i = 0; i < scripts.size(); i++) {
            NodeFacts.Script s = scripts.get(i);
            Label shown = (Label) checks.getChildren().get(i);
            shown.setText(checkText(s));
            String state = s.failed() ? "check-failed" : "check-ok";
            if (!shown.getStyleClass().contains(state)) shown.getStyleClass().setAll("label", "card-detail", state);
        }
    }

    /** "chk_mysql: ps -C mysqld: none, exit 0", then "OK, fall 0/2 · next run in 1.400 s" on a second line. */
    String checkText(NodeFacts.Script s) {
        LabEvent.ScriptResult r = s.last();
        String result = r == null ? i18n.get("card.check.never")
                : r.detail() == null ? i18n.get("card.check.exit", String.valueOf(r.exitStatus()))
                : i18n.get("card.check.result", EventFormatter.of(i18n.locale()).reason(r.detail()), String.valueOf(r.exitStatus()));
        String count = s.threshold() <= 0 ? i18n.get(s.failed() ? "card.check.failed" : "card.check.ok")
                : i18n.get(s.failed() ? "card.check.rise" : "card.check.fall", String.valueOf(s.count()), String.valueOf(s.threshold()));
        return i18n.get("card.check", s.name(), result, count, next(s));
    }

    private String next(NodeFacts.Script s) {
        if (!h.facts().keepalivedRuns()) {
            ProcessState k = h.facts().keepalived() == null ? ProcessState.STOPPED : h.facts().keepalived();
            // an incident's keepalived its logs never mention: not "not running", which they do not say either
            if (k == ProcessState.UNKNOWN) return i18n.get("card.check.keepalivedUnknown", EventFormatter.of(i18n.locale()).state(k));
            return i18n.get("card.check.notRunning", EventFormatter.of(i18n.locale()).state(k));
        }
        if (s.nextRunUs() < 0) return i18n.get("card.check.nextUnknown");
        long left = s.nextRunUs() - clock.getValue().longValue();
        return left <= 0 ? i18n.get("card.check.due") : i18n.get("card.check.next", TimeText.seconds(left));
    }

    /** The lines of the card as read (for tests): VRRP, the checks, the last advert. */
    List<String> texts() {
        List<String> out = new ArrayList<>();
        out.add(vrrp.getText());
        for (var n : checks.getChildren()) out.add(((Label) n).getText());
        out.add(advert.getText());
        if (instances.isVisible()) out.add(instances.getText());
        return out;
    }
}
