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

    HostViewModel(NodeSpec spec) {
        this.name = spec.name;
        this.ip = spec.ip;
        for (ProcessKind k : ProcessKind.values()) {
            // haproxy only where the topology runs it (mode 2); nothing runs before the timeline says so.
            if (k != ProcessKind.HAPROXY || spec.haproxy != null) processes.put(k, new SimpleObjectProperty<>(ProcessState.STOPPED));
        }
        // Until the first advert or priority change, the configured base priority is the best we know.
        priority.set(spec.keepalived.priority);
    }

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
