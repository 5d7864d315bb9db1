package org.viplab.core.model;

/**
 * The database cluster's own timers and modes (Galera/PXC and Group Replication); the dual-master flavour ignores
 * them. Defaults are the servers' own:
 * <ul>
 * <li>{@code evs.suspect_timeout} PT5S: a silent Galera node is dropped from the view after it (MariaDB's
 * "wsrep Provider Options", evs.suspect_timeout); MGR's fixed 5 s detection period before a suspicion
 * (MySQL 8.0 manual, 20.1.4.2 "Failure Detection") is the same figure.</li>
 * <li>{@code group_replication_member_expel_timeout} 5 s since 8.0.21 (WL#13773: "the member will be expelled
 * 10 seconds after becoming unreachable"); 0 before.</li>
 * <li>{@code group_replication_single_primary_mode}: ON by default in MySQL, but the tutorial runs MGR
 * multi-primary, so VIP Lab's default is multi-primary.</li>
 * <li>IST and SST: a rejoining Galera node is a JOINER until its state transfer ends; from the donor's gcache
 * (IST) when the writesets it missed are still there, by a full copy (SST) otherwise. The durations depend on
 * the data and the network; the defaults are a small database's.</li>
 * </ul>
 */
public class ClusterSpec {
    public long suspectTimeoutMs = 5_000;
    public double memberExpelTimeoutSec = 5;
    public boolean singlePrimary;
    /** Incremental state transfer (Galera) or distributed recovery from a donor's binlog (MGR). */
    public long istMs = 1_000;
    /** Full state snapshot transfer (Galera: mariabackup/rsync) when the donor's gcache lacks what was missed. */
    public long sstMs = 30_000;
    /** How many writesets the donor's gcache holds (gcache.size over the writeset size). */
    public long gcacheWritesets = 100_000;
}
