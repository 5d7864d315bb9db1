package org.viplab.engine.sim;

import org.viplab.core.model.SupervisorSpec;
import org.viplab.core.timeline.Reason;

/**
 * A process's supervisor at run time: when the process exits in a way its supervisor restarts, it logs what
 * the real supervisor logs and starts the process again after the supervisor's delay. An admin stop or start
 * in between cancels the pending restart, as {@code service X stop} stops mysqld_safe too.
 */
final class Supervision {
    private final SimulatedLab lab;
    private final SimProcess process;
    private final SupervisorSpec spec;
    private Scheduler.Task pending;
    /** systemd's restart counter ("restart counter is at N"). */
    private int restarts;

    Supervision(SimulatedLab lab, SimProcess process, SupervisorSpec spec) {
        this.lab = lab;
        this.process = process;
        this.spec = spec == null ? SupervisorSpec.none() : spec;
    }

    SupervisorSpec spec() { return spec; }

    /** The process just ended (its state is STOPPED). */
    void exited(SupervisorSpec.Exit exit) {
        cancel();
        if (!spec.restarts(exit)) return;
        String unit = process.kind.id();
        if (spec.kind == SupervisorSpec.Kind.MYSQLD_SAFE) {
            // the two lines mysqld_safe writes to the error log before it runs mysqld again
            lab.log(process.host.name, "mysqld_safe", "Number of processes running now: 0");
        } else {
            lab.log(process.host.name, "systemd", unit + ".service: Main process exited, code=killed, status=9/KILL");
        }
        pending = lab.scheduler().after(spec.delayMs() * 1000, () -> {
            pending = null;
            if (spec.kind == SupervisorSpec.Kind.MYSQLD_SAFE) {
                lab.log(process.host.name, "mysqld_safe", "mysqld restarted");
            } else {
                lab.log(process.host.name, "systemd", unit + ".service: Scheduled restart job, restart counter is at " + (++restarts) + ".");
            }
            process.start(restartReason(spec));
        });
    }

    /** The reason on the restart's process event: restarted by mysqld_safe, or by systemd Restart=on-abort. */
    static Reason restartReason(SupervisorSpec spec) { return Reason.of(Reason.Code.RESTARTED_BY, spec.kind.label()); }

    boolean restartPending() { return pending != null && pending.pending(); }

    void cancel() {
        if (pending != null) pending.cancel();
        pending = null;
    }
}
