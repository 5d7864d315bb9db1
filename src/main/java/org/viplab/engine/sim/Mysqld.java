package org.viplab.engine.sim;

import org.viplab.core.timeline.Reason;
import org.viplab.core.model.NodeSpec;
import org.viplab.core.model.ProcessKind;
import org.viplab.core.model.ProcessState;

/**
 * mysqld as a client and a check see it: listening only while RUNNING (or HUNG, when the kernel still
 * accepts the TCP connection but nobody greets), visible to ps from STARTING to the end of STOPPING.
 */
final class Mysqld extends SimProcess {
    private final NodeSpec node;
    private boolean leftGracefully;
    private long slowUs;

    Mysqld(SimulatedLab lab, SimHost host, NodeSpec node) {
        super(lab, host, ProcessKind.MYSQLD);
        this.node = node;
    }

    String processName() { return node.mysqldProcessName; }

    /** A TCP connect to 3306 succeeds. */
    boolean acceptsTcp() { return state == ProcessState.RUNNING || state == ProcessState.HUNG; }

    /** The server greeting arrives, so a query can run (not while its host is stalled). */
    boolean greets() { return state == ProcessState.RUNNING && !frozen(); }

    /** How late every query answers ({@code slow HOST/mysqld by D}); 0 normally. */
    long slowUs() { return slowUs; }

    /** True when it changed. */
    boolean slow(long us) {
        boolean changed = slowUs != us;
        slowUs = us;
        return changed;
    }

    @Override
    protected long startupUs() { return node.mysqldStartupMs * 1000; }

    @Override
    protected long shutdownUs() { return node.mysqldShutdownMs * 1000; }

    /** The last stop was a SIGTERM: a cluster peer announces it is leaving, so quorum is kept. */
    boolean leftGracefully() { return leftGracefully; }

    @Override
    protected void stateChanged() {
        // a clean leave holds until the node is back in service; a restart after a crash is still a lost member
        if (state == ProcessState.STOPPING) leftGracefully = true;
        else if (state == ProcessState.RUNNING || state == ProcessState.HUNG) leftGracefully = false;
        lab.replicationChanged();
    }

    @Override
    protected void onKilled() { leftGracefully = false; }

    /** Bring it up instantly for the steady state before a drill. */
    void bootInstantly() {
        state = ProcessState.RUNNING;
        lastChange = lab.emit(new org.viplab.core.timeline.LabEvent.ProcessChanged(lab.now(), host.name, kind, ProcessState.STOPPED,
                ProcessState.RUNNING, Reason.of(Reason.Code.BOOT)));
    }
}
