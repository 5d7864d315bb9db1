package org.viplab.lab;

/** What a run can do; the UI enables its controls by these instead of asking which engine it is. */
public enum Capability {
    /** Pause, step, speed and restart on another topology: see {@link LiveEngine#timeControls()}. */
    TIME_CONTROLS,
    /** Only looked at: every action fails. */
    READ_ONLY,
    /** Actions touch real machines: show the commands and ask before each one outside a drill. */
    CONFIRM_ACTIONS,
    /** Holds connections the user opened: it must be closed (disconnected) before another run replaces it. */
    CONNECTED,
    /** Drills run here: see {@link LiveEngine#startDrill}. */
    DRILLS,
    /** The user's actions can be recorded into a drill that replays exactly (needs a deterministic engine). */
    RECORD_DRILLS
}
