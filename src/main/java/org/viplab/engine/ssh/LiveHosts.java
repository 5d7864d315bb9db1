package org.viplab.engine.ssh;

import org.viplab.lab.LabText;
import org.viplab.core.timeline.Actor;
import org.viplab.lab.hosts.HostKeyPrompt;
import org.viplab.lab.hosts.Inventory;
import org.viplab.lab.Action;
import org.viplab.lab.Capability;
import org.viplab.lab.DrillLab;
import org.viplab.lab.DrillStart;
import org.viplab.lab.Engine;
import org.viplab.lab.LiveEngine;
import org.viplab.lab.hosts.HostsEngine;
import org.viplab.lab.RunListeners;
import org.viplab.lab.RunSnapshot;
import org.viplab.core.model.Topology;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Timeline;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Real hosts over SSH as a {@link LiveEngine}, for the app: the same views follow them as follow the
 * simulator. Connecting, actions and restores run on one worker thread (each remote call has its own
 * timeout inside {@link SshLab}), so the caller never waits on the network. Connecting starts a run; so does
 * a drill's t = 0 ({@link #startDrill}), each with a fresh timeline.
 */
public final class LiveHosts implements HostsEngine {
    private static final Set<Capability> CAPABILITIES = Set.of(Capability.CONFIRM_ACTIONS, Capability.CONNECTED, Capability.DRILLS);

    private final Inventory inventory;
    private final Topology topology;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(ClientProber.daemon("viplab-ssh"));
    private final SshLab lab;
    private final RunListeners runs; // guarded by this

    /**
     * @param passwords  per host name for password authentication; kept in memory only
     * @param commandLog told every remote command before it runs ("db1$ service mysql stop")
     */
    public LiveHosts(Inventory inventory, HostKeyPrompt prompt, Map<String, char[]> passwords, Consumer<String> commandLog) {
        this.inventory = inventory;
        this.topology = SshLab.topologyOf(inventory);
        Timeline first = new Timeline();
        this.runs = new RunListeners(first, topology);
        this.lab = new SshLab(inventory, first, prompt, passwords, commandLog);
    }

    /**
     * Connects to every host on the worker thread. Completes once both hosts answered; the run then starts at
     * t = 0 with their state as found (so no view mistakes the seconds of connecting for "no VIP"). Fails with
     * the host that could not be reached (the caller then closes this engine).
     */
    @Override
    public CompletableFuture<Void> connect() {
        return CompletableFuture.runAsync(() -> {
            try {
                lab.connect();
            } catch (RemoteException e) {
                throw LabText.failed(e.text(), e);
            }
            startRun();
        }, worker);
    }

    /** A new run at t = 0 on a fresh timeline, starting from the hosts' current state. */
    private Timeline startRun() {
        Timeline fresh = new Timeline();
        synchronized (this) {
            runs.start(fresh, topology);
            lab.beginDrill(fresh);
        }
        return fresh;
    }

    @Override
    public Inventory inventory() { return inventory; }

    /** Host name to clock offset (host minus local) in microseconds, measured at connect. */
    @Override
    public Map<String, Long> clockOffsetsUs() { return lab.clockOffsetsUs(); }

    /**
     * For a drill, on the caller's (drill) thread: restores the baseline and waits for it (at most
     * {@code baselineMaxMs}), then starts t = 0 on a fresh timeline and returns the lab the runner drives.
     * Once {@code aborted} says so, waiting stops at once (the runner then runs the restore). The drill runs
     * on these hosts' topology, whatever its own.
     */
    @Override
    public DrillLab startDrill(DrillStart start) throws InterruptedException {
        for (Action a : start.actions()) {
            LabText lacking = lab.unsupported(a);
            if (lacking != null) throw LabText.unsupported(lacking);
        }
        start.waitingForBaseline().run();
        return startDrill(start.baselineMaxMs(), start.aborted());
    }

    /** {@link #startDrill(DrillStart)} for the command line. */
    public DrillLab startDrill(long baselineMaxMs, BooleanSupplier aborted) throws InterruptedException {
        lab.prepare(baselineMaxMs, aborted);
        Timeline fresh = startRun();
        return new DrillLab() {
            public Topology topology() { return topology; }

            public Timeline timeline() { return fresh; }

            public String engine() { return "ssh"; }

            public long now() { return lab.now(); }

            public void apply(Action action, Actor by) { lab.apply(action, by); }

            /** Real time passes on its own; an abort ends the wait early. */
            public void runUntil(long timeUs) throws InterruptedException {
                long left;
                while (!aborted.getAsBoolean() && (left = timeUs - lab.now()) > 0) Thread.sleep(Math.max(1, Math.min(50, left / 1000)));
            }

            public void restore(Actor by) { lab.restore(by); }

            /** Waiting polls {@code aborted}: nothing to cancel. */
            public void abort() { }

            // the connection outlives the drill: the app stays connected
            public void close() { }
        };
    }

    @Override
    public Engine engine() { return Engine.SSH; }

    @Override
    public Set<Capability> capabilities() { return CAPABILITIES; }

    /**
     * The events so far, up to the lab clock now (the timeline only grows), read on the caller's thread: the
     * worker may be busy for a remote call's whole timeout.
     */
    @Override
    public CompletableFuture<RunSnapshot> snapshot() {
        long now = lab.now();
        List<LabEvent> events = timeline().snapshot().stream().filter(e -> e.timeUs() <= now).toList();
        return CompletableFuture.completedFuture(new RunSnapshot(Engine.SSH, topology, 0, events, now));
    }

    @Override
    public synchronized Timeline timeline() { return runs.timeline(); }

    @Override
    public Topology topology() { return topology; }

    @Override
    public long now() { return lab.now(); }

    @Override
    public CompletableFuture<Void> apply(Action action, Actor by) {
        return CompletableFuture.runAsync(() -> lab.apply(action, by), worker);
    }

    @Override
    public CompletableFuture<Void> restore(Actor by) {
        return CompletableFuture.runAsync(() -> lab.restore(by), worker);
    }

    @Override
    public List<String> commandsFor(Action action) { return lab.commandsFor(action); }

    @Override
    public synchronized CompletableFuture<Void> addRunListener(RunListener l) {
        runs.add(l);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void removeRunListener(RunListener l) { runs.remove(l); }

    public boolean reachable(String host) { return lab.reachable(host); }

    /** Stops every stream and closes the sessions (may take a moment: call it off the FX thread). */
    @Override
    public void close() {
        worker.shutdownNow();
        lab.close();
    }
}
