package org.viplab.core.model;

/**
 * Life cycle of a simulated or observed process. STARTING and STOPPING exist because a real
 * mysqld is visible to {@code ps} long before it accepts connections and long after it stops
 * accepting them: that window is where process checks lie.
 */
public enum ProcessState {
    STARTING, RUNNING, STOPPING, STOPPED, HUNG;

    /** True while {@code ps -C name} would list the process. */
    public boolean exists() { return this != STOPPED; }
}
