package org.viplab.ui.live;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.viplab.core.model.NodeSpec;
import org.viplab.core.model.Topology;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Timeline;
import org.viplab.ui.common.FxTimelineBridge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The state of the lab as the timeline tells it, as JavaFX properties: built only from events (plus the
 * topology's names and addresses), so it draws a recorded timeline or a real lab the same way as the
 * simulator. FX thread only; fed by {@link FxTimelineBridge}.
 */
public final class LabViewModel implements FxTimelineBridge.Sink {
    /** The VIP arrived on {@code host} at {@code timeUs}; {@code from} is the previous holder, or null. */
    public record VipMove(long timeUs, String host, String from, LabEvent.VipChanged event) {
        public VipMove(long timeUs, String host, String from) { this(timeUs, host, from, null); }
    }

    private final ObjectProperty<Topology> topology = new SimpleObjectProperty<>();
    private final Map<String, HostViewModel> hosts = new LinkedHashMap<>();
    private final ObservableList<HostViewModel> hostList = FXCollections.observableArrayList();
    private final ObservableList<String> vipHolders = FXCollections.observableArrayList();
    private final BooleanProperty peerCut = new SimpleBooleanProperty();
    private final BooleanProperty vrrpBlocked = new SimpleBooleanProperty();
    /** Per pair of hosts ("db1-db3", names in topology order), for three or more nodes; the two above follow the last change. */
    private final java.util.Map<String, BooleanProperty> pairCut = new java.util.HashMap<>();
    private final java.util.Map<String, BooleanProperty> pairVrrpBlocked = new java.util.HashMap<>();
    private final ObjectProperty<LabEvent.ClientProbe> lastProbe = new SimpleObjectProperty<>();
    private final LongProperty clock = new SimpleLongProperty();
    private final IntegerProperty runs = new SimpleIntegerProperty();
    private final TimelineEventList events = new TimelineEventList();
    /** The events of a run handed over without its timeline (a test, a replayed batch), kept compactly here. */
    private Timeline own;
    private final List<Consumer<VipMove>> vipMoveListeners = new CopyOnWriteArrayList<>();
    private String lastHolder;
    /** The last time the VIP arrived on a host (the drawing's caption explains it); null before the first. */
    private final ObjectProperty<VipMove> lastMove = new SimpleObjectProperty<>();
    /** The listeners told of each event as it is applied (the drawing's adverts on the wire). */
    private final List<Consumer<LabEvent>> eventListeners = new CopyOnWriteArrayList<>();
    private Timeline followed;

    /** A run whose timeline the bridge follows: the event list reads that timeline instead of copying it. */
    @Override
    public void runStarted(Topology t, Timeline timeline) {
        runStarted(t);
        own = null;
        followed = timeline;
        events.follow(timeline);
    }

    @Override
    public void runStarted(Topology t) {
        hosts.clear();
        for (NodeSpec n : t.nodes) hosts.put(n.name, new HostViewModel(n));
        vipHolders.clear();
        peerCut.set(false);
        vrrpBlocked.set(false);
        pairCut.clear();
        pairVrrpBlocked.clear();
        lastProbe.set(null);
        clock.set(0);
        own = new Timeline();
        followed = own;
        events.follow(own);
        lastHolder = null;
        lastMove.set(null);
        topology.set(t);
        hostList.setAll(hosts.values());
        runs.set(runs.get() + 1);
    }

    @Override
    public void appended(List<LabEvent> batch) {
        List<VipMove> moves = new ArrayList<>();
        long latest = clock.get();
        for (LabEvent e : batch) {
            apply(e, moves);
            latest = Math.max(latest, e.timeUs());
        }
        if (own != null) for (LabEvent e : batch) own.accept(e);
        events.grow(batch.size());
        clock.set(latest);
        for (VipMove m : moves) for (Consumer<VipMove> l : vipMoveListeners) l.accept(m);
    }

    /**
     * Applies {@code batch} to the state without keeping the events (a drawing that replays part of another
     * model's timeline); VIP moves and events are announced only when {@code announce}.
     */
    public void fold(List<LabEvent> batch, boolean announce) {
        List<VipMove> moves = new ArrayList<>();
        long latest = clock.get();
        for (LabEvent e : batch) {
            apply(e, moves);
            latest = Math.max(latest, e.timeUs());
            if (announce) for (Consumer<LabEvent> l : eventListeners) l.accept(e);
        }
        clock.set(latest);
        if (announce) for (VipMove m : moves) for (Consumer<VipMove> l : vipMoveListeners) l.accept(m);
    }

    /** Back to the state before the run's first event, keeping the topology and the host models (and what is bound to them). */
    public void rewind() {
        for (HostViewModel h : hosts.values()) h.reset();
        vipHolders.clear();
        peerCut.set(false);
        vrrpBlocked.set(false);
        pairCut.values().forEach(b -> b.set(false));
        pairVrrpBlocked.values().forEach(b -> b.set(false));
        lastProbe.set(null);
        clock.set(0);
        lastHolder = null;
        lastMove.set(null);
    }

    private void apply(LabEvent e, List<VipMove> moves) {
        HostViewModel h = hosts.get(e.host());
        if (h != null) h.noteFact(e);
        if (e instanceof LabEvent.ProcessChanged p) {
            if (h != null && h.runs(p.process())) h.process(p.process()).set(p.to());
        } else if (e instanceof LabEvent.VrrpStateChanged v) {
            if (h != null) h.vrrpProperty().set(v.to());
        } else if (e instanceof LabEvent.PriorityChanged p) {
            if (h != null) h.priorityProperty().set(p.to());
        } else if (e instanceof LabEvent.AdvertSent a) {
            // A priority-0 advert announces a release; it is not the node's effective priority.
            if (h != null && a.priority() > 0) h.priorityProperty().set(a.priority());
        } else if (e instanceof LabEvent.VipChanged v && h != null) {
            h.vipProperty().set(v.added());
            if (v.added() && !vipHolders.contains(v.host())) {
                vipHolders.add(v.host());
                VipMove move = new VipMove(v.timeUs(), v.host(), lastHolder, v);
                if (v.timeUs() >= 0) moves.add(move);
                lastMove.set(move);
                lastHolder = v.host();
            } else if (!v.added()) {
                vipHolders.remove(v.host());
            }
        } else if (e instanceof LabEvent.LinkChanged l) {
            link(l.link(), l.cut());
        } else if (e instanceof LabEvent.ClientProbe p) {
            lastProbe.set(p);
        } else if (e instanceof LabEvent.HostReachability r && h != null) {
            h.reachableProperty().set(r.reachable());
        }
    }

    private void link(String id, boolean cut) {
        if (id.startsWith("clients-")) {
            HostViewModel h = hosts.get(id.substring("clients-".length()));
            if (h != null) h.clientPathCutProperty().set(cut);
        } else if (id.endsWith("/link")) {
            HostViewModel h = hosts.get(id.substring(0, id.length() - "/link".length()));
            if (h != null) h.linkCutProperty().set(cut);
        } else if (id.endsWith("/vrrp")) {
            vrrpBlocked.set(cut);
            // one way ("db1>db2/vrrp") is drawn on the pair's link like a block both ways: the adverts that matter are lost
            String pair = id.substring(0, id.length() - "/vrrp".length()).replace('>', '-');
            if (pair.contains("-")) pairProperty(pairVrrpBlocked, pair).set(cut);
        } else if (id.contains("-")) {
            peerCut.set(cut);
            pairProperty(pairCut, id).set(cut);
        }
    }

    /** "db3-db1" and "db1-db3" are one pair: keyed with the names in topology order. */
    private BooleanProperty pairProperty(java.util.Map<String, BooleanProperty> map, String id) {
        int dash = id.indexOf('-');
        return map.computeIfAbsent(pairKey(id.substring(0, dash), id.substring(dash + 1)), k -> new SimpleBooleanProperty());
    }

    private String pairKey(String a, String b) {
        List<String> order = new ArrayList<>(hosts.keySet());
        return order.indexOf(a) <= order.indexOf(b) ? a + "-" + b : b + "-" + a;
    }

    /** Whether the path between {@code a} and {@code b} is cut (any pair of hosts). */
    public BooleanProperty peerCutProperty(String a, String b) { return pairProperty(pairCut, a + "-" + b); }

    /** Whether VRRP between {@code a} and {@code b} is blocked. */
    public BooleanProperty vrrpBlockedProperty(String a, String b) { return pairProperty(pairVrrpBlocked, a + "-" + b); }

    public void addVipMoveListener(Consumer<VipMove> l) { vipMoveListeners.add(l); }

    /** Told of each event {@link #fold}ed with {@code announce} (live drawing), after it was applied. */
    public void addEventListener(Consumer<LabEvent> l) { eventListeners.add(l); }

    /** The VIP's last arrival on a host, as far as the model has seen; null before the first. */
    public ObjectProperty<VipMove> lastMoveProperty() { return lastMove; }

    /** The timeline of the current run (its causes explain the events shown). */
    public Timeline timeline() { return followed; }

    public ObjectProperty<Topology> topologyProperty() { return topology; }

    public HostViewModel host(String name) { return hosts.get(name); }

    /** The hosts of the current run, in topology order; replaced on each run. */
    public ObservableList<HostViewModel> hosts() { return hostList; }

    /** Who holds the VIP now, in the order they took it: empty, one host, or both (split brain). */
    public ObservableList<String> vipHolders() { return vipHolders; }

    public BooleanProperty peerCutProperty() { return peerCut; }

    public BooleanProperty vrrpBlockedProperty() { return vrrpBlocked; }

    public ObjectProperty<LabEvent.ClientProbe> lastProbeProperty() { return lastProbe; }

    /** The lab clock: the time of the latest event seen (microseconds). */
    public LongProperty clockProperty() { return clock; }

    /** Counts runs (resets); views rebuild their per-host parts when it changes. */
    public IntegerProperty runsProperty() { return runs; }

    /** Every event of the current run, in arrival order. */
    public ObservableList<LabEvent> events() { return events; }
}
