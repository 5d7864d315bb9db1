package org.viplab.ui.topology;

import javafx.animation.Transition;
import javafx.collections.ListChangeListener;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Polyline;
import javafx.util.Duration;
import org.viplab.core.model.Mode;
import org.viplab.core.model.Topology;
import org.viplab.core.timeline.LabEvent;
import org.viplab.ui.common.I18n;
import org.viplab.ui.live.HostViewModel;
import org.viplab.ui.live.LabViewModel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What travels on the wire, as in a network simulator: each VRRP advert as a dot along the db1–db2 link labelled
 * with its priority (priority 0 larger and red), gratuitous ARPs from the new holder to the client, the client's
 * queries to the VIP; and the path the client's queries take now (mode 2: VIP → haproxy on the holder → the
 * mysqld that answered). A dot flies for a fixed time on screen; what leaves the same place while one is still
 * in flight joins it (its label updated, a priority 0 never lost), so at 100x the wire merges instead of lagging.
 */
public final class WireLayer {
    static final Duration FLIGHT = Duration.millis(650);
    private static final double PATH_OFFSET = 16;

    private final LabViewModel vm;
    private final I18n i18n;
    private final Function<String, Point2D> anchor;
    /** Where a host's or the client's card is drawn (world coordinates), or null: dots leave and land at its edge. */
    private final Function<String, javafx.geometry.Bounds> box;
    private final Group paths = new Group();
    private final Group dots = new Group();
    private final Polyline clientPath = new Polyline();
    /** The dot in flight per lane ("advert db1", "garp db2", "probe"). */
    private final Map<String, Dot> inFlight = new HashMap<>();
    private boolean playing = true;
    private int launched;
    private int merged;

    WireLayer(LabViewModel vm, I18n i18n, Function<String, Point2D> anchor, Function<String, javafx.geometry.Bounds> box) {
        this.vm = vm;
        this.i18n = i18n;
        this.anchor = anchor;
        this.box = box;
        paths.setMouseTransparent(true);
        dots.setMouseTransparent(true);
        dots.setId("wire-dots");
        clientPath.setId("client-path");
        clientPath.getStyleClass().add("client-path");
        vm.addEventListener(this::onEvent);
        vm.lastProbeProperty().addListener((o, a, b) -> updatePath());
        vm.vipHolders().addListener((ListChangeListener<String>) c -> updatePath());
        i18n.localeProperty().addListener((o, a, b) -> {
            for (Dot d : inFlight.values()) if (d.style.equals("wire-garp")) d.set(i18n.get("wire.garp"), d.style);
        });
    }

    /** The drawing was rebuilt (a new run): nothing in flight, the path redrawn on the new anchors. */
    void rebuild() {
        clear();
        paths.getChildren().setAll(clientPath);
        updatePath();
    }

    /** Drops every dot in flight. */
    public void clear() {
        for (Dot d : new ArrayList<>(inFlight.values())) d.flight.stop();
        inFlight.clear();
        dots.getChildren().clear();
    }

    boolean playing() { return playing; }

    Group paths() { return paths; }

    Group dots() { return dots; }

    private void onEvent(LabEvent e) {
        if (e instanceof LabEvent.AdvertSent a) {
            // multicast: a dot to every other host, each on its own lane (with two hosts, the one lane as before)
            for (String peer : peersOf(a.host())) {
                String lane = vm.hosts().size() == 2 ? "advert " + a.host() : "advert " + a.host() + ">" + peer;
                send(lane, a.host(), peer, String.valueOf(a.priority()), a.priority() == 0 ? "wire-advert-zero" : "wire-advert");
            }
        } else if (e instanceof LabEvent.GarpSent g) {
            send("garp " + g.host(), g.host(), LabEvent.CLIENT, i18n.get("wire.garp"), "wire-garp");
        } else if (e instanceof LabEvent.ClientProbe p && p.ok() && p.backend() != null) {
            String holder = vm.vipHolders().isEmpty() ? p.backend() : vm.vipHolders().get(0);
            send("probe", LabEvent.CLIENT, holder, "", "wire-probe");
            // mode 2: haproxy on the holder passes the query on to the mysqld it chose
            Topology t = vm.topologyProperty().get();
            if (t != null && t.mode == Mode.HAPROXY_TRACKING && !p.backend().equals(holder)) send("probe " + holder, holder, p.backend(), "", "wire-probe");
        }
    }

    private List<String> peersOf(String host) {
        List<String> out = new java.util.ArrayList<>();
        for (HostViewModel h : vm.hosts()) if (!h.name().equals(host) && anchor.apply(h.name()) != null) out.add(h.name());
        return out;
    }

    /** Sends a dot from {@code from} to {@code to} on lane {@code lane}, or joins the one already in flight there. */
    private void send(String lane, String from, String to, String label, String style) {
        Point2D a = anchor.apply(from);
        Point2D b = anchor.apply(to);
        if (a == null || b == null) return;
        Point2D start = edge(from, a, b);
        Point2D end = edge(to, b, a);
        a = start;
        b = end;
        Dot d = inFlight.get(lane);
        if (d != null) {
            merged++;
            // a release (priority 0) is what a class must see: it wins over the routine adverts it joins
            if (!d.style.equals("wire-advert-zero")) d.set(label, style);
            return;
        }
        launched++;
        d = new Dot(lane, a, b, label, style);
        inFlight.put(lane, d);
        dots.getChildren().add(d.node);
        if (playing) d.flight.play();
    }

