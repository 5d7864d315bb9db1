package org.viplab.core.model;

/**
 * Life cycle of a simulated or observed process. STARTING and STOPPING exist because a real
 * mysqld is visible to {@code ps} long before it accepts connections and long after it stops
 * accepting them: that window is where process checks lie.
 */
public enum ProcessState {
    STARTING, RUNNING, STOPPING, STOPPED, HUNG,
    /**
     * No evidence of it: a replayed incident's process that its logs never mention (or not before its first
     * line). Only replay says it; no engine does, since an engine always knows what it runs.
     */
    UNKNOWN;

    /** True while {@code ps -C name} would list the process (an unknown one is not claimed to). */
    public boolean exists() { return this != STOPPED && this != UNKNOWN; }
}
