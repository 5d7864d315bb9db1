package org.viplab.core.model;

/** One of the two database hosts, with the software it runs. */
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
    /** From start until mysqld accepts connections. */
    public long mysqldStartupMs = 1500;
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
