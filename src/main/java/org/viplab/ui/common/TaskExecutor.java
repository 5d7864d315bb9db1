package org.viplab.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Where a model runs its blocking work (file I/O, parsing, writing reports) and where it hands the outcome
 * back (the UI thread). The app uses {@link FxTaskExecutor}; a test can run both on its own thread.
 */
public interface TaskExecutor {
    /** Runs blocking work off the UI thread. */
    Executor background();

    /** Runs on the UI thread, queued. */
    Executor ui();

    /** {@code work} on {@link #background()}; its exception fails the future as it is (no wrapping to unwrap). */
    default <T> CompletableFuture<T> supply(Callable<T> work) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return work.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, background());
    }
}
