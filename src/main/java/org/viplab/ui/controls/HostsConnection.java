package org.viplab.ui.controls;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.viplab.core.util.Failures;
import org.viplab.lab.hosts.HostKeyPrompt;
import org.viplab.lab.hosts.HostsEngine;
import org.viplab.lab.hosts.HostsEngineFactory;
import org.viplab.lab.hosts.Inventory;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Switches the app between the simulation and real hosts. Connecting happens off the FX thread (a host that
 * does not answer costs its timeout, not a frozen window); only once both hosts answered do the views switch
 * to them, so a failed connect leaves the simulation on screen. The simulation is paused while the real hosts
 * are shown and resumes on disconnect if it was running. Passwords live in memory until disconnect, then are
 * overwritten.
 */
public final class HostsConnection implements AutoCloseable {
    private final LabControls controls;
    private final HostsEngineFactory engines;
    private final Executor fx;
    private final Executor io;
    private final ReadOnlyObjectWrapper<HostsEngine> hosts = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper connecting = new ReadOnlyBooleanWrapper();
    private Map<String, char[]> passwords = Map.of();

    /**
     * @param engines makes the engine for real hosts
     * @param fx      runs on the FX thread; {@code io} runs blocking work (closing sessions) off it
     */
    public HostsConnection(LabControls controls, HostsEngineFactory engines, Executor fx, Executor io) {
        this.controls = controls;
        this.engines = engines;
        this.fx = fx;
        this.io = io;
    }

    /** The real hosts in use, or null while the app shows the simulation. */
    public ReadOnlyObjectProperty<HostsEngine> hostsProperty() { return hosts.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty connectingProperty() { return connecting.getReadOnlyProperty(); }

    /**
     * Connects to the inventory's hosts; on the FX thread. Completes (on the FX thread) once the views show
     * them; fails with a message naming the host that could not be reached, and the app stays as it was.
     *
     * @param commandLog told every remote command before it runs
     */
    public CompletableFuture<HostsEngine> connect(Inventory inventory, Map<String, char[]> passwords, HostKeyPrompt prompt, Consumer<String> commandLog) {
        if (connecting.get()) return CompletableFuture.failedFuture(new IllegalStateException("already connecting"));
        connecting.set(true);
        controls.status("connect.status.connecting", String.join(", ", inventory.hostNames()));
        CompletableFuture<Void> before = hosts.get() != null ? disconnect() : CompletableFuture.completedFuture(null);
        Map<String, char[]> pw = new LinkedHashMap<>(passwords);
        CompletableFuture<HostsEngine> done = new CompletableFuture<>();
        before.thenCompose(v -> {
            HostsEngine h = engines.create(inventory, prompt, pw, commandLog);
            return h.connect().handle((ok, err) -> {
                if (err != null) {
                    io.execute(h::close);
                    throw err instanceof CompletionException ? (CompletionException) err : new CompletionException(err);
                }
                return h;
            });
        }).whenComplete((h, err) -> fx.execute(() -> {
            connecting.set(false);
            if (err != null) {
                wipe(pw);
                Throwable cause = Failures.root(err);
                controls.status("connect.status.failed", Failures.text(cause));
                done.completeExceptionally(cause);
                return;
            }
            this.passwords = pw;
            controls.useAway(h);
            hosts.set(h);
            controls.status("connect.status.connected", offsets(h));
            done.complete(h);
        }));
        return done;
    }

    /**
     * Back to the simulation (which resumes if it was running), from real hosts or a recorded run; the SSH
     * sessions close in the background.
     */
    public CompletableFuture<Void> disconnect() {
        HostsEngine h = hosts.get();
        if (h == null) {
            if (!controls.away()) return CompletableFuture.completedFuture(null);
            controls.backToSimulation(); // a recorded run was shown
            controls.status("connect.status.back");
            return CompletableFuture.completedFuture(null);
        }
        hosts.set(null);
        controls.backToSimulation();
        Map<String, char[]> pw = passwords;
        passwords = Map.of();
        controls.status("connect.status.disconnected");
        return CompletableFuture.runAsync(() -> {
            h.close();
            wipe(pw);
        }, io);
    }

    private static void wipe(Map<String, char[]> pw) {
        for (char[] c : pw.values()) if (c != null) Arrays.fill(c, '\0');
    }

    /** "db1 +0.2 ms, db2 -1.4 ms": each host's clock against this machine's, as measured at connect. */
    static String offsets(HostsEngine h) {
        StringBuilder b = new StringBuilder();
        h.clockOffsetsUs().forEach((name, us) -> b.append(b.length() == 0 ? "" : ", ").append(String.format(java.util.Locale.ROOT, "%s %+.1f ms", name, us / 1000.0)));
        return b.toString();
    }

    /** Disconnects and waits a moment for the sessions to close (the app is quitting). */
    @Override
    public void close() {
        HostsEngine h = hosts.get();
        if (h != null) {
            hosts.set(null);
            h.close();
            wipe(passwords);
        }
    }
}
