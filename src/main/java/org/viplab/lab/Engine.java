package org.viplab.lab;

/**
 * Which kind of engine feeds a run. Views never branch on it (they ask {@link LiveEngine#capabilities()});
 * it is what files and reports name, and it says whether a saved run can be rebuilt.
 */
public enum Engine {
    /** The simulator: deterministic, so a saved run is rebuilt from its topology, seed and actions. */
    SIM("sim", true),
    /** Real hosts over SSH. */
    SSH("ssh", false),
    /** A run shown as it was recorded (a saved session from real hosts). */
    RECORDED("recorded", false),
    /** A real incident rebuilt from the hosts' logs and captures (File > Open incident…): shown read-only. */
    INCIDENT("incident", false);

    private final String id;
    private final boolean deterministic;

    Engine(String id, boolean deterministic) {
        this.id = id;
        this.deterministic = deterministic;
    }

    /** The name files and reports use ("sim", "ssh"). */
    public String id() { return id; }

    /** True when the same topology, seed and actions give the same timeline again. */
    public boolean deterministic() { return deterministic; }

    /** The engine named {@code id}; an unknown name (a newer file) is a recording that cannot be rebuilt. */
    public static Engine fromId(String id) {
        for (Engine e : values()) if (e.id.equals(id)) return e;
        return RECORDED;
    }
}
