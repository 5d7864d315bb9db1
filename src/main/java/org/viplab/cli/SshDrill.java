package org.viplab.cli;

import org.viplab.drill.Drill;
import org.viplab.drill.DrillResult;
import org.viplab.drill.RealHosts;
import org.viplab.cli.lab.LabScripts;
import org.viplab.core.util.Failures;
import org.viplab.lab.LabText;
import org.viplab.lab.hosts.HostKeyPrompt;
import org.viplab.lab.hosts.Inventory;
import org.viplab.engine.ssh.SshRealHosts;

import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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

    private SshDrill() { }

    /**
     * Runs the drill once on the inventory's hosts; why it could not (an unreachable host, a failed command, a tool
     * the hosts lack) is printed in {@code lang}, the command's {@code --lang}.
     */
    static Outcome run(Drill drill, String inventoryOption, PrintStream out, PrintStream err, Locale lang) throws InterruptedException {
        Opened o = open(drill, inventoryOption, out, err, lang);
        if (o.failure() != null) return o.failure();
        try (RealHosts.Session s = o.session()) {
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
    static String engineFailed(RuntimeException e, Locale lang) { return org.viplab.sweep.RealRuns.engineFailed(e).render(lang); }

    /** Connected hosts and the drill as they run it, or why not (printed already). */
    record Opened(RealHosts.Session session, Drill drill, Outcome failure) { }

    /**
     * Checks the drill against what real hosts can do, reads the inventory, asks for passwords and unknown host keys,
     * connects and asks each host its versions: everything before a first run. The caller closes the session.
     */
    static Opened open(Drill drill, String inventoryOption, PrintStream out, PrintStream err) throws InterruptedException {
        return open(drill, inventoryOption, out, err, Locale.ENGLISH);
    }

    /** {@link #open(Drill, String, PrintStream, PrintStream)} saying what is wrong in {@code lang}. */
    static Opened open(Drill drill, String inventoryOption, PrintStream out, PrintStream err, Locale lang) throws InterruptedException {
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
        String other = RealHosts.otherPreset(drill, inv);
        if (other != null) err.println("warning: the drill is written for " + drill.presetName() + ", the hosts run " + other);
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
        long t0 = System.nanoTime();
        RealHosts.Session session;
        try {
            session = HOSTS.connect(inv, prompt, passwords, c -> out.println("  $ " + c), notes(out));
        } catch (RealHosts.ConnectException e) {
            return new Opened(null, drill, fail(err, ExitCodes.ENGINE, LabText.of("run.cannotReach", e.text()).render(lang)));
        }
        out.printf("connected to %s in %d ms; clock offsets (host - local): %s%n", String.join(", ", inv.hostNames()),
                (System.nanoTime() - t0) / 1_000_000, offsets(session.clockOffsetsUs()));
        // what the hosts lack for a timing fault, known once connected: refused before anything runs
        RealHosts.Lacking lacking = session.cannotRun(drill);
        if (lacking != null) {
            session.close();
            return new Opened(null, drill, fail(err, ExitCodes.BAD_INPUT, lacking.render(drill, lang)));
        }
        // the report names the real hosts: the inventory's addresses, VIP and port on the drill's preset
        return new Opened(session, session.onHosts(drill), null);
    }

    /** The real hosts' engine: this command names it, as the app's composition root does. */
    private static final RealHosts HOSTS = new SshRealHosts();

    /** What a session says between runs, in the CLI's words. */
    private static RealHosts.Notes notes(PrintStream out) {
        return new RealHosts.Notes() {
            @Override public void baselineReached(Set<String> vipHolders) {
                out.println("baseline reached: VIP on " + String.join(", ", vipHolders) + "; t = 0 now");
            }

            @Override public void lateEvents(long n) { out.println("note: " + n + " events arrived too late to be put in time order"); }
        };
    }

    private static void print(DrillResult r, PrintStream out) { DrillCommand.print(r, false, out); }

    private static String offsets(Map<String, Long> clockOffsetsUs) {
        StringBuilder b = new StringBuilder();
        clockOffsetsUs.forEach((h, us) -> b.append(b.length() == 0 ? "" : ", ").append(String.format("%s %+.2f ms", h, us / 1000.0)));
        return b.toString();
    }
}
