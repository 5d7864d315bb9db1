package org.viplab.ui.topology;

import javafx.animation.Interpolator;
import javafx.animation.TranslateTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;
import javafx.util.Duration;
import org.viplab.lab.Target;
import org.viplab.lab.Verb;
import org.viplab.core.model.ProcessKind;
import org.viplab.core.model.ProcessState;
import org.viplab.core.model.Topology;
import org.viplab.core.model.VrrpState;
import org.viplab.core.timeline.LabEvent;
import org.viplab.ui.controls.LabControls;
import org.viplab.ui.common.I18n;
import org.viplab.core.text.EventFormatter;
import org.viplab.ui.live.HostViewModel;
import org.viplab.ui.live.LabViewModel;
import org.viplab.core.text.TimeText;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The drawing: the client on top, the two hosts below, the links between them, each host's process
 * badges, VRRP state and priority, and the VIP on whoever holds it. Everything is bound to the view model;
 * right-click acts on the lab. Scroll zooms around the pointer, dragging pans, double-click fits.
 */
public final class TopologyView extends Pane {
    static final double WORLD_W = 900;
    static final double WORLD_H = 560;
    private static final Point2D CLIENT_AT = new Point2D(450, 80);
    private static final List<Point2D> HOSTS_AT = List.of(new Point2D(210, 390), new Point2D(690, 390));
    private static final List<Verb> PROCESS_VERBS = List.of(Verb.START, Verb.STOP, Verb.KILL, Verb.HANG, Verb.RESUME, Verb.RESTART);

    private final LabViewModel vm;
    private final LabControls controls;
    private final I18n i18n;
    private final Group world = new Group();
    private final Translate pan = new Translate();
    private final Scale zoom = new Scale(1, 1, 0, 0);
    private final Map<String, Label> vipPills = new HashMap<>();
    private final Map<String, Point2D> anchors = new HashMap<>();
    private boolean userMoved;
    private Point2D dragFrom;

    public TopologyView(LabViewModel vm, LabControls controls, I18n i18n) {
        this.vm = vm;
        this.controls = controls;
        this.i18n = i18n;
        getStyleClass().add("topology-view");
        setId("topology");
        setMinSize(200, 150);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        world.getTransforms().setAll(pan, zoom);
        getChildren().add(world);
        vm.runsProperty().addListener((o, a, b) -> rebuild());
        vm.addVipMoveListener(this::animateMove);
        widthProperty().addListener((o, a, b) -> { if (!userMoved) fit(); });
        heightProperty().addListener((o, a, b) -> { if (!userMoved) fit(); });
        world.layoutBoundsProperty().addListener((o, a, b) -> { if (!userMoved) fit(); }); // a new font size
        installPanZoom();
        rebuild();
    }

    // ---- drawing -----------------------------------------------------------------------------------

    private void rebuild() {
        world.getChildren().clear();
        vipPills.clear();
        anchors.clear();
        Topology t = vm.topologyProperty().get();
        // An invisible frame keeps the world's bounds fixed, so fitting and PNG export are stable.
        Rectangle frame = new Rectangle(0, 0, WORLD_W, WORLD_H);
        frame.setFill(Color.TRANSPARENT);
        frame.setMouseTransparent(true);
        world.getChildren().add(frame);
        if (t == null) return;
        List<HostViewModel> hosts = vm.hosts();
        for (int i = 0; i < hosts.size() && i < HOSTS_AT.size(); i++) anchors.put(hosts.get(i).name(), HOSTS_AT.get(i));

        Group links = new Group();
        Group nodes = new Group();
        for (HostViewModel h : hosts) {
            Point2D at = anchors.get(h.name());
            if (at == null) continue;
            links.getChildren().add(link(CLIENT_AT, at, "clients-" + h.name(),
                    Bindings.or(h.clientPathCutProperty(), h.linkCutProperty()), null, () -> clientPathMenu(h.name())));
        }
        if (hosts.size() == 2) {
            HostViewModel a = hosts.get(0);
            HostViewModel b = hosts.get(1);
            links.getChildren().add(link(anchors.get(a.name()), anchors.get(b.name()), a.name() + "-" + b.name(),
                    vm.peerCutProperty().or(a.linkCutProperty()).or(b.linkCutProperty()), vm.vrrpBlockedProperty(),
                    () -> peerMenu(a.name(), b.name())));
        }
        nodes.getChildren().add(clientCard(t));
        for (HostViewModel h : hosts) {
            Point2D at = anchors.get(h.name());
            if (at == null) continue;
            VBox card = hostCard(h);
            centre(card, at.getX(), at.getY());
            nodes.getChildren().add(card);
            Label pill = new Label(i18n.get("topology.vip", t.vip));
            pill.setId("vip-" + h.name());
            pill.getStyleClass().add("vip-pill");
            pill.visibleProperty().bind(h.vipProperty());
            pill.layoutXProperty().bind(pill.widthProperty().divide(-2).add(at.getX()));
            pill.layoutYProperty().bind(card.layoutYProperty().subtract(pill.heightProperty()).subtract(10));
            vipPills.put(h.name(), pill);
            nodes.getChildren().add(pill);
        }
        world.getChildren().addAll(links, nodes);
    }

