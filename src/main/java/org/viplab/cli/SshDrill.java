package org.viplab.cli;

import org.viplab.drill.Drill;
import org.viplab.drill.DrillResult;
import org.viplab.drill.DrillRunner;
import org.viplab.drill.Provenance;
import org.viplab.cli.lab.LabScripts;
import org.viplab.core.util.BundleText;
import org.viplab.core.util.Failures;
import org.viplab.lab.LabText;
import org.viplab.lab.hosts.HostKeyPrompt;
import org.viplab.lab.hosts.Inventory;
import org.viplab.engine.ssh.RemoteException;
import org.viplab.engine.ssh.SshLab;
import org.viplab.core.timeline.Timeline;

import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code drill --engine ssh}: connects to the inventory's hosts, restores the baseline, runs the drill. */
final class SshDrill {
    /** Either a result, or the exit code to stop with. */
    record Outcome(DrillResult result, Integer exitCode, String error) {
        Outcome(DrillResult result, Integer exitCode) { this(result, exitCode, null); }
    }

    /** Prints why the drill cannot run and returns it, for the exit code and the report folder's junit.xml. */
    private static Outcome fail(PrintStream err, int exitCode, String message) {
        err.println(message);
        return new Outcome(null, exitCode, message);
    }

    /** How long the baseline may take before t = 0. */
    static final long BASELINE_MAX_MS = 60_000;

    private SshDrill() { }

    /**
     * Runs the drill once on the inventory's hosts; why it could not (an unreachable host, a failed command, a tool
     * the hosts lack) is printed in {@code lang}, the command's {@code --lang}.
     */
    static Outcome run(Drill drill, String inventoryOption, PrintStream out, PrintStream err, Locale lang) throws InterruptedException {
        Opened o = open(drill, inventoryOption, out, err, lang);
        if (o.failure() != null) return o.failure();
        try (Session s = o.session()) {
            DrillResult r;
            try {
                r = s.run(o.drill());
            } catch (IllegalStateException e) {
                return fail(err, ExitCodes.ENGINE, engineFailed(e, lang));
            }
            String gone = s.unreachable();
            if (gone != null) {
                err.println(LabText.of("run.unreachableAtEnd", gone).render(lang));
                print(r, out);
                return new Outcome(r, ExitCodes.ENGINE);
            }
            return new Outcome(r, null);
        } catch (IllegalStateException | UnsupportedOperationException e) {
            return fail(err, ExitCodes.ENGINE, engineFailed(e, lang));
        }
    }

    /** "engine failed: why" (or "baseline: why" as it is) in a language. */
    static String engineFailed(RuntimeException e, Locale lang) {
        BundleText why = Failures.text(e);
        return (why instanceof LabText && "run.baseline".equals(why.key()) ? why : LabText.of("run.engineFailed", why)).render(lang);
    }

    /** Connected hosts and the drill as they run it, or why not (printed already). */
    record Opened(Session session, Drill drill, Outcome failure) { }

    /**
     * Checks the drill against what real hosts can do, reads the inventory, asks for passwords and unknown host keys,
     * connects and asks each host its versions: everything before a first run. The caller closes the session.
     */
    static Opened open(Drill drill, String inventoryOption, PrintStream out, PrintStream err) throws InterruptedException {
        return open(drill, inventoryOption, out, err, Locale.ENGLISH);
    }

    /** {@link #open(Drill, String, PrintStream, PrintStream)} saying what is wrong in {@code lang}. */
    static Opened open(Drill drill, String inventoryOption, PrintStream out, PrintStream err, Locale lang) throws InterruptedException {
        // timing faults are checked once connected, against what the hosts have (tc, netem, cgroups, nft)
        List<org.viplab.drill.Step> all = new ArrayList<>(drill.steps());
        all.addAll(drill.restore());
        Path invPath = inventoryOption != null ? Path.of(inventoryOption) : LabScripts.defaultStateDir().resolve("inventory.json");
        if (!Files.exists(invPath)) {
            return new Opened(null, drill, fail(err, ExitCodes.BAD_INPUT,
                    "no inventory at " + invPath + ": give --inventory FILE, or start the one-machine lab with `lab up --mode 1|2`"));
        }
        Inventory inv;
        try {
            inv = Inventory.read(invPath);
        } catch (IOException | IllegalArgumentException e) {
            return new Opened(null, drill, fail(err, ExitCodes.BAD_INPUT, Failures.message(e, lang)));
        }
        if (drill.presetName() != null && !drill.presetName().equals(inv.preset)) {
            err.println("warning: the drill is written for " + drill.presetName() + ", the hosts run " + inv.preset);
        }
        // the report names the real hosts: the inventory's addresses, VIP and port on the drill's preset
        Drill onHosts = drill.on(SshLab.topologyOf(inv));
        Console console = System.console();
        Map<String, char[]> passwords = new HashMap<>();
        for (Inventory.Host h : inv.hosts) {
            if (!h.auth.equals("password")) continue;
            if (console == null) {
                return new Opened(null, drill, fail(err, ExitCodes.BAD_INPUT, h.name + ": password authentication needs a terminal to ask for the password"));
            }
            passwords.put(h.name, console.readPassword("Password for %s@%s: ", h.user, h.address));
        }
        HostKeyPrompt prompt = console == null ? HostKeyPrompt.refuse() : (host, type, fp) -> {
            String a = console.readLine("The authenticity of host %s can't be established.%n%s key fingerprint is %s.%n"
                    + "Trust it and add it to known_hosts (yes/no)? ", host, type, fp);
            return a != null && a.strip().equalsIgnoreCase("yes");
        };
        SshLab lab = new SshLab(inv, new Timeline(), prompt, passwords, c -> out.println("  $ " + c));
        long t0 = System.nanoTime();
        try {
            lab.connect();
        } catch (RemoteException e) {
            lab.close();
            return new Opened(null, drill, fail(err, ExitCodes.ENGINE, LabText.of("run.cannotReach", e.text()).render(lang)));
        } catch (RuntimeException e) {
            lab.close();
            throw e;
        }
        out.printf("connected to %s in %d ms; clock offsets (host - local): %s%n", String.join(", ", inv.hostNames()),
                (System.nanoTime() - t0) / 1_000_000, offsets(lab));
        // what the hosts lack for a timing fault, known once connected: refused before anything runs
        for (org.viplab.drill.Step s : all) {
            LabText lacking = s instanceof org.viplab.drill.Step.ActionStep a ? lab.unsupported(a.action()) : null;
            if (lacking != null) {
                lab.close();
                return new Opened(null, drill, fail(err, ExitCodes.BAD_INPUT, drill.source() + ":" + s.line() + ": " + lacking.render(lang)));
            }
        }
        // asked before the drill: a drill may cut a host off, and nothing must run on the hosts during it
        Map<String, Map<String, String>> versions = lab.hostVersions();
        return new Opened(new Session(inv, lab, versions, out), onHosts, null);
    }