    /** Where the line from {@code centre} towards {@code other} leaves {@code name}'s card (the centre when it has none). */
    private Point2D edge(String name, Point2D centre, Point2D other) {
        javafx.geometry.Bounds r = box.apply(name);
        if (r == null || r.isEmpty()) return centre;
        double dx = other.getX() - centre.getX();
        double dy = other.getY() - centre.getY();
        if (dx == 0 && dy == 0) return centre;
        double hw = r.getWidth() / 2;
        double hh = r.getHeight() / 2;
        double t = Math.min(dx == 0 ? Double.MAX_VALUE : hw / Math.abs(dx), dy == 0 ? Double.MAX_VALUE : hh / Math.abs(dy));
        t = Math.min(t, 0.45); // never past the middle of the way
        return new Point2D(centre.getX() + dx * t, centre.getY() + dy * t);
    }

    /** The client's path now: client → VIP holder and, when another host's mysqld answered (mode 2), on to it. */
    private void updatePath() {
        clientPath.getPoints().clear();
        LabEvent.ClientProbe p = vm.lastProbeProperty().get();
        Topology t = vm.topologyProperty().get();
        if (p == null || !p.ok() || p.backend() == null || vm.vipHolders().isEmpty() || t == null) return;
        Point2D c = anchor.apply(LabEvent.CLIENT);
        Point2D h = anchor.apply(vm.vipHolders().get(0));
        Point2D b = anchor.apply(p.backend());
        if (c == null || h == null || b == null) return;
        clientPath.getPoints().addAll(c.getX() + PATH_OFFSET, c.getY(), h.getX() + PATH_OFFSET, h.getY());
        if (t.mode == Mode.HAPROXY_TRACKING && !b.equals(h)) clientPath.getPoints().addAll(b.getX(), b.getY() + PATH_OFFSET * 2);
    }

    /**
     * Whether dots fly (the app) or wait at their start until {@link #holdAt} (a test that reads what is in flight
     * without racing the animation clock).
     */
    public void setPlaying(boolean on) { playing = on; }

    /** Jumps every dot in flight to {@code fraction} of its way and holds it there (a screenshot of a frame mid-flight). */
    public void holdAt(double fraction) {
        for (Dot d : inFlight.values()) {
            d.flight.pause();
            d.flight.jumpTo(FLIGHT.multiply(fraction));
            d.place(fraction);
        }
    }

    /** The labels of the dots in flight now, e.g. "0" for a priority-0 advert. */
    public List<String> inFlightLabels() { return inFlight.values().stream().map(d -> d.text.getText()).toList(); }

    /** The lanes with a dot in flight now ("advert db1", "garp db2", "probe", "probe db1" for haproxy's leg). */
    public List<String> inFlightLanes() { return List.copyOf(inFlight.keySet()); }

    /** The style of the dots in flight now ("wire-advert-zero", "wire-garp", ...). */
    public List<String> inFlightStyles() { return inFlight.values().stream().map(d -> d.style).toList(); }

    /** Dots launched and events merged into a dot already in flight since the start (for the speed test). */
    public int launched() { return launched; }

    public int merged() { return merged; }

    /** The client's path as points (x0, y0, x1, y1 ...), empty when it has none. */
    public List<Double> clientPathPoints() { return List.copyOf(clientPath.getPoints()); }

    private final class Dot {
        final String lane;
        final Group node = new Group();
        final Circle circle = new Circle(7);
        final Label text = new Label();
        final Transition flight;
        final Point2D from;
        final Point2D to;
        String style;

        Dot(String lane, Point2D from, Point2D to, String label, String style) {
            this.lane = lane;
            this.from = from;
            this.to = to;
            this.style = style;
            text.getStyleClass().add("wire-label");
            node.getChildren().addAll(circle, text);
            set(label, style);
            place(0);
            flight = new Transition() {
                {
                    setCycleDuration(FLIGHT);
                }

                @Override
                protected void interpolate(double frac) { place(frac); }
            };
            flight.setOnFinished(e -> land());
        }

        void set(String label, String newStyle) {
            style = newStyle;
            text.setText(label);
            node.getStyleClass().setAll("wire-dot", newStyle);
            circle.setRadius(newStyle.equals("wire-advert-zero") ? 13 : newStyle.equals("wire-probe") ? 4 : 8);
            text.setLayoutX(circle.getRadius() + 2);
            text.setLayoutY(-circle.getRadius() - 14);
        }

        void place(double frac) {
            node.setTranslateX(from.getX() + (to.getX() - from.getX()) * frac);
            node.setTranslateY(from.getY() + (to.getY() - from.getY()) * frac);
        }

        void land() {
            if (inFlight.get(lane) == this) inFlight.remove(lane);
            dots.getChildren().remove(node);
        }
    }
}
