package org.viplab.ui.topology;

import javafx.animation.PauseTransition;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.util.Duration;
import org.viplab.core.timeline.LabEvent;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Briefly highlights what an event touches on the drawing (its host's card, the link, the client, the VIP), so
 * stepping through the event list shows where each step happens. A pseudo-class, {@code :flash}, styled in CSS.
 */
final class Flash {
    static final PseudoClass FLASH = PseudoClass.getPseudoClass("flash");
    private static final Duration HOLD = Duration.millis(1200);

    private Flash() { }

    static void touched(LabEvent e, Map<String, ? extends Node> cards, Map<String, ? extends Node> links, Map<String, ? extends Node> pills, Node client) {
        for (Node n : nodes(e, cards, links, pills, client)) flash(n);
    }

    /** The parts of the drawing {@code e} is about. */
    static Set<Node> nodes(LabEvent e, Map<String, ? extends Node> cards, Map<String, ? extends Node> links, Map<String, ? extends Node> pills, Node client) {
        Set<Node> out = new LinkedHashSet<>();
        add(out, cards.get(e.host()));
        if (e.host().equals(LabEvent.CLIENT)) add(out, client);
        if (e instanceof LabEvent.VipChanged v) add(out, pills.get(v.host()));
        if (e instanceof LabEvent.LinkChanged l) {
            String id = l.link().endsWith("/vrrp") ? l.link().substring(0, l.link().length() - "/vrrp".length()).replace('>', '-') : l.link();
            add(out, links.get(id));
            if (id.endsWith("/link")) add(out, cards.get(id.substring(0, id.length() - "/link".length())));
        }
        if (e instanceof LabEvent.AdvertSent) {
            for (Map.Entry<String, ? extends Node> l : links.entrySet()) if (!l.getKey().startsWith("clients-")) add(out, l.getValue());
        }
        if (e instanceof LabEvent.GarpSent g) {
            add(out, links.get("clients-" + g.host()));
            add(out, client);
        }
        if (e instanceof LabEvent.ArpChanged a) add(out, links.get("clients-" + a.pointsAt()));
        if (e instanceof LabEvent.ClientProbe p && p.backend() != null) add(out, cards.get(p.backend()));
        return out;
    }

    private static void add(Set<Node> out, Node n) { if (n != null) out.add(n); }

    private static void flash(Node n) {
        n.pseudoClassStateChanged(FLASH, true);
        PauseTransition off = new PauseTransition(HOLD);
        off.setOnFinished(x -> n.pseudoClassStateChanged(FLASH, false));
        off.play();
    }
}
