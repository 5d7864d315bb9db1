package org.viplab.ui.live;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.viplab.core.model.NodeSpec;
import org.viplab.core.model.ProcessKind;
import org.viplab.core.model.ProcessState;
import org.viplab.core.model.VrrpState;

import java.util.EnumMap;
import java.util.Map;

/** What the timeline says about one host, as properties for the topology view. FX thread only. */
public final class HostViewModel {
    private final String name;
    private final String ip;
    private final Map<ProcessKind, ObjectProperty<ProcessState>> processes = new EnumMap<>(ProcessKind.class);
    private final ObjectProperty<VrrpState> vrrp = new SimpleObjectProperty<>(VrrpState.STOPPED);
    private final IntegerProperty priority = new SimpleIntegerProperty();
    private final BooleanProperty vip = new SimpleBooleanProperty();
    private final BooleanProperty linkCut = new SimpleBooleanProperty();
    private final BooleanProperty clientPathCut = new SimpleBooleanProperty();
    /** False while VIP Lab cannot reach the (real) host over SSH: what it shows may be out of date. */
    private final BooleanProperty reachable = new SimpleBooleanProperty(true);
    /** The check scripts, the priority's arithmetic and the last advert; {@link #factsProperty()} counts its changes. */
    private final NodeFacts facts;
    private final IntegerProperty factsVersion = new SimpleIntegerProperty();
    private final int basePriority;

    HostViewModel(NodeSpec spec) {
        this.name = spec.name;
        this.ip = spec.ip;
        this.basePriority = spec.keepalived.priority;
        this.facts = new NodeFacts(spec.keepalived);
        for (ProcessKind k : ProcessKind.values()) {
            // haproxy only where the topology runs it (mode 2); nothing runs before the timeline says so.
            if (k != ProcessKind.HAPROXY || spec.haproxy != null) processes.put(k, new SimpleObjectProperty<>(ProcessState.STOPPED));
        }
        reset();
    }

    /** Back to what is known before the run's first event (a drawing rewound to replay the timeline up to a moment). */
    void reset() {
        for (ObjectProperty<ProcessState> p : processes.values()) p.set(ProcessState.STOPPED);
        vrrp.set(VrrpState.STOPPED);
        // Until the first advert or priority change, the configured base priority is the best we know.
        priority.set(basePriority);
        vip.set(false);
        linkCut.set(false);
        clientPathCut.set(false);
        reachable.set(true);
        facts.reset();
        factsVersion.set(factsVersion.get() + 1);
    }

    /** Hands {@code e} (an event of this host) to the node facts. */
    void noteFact(org.viplab.core.timeline.LabEvent e) {
        if (facts.apply(e)) factsVersion.set(factsVersion.get() + 1);
    }

    public NodeFacts facts() { return facts; }

    /** Changes whenever {@link #facts()} does (a counter: listen to it, read the facts). */
    public IntegerProperty factsProperty() { return factsVersion; }

    public String name() { return name; }

    public String ip() { return ip; }

    /** The process's state property, or null when the host does not run that process. */
    public ObjectProperty<ProcessState> process(ProcessKind k) { return processes.get(k); }

    public boolean runs(ProcessKind k) { return processes.containsKey(k); }

    public ObjectProperty<VrrpState> vrrpProperty() { return vrrp; }

    public IntegerProperty priorityProperty() { return priority; }

    public BooleanProperty vipProperty() { return vip; }

    public BooleanProperty linkCutProperty() { return linkCut; }

    public BooleanProperty clientPathCutProperty() { return clientPathCut; }

    public BooleanProperty reachableProperty() { return reachable; }
}
