package org.viplab.core.model;

/** One of the database hosts (2 to 5 of them), with the software it runs. */
public class NodeSpec {
    public String name;
    public String ip;
    public String mac;
    /** The name mysqld's process has: "mysqld", or "mariadbd" for MariaDB 10.5 and later started directly. */
    public String mysqldProcessName = "mysqld";
    /**
     * A graceful stop: the process exists (so {@code ps -C mysqld} still finds it) but refuses connections this
     * long. On the one-machine lab's idle MariaDB 10.11 (32 MB buffer pool) `ps -C mysqld` was empty 172-448 ms
     * after `service mysql stop` started, in 6 runs (docs/calibration.md). A loaded server with a large buffer
     * pool to flush takes seconds (sample drill 06 sets 8 s).
     */
    public long mysqldShutdownMs = 300;
    /**
     * From start until mysqld accepts connections. On the lab mysqld_safe restarted a SIGKILLed MariaDB 10.11 (idle,
     * 32 MB buffer pool, quiet machine): 141-199 ms (median 154) from the kill until a connect got the greeting, in 20
     * kills polled every 2 ms; clients at 10 Hz saw 1 refused probe in 7 of 20 drills and 2 in 13, which puts the
     * window near 165 ms. 130 ms plus mysqld_safe's 30 ms turn-around gives 160 ms (docs/calibration.md). It was
     * 220, fitted to an earlier 3-run lab measurement of 2-3 refused probes on a busier machine; 1500 before that,
     * unmeasured.
     */
    public long mysqldStartupMs = 130;
    /**
     * What restarts mysqld when it dies. Debian's init script (and the one-machine lab) runs it under mysqld_safe,
     * which restarted a SIGKILLed mysqld at once (3 of 3, docs/calibration.md); under systemd MariaDB's unit
     * has Restart=on-abort with RestartSec=5s ({@link SupervisorSpec#mariadbUnit()}).
     */
    public SupervisorSpec mysqldSupervisor = SupervisorSpec.mysqldSafe();
    /** Debian's haproxy init script and the lab restart nothing. */
    public SupervisorSpec haproxySupervisor = SupervisorSpec.none();
    /** keepalived's unit has no Restart= and the tutorial's check stops it with `service keepalived stop`. */
    public SupervisorSpec keepalivedSupervisor = SupervisorSpec.none();
    /** Galera's {@code pc.weight}: this node's vote in the quorum (0..255, default 1). */
    public int pcWeight = 1;
    /** Group Replication's {@code group_replication_member_weight} (0..100, default 50): single-primary elections. */
    public int memberWeight = 50;
    public KeepalivedSpec keepalived = new KeepalivedSpec();
    /** Null in mode 1. */
    public HaproxySpec haproxy;

    public NodeSpec() { }

    public NodeSpec(String name, String ip, String mac) {
        this.name = name;
        this.ip = ip;
        this.mac = mac;
    }
}
