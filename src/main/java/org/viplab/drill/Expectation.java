package org.viplab.drill;

/** The kinds of {@code "expect"} a drill step can make. */
public enum Expectation {
    VIP_ON("vip-on"), VIP_NOWHERE("vip-nowhere"), SPLIT_BRAIN("split-brain"), NO_SPLIT_BRAIN("no-split-brain"),
    CLIENT_DOWNTIME_UNDER("client-downtime-under"), STATE("state"),
    /** Clients of the VIP are failing (inside an outage). */
    CLIENT_DOWN("client-down"),
    /** Clients of the VIP are served. */
    CLIENT_UP("client-up"),
    /** The host's database accepts writes (flavour rules: quorum, stalls). */
    WRITABLE("writable"),
    NOT_WRITABLE("not-writable"),
    /** The host lacks at least {@code min} rows written on its peer (asynchronous replication). */
    ROWS_BEHIND("rows-behind"),
    /** At least {@code min} of the client's probes succeeded (stored in parts per million). */
    CLIENT_AVAILABILITY_OVER("client-availability-over"),
    /** Fewer than {@code max} of the client's probes failed. */
    CLIENT_FAILURES_UNDER("client-failures-under");

    private final String id;

    Expectation(String id) { this.id = id; }

    public String id() { return id; }

    public static Expectation fromId(String id) {
        for (Expectation e : values()) if (e.id.equals(id)) return e;
        return null;
    }

    /** These judge the whole drill when they have neither {@code at} nor {@code for}. */
    public boolean needsHost() {
        return this == VIP_ON || this == STATE || this == WRITABLE || this == NOT_WRITABLE || this == ROWS_BEHIND;
    }

    /**
     * Always trouble when it holds (split brain, a read-only or lagging database): a drill that shows a trap passes
     * when the trap happens, so its PASSED must say so. No VIP and failing clients are trouble when they last
     * ({@code for}); for an instant they are the normal moment of a failover.
     */
    public boolean expectsTrouble(boolean lasting) {
        if (this == SPLIT_BRAIN || this == NOT_WRITABLE || this == ROWS_BEHIND) return true;
        return lasting && (this == VIP_NOWHERE || this == CLIENT_DOWN);
    }

    public boolean wholeDrillByDefault() {
        return this == NO_SPLIT_BRAIN || this == CLIENT_DOWNTIME_UNDER || this == CLIENT_AVAILABILITY_OVER || this == CLIENT_FAILURES_UNDER;
    }
}
