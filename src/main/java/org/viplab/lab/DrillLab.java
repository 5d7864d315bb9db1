package org.viplab.lab;

/** The {@link Lab} a drill drives on a live engine, bound to the run the drill started. */
public interface DrillLab extends Lab {
    /** Stops any wait at once; the runner then sees its own abort flag and runs the restore. */
    void abort();
}
