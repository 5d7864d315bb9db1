package org.viplab.ui;

import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The two waits every UI test needs: until a condition holds, and a value read on the FX thread. */
public final class FxWait {
    static final long MIN_FX_SECONDS = 30;

    private FxWait() { }

    /** Waits up to {@code seconds} for the condition; a timeout fails with what was awaited. */
    public static void until(String what, long seconds, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting until " + what, e);
        }
    }

    /**
     * Runs {@code c} on the FX thread and returns its value, waiting at most {@code seconds} (and at least
     * {@link #MIN_FX_SECONDS}: this bounds a hang, it measures nothing, and a loaded 2-core machine can keep the
     * FX thread busy for several seconds).
     */
    public static <T> T fx(Callable<T> c, long seconds) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(Math.max(seconds, MIN_FX_SECONDS), TimeUnit.SECONDS);
    }
}
