package org.viplab.lab.hosts;

import org.viplab.lab.LiveEngine;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Real hosts as a {@link LiveEngine}: connected once, then driven and watched like any other run. */
public interface HostsEngine extends LiveEngine {
    /**
     * Connects to every host off the caller's thread. Completes once all answered (the run then starts at
     * t = 0); fails naming the host that could not be reached (the caller then closes this engine).
     */
    CompletableFuture<Void> connect();

    Inventory inventory();

    /** Host name to clock offset (host minus local) in microseconds, measured at connect. */
    Map<String, Long> clockOffsetsUs();
}
