package org.viplab.engine.ssh;

import org.viplab.core.util.BundleText;
import org.viplab.core.util.Failures;
import org.viplab.lab.LabText;
import org.viplab.core.model.ProcessKind;
import org.viplab.core.model.ProcessState;
import org.viplab.core.timeline.EventSink;
import org.viplab.core.timeline.Actor;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Reason;
import org.viplab.lab.Action;
import org.viplab.lab.Target;
import org.viplab.lab.Verb;

import java.util.ArrayList;
import java.util.List;

/**
 * Puts the hosts back: takes off every timing fault (thaws a stall, removes loss and delay), resumes every
 * hung process, heals what VIP Lab cut, and starts what is not running
 * (mysqld, haproxy in mode 2, keepalived last). What could not be done is collected and thrown at the end.
 */
final class Restore {
    private final Fleet fleet;
    private final Actions actions;
    private final ObservedState state;
    private final LabClock clock;
    private final EventSink events;
    private final List<String> hostNames;
    private final List<ProcessKind> required;

    Restore(Fleet fleet, Actions actions, ObservedState state, LabClock clock, EventSink events, List<String> hostNames,
            List<ProcessKind> required) {
        this.fleet = fleet;
        this.actions = actions;
        this.state = state;
        this.clock = clock;
        this.events = events;
        this.hostNames = hostNames;
        this.required = required;
    }

    /** @return what could not be done, one line each; empty when all is back */
    List<BundleText> run(Actor by) {
        events.accept(new LabEvent.ActionApplied(clock.nowUs(), "restore", LabEvent.LAB, by));
        List<BundleText> problems = new ArrayList<>(actions.undoTimingFaults(by));
        for (String id : actions.cuts()) {
            try {
                actions.apply(new Action(Verb.HEAL, Target.parse(id, hostNames)), by);
            } catch (RuntimeException e) {
                problems.add(LabText.of("restore.healFailed", id, Failures.text(e)));
            }
        }
        for (HostObserver h : fleet.all()) {
            if (!h.reachable) {
                problems.add(LabText.of("restore.unreachable", h.name()));
                continue;
            }
            for (ProcessKind k : ProcessKind.values()) {
                try {
                    if (state.processState(h.name(), k) == ProcessState.HUNG) actions.run(h, h.cmd.process(Verb.RESUME, k));
                } catch (RemoteException e) {
                    problems.add(e.text());
                }
            }
            for (ProcessKind k : required) {
                try {
                    actions.run(h, h.cmd.ensureRunning(k));
                } catch (RemoteException | RuntimeException e) {
                    problems.add(Failures.text(e));
                }
            }
        }
        return problems;
    }
}
