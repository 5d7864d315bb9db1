package org.viplab.cli.lab;

import org.viplab.cli.Args;
import org.viplab.cli.Command;
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
import java.util.Set;

/**
 * {@code lab up --mode 1|2}, {@code lab down}, {@code lab status}: the tutorial's two hosts on this machine in
 * namespaces (see ../shared/reference/netns-lab.md), with an inventory for the SSH engine.
 */
public final class LabCommand implements Command {
    @Override
    public String name() { return "lab"; }

    @Override
    public String summary() { return "build (up), inspect (status) or remove (down) a real two-host lab on this machine (root)"; }

    @Override
    public String usage() {
        return "Usage: viplab lab up --mode 1|2 | down | status  [--dir DIR]\n"
                + "  up      as root: db1 10.9.8.201 and db2 10.9.8.223 in namespaces with MariaDB dual-master,\n"
                + "          keepalived (VIP 10.9.8.120), haproxy :6039 in mode 2 and sshd; writes DIR/inventory.json\n"
                + "  down    removes every namespace, process and file the lab made (also after a failed up)\n"
                + "  status  who holds the VIP and which processes run\n"
                + "  --dir   state directory (default $VIPLAB_LAB_DIR or /run/viplab-lab)\n"
                + "Traffic stays inside the lab: 10.9.8.0/22 exists only in its own namespaces and on viplab0.\n";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Args a = Args.parse(args, Set.of("mode", "dir"), Set.of());
        if (a.positionals().size() != 1) throw new UsageException("name one of up, down, status");
        Path dir = a.get("dir") != null ? Path.of(a.get("dir")).toAbsolutePath() : LabScripts.defaultStateDir();
        LabScripts scripts = new LabScripts(dir);
        String what = a.positionals().get(0);
        switch (what) {
            case "up" -> {
                String mode = a.get("mode", "1");
                if (!mode.equals("1") && !mode.equals("2")) throw new UsageException("--mode must be 1 or 2");
                String refusal = refusal();
                if (refusal != null) {
                    err.println("lab up: refused: " + refusal);
                    return ExitCodes.ENGINE;
                }
                return up(scripts, Integer.parseInt(mode), out, err);
            }
            case "down" -> {
                long t0 = System.nanoTime();
                int rc = scripts.run(out, "down");
                out.printf("lab down: %.1f s%n", (System.nanoTime() - t0) / 1e9);
                return rc == 0 ? ExitCodes.OK : ExitCodes.ENGINE;
            }
            case "status" -> {
                int rc = scripts.run(out, "status");
                if (rc == 0 && Files.exists(dir.resolve("inventory.json"))) out.println("inventory: " + dir.resolve("inventory.json"));
                return rc == 0 ? ExitCodes.OK : ExitCodes.ENGINE;
            }
            default -> throw new UsageException("unknown lab command '" + what + "'; expected up, down or status");
        }
    }

    private int up(LabScripts scripts, int mode, PrintStream out, PrintStream err) throws IOException, InterruptedException {
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
