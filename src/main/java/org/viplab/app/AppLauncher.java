package org.viplab.app;

import javafx.application.Application;

/** Starts the JavaFX application; kept apart so that headless commands never load JavaFX. */
public final class AppLauncher {
    private AppLauncher() { }

    /** The timeline of the run the window shows, or null before the first; read by {@code appbench} only. */
    private static volatile org.viplab.core.timeline.Timeline shown;

    public static void launch(String[] args) { Application.launch(VipLabApp.class, args); }

    /**
     * What the window's current run holds, for {@code appbench}: its figures mean little without how far the run
     * got, since on a busy machine the simulation falls behind its speed and stores fewer events.
     */
    public static org.viplab.core.timeline.Timeline shownTimeline() { return shown; }

    static void showing(org.viplab.core.timeline.Timeline timeline) { shown = timeline; }
}
