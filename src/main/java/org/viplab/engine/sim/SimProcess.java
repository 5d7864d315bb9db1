package org.viplab.engine.sim;

import org.viplab.core.timeline.Reason;
import org.viplab.core.timeline.Reason.Code;
import org.viplab.core.model.ProcessKind;
import org.viplab.core.model.ProcessState;
import org.viplab.core.timeline.Causes;
import org.viplab.core.timeline.LabEvent;

/**
 * The life cycle all three daemons share: a state, the signals a user can send, and the event each change
 * produces. Subclasses say what starting and stopping take and what happens to their timers.
 */
abstract class SimProcess {
    protected final SimulatedLab lab;
    protected final SimHost host;
    protected final ProcessKind kind;
    protected ProcessState state = ProcessState.STOPPED;
    /** The state a hung process returns to on SIGCONT. */
    private ProcessState beforeHang = ProcessState.RUNNING;
    /** A SIGTERM sent to a stopped (SIGSTOP) process is delivered when it resumes. */
    private boolean termPending;
    private boolean restartPending;
    /** Running on a stalled host (see {@link #freeze()}). */
    private boolean frozen;
    protected Scheduler.Task transition;
    /** The id of the last change of state: what a check or a client that sees this process sees change. */
    protected long lastChange = Causes.NONE;
    private Supervision supervision;

    SimProcess(SimulatedLab lab, SimHost host, ProcessKind kind) {
        this.lab = lab;
        this.host = host;
        this.kind = kind;
    }

    ProcessState state() { return state; }

    /** Puts the process under a supervisor (none until called). */
    void supervise(org.viplab.core.model.SupervisorSpec spec) { supervision = new Supervision(lab, this, spec); }

    Supervision supervision() { return supervision; }

    boolean running() { return state == ProcessState.RUNNING; }

    long lastChange() { return lastChange; }

    /** Emits the change and makes it the cause of what follows from it in this task. */
    protected void setState(ProcessState next, Reason reason) {
        if (next == state) return;
        ProcessState prev = state;
        state = next;
        lastChange = lab.emit(new LabEvent.ProcessChanged(lab.now(), host.name, kind, prev, next, reason));
        lab.scheduler().cause(lastChange);
        stateChanged();
    }

    /** After every change of state, once the event is out. */
    protected void stateChanged() { }

    void start(Reason reason) {
        if (supervision != null) supervision.cancel();
        if (state == ProcessState.STOPPING) {
            restartPending = true;
            return;
        }
        if (state != ProcessState.STOPPED) return;
        cancelTransition();
        long startup = startupUs();
        if (startup <= 0) {
            setState(ProcessState.RUNNING, reason);
            onRunning();
        } else {
            setState(ProcessState.STARTING, reason);
            transition = lab.scheduler().after(startup, lastChange, () -> {
                setState(ProcessState.RUNNING, Reason.of(Code.READY));
                onRunning();
            });
        }
    }

    /** SIGTERM: a graceful stop. */
    void stop(Reason reason) {
        if (supervision != null) supervision.cancel();
        if (state == ProcessState.HUNG) {
            termPending = true;
            return;
        }
        if (state == ProcessState.STOPPED || state == ProcessState.STOPPING) return;
        cancelTransition();
        long shutdown = shutdownUs();
        if (shutdown <= 0) {
            onStopping(reason);
            finishStop(reason);
        } else {
            // stopping first, so that what the process says on its way out follows from it
            setState(ProcessState.STOPPING, reason);
            long stopping = lastChange;
            onStopping(reason);
            transition = lab.scheduler().after(shutdown, stopping, () -> finishStop(Reason.of(Code.EXITED)));
        }
    }

    private void finishStop(Reason reason) {
        setState(ProcessState.STOPPED, reason);
        onStopped();
        if (restartPending) {
            restartPending = false;
            lab.scheduler().after(restartGapUs(), lastChange, () -> start(Reason.of(Code.RESTART)));
        }
    }

    /** Whether the process is RUNNING on a stalled host: it exists, ps shows it running, it gets no CPU. */
    boolean frozen() { return frozen; }

    /**
     * The host stalls: a running process stops doing anything, as with SIGSTOP but without a change of state
     * that ps or a check would see. Its timers are dropped here and run once, late, in {@link #thaw()}.
     */
    void freeze() {
        if (state != ProcessState.RUNNING || frozen) return;
        frozen = true;
        onHang();
    }

    /** The CPU is back: what fell due during the stall runs now (a process that changed state meanwhile stays as it is). */
    void thaw() {
        if (!frozen) return;
        frozen = false;
        if (state == ProcessState.RUNNING) onThaw();
    }

    /** After a stall: by default what SIGCONT does. */
    protected void onThaw() { onResume(); }

    /** SIGKILL: gone at once, nothing said on the way out. */
    void kill(Reason reason) {
        if (state == ProcessState.STOPPED) return;
        cancelTransition();
        termPending = false;
        restartPending = false;
        onKilled();
        setState(ProcessState.STOPPED, reason);
        if (supervision != null) supervision.exited(org.viplab.core.model.SupervisorSpec.Exit.UNCLEAN_SIGNAL);
    }

    /** SIGSTOP: the process exists, its sockets still accept, it does nothing. */
    void hang(Reason reason) {
        if (state == ProcessState.STOPPED || state == ProcessState.HUNG) return;
        beforeHang = state;
        onHang();
        setState(ProcessState.HUNG, reason);
    }

    /** SIGCONT. */
    void resume(Reason reason) {
        if (state != ProcessState.HUNG) return;
        setState(beforeHang, reason);
        onResume();
        if (termPending) {
            termPending = false;
            stop(Reason.of(Code.SIGTERM_ON_RESUME));
        }
    }

    void restart(Reason reason) {
        if (state == ProcessState.STOPPED) {
            start(reason);
            return;
        }
        if (state == ProcessState.HUNG) resume(reason);
        restartPending = true;
        stop(reason);
    }

    private void cancelTransition() {
        if (transition != null) transition.cancel();
        transition = null;
    }

    protected long startupUs() { return 0; }

    protected long shutdownUs() { return 0; }

    protected long restartGapUs() { return 50_000; }

    protected void onRunning() { }

    /** Called when SIGTERM arrives, before the state becomes STOPPING. */
    protected void onStopping(Reason reason) { }

    protected void onStopped() { }

    protected void onKilled() { }

    protected void onHang() { }

    protected void onResume() { }
}
