package org.viplab.ui.common;

import java.util.concurrent.Executor;

/** Blocking work on the app's I/O thread, outcomes on the FX thread. */
public record FxTaskExecutor(Executor background) implements TaskExecutor {
    @Override
    public Executor ui() { return UiThread.executor(); }
}
