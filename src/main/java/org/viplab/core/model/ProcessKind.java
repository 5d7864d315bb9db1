package org.viplab.core.model;

/** The three processes VIP Lab drives on each host. */
public enum ProcessKind {
    MYSQLD("mysqld"), HAPROXY("haproxy"), KEEPALIVED("keepalived");

    private final String id;

    ProcessKind(String id) { this.id = id; }

    /** The name used in drill targets such as {@code db1/mysqld}. */
    public String id() { return id; }

    public static ProcessKind fromId(String id) {
        for (ProcessKind k : values()) if (k.id.equals(id)) return k;
        return null;
    }
}
