package org.viplab.lab;

import org.viplab.core.timeline.Actor;
import org.viplab.core.model.Topology;
import org.viplab.core.timeline.Timeline;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The engine the app is looking at now: the simulator, or real hosts after "Connect to hosts…". Views
 * subscribe here once; switching engines is, for them, just a new run with a new timeline, so every view
 * follows without knowing which engine feeds it. Runs that an engine starts after it was switched away
 * from are not passed on.
 */
public final class LabSwitch implements LiveEngine {
    private final List<RunListener> listeners = new CopyOnWriteArrayList<>();
    /** One forwarder per engine, so that a late run of an old engine can be told apart and dropped. */
    private final Map<LiveEngine, RunListener> forwarders = new ConcurrentHashMap<>();
    private volatile LiveEngine current;

    public LabSwitch(LiveEngine initial) {
        current = initial;
        initial.addRunListener(forwarder(initial));
    }

    /** The engine in use. */
    public LiveEngine current() { return current; }

    /**
     * Looks at {@code engine} from now on: the listeners hear of its current run at once. The engine looked
     * at before is neither paused nor closed here; that is the caller's choice.
     */
    public synchronized CompletableFuture<Void> use(LiveEngine engine) {
        LiveEngine before = current;
        if (before == engine) return CompletableFuture.completedFuture(null);
        RunListener old = forwarders.remove(before);
        if (old != null) before.removeRunListener(old);
        current = engine;
        return engine.addRunListener(forwarder(engine));
    }

    private RunListener forwarder(LiveEngine engine) {
        RunListener f = (timeline, topology) -> {
            if (current != engine) return;
            for (RunListener l : listeners) l.runStarted(timeline, topology);
        };
        forwarders.put(engine, f);
        return f;
    }

    @Override
    public Engine engine() { return current.engine(); }

    @Override
    public java.util.Set<Capability> capabilities() { return current.capabilities(); }

    @Override
    public java.util.Optional<TimeControls> timeControls() { return current.timeControls(); }

    @Override
    public CompletableFuture<RunSnapshot> snapshot() { return current.snapshot(); }

    @Override
    public DrillLab startDrill(DrillStart start) throws InterruptedException { return current.startDrill(start); }

    @Override
    public Timeline timeline() { return current.timeline(); }

    @Override
    public Topology topology() { return current.topology(); }

    @Override
    public long now() { return current.now(); }

    @Override
    public CompletableFuture<Void> apply(Action action, Actor by) { return current.apply(action, by); }

    @Override
    public CompletableFuture<Void> restore(Actor by) { return current.restore(by); }

    @Override
    public List<String> commandsFor(Action action) { return current.commandsFor(action); }

    /**
     * Adds a listener and tells it about the current engine's current run, on that engine's thread. It joins
     * the forwarded runs on that thread too, so that it hears each run once and in order.
     */
    @Override
    public CompletableFuture<Void> addRunListener(RunListener l) {
        LiveEngine engine = current;
        return engine.addRunListener(new RunListener() {
            @Override
            public void runStarted(Timeline timeline, Topology topology) {
                engine.removeRunListener(this);
                if (!listeners.contains(l)) listeners.add(l);
                if (current == engine) l.runStarted(timeline, topology);
                else tellOnce(current, l); // switched meanwhile: the new engine's current run, once
            }
        });
    }

    private void tellOnce(LiveEngine engine, RunListener l) {
        engine.addRunListener(new RunListener() {
            @Override
            public void runStarted(Timeline timeline, Topology topology) {
                engine.removeRunListener(this);
                if (current == engine) l.runStarted(timeline, topology);
            }
        });
    }

    @Override
    public void removeRunListener(RunListener l) { listeners.remove(l); }

    /** Closes nothing: the engines belong to whoever made them. */
    @Override
    public void close() { }
}
