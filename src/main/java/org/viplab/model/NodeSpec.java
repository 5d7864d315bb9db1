package org.viplab.model;

/** One of the two database hosts, with the software it runs. */
public class NodeSpec {
    public String name;
    public String ip;
    public String mac;
    /** The name mysqld's process has: "mysqld", or "mariadbd" for MariaDB 10.5 and later started directly. */
    public String mysqldProcessName = "mysqld";
    /** A graceful stop: the process exists but refuses connections this long. Measured 1.5 to 3.8 s. */
    public long mysqldShutdownMs = 2000;
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
