package org.viplab.ui.common;

import javafx.application.Platform;

import java.util.concurrent.Executor;

/**
 * The one way onto the FX thread. Always queued, also when called on the FX thread: code that waits for a
 * future there must never find its dependents already run inside its own call.
 */
public final class UiThread {
    private UiThread() { }

    /** Runs {@code r} on the FX thread, after what is already queued there. */
    public static void later(Runnable r) { Platform.runLater(r); }

    /** {@link #later} as an Executor, for futures' *Async methods and models that take one. */
    public static Executor executor() { return UiThread::later; }
}
