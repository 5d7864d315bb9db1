package org.viplab.core.timeline;

import com.google.gson.annotations.SerializedName;

import java.util.Locale;

/**
 * Who asked for an action. Compared as a value (never as text); written to JSON Lines in lower case, as the
 * free strings it replaced were, so that older sessions read back unchanged.
 */
public enum Actor {
    /** A person at the app or the CLI. */
    @SerializedName("user") USER,
    /** A drill's action step. */
    @SerializedName("drill") DRILL,
    /** A drill's clean-up, or the restore button: never a step of its own. */
    @SerializedName("restore") RESTORE,
    /** The linter's prover trying a config on a throw-away simulation. */
    @SerializedName("lint") LINT,
    /** VIP Lab bringing real hosts to their steady state before a drill's t = 0. */
    @SerializedName("baseline") BASELINE;

    /** The lower-case name used in files and as a bundle key suffix. */
    public String id() { return name().toLowerCase(Locale.ROOT); }

    /** The actor of {@link #id()}; IllegalArgumentException naming the value otherwise. */
    public static Actor parse(String id) {
        for (Actor a : values()) if (a.id().equals(id)) return a;
        throw new IllegalArgumentException("unknown actor \"" + id + "\"; actors: user, drill, restore, lint, baseline");
    }
}
