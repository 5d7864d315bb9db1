package org.viplab.ui.topology;

import javafx.animation.Interpolator;
import javafx.animation.TranslateTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;
import javafx.util.Duration;
import org.viplab.core.model.ProcessKind;
import org.viplab.core.model.ProcessState;
import org.viplab.core.model.Topology;
import org.viplab.core.timeline.LabEvent;
import org.viplab.ui.controls.LabControls;
import org.viplab.ui.common.I18n;
import org.viplab.core.text.EventFormatter;
import org.viplab.ui.live.HostViewModel;
import org.viplab.ui.live.LabViewModel;
import org.viplab.ui.live.TimeTravel;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The drawing: the client on top, the two hosts below, the links between them, each host's card (process
 * badges, VRRP state, priority arithmetic, check scripts, last advert) and the VIP on whoever holds it, with
 * adverts and ARPs travelling on the wire and a caption of the last VIP move. It renders {@link TimeTravel#shown()}:
 * the live lab, or the lab at the event selected in the event list, charts or why panel (a bar says so).
 * Right-click acts on the lab. Scroll zooms around the pointer, dragging pans, double-click fits.
 */
public final class TopologyView extends Pane {
    static final double WORLD_W = 900;
    static final double WORLD_H = 560;
    static final Point2D CLIENT_AT = new Point2D(450, 80);
    private static final List<Point2D> HOSTS_AT = List.of(new Point2D(210, 390), new Point2D(690, 390));
    /** How far apart across the cards of 3 to 5 hosts stand (a card is about 420 wide at 100 %), */
    private static final double ARC_STEP = 480;
    /** ...the outer cards' centre, and a card's height with room for its VIP pill. */
    private static final double ARC_TOP = 360;
    private static final double CARD_H = 340;
    /** A foreign router's card stands this far from the client's side, pairs of them this far apart upwards. */
    private static final double FOREIGN_GAP = 24;
    private static final double FOREIGN_DY = 150;

    private final LabViewModel live;
    private final TimeTravel travel;
    /** What is drawn: {@code travel.shown()}, the live lab or a past moment of it. */
    private final LabViewModel vm;
    private final LabMenus menus;
    private final I18n i18n;
    private final Group world = new Group();
    /** The cards and VIP pills of the current drawing (rebuilt with it). */
    private Group cardsLayer;
    private final Translate pan = new Translate();
    private final Scale zoom = new Scale(1, 1, 0, 0);
    private final Map<String, Label> vipPills = new HashMap<>();
    private final Map<String, HostCard> cards = new HashMap<>();
    private final List<ForeignRouterCard> foreignCards = new java.util.ArrayList<>();
    private final Map<String, Point2D> anchors = new HashMap<>();
    private final Map<String, Node> links = new HashMap<>();
    private final WireLayer wire;
    private final TimeTravelBar bar;
    private final VipCaption caption;
    private final List<Region> overlays = new java.util.ArrayList<>();
    private Node clientCard;
    private boolean userMoved;
    private Point2D dragFrom;

    public TopologyView(LabViewModel live, LabControls controls, I18n i18n) {
        this.live = live;
        this.travel = new TimeTravel(live);
        this.vm = travel.shown();
        this.menus = new LabMenus(vm, controls, i18n);
        this.i18n = i18n;
        getStyleClass().add("topology-view");
        setId("topology");
        setMinSize(200, 150);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        world.getTransforms().setAll(pan, zoom);
        wire = new WireLayer(vm, i18n, anchors::get, this::cardBounds);
        bar = new TimeTravelBar(travel, i18n);
        caption = new VipCaption(vm, live, i18n);
        getChildren().add(world);
        addOverlay(bar);
        addOverlay(caption);
        bar.visibleProperty().addListener((o, a, b) -> requestLayout());
        caption.visibleProperty().addListener((o, a, b) -> requestLayout());
        vm.runsProperty().addListener((o, a, b) -> rebuild());
        // Play means watch the lab as it goes: a drawing looking back at a moment comes back to live
        controls.pausedProperty().addListener((o, was, now) -> { if (was && !now && !travel.isLive()) bar.backToLive(); });
        vm.addVipMoveListener(this::animateMove);
        widthProperty().addListener((o, a, b) -> { if (!userMoved) fit(); });
        heightProperty().addListener((o, a, b) -> { if (!userMoved) fit(); });
        installPanZoom();
        rebuild();
    }

    /**
     * Shows the lab at each event {@code selection} picks (null: live again) and flashes what the event touches;
     * the bar's "Back to live" calls {@code clearSelection}. The app wires the event list's selection here.
     */
    public void followSelection(ObservableValue<LabEvent> selection, Runnable clearSelection) {
        bar.setOnBackToLive(clearSelection);
        selection.addListener((o, a, e) -> {
            travel.view(e);
            if (e != null) Flash.touched(e, cards, links, vipPills, clientCard);
        });
    }

    /** Adds a card or bar drawn over the drawing (not zoomed with it), at the top left unless it places itself. */
    public void addOverlay(Region r) {
        overlays.add(r);
        getChildren().add(r);
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        // the bar and caption know their heights only once laid out: fit around them on every pass (same values: no change)
        if (!userMoved) fit();
        double w = getWidth();
        double top = 6;
        if (bar.isVisible()) {
            bar.resizeRelocate(Math.max(0, (w - bar.prefWidth(-1)) / 2), top, Math.min(w, bar.prefWidth(-1)), bar.prefHeight(-1));
            top += bar.prefHeight(-1) + 6;
        }
        double capW = Math.min(w - 12, caption.prefWidth(-1));
        caption.resizeRelocate(Math.max(6, (w - capW) / 2), getHeight() - caption.prefHeight(capW) - 6, capW, caption.prefHeight(capW));
        for (Region r : overlays) {
            if (r == bar || r == caption) continue;
            double rw = Math.min(w - 12, r.prefWidth(-1));
            r.resizeRelocate(8, top, rw, r.prefHeight(rw));
        }
    }

    /** What the drawing shows: the live lab, or a past moment ({@link TimeTravel#viewingProperty()}). */
    public TimeTravel timeTravel() { return travel; }

    /** The card of {@code host}'s lines as read (VRRP and priority, each check, the last advert), for tests. */
    public List<String> cardTexts(String host) {
        HostCard c = cards.get(host);
        return c == null ? List.of() : c.texts();
    }

    /** The caption of the last VIP move shown, "" when none. */
    public String captionText() { return caption.getText() == null ? "" : caption.getText(); }

    /** The adverts, ARPs and queries travelling on the wire (and whether the drawing animates: {@link WireLayer#setPlaying}). */
    public WireLayer wire() { return wire; }

    /** Where {@code name}'s card is in the world (the client's for "client"), or null. */
    private javafx.geometry.Bounds cardBounds(String name) {
        Node n = LabEvent.CLIENT.equals(name) ? clientCard : cards.get(name);
        return n == null ? null : n.getBoundsInParent();
    }

    // ---- drawing -----------------------------------------------------------------------------------

    private void rebuild() {
        world.getChildren().clear();
        vipPills.clear();
        cards.clear();
        foreignCards.clear();
        anchors.clear();
        links.clear();
        clientCard = null;
        Topology t = vm.topologyProperty().get();
        // An invisible frame keeps the world's bounds fixed, so fitting and PNG export are stable.
        Rectangle frame = new Rectangle(0, 0, WORLD_W, WORLD_H);
        frame.setFill(Color.TRANSPARENT);
        frame.setMouseTransparent(true);
        world.getChildren().add(frame);
        if (t == null) return;
        List<HostViewModel> hosts = vm.hosts();
        List<Point2D> at0 = hostPositions(hosts.size());
        for (int i = 0; i < hosts.size(); i++) anchors.put(hosts.get(i).name(), at0.get(i));
        anchors.put(LabEvent.CLIENT, CLIENT_AT);

        Group linkGroup = new Group();
        Group nodes = new Group();
        for (HostViewModel h : hosts) {
            Point2D at = anchors.get(h.name());
            if (at == null) continue;
            linkGroup.getChildren().add(link(CLIENT_AT, at, "clients-" + h.name(),
                    Bindings.or(h.clientPathCutProperty(), h.linkCutProperty()), null, () -> menus.clientPath(h.name())));
        }
        // a link per pair of hosts (one for two, a triangle for three), each with its own cut and VRRP state
        for (int i = 0; i < hosts.size(); i++) {
            for (int j = i + 1; j < hosts.size(); j++) {
                HostViewModel a = hosts.get(i);
                HostViewModel b = hosts.get(j);
                linkGroup.getChildren().add(link(anchors.get(a.name()), anchors.get(b.name()), a.name() + "-" + b.name(),
                        vm.peerCutProperty(a.name(), b.name()).or(a.linkCutProperty()).or(b.linkCutProperty()),
                        vm.vrrpBlockedProperty(a.name(), b.name()), () -> menus.peer(a.name(), b.name())));
            }
        }
        clientCard = ClientCard.create(vm, t, i18n);
        centre((Region) clientCard, CLIENT_AT.getX(), CLIENT_AT.getY());
        nodes.getChildren().add(clientCard);
        foreignRouters(t, hosts, linkGroup, nodes);
        for (HostViewModel h : hosts) {
            Point2D at = anchors.get(h.name());
            if (at == null) continue;
            HostCard card = new HostCard(h, i18n, vm.clockProperty(), this::badge);
            ContextMenus.install(card, () -> menus.host(h.name()));
            centre(card, at.getX(), at.getY());
            cards.put(h.name(), card);
            nodes.getChildren().add(card);
            Label pill = new Label();
            pill.textProperty().bind(i18n.bind("topology.vip", t.vip));
            pill.setId("vip-" + h.name());
            pill.getStyleClass().add("vip-pill");
            pill.visibleProperty().bind(h.vipProperty());
            pill.layoutXProperty().bind(pill.widthProperty().divide(-2).add(at.getX()));
            pill.layoutYProperty().bind(card.layoutYProperty().subtract(pill.heightProperty()).subtract(10));
            vipPills.put(h.name(), pill);
            nodes.getChildren().add(pill);
        }
        wire.rebuild();
        // dots are the live wire: a past moment shows where things were, not what flew then
        wire.dots().visibleProperty().bind(travel.viewingProperty().isNull());
        world.getChildren().addAll(linkGroup, wire.paths(), nodes, wire.dots());
        cardsLayer = nodes;
        // cards grow with the font (past the frame at 200 %): fit again when they do, but not for dots in flight
        nodes.layoutBoundsProperty().addListener((o, a, b) -> { if (!userMoved) fit(); });
    }

    /**
     * Where each host's card stands: two hosts as before (left and right under the client); three to five on a
     * convex arc under the client, the outer ones higher and the middle ones lower, so that each pair's link (a
     * chord of the arc) passes clear of the cards between its ends: a triangle for three, a trapezoid for four.
     * Neighbours are a card's width apart across, or a card's height apart down.
     */
    static List<Point2D> hostPositions(int n) {
        if (n <= 2) return HOSTS_AT.subList(0, Math.max(0, n));
        List<Point2D> out = new java.util.ArrayList<>();
        double mid = (n - 1) / 2.0;
        double drop = Math.max(CARD_H / (2 * mid - 1), CARD_H / 2);
        for (int i = 0; i < n; i++) {
            double off = i - mid;
            out.add(new Point2D(CLIENT_AT.getX() + off * ARC_STEP, ARC_TOP + (mid * mid - off * off) * drop));
        }
        return out;
    }

    /**
     * Other clusters' routers on the segment (a VRID clash): a dashed card each beside the client, with a dashed line
     * to every host that has an instance of its VRID (the ones whose keepalived checks its multicast adverts; the
     * others drop them unread); a line is drawn cut while that host's link is, since no advert reaches it then.
     */
    private void foreignRouters(Topology t, List<HostViewModel> hosts, Group linkGroup, Group nodes) {
        if (t.foreignRouters == null) return;
        Region client = (Region) clientCard;
        for (int i = 0; i < t.foreignRouters.size(); i++) {
            org.viplab.core.model.ForeignRouterSpec f = t.foreignRouters.get(i);
            if (f == null) continue;
            ForeignRouterCard card = new ForeignRouterCard(f, i, t, i18n, vm.clockProperty());
            placeForeign(card, client, i);
            List<String> reached = ForeignRouterCard.sameVrid(t, f.vrid);
            for (HostViewModel h : hosts) {
                Point2D to = anchors.get(h.name());
                if (to == null || !reached.contains(h.name())) continue;
                Line line = new Line();
                line.startXProperty().bind(card.layoutXProperty().add(card.widthProperty().divide(2)));
                line.startYProperty().bind(card.layoutYProperty().add(card.heightProperty().divide(2)));
                line.setEndX(to.getX());
                line.setEndY(to.getY());
                line.setId("foreign-link-" + i + "-" + h.name());
                line.getStyleClass().add("foreign-link");
                Runnable cut = () -> line.getStyleClass().setAll(h.linkCutProperty().get() ? List.of("foreign-link", "foreign-link-cut") : List.of("foreign-link"));
                h.linkCutProperty().addListener((o, a, b) -> cut.run());
                cut.run();
                linkGroup.getChildren().add(line);
            }
            foreignCards.add(card);
            nodes.getChildren().add(card);
        }
    }

    /**
     * Beside the client's card, whatever its width (a mode 2 probe line makes it wider): the first on its right, the
     * second on its left, further pairs above them (never down among the hosts' cards, whose tops are at about
     * y = 190 for 3 to 5 hosts and 220 for two).
     */
    private static void placeForeign(Region card, Region client, int i) {
        double y = CLIENT_AT.getY() - (i / 2) * FOREIGN_DY;
        if (i % 2 == 0) {
            card.layoutXProperty().bind(client.widthProperty().divide(2).add(CLIENT_AT.getX() + FOREIGN_GAP));
        } else {
            card.layoutXProperty().bind(client.widthProperty().divide(-2).subtract(card.widthProperty()).add(CLIENT_AT.getX() - FOREIGN_GAP));
        }
        card.layoutYProperty().bind(card.heightProperty().divide(-2).add(y));
    }

    /** The foreign routers' cards of the current drawing, in the topology's order, for tests. */
    public List<String> foreignTexts(int index) {
        return index < foreignCards.size() ? foreignCards.get(index).texts() : List.of();
    }

    /** The frame and every card (not the wire's dots, which come and go): what fitting must show. */
    private javafx.geometry.Bounds contentBounds() {
        double minX = 0, minY = 0, maxX = WORLD_W, maxY = WORLD_H;
        if (cardsLayer != null) {
            javafx.geometry.Bounds c = cardsLayer.getBoundsInParent();
            minX = Math.min(minX, c.getMinX());
            minY = Math.min(minY, c.getMinY());
            maxX = Math.max(maxX, c.getMaxX());
            maxY = Math.max(maxY, c.getMaxY());
        }
        return new javafx.geometry.BoundingBox(minX, minY, maxX - minX, maxY - minY);
    }

    private Node link(Point2D from, Point2D to, String id, ObservableValue<Boolean> cut, ObservableValue<Boolean> vrrpBlocked,
                      java.util.function.Supplier<ContextMenu> menu) {
        Line line = new Line(from.getX(), from.getY(), to.getX(), to.getY());
        line.setId("link-" + id);
        line.getStyleClass().add("link");
        Label marker = new Label("\u2702");
        marker.getStyleClass().add("cut-marker");
        Label vrrp = new Label();
        vrrp.textProperty().bind(i18n.bind("topology.vrrpBlocked")); // follows a language switch, as every word drawn
        vrrp.getStyleClass().add("vrrp-blocked-marker");
        Runnable style = () -> {
            boolean c = cut.getValue();
            boolean v = vrrpBlocked != null && vrrpBlocked.getValue();
            line.getStyleClass().removeAll("link-cut", "link-vrrp-blocked");
            if (c) line.getStyleClass().add("link-cut");
            else if (v) line.getStyleClass().add("link-vrrp-blocked");
            marker.setVisible(c);
            vrrp.setVisible(v && !c);
        };
        cut.addListener((o, a, b) -> style.run());
        if (vrrpBlocked != null) vrrpBlocked.addListener((o, a, b) -> style.run());
        style.run();
        double mx = (from.getX() + to.getX()) / 2;
        double my = (from.getY() + to.getY()) / 2;
        centre(marker, mx, my);
        vrrp.layoutXProperty().bind(vrrp.widthProperty().divide(-2).add(mx));
        vrrp.setLayoutY(my - 46);
        Group g = new Group(line, marker, vrrp);
        // Bindings listen weakly to their sources: keep them alive as long as the drawing of the link.
        g.getProperties().put("cut-binding", cut);
        ContextMenus.install(g, menu);
        Tooltip.install(line, new Tooltip(id));
        links.put(id, line);
        return g;
    }

    private Label badge(HostViewModel h, ProcessKind k) {
        Label b = new Label();
        b.setId("badge-" + h.name() + "-" + k.id());
        b.getStyleClass().add("badge");
        Runnable update = () -> {
            ProcessState s = h.process(k).get();
            b.setText(k.id() + "\n" + EventFormatter.of(i18n.locale()).state(s));
            b.getStyleClass().removeIf(c -> c.startsWith("state-"));
            b.getStyleClass().add("state-" + s.name().toLowerCase(Locale.ROOT));
        };
        h.process(k).addListener((o, a, c) -> update.run());
        i18n.localeProperty().addListener((o, a, c) -> update.run());
        update.run();
        ContextMenus.install(b, () -> menus.process(h.name(), k));
        return b;
    }

    static void centre(Region r, double x, double y) {
        r.layoutXProperty().bind(r.widthProperty().divide(-2).add(x));
        r.layoutYProperty().bind(r.heightProperty().divide(-2).add(y));
    }

    // ---- VIP animation -----------------------------------------------------------------------------

    private void animateMove(LabViewModel.VipMove m) {
        if (!wire.playing()) return; // animations held (a test reading a frame)
        Label pill = vipPills.get(m.host());
        Point2D to = anchors.get(m.host());
        Point2D from = m.from() == null ? null : anchors.get(m.from());
        if (pill == null || to == null || from == null || from.equals(to)) return;
        TranslateTransition tt = new TranslateTransition(Duration.millis(700), pill);
        tt.setFromX(from.getX() - to.getX());
        tt.setToX(0);
        tt.setInterpolator(Interpolator.EASE_BOTH);
        tt.play();
    }

    // ---- pan, zoom, export --------------------------------------------------------------------------

    private void installPanZoom() {
        setOnScroll(e -> {
            if (e.getDeltaY() == 0) return;
            zoomAt(e.getDeltaY() > 0 ? 1.1 : 1 / 1.1, e.getX(), e.getY());
            e.consume();
        });
        setOnMousePressed(e -> {
            if (e.isPrimaryButtonDown()) dragFrom = new Point2D(e.getX() - pan.getX(), e.getY() - pan.getY());
        });
        setOnMouseDragged(e -> {
            if (dragFrom == null || !e.isPrimaryButtonDown()) return;
            userMoved = true;
            pan.setX(e.getX() - dragFrom.getX());
            pan.setY(e.getY() - dragFrom.getY());
        });
        setOnMouseReleased(e -> dragFrom = null);
        setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) fit();
        });
    }

    /** Zooms by {@code factor} keeping the world point under (x, y) where it is. */
    public void zoomAt(double factor, double x, double y) {
        double s = Math.max(0.2, Math.min(6, zoom.getX() * factor));
        double f = s / zoom.getX();
        pan.setX(x - (x - pan.getX()) * f);
        pan.setY(y - (y - pan.getY()) * f);
        zoom.setX(s);
        zoom.setY(s);
        userMoved = true;
    }

    public double zoomFactor() { return zoom.getX(); }

    /** Shows the whole drawing, centred. */
    public void fit() {
        double w = getWidth();
        double h = getHeight();
        if (w <= 0 || h <= 0) return;
        // leave room for the time-travel bar above and the caption below, so neither covers a card
        double top = bar.isVisible() ? bar.prefHeight(-1) + 8 : 0;
        // the caption's height as laid out: wrapped to the width it gets (two lines in a narrow drawing)
        double bottom = caption.isVisible() ? caption.prefHeight(Math.max(1, Math.min(w - 12, caption.prefWidth(-1)))) + 8 : 0;
        double room = Math.max(h / 2, h - top - bottom);
        javafx.geometry.Bounds b = contentBounds();
        double s = Math.min(w / b.getWidth(), room / b.getHeight());
        zoom.setX(s);
        zoom.setY(s);
        pan.setX((w - b.getWidth() * s) / 2 - b.getMinX() * s);
        pan.setY(Math.min(top, h - room) + (room - b.getHeight() * s) / 2 - b.getMinY() * s);
        userMoved = false;
    }

    /** The drawing at twice its size on the window's background, whatever the pan and zoom. FX thread. */
    public WritableImage snapshotDrawing() {
        SnapshotParameters p = new SnapshotParameters();
        p.setTransform(new Scale(2 / zoom.getX(), 2 / zoom.getY()));
        p.setFill(getBackground() != null && !getBackground().getFills().isEmpty()
                ? getBackground().getFills().get(0).getFill() : Color.WHITE);
        return world.snapshot(p, null);
    }
}
