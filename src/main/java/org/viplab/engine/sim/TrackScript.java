package org.viplab.engine.sim;

import org.viplab.core.timeline.Reason;
import org.viplab.core.timeline.Reason.Code;
import org.viplab.core.model.CheckScriptSpec;
import org.viplab.core.timeline.Causes;
import org.viplab.core.timeline.LabEvent;

/**
 * A keepalived vrrp_script as keepalived runs it: every interval, killed after its timeout (a failure),
 * failed after {@code fall} consecutive failures and OK again after {@code rise} successes. What the script
 * itself does is modelled by what it tests and what it runs on failure (see {@link CheckScriptSpec}).
 */
final class TrackScript {
    /** How long a {@code ps}-style check takes to run. */
    static final long QUICK_RUN_US = 10_000;

    final CheckScriptSpec spec;
    private final SimulatedLab lab;
    private final SimHost host;
    private final Keepalived keepalived;
    private boolean failed;
    private int successes;
    private int failures;
    private Scheduler.Task timer;
    private long nextRunAt;
    /** What the last run's test found, or null before the first run. */
    private Boolean lastPassed;
    /** A run's result that came in while the host was stalled: keepalived reads it when the CPU returns. */
    private Outcome lateResult;

    TrackScript(SimulatedLab lab, SimHost host, Keepalived keepalived, CheckScriptSpec spec) {
        this.lab = lab;
        this.host = host;
        this.keepalived = keepalived;
        this.spec = spec;
        reset();
    }

    boolean failed() { return failed; }

    void reset() {
        failed = spec.initFail;
        successes = 0;
        failures = 0;
    }

    void start(long firstDelayUs) {
        cancel();
        nextRunAt = lab.now() + firstDelayUs;
        timer = lab.scheduler().at(nextRunAt, this::run);
    }

    void cancel() {
        if (timer != null) timer.cancel();
        timer = null;
    }

    /** The end of a host's stall: a result that came in meanwhile is read now, then a run that fell due runs. */
    void thaw() {
        Outcome late = lateResult;
        lateResult = null;
        if (late != null) finish(late);
        resumeAfterHang();
    }

    /** For SIGCONT: run again at once if a run fell due while keepalived was stopped. */
    void resumeAfterHang() {
        start(Math.max(0, nextRunAt - lab.now()));
    }

    private void run() {
        long intervalUs = Math.round(spec.intervalSec * 1_000_000);
        nextRunAt = lab.now() + intervalUs;
        timer = lab.scheduler().at(nextRunAt, Causes.NONE, this::run); // a timer: the run itself has no cause
        Outcome o = evaluate();
        // a run that finds a fault, or finds things changed, was set off by the last change of what it tests
        long cause = !o.testPassed || lastPassed == null || lastPassed != o.testPassed ? observedChange() : Causes.NONE;
        lastPassed = o.testPassed;
        lab.scheduler().after(o.durationUs, cause, () -> finish(o));
    }

    /** The id of the last change of what the script's test looks at. */
    private long observedChange() {
        return switch (spec.test) {
            case PROCESS_EXISTS -> host.processChange(spec.processName);
            case MYSQL_QUERY -> Math.max(host.mysqld.lastChange(), lab.networkChange()); // quorum follows the network
            case TCP_CONNECT -> host.portChange(spec.port);
        };
    }

    private record Outcome(boolean testPassed, boolean timedOut, long durationUs, Reason detail) { }

    /** What the script's test finds on this host right now. */
    private Outcome evaluate() {
        long timeoutUs = Math.round(spec.effectiveTimeoutSec() * 1_000_000);
        switch (spec.test) {
            case PROCESS_EXISTS -> {
                boolean found = host.processExists(spec.processName);
                return new Outcome(found, false, QUICK_RUN_US, Reason.of(found ? Code.PS_FOUND : Code.PS_NONE, spec.processName));
            }
            case MYSQL_QUERY -> {
                Mysqld m = host.mysqld;
                if (m.greets() && lab.cluster().healthy(host)) {
                    // a slowed mysqld answers the query late: within the timeout a pass, else killed at the timeout
                    if (20_000 + m.slowUs() < timeoutUs) return new Outcome(true, false, 20_000 + m.slowUs(), Reason.of(Code.QUERY_ANSWERED));
                    return new Outcome(false, true, timeoutUs, Reason.of(Code.QUERY_SLOW, spec.effectiveTimeoutSec()));
                }
                if (m.greets() && lab.cluster().writeFailure(host) == org.viplab.core.timeline.LabEvent.ProbeFailure.REJECTED) {
                    return new Outcome(false, false, 20_000, Reason.of(Code.QUERY_REJECTED));
                }
                if (m.greets()) return new Outcome(false, true, timeoutUs, Reason.of(Code.QUERY_BLOCKED, spec.effectiveTimeoutSec()));
                if (m.acceptsTcp()) return new Outcome(false, true, timeoutUs, Reason.of(Code.NO_ANSWER, spec.effectiveTimeoutSec()));
                return new Outcome(false, false, 15_000, Reason.of(Code.CONNECTION_REFUSED));
            }
            case TCP_CONNECT -> {
                boolean open = host.portAccepts(spec.port);
                return new Outcome(open, false, QUICK_RUN_US, Reason.of(open ? Code.TCP_OPEN : Code.TCP_REFUSED, spec.port));
            }
            default -> throw new IllegalStateException(spec.test.toString());
        }
    }

    private void finish(Outcome o) {
        if (!keepalived.running()) return;
        if (keepalived.frozen()) {
            lateResult = o;
            return;
        }
        int exit;
        if (o.timedOut) {
            exit = -1; // killed by keepalived after its timeout: counted as a failure
        } else if (!o.testPassed) {
            exit = spec.exitNonZeroOnFailure ? 1 : 0;
        } else {
            exit = 0;
        }
        boolean wasFailed = failed;
        if (exit == 0) {
            failures = 0;
            if (failed && ++successes >= spec.rise) {
                failed = false;
                successes = 0;
            }
        } else {
            successes = 0;
            if (!failed && ++failures >= spec.fall) {
                failed = true;
                failures = 0;
            }
        }
        // what the result leads to (a new priority, FAULT, the script's own `service keepalived stop`) follows from it
        lab.scheduler().cause(lab.emit(new LabEvent.ScriptResult(lab.now(), host.name, spec.name, exit, failed, o.detail)));
        if (wasFailed != failed) {
            lab.log(host.name, "keepalived", "VRRP_Script(" + spec.name + ") " + (failed ? (o.timedOut ? "timed_out" : "failed") : "succeeded"));
            keepalived.scriptStatusChanged();
        }
        if (!o.testPassed && spec.stopsKeepalivedOnFailure) {
            keepalived.stop(Reason.of(Code.SCRIPT_STOPPED_KEEPALIVED, spec.path)); // lands Keepalived.SERVICE_COMMAND_US later
        }
    }
}
