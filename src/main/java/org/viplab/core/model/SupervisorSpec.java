package org.viplab.core.model;

/**
 * What restarts a process when it dies: nothing, MariaDB's {@code mysqld_safe} (Debian's init script and the
 * one-machine lab), or a systemd unit's {@code Restart=} policy. Which exits each one restarts is in
 * {@link #restarts(Exit)}; docs/calibration.md has the sources and the lab measurement.
 */
public class SupervisorSpec {
    public enum Kind {
        NONE("none"), MYSQLD_SAFE("mysqld_safe"), SYSTEMD_ON_ABORT("systemd Restart=on-abort"),
        SYSTEMD_ON_FAILURE("systemd Restart=on-failure"), SYSTEMD_ALWAYS("systemd Restart=always");

        private final String label;

        Kind(String label) { this.label = label; }

        public String label() { return label; }

        public boolean systemd() { return this == SYSTEMD_ON_ABORT || this == SYSTEMD_ON_FAILURE || this == SYSTEMD_ALWAYS; }
    }

    /** How the process ended, as far as a supervisor can tell. */
    public enum Exit {
        /** {@code service X stop} / {@code systemctl stop}: the supervisor itself was told to stop. */
        ADMIN_STOP,
        /** SIGTERM (or HUP, INT, PIPE) sent to the process itself: a clean shutdown, exit status 0. */
        CLEAN_SIGNAL,
        /** SIGKILL, SIGSEGV, abort: killed by a signal it did not handle, nothing cleaned up. */
        UNCLEAN_SIGNAL
    }

    /**
     * mysqld_safe's loop restarts at once: it only runs {@code ps} and {@code date} first. On the lab the 5 Hz
     * {@code ps} watcher never saw a SIGKILLed mysqld gone (3 of 3), so the gap is well under 200 ms.
     */
    public static final long MYSQLD_SAFE_DELAY_MS = 30;
    /** systemd's own default RestartSec (systemd.service(5)). */
    public static final long SYSTEMD_DEFAULT_DELAY_MS = 100;

    public Kind kind = Kind.NONE;
    /**
     * From the exit until the supervisor runs the process again. Always written out (never null), so that a
     * drill's {@code "set": {"db1.mysqldSupervisor.restartDelayMs": 5000}} finds the key.
     */
    public long restartDelayMs;

    public SupervisorSpec() { }

    public SupervisorSpec(Kind kind, long restartDelayMs) {
        this.kind = kind;
        this.restartDelayMs = restartDelayMs;
    }

    public static SupervisorSpec none() { return new SupervisorSpec(Kind.NONE, 0); }

    /** Debian's init script: {@code /etc/init.d/mariadb} starts mysqld through mysqld_safe. */
    public static SupervisorSpec mysqldSafe() { return new SupervisorSpec(Kind.MYSQLD_SAFE, MYSQLD_SAFE_DELAY_MS); }

    /** A systemd unit with this Restart= policy and systemd's default RestartSec. */
    public static SupervisorSpec systemd(Kind kind) { return new SupervisorSpec(kind, SYSTEMD_DEFAULT_DELAY_MS); }

    /** MariaDB's own {@code mariadb.service}: {@code Restart=on-abort}, {@code RestartSec=5s}. */
    public static SupervisorSpec mariadbUnit() { return new SupervisorSpec(Kind.SYSTEMD_ON_ABORT, 5000); }

    public long delayMs() { return Math.max(0, restartDelayMs); }

    /**
     * Whether this supervisor starts the process again after {@code exit}.
     * <ul>
     * <li>mysqld_safe loops until mysqld removes its pid file, which only a clean shutdown does
     * (MariaDB's scripts/mysqld_safe.sh: {@code if test ! -f "$pid_file"; then break; fi}).</li>
     * <li>systemd (systemd.service(5), the Restart= table): an unclean signal restarts under on-abort,
     * on-failure and always; a clean signal (SIGTERM) only under always; {@code systemctl stop} never.</li>
     * </ul>
     */
    public boolean restarts(Exit exit) {
        if (kind == null || kind == Kind.NONE || exit == Exit.ADMIN_STOP) return false;
        if (exit == Exit.UNCLEAN_SIGNAL) return true;
        return kind == Kind.SYSTEMD_ALWAYS;
    }
}
