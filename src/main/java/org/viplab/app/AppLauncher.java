package org.viplab.app;

import javafx.application.Application;

/** Starts the JavaFX application; kept apart so that headless commands never load JavaFX. */
public final class AppLauncher {
    private AppLauncher() { }

    public static void launch(String[] args) { Application.launch(VipLabApp.class, args); }
}