    private Node link(Point2D from, Point2D to, String id, ObservableValue<Boolean> cut, ObservableValue<Boolean> vrrpBlocked,
                      java.util.function.Supplier<ContextMenu> menu) {
        Line line = new Line(from.getX(), from.getY(), to.getX(), to.getY());
        line.setId("link-" + id);
        line.getStyleClass().add("link");
        Label marker = new Label("\u2702");
        marker.getStyleClass().add("cut-marker");
        Label vrrp = new Label(i18n.get("topology.vrrpBlocked"));
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
        return g;
    }

    private VBox clientCard(Topology t) {
        Label title = new Label();
        title.textProperty().bind(i18n.bind("topology.client", t.clientIp));
        title.getStyleClass().add("host-name");
        Label target = new Label("\u2192 " + t.vip + ":" + t.effectiveClientPort());
        target.getStyleClass().add("host-ip");
        Label result = new Label();
        result.setId("client-result");
        result.getStyleClass().add("client-result");
        Runnable update = () -> {
            LabEvent.ClientProbe p = vm.lastProbeProperty().get();
            result.getStyleClass().removeAll("probe-ok", "probe-failed");
            if (p == null) {
                result.setText(i18n.get("topology.noProbe"));
            } else if (p.ok()) {
                result.getStyleClass().add("probe-ok");
                result.setText(i18n.get("topology.probeOk", p.backend(), TimeText.length(p.latencyUs(), i18n.locale())));
            } else {
                result.getStyleClass().add("probe-failed");
                result.setText(i18n.get("topology.probeFailed", i18n.get("probe." + p.failure().name().toLowerCase(Locale.ROOT))));
            }
        };
        vm.lastProbeProperty().addListener((o, a, b) -> update.run());
        i18n.localeProperty().addListener((o, a, b) -> update.run());
        update.run();
        VBox card = new VBox(title, target, result);
        card.setId("client");
        card.setAlignment(Pos.CENTER);
        card.getStyleClass().addAll("host-card", "client-card");
        centre(card, CLIENT_AT.getX(), CLIENT_AT.getY());
        return card;
    }

