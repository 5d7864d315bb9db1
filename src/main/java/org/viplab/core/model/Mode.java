package org.viplab.core.model;

/** The tutorial's two ways of deciding where the VIP lives. */
public enum Mode {
    /** keepalived's vrrp_script watches mysqld; clients use VIP:3306. */
    DB_TRACKING("mode1", 3306),
    /** keepalived watches haproxy, which balances both databases; clients use VIP:6039. */
    HAPROXY_TRACKING("mode2", 6039);

    private final String shortName;
    private final int clientPort;

    Mode(String shortName, int clientPort) {
        this.shortName = shortName;
        this.clientPort = clientPort;
    }

    public String shortName() { return shortName; }

    public int defaultClientPort() { return clientPort; }
}
