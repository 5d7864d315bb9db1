package org.viplab.cli.lab;

import org.viplab.cli.CliCommand;
import org.viplab.cli.ExitCodes;
import org.viplab.cli.UsageException;
import org.viplab.core.model.Presets;
import org.viplab.core.model.Topology;
import org.viplab.lab.hosts.Inventory;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code lab up --mode 1|2}, {@code lab down}, {@code lab status}: the tutorial's two hosts on this machine in
 * namespaces (how the real lab was built and measured: docs/calibration.md), with an inventory for the SSH engine.
 */
@Command(name = "lab", description = "build (up), inspect (status) or remove (down) a real two-host lab on this machine (root)",
        subcommands = {LabCommand.Up.class, LabCommand.Down.class, LabCommand.Status.class},
        footer = {"", "Traffic stays inside the lab: 10.9.8.0/22 exists only in its own namespaces and on viplab0."})
public final class LabCommand extends CliCommand {
    @Override
    protected int run(PrintStream out, PrintStream err) {
        throw new UsageException("name one of up, down, status");
    }

    /** {@code --dir DIR}, the same for the three subcommands. */
    static final class StateDir {
        @Option(names = "--dir", paramLabel = "DIR", description = "state directory (default $VIPLAB_LAB_DIR or /run/viplab-lab)")
        Path dir;

        LabScripts scripts() { return new LabScripts(dir != null ? dir.toAbsolutePath() : LabScripts.defaultStateDir()); }
    }

    @Command(name = "up", description = "as root: db1 10.9.8.201 and db2 10.9.8.223 in namespaces with MariaDB dual-master, "
            + "keepalived (VIP 10.9.8.120), haproxy :6039 in mode 2 and sshd; writes DIR/inventory.json")
    static final class Up extends CliCommand {
        @Mixin
        StateDir state;

        @Option(names = "--mode", paramLabel = "MODE", defaultValue = "1", completionCandidates = Modes.class,
                description = "1 (DB tracking) or 2 (HAProxy tracking); default ${DEFAULT-VALUE}")
        int mode;

        @Override
        protected int run(PrintStream out, PrintStream err) throws Exception {
            if (mode != 1 && mode != 2) throw new UsageException("--mode must be 1 or 2");
            String refusal = refusal();
            if (refusal != null) {
                err.println("lab up: refused: " + refusal);
                return ExitCodes.ENGINE;
            }
            return up(state.scripts(), mode, out, err);
        }
    }

    /** The modes {@code lab up} offers the shell. */
    static final class Modes implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() { return List.of("1", "2").iterator(); }
    }

    @Command(name = "down", description = "removes every namespace, process and file the lab made (also after a failed up)")
    static final class Down extends CliCommand {
        @Mixin
        StateDir state;

        @Override
        protected int run(PrintStream out, PrintStream err) throws Exception {
            long t0 = System.nanoTime();
            int rc = state.scripts().run(out, "down");
            out.printf("lab down: %.1f s%n", (System.nanoTime() - t0) / 1e9);
            return rc == 0 ? ExitCodes.OK : ExitCodes.ENGINE;
        }
    }

    @Command(name = "status", description = "who holds the VIP and which processes run")
    static final class Status extends CliCommand {
        @Mixin
        StateDir state;

        @Override
        protected int run(PrintStream out, PrintStream err) throws Exception {
            LabScripts scripts = state.scripts();
            int rc = scripts.run(out, "status");
            Path inv = scripts.stateDir().resolve("inventory.json");
            if (rc == 0 && Files.exists(inv)) out.println("inventory: " + inv);
            return rc == 0 ? ExitCodes.OK : ExitCodes.ENGINE;
        }
    }

    private static int up(LabScripts scripts, int mode, PrintStream out, PrintStream err) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        int rc = scripts.run(out, "up", Integer.toString(mode));
        if (rc != 0) {
            // never leave half a lab behind
            if (Files.exists(scripts.stateDir().resolve("records"))) {
                err.println("lab up failed (exit " + rc + "); removing what was made");
                scripts.run(out, "down");
            } else {
                err.println("lab up failed (exit " + rc + ") before making anything");
            }
            return ExitCodes.ENGINE;
        }
        Path inv = scripts.stateDir().resolve("inventory.json");
        inventory(scripts.stateDir(), mode).write(inv);
        out.printf("lab up: mode %d in %.1f s; inventory %s%n", mode, (System.nanoTime() - t0) / 1e9, inv);
        return ExitCodes.OK;
    }

    /** The inventory of the lab in {@code dir}: key auth with the lab's key, host keys pinned in its known_hosts. */
    public static Inventory inventory(Path dir, int mode) {
        Topology t = mode == 1 ? Presets.mode1() : Presets.mode2();
        Inventory inv = new Inventory();
        inv.preset = t.name;
        inv.vip = t.vip;
        inv.clientPort = t.effectiveClientPort();
        inv.knownHosts = dir.resolve("known_hosts").toString();
        for (String name : t.nodeNames()) {
            Inventory.Host h = new Inventory.Host();
            h.name = name;
            h.address = t.node(name).ip;
            h.keyFile = dir.resolve("id_ed25519").toString();
            inv.hosts.add(h);
        }
        return inv;
    }

    /** Why building the lab here is not safe, or null. The script checks again (and for names in use). */
    static String refusal() throws IOException {
        Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        if (!Integer.valueOf(0).equals(uid)) return "must run as root (it creates network namespaces, mounts and processes)";
        Path fwd = Path.of("/proc/sys/net/ipv4/ip_forward");
        if (Files.exists(fwd) && Files.readString(fwd).strip().equals("1")) {
            return "net.ipv4.ip_forward=1: this machine routes, so lab traffic could leave it; set it to 0 first";
        }
        return null;
    }
}