    private VBox hostCard(HostViewModel h) {
        Label name = new Label(h.name());
        name.getStyleClass().add("host-name");
        Label ip = new Label(h.ip());
        ip.getStyleClass().add("host-ip");
        Label vrrp = new Label();
        vrrp.setId("vrrp-" + h.name());
        vrrp.getStyleClass().add("vrrp-line");
        Runnable vrrpText = () -> {
            VrrpState s = h.vrrpProperty().get();
            vrrp.setText(i18n.get("topology.vrrp", vrrpName(s), h.priorityProperty().get()));
            vrrp.getStyleClass().removeIf(c -> c.startsWith("vrrp-state-"));
            vrrp.getStyleClass().add("vrrp-state-" + s.name().toLowerCase(Locale.ROOT));
        };
        h.vrrpProperty().addListener((o, a, b) -> vrrpText.run());
        h.priorityProperty().addListener((o, a, b) -> vrrpText.run());
        i18n.localeProperty().addListener((o, a, b) -> vrrpText.run());
        vrrpText.run();

        HBox badges = new HBox();
        badges.getStyleClass().add("badges");
        badges.setAlignment(Pos.CENTER);
        for (ProcessKind k : ProcessKind.values()) if (h.runs(k)) badges.getChildren().add(badge(h, k));

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

        VBox card = new VBox(name, ip, vrrp, badges, nicDown, unreachable);
        card.setId("host-" + h.name());
        h.reachableProperty().addListener((o, a, b) -> card.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("unreachable"), !b));
        card.setAlignment(Pos.CENTER);
        card.getStyleClass().add("host-card");
        h.linkCutProperty().addListener((o, a, b) -> card.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("cut"), b));
        ContextMenus.install(card, () -> hostMenu(h.name()));
        return card;
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
        ContextMenus.install(b, () -> processMenu(h.name(), k));
        return b;
    }

    private String vrrpName(VrrpState s) {
        // MASTER, BACKUP, FAULT and INIT are keepalived's own words and stay as they are in every language.
        return s == VrrpState.STOPPED ? i18n.get("state.stopped") : s.name();
    }

    private static void centre(Region r, double x, double y) {
        r.layoutXProperty().bind(r.widthProperty().divide(-2).add(x));
        r.layoutYProperty().bind(r.heightProperty().divide(-2).add(y));
    }

    // ---- context menus ------------------------------------------------------------------------------

    private ContextMenu processMenu(String host, ProcessKind k) {
        ContextMenu m = new ContextMenu();
        for (Verb v : PROCESS_VERBS) m.getItems().add(item("verb." + v.id(), v, new Target.Process(host, k)));
        return m;
    }

    private ContextMenu hostMenu(String host) {
        ContextMenu m = new ContextMenu();
        m.getItems().addAll(item("menu.cutNic", Verb.CUT, new Target.HostLink(host)), item("menu.healNic", Verb.HEAL, new Target.HostLink(host)));
        m.getItems().add(new SeparatorMenuItem());
        for (ProcessKind k : ProcessKind.values()) {
            HostViewModel h = vm.host(host);
            if (h != null && h.runs(k)) {
                javafx.scene.control.Menu sub = new javafx.scene.control.Menu(k.id());
                for (Verb v : PROCESS_VERBS) sub.getItems().add(item("verb." + v.id(), v, new Target.Process(host, k)));
                m.getItems().add(sub);
            }
        }
        return m;
    }

    private ContextMenu clientPathMenu(String host) {
        return new ContextMenu(item("verb.cut", Verb.CUT, new Target.ClientPath(host)), item("verb.heal", Verb.HEAL, new Target.ClientPath(host)));
    }

    private ContextMenu peerMenu(String a, String b) {
        return new ContextMenu(
                item("verb.cut", Verb.CUT, new Target.PeerPath(a, b, false)),
                item("verb.heal", Verb.HEAL, new Target.PeerPath(a, b, false)),
                new SeparatorMenuItem(),
                item("menu.blockVrrp", Verb.CUT, new Target.PeerPath(a, b, true)),
                item("menu.unblockVrrp", Verb.HEAL, new Target.PeerPath(a, b, true)));
    }

    private MenuItem item(String key, Verb v, Target t) {
        MenuItem i = new MenuItem(i18n.get(key));
        i.setId("menu-" + key.replace('.', '-'));
        i.setOnAction(e -> controls.apply(v, t));
        return i;
    }

    // ---- VIP animation -----------------------------------------------------------------------------

    private void animateMove(LabViewModel.VipMove m) {
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
        // the frame and every card: cards grow with the font, past the frame at 200 %
        javafx.geometry.Bounds b = world.getLayoutBounds();
        double s = Math.min(w / b.getWidth(), h / b.getHeight());
        zoom.setX(s);
        zoom.setY(s);
        pan.setX((w - b.getWidth() * s) / 2 - b.getMinX() * s);
        pan.setY((h - b.getHeight() * s) / 2 - b.getMinY() * s);
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
