package org.viplab.drill;

import org.viplab.core.model.Topology;
import org.viplab.core.util.BundleText;
import org.viplab.lab.Action;
import org.viplab.lab.LabText;
import org.viplab.lab.hosts.HostKeyPrompt;
import org.viplab.lab.hosts.Inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Real hosts that run a drill again and again over one connection ({@code drill --engine ssh}, {@code sweep
 * --engine ssh}, {@code fidelity --runs} and the Sweep tab's "Real hosts"), without naming the engine: the
 * composition roots (the CLI, the app) hand the SSH engine's implementation to whoever needs it.
 */
public interface RealHosts {
    /**
     * Connects to the inventory's hosts and asks each its versions: everything before a first run. Throws
     * {@link ConnectException} naming the host that cannot be reached. The caller closes the session.
     *
     * @param passwords  per host name for password authentication; kept in memory only
     * @param commandLog told every remote command before it runs ("db1$ service mysql stop")
     * @param notes      told what happens around each run (the baseline reached, late events)
     */
    Session connect(Inventory inventory, HostKeyPrompt prompt, Map<String, char[]> passwords, Consumer<String> commandLog, Notes notes)
            throws ConnectException, InterruptedException;

    /**
     * The preset the hosts run when the drill is written for another one, or null: a drill of mode 2's on mode 1
     * hosts tests something else than it says (the CLI warns, the Sweep tab refuses to compare the two).
     */
    static String otherPreset(Drill drill, Inventory inventory) {
        return drill.presetName() != null && !drill.presetName().equals(inventory.preset) ? inventory.preset : null;
    }

    /** The hosts could not be reached; the text names the host, in no language yet. */
    final class ConnectException extends Exception {
        private final BundleText text;

        public ConnectException(BundleText text, Throwable cause) {
            super(text.english(), cause);
            this.text = text;
        }

        public BundleText text() { return text; }
    }

    /** A step of a drill that these hosts cannot run, and why. */
    record Lacking(Step step, LabText why) {
        /** "FILE:LINE: why" in a language. */
        public String render(Drill drill, Locale lang) { return drill.source() + ":" + step.line() + ": " + why.render(lang); }
    }

    /** What a session tells between runs, for the caller to say in its own words and language. */
    interface Notes {
        /** Before t = 0 of a run: the hosts reached the baseline with the VIP on {@code vipHolders}. */
        void baselineReached(Set<String> vipHolders);

        /** After a run: {@code n} events came too late to be put in time order. */
        void lateEvents(long n);

        Notes NONE = new Notes() {
            @Override public void baselineReached(Set<String> vipHolders) { }

            @Override public void lateEvents(long n) { }
        };
    }

    /**
     * Connected hosts that run a drill once or many times: each run restores the baseline and waits for it (the
     * client's probes answered too), starts a fresh timeline at t = 0, and runs the drill, whose restore runs even
     * when it is cancelled. {@link #cancel()} may come from any thread (Ctrl-C, the Sweep tab's Cancel): the run in
     * progress stops at its next step and restores, and no further run starts.
     */
    interface Session extends AutoCloseable {
        /**
         * One run of {@code drill} (as {@link #onHosts} gives it); IllegalStateException when the baseline is not
         * reached ("baseline: ...") or the run is cancelled before it starts.
         */
        DrillResult run(Drill drill) throws InterruptedException;

        /** Stops at the next step (the drill's restore runs); no run starts after this. Any thread. */
        void cancel();

        boolean cancelled();

        /** The first host that cannot be reached now, or null. */
        String unreachable();

        Inventory inventory();

        /** The hosts as a topology (their addresses, VIP and port on their preset). */
        Topology topology();

        /** Host name to clock offset (host minus local) in microseconds, measured at connect. */
        Map<String, Long> clockOffsetsUs();

        /** Each host's reported versions, asked once at connect. */
        Map<String, Map<String, String>> versions();

        /** Why these hosts cannot run {@code action} (a timing fault whose tool they lack), or null. */
        LabText unsupported(Action action);

        /** The drill as these hosts run it: the report names the real hosts (the inventory's addresses, VIP and port). */
        default Drill onHosts(Drill drill) { return drill.on(topology()); }

        /**
         * The first of the drill's steps and restore steps these hosts cannot run, or null: checked once connected and
         * before anything runs, so a drill never stops half-way.
         */
        default Lacking cannotRun(Drill drill) {
            List<Step> all = new ArrayList<>(drill.steps());
            all.addAll(drill.restore());
            for (Step s : all) {
                LabText lacking = s instanceof Step.ActionStep a ? unsupported(a.action()) : null;
                if (lacking != null) return new Lacking(s, lacking);
            }
            return null;
        }

        @Override
        void close();
    }
}