    /**
     * Connected hosts that run a drill once or many times (sweep --engine ssh, fidelity --runs): each run restores
     * the baseline and waits for it (the client's probes answered too), starts a fresh timeline at t = 0, and runs
     * the drill, whose restore runs even when it is cancelled. {@link #cancel()} may come from another thread
     * (Ctrl-C): the run in progress stops at its next step and restores, and no further run starts.
     */
    static final class Session implements AutoCloseable {
        private final Inventory inv;
        private final SshLab lab;
        private final Map<String, Map<String, String>> versions;
        private final PrintStream out;
        private volatile boolean cancelled;
        private volatile DrillRunner current;

        Session(Inventory inv, SshLab lab, Map<String, Map<String, String>> versions, PrintStream out) {
            this.inv = inv;
            this.lab = lab;
            this.versions = versions;
            this.out = out;
        }

        /**
         * One run of {@code drill} (as {@link Opened#drill()} gives it); IllegalStateException when the baseline is not
         * reached ("baseline: ...") or the run is cancelled before it starts.
         */
        DrillResult run(Drill drill) throws InterruptedException {
            if (cancelled) throw new IllegalStateException("cancelled");
            try {
                lab.prepare(BASELINE_MAX_MS, () -> cancelled);
            } catch (IllegalStateException e) {
                throw LabText.failed(LabText.of("run.baseline", Failures.text(e)), e);
            }
            out.println("baseline reached: VIP on " + String.join(", ", lab.vipHolders()) + "; t = 0 now");
            lab.beginDrill(); // a new timeline at t = 0: lab.timeline() from here on
            DrillRunner runner = new DrillRunner();
            current = runner;
            if (cancelled) runner.abort(); // cancelled between the baseline and here: the restore still runs
            DrillResult r;
            try {
                r = runner.run(drill, lab, null);
            } finally {
                current = null;
            }
            r = r.withProvenance(r.provenance().withHosts(hosts(inv, versions)));
            if (lab.lateEvents() > 0) out.println("note: " + lab.lateEvents() + " events arrived too late to be put in time order");
            return r;
        }

        /** Stops at the next step (the drill's restore runs); no run starts after this. Any thread. */
        void cancel() {
            cancelled = true;
            DrillRunner r = current;
            if (r != null) r.abort();
        }

        boolean cancelled() { return cancelled; }

        /** The first host that cannot be reached now, or null. */
        String unreachable() {
            for (String h : inv.hostNames()) if (!lab.reachable(h)) return h;
            return null;
        }

        Inventory inventory() { return inv; }

        /** Each host's reported versions, asked once at connect. */
        Map<String, Map<String, String>> versions() { return versions; }

        @Override
        public void close() { lab.close(); }
    }

    /** The inventory's hosts (no secrets: an inventory holds none) with the versions each reported. */
    private static List<Provenance.Host> hosts(Inventory inv, Map<String, Map<String, String>> versions) {
        List<Provenance.Host> out = new ArrayList<>();
        for (Inventory.Host h : inv.hosts) out.add(new Provenance.Host(h.name, h.address, h.port, h.user, versions.getOrDefault(h.name, Map.of())));
        return out;
    }

    private static void print(DrillResult r, PrintStream out) { DrillCommand.print(r, false, out); }

    private static String offsets(SshLab lab) {
        StringBuilder b = new StringBuilder();
        lab.clockOffsetsUs().forEach((h, us) -> b.append(b.length() == 0 ? "" : ", ").append(String.format("%s %+.2f ms", h, us / 1000.0)));
        return b.toString();
    }
}
