package org.viplab.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C while real hosts run a drill: the JVM's shutdown hook calls {@code cancel} (the run in progress stops at its
 * next step and restores the hosts) and then holds the JVM until {@link #close()} says the command is done, at most
 * {@link #MAX_WAIT_S} s, so the restore is not cut off half-way.
 */
final class CancelOnInterrupt implements AutoCloseable {
    /** A drill's restore and the baseline's commands: each remote call has its own timeout well below this. */
    static final int MAX_WAIT_S = 120;
    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread hook;

    CancelOnInterrupt(Runnable cancel) {
        hook = new Thread(() -> {
            cancel.run();
            try {
                done.await(MAX_WAIT_S, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "cancel-on-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Override
    public void close() {
        done.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it returns now that the latch is down
        }
    }
}
