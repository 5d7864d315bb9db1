package org.viplab.core.model;

/** The multi-writer database pairs the tutorial names. They differ in what "healthy" means. */
public enum Flavour {
    DUAL_MASTER("dual-master"), MGR("mgr-multi-primary"), GALERA("mariadb-galera"), PXC("percona-xtradb-cluster");

    private final String id;

    Flavour(String id) { this.id = id; }

    public String id() { return id; }

    /** True when replication is synchronous (certification based) rather than asynchronous binlog shipping. */
    public boolean synchronous() { return this != DUAL_MASTER; }
}
