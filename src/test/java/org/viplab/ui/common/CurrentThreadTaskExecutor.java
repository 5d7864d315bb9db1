package org.viplab.ui.common;

import java.util.concurrent.Executor;

/** Runs background work and UI hand-overs at once on the calling thread, so a model's outcome is there on return. */
public final class CurrentThreadTaskExecutor implements TaskExecutor {
    @Override
    public Executor background() { return Runnable::run; }

    @Override
    public Executor ui() { return Runnable::run; }
}
