package org.viplab.engine.sim;

import java.util.concurrent.CompletableFuture;

/**
 * A drill's hold on a {@link LiveSimulation}: virtual time never passes {@link #limitUs()}, and the future handed
 * out by {@link #holdAt} completes when the lab gets there. Without a hold the limit is Long.MAX_VALUE. Used on the
 * engine thread only.
 */
final class DrillHold {
    private long limitUs = Long.MAX_VALUE;
    private boolean fastest;
    private CompletableFuture<Long> reached;

    /** Replaces the current hold (cancelling its future) with one at {@code timeUs}. */
    CompletableFuture<Long> holdAt(long timeUs, boolean asFastAsPossible) {
        if (reached != null) reached.cancel(false);
        limitUs = timeUs;
        fastest = asFastAsPossible;
        reached = new CompletableFuture<>();
        return reached;
    }

    /** Holds at {@code timeUs} without anyone waiting (a fresh drill run holds t = 0 until its first step). */
    void holdOnly(long timeUs) { limitUs = timeUs; }

    long limitUs() { return limitUs; }

    /** Time flows as fast as the CPU allows up to the hold, not at the wall clock's pace. */
    boolean fastest() { return fastest; }

    boolean heldAt(long nowUs) { return nowUs >= limitUs; }

    /** Completes the waiting future once the lab is at the hold. */
    void check(long nowUs) {
        if (reached != null && heldAt(nowUs)) {
            CompletableFuture<Long> f = reached;
            reached = null;
            f.complete(nowUs);
        }
    }

    /** Lets time flow freely again; a waiter fails with {@code why}, or is cancelled when why is null. */
    void clear(RuntimeException why) {
        if (reached != null) {
            if (why != null) reached.completeExceptionally(why);
            else reached.cancel(false);
        }
        reached = null;
        limitUs = Long.MAX_VALUE;
        fastest = false;
    }
}
