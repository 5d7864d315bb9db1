package org.viplab.engine.ssh;

import org.viplab.lab.LabText;
import org.viplab.core.model.ProcessKind;
import org.viplab.lab.hosts.Inventory;
import org.viplab.lab.hosts.RemoteValues;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The shell commands of the timing faults on one real host, and of their undo, each built from argument lists
 * through {@link Shell} (the scripts are constants that read their values as "$1", "$2"...):
 * <ul>
 * <li>stall: the host's keepalived, mysqld (and mysqld_safe) and haproxy moved into a cgroup v2 of their own and
 *     frozen ({@code cgroup.freeze}), thawed after D by a sleeper on the host and moved back; on a systemd host
 *     {@code systemctl freeze/thaw} of their units. sshd and VIP Lab's observers keep running (a real VM pause
 *     would stop them too, and then nothing could watch or thaw the host);</li>
 * <li>loss: an nftables (or iptables {@code statistic}) rule that drops the path's packets at random, each
 *     packet drawn once, where it arrives (the kernel's random numbers: not the run's seed);</li>
 * <li>delay and slow: {@code tc} netem on the host's interface (egress), in one band of a prio qdisc per path,
 *     chosen by u32 filters; each host delays what it sends, so a db1-db2 path is delayed in each direction
 *     once, and clients-HOST and HOST/mysqld in the host's answers only.</li>
 * </ul>
 */
final class FaultCommands {
    /** The cgroup (under the cgroup2 mount) a stalled host's processes are frozen in: one per host name. */
    static final String STALL_GROUP = "viplab-stall-";
    /** mysqld's port: what {@code slow HOST/mysqld} delays (the presets' and the lab's MariaDB listen there). */
    static final int MYSQLD_PORT = 3306;

    /** Thaws cgroup "$1" (if it is still there), moves its processes back where they came from, removes it. */
    private static final String THAW_FUNCTION = """
            thaw() {
              root=$(awk '$3=="cgroup2"{print $2; exit}' /proc/self/mounts)
              g="$root/$1"; homes="/run/$1.homes"
              [ -n "$root" ] && [ -d "$g" ] || return 0
              echo 0 >"$g/cgroup.freeze"
              if [ -f "$homes" ]; then
                while read -r p h; do echo "$p" >"$root$h/cgroup.procs" 2>/dev/null || true; done <"$homes"
              fi
              for p in $(cat "$g/cgroup.procs"); do echo "$p" >"$root/cgroup.procs" 2>/dev/null || true; done
              rmdir "$g" 2>/dev/null || true
              rm -f "$homes" "/run/$1.owner"
            }
            """;

    /** "$1" the cgroup's name. */
    static final String THAW_SCRIPT = THAW_FUNCTION + "thaw \"$1\"\n";

    /**
     * "$1" the cgroup's name, "$2" seconds, "$3" the processes (a pgrep -x pattern). Freezes them, waits until the
     * kernel says the cgroup is frozen, and leaves a sleeper that thaws it after "$2" seconds unless a newer stall
     * (or a resume) took it over meanwhile. Fails, with a line on stderr, when there is nothing to freeze.
     */
    static final String STALL_SCRIPT = THAW_FUNCTION + """
            root=$(awk '$3=="cgroup2"{print $2; exit}' /proc/self/mounts)
            [ -n "$root" ] || { echo "no cgroup2 file system is mounted: cannot freeze processes" >&2; exit 3; }
            g="$root/$1"; homes="/run/$1.homes"
            thaw "$1"
            pids=$(pgrep -x "$3")
            [ -n "$pids" ] || { echo "nothing to stall: no process named $3 runs" >&2; exit 3; }
            mkdir "$g" || exit 3
            : >"$homes"
            for p in $pids; do
              h=$(sed -n 's/^0:://p' "/proc/$p/cgroup" 2>/dev/null)
              [ -n "$h" ] && echo "$p" >"$g/cgroup.procs" 2>/dev/null && printf '%s %s\\n' "$p" "$h" >>"$homes"
            done
            echo 1 >"$g/cgroup.freeze" || { thaw "$1"; exit 3; }
            i=0
            until grep -qx 'frozen 1' "$g/cgroup.events"; do
              i=$((i+1)); [ "$i" -le 200 ] || { echo "the kernel did not freeze $g within 2 s" >&2; thaw "$1"; exit 3; }
              sleep 0.01
            done
            echo "$$" >"/run/$1.owner"
            echo "frozen: $(wc -l <"$homes") processes"
            me=$$
            ( trap '' HUP; sleep "$2"; [ "$(cat "/run/$1.owner" 2>/dev/null)" = "$me" ] && thaw "$1" ) </dev/null >/dev/null 2>&1 &
            """;

    /** systemd: "$1" seconds, then the units; freezes the active ones and thaws them after "$1" seconds. */
    static final String SYSTEMD_STALL_SCRIPT = """
            s=$1; shift
            for u in "$@"; do systemctl is-active -q "$u" && systemctl freeze "$u" || true; done
            ( trap '' HUP; sleep "$s"; for u in "$@"; do systemctl thaw "$u" 2>/dev/null; done ) </dev/null >/dev/null 2>&1 &
            """;

    /** systemd: thaws the units "$@" (those not frozen are left alone). */
    static final String SYSTEMD_THAW_SCRIPT = "for u in \"$@\"; do systemctl thaw \"$u\" 2>/dev/null; done; true";

    /** The bands of the prio qdisc a shaped interface gets: band 1 passes everything else untouched. */
    enum Band {
        PEERS(2), PEERS_VRRP(3), CLIENTS(4), MYSQLD(5);

        final int number;

        Band(int number) { this.number = number; }

        String classId() { return "1:" + number; }

        String handle() { return number + "0:"; }
    }

    private final Inventory.Host host;
    private final CommandTemplates cmd;

    FaultCommands(Inventory.Host host, CommandTemplates cmd) {
        this.host = host;
        this.cmd = cmd;
    }

    private boolean systemd() { return "systemd".equals(host.services); }

    /** The processes a stall freezes, as a pgrep -x pattern (mysqld_safe restarts mysqld: it stops too). */
    static String stalledProcesses() {
        List<String> names = new ArrayList<>();
        for (ProcessKind k : ProcessKind.values()) names.addAll(List.of(CommandTemplates.processNames(k)));
        names.add("mysqld_safe");
        return String.join("|", names);
    }

    /** Freezes the host's services for {@code us} microseconds; they thaw by themselves after it. */
    String stall(long us) {
        if (systemd()) {
            List<String> w = new ArrayList<>(Shell.script("sh", SYSTEMD_STALL_SCRIPT, seconds(us)));
            w.addAll(units());
            return cmd.priv(w);
        }
        return cmd.priv(Shell.script("sh", STALL_SCRIPT, STALL_GROUP + host.name, seconds(us), stalledProcesses()));
    }

    /** Thaws a stall before its time (and as its undo); does nothing when the host is not stalled. */
    String thaw() {
        if (systemd()) {
            List<String> w = new ArrayList<>(Shell.script("sh", SYSTEMD_THAW_SCRIPT));
            w.addAll(units());
            return cmd.priv(w);
        }
        return cmd.priv(Shell.script("sh", THAW_SCRIPT, STALL_GROUP + host.name));
    }

    private List<String> units() {
        List<String> u = new ArrayList<>();
        for (ProcessKind k : ProcessKind.values()) u.add(host.serviceName(k));
        return u;
    }

    /** Seconds with up to six decimals, as sleep(1) reads them: 3700000 us is "3.7". */
    static String seconds(long us) { return BigDecimal.valueOf(us, 6).stripTrailingZeros().toPlainString(); }

    /** A probability with up to four decimals, as iptables' statistic match reads it: 3000 basis points is "0.3". */
    static String probability(int basisPoints) { return BigDecimal.valueOf(basisPoints, 4).stripTrailingZeros().toPlainString(); }

    /** The nft table of a loss on packets from (and, for the clients, to) {@code address}: its digits only. */
    static String lossTable(String address, boolean vrrpOnly) {
        return "viplab_loss_" + address.replaceAll("[^0-9A-Za-z]", "_") + (vrrpOnly ? "_vrrp" : "");
    }

    /**
     * Drops at random {@code basisPoints} in 10,000 of the packets arriving from {@code source} (VRRP only or all),
     * and with {@code too} also of those the host sends to it (a client, whose own side VIP Lab cannot shape).
     * Replaces a loss on the same path.
     */
    String loss(String firewall, String source, boolean vrrpOnly, boolean too, int basisPoints) {
        requireIp(source);
        if ("nft".equals(firewall)) {
            String table = lossTable(source, vrrpOnly);
            List<String> c = new ArrayList<>(List.of(cmd.priv("nft", "add", "table", "inet", table),
                    cmd.priv("nft", "flush", "table", "inet", table)));
            c.addAll(nftLossChain(table, "input", "saddr", source, vrrpOnly, basisPoints));
            if (too) c.addAll(nftLossChain(table, "output", "daddr", source, vrrpOnly, basisPoints));
            return Shell.and(c.toArray(String[]::new));
        }
        if ("iptables".equals(firewall)) {
            String in = cmd.priv(iptablesLoss("-I", "INPUT", "-s", source, vrrpOnly, basisPoints));
            return too ? Shell.and(in, cmd.priv(iptablesLoss("-I", "OUTPUT", "-d", source, vrrpOnly, basisPoints))) : in;
        }
        throw LabText.unsupported("commands.lossNeedsFirewall", host.name);
    }

    /** Undoes {@link #loss} with the same arguments. */
    String unloss(String firewall, String source, boolean vrrpOnly, boolean too, int basisPoints) {
        requireIp(source);
        if ("nft".equals(firewall)) return cmd.priv("nft", "delete", "table", "inet", lossTable(source, vrrpOnly));
        String in = cmd.priv(iptablesLoss("-D", "INPUT", "-s", source, vrrpOnly, basisPoints));
        return too ? Shell.sequence(in, cmd.priv(iptablesLoss("-D", "OUTPUT", "-d", source, vrrpOnly, basisPoints))) : in;
    }

    private List<String> nftLossChain(String table, String hook, String dir, String address, boolean vrrpOnly, int basisPoints) {
        List<String> rule = new ArrayList<>(List.of("nft", "add", "rule", "inet", table, hook, "ip", dir, address));
        if (vrrpOnly) rule.addAll(List.of("ip", "protocol", "vrrp"));
        rule.addAll(List.of("numgen", "random", "mod", "10000", "lt", Integer.toString(basisPoints), "drop"));
        return List.of(cmd.priv("nft", "add", "chain", "inet", table, hook, "{ type filter hook " + hook + " priority 0 ; }"),
                cmd.priv(rule));
    }

    private static List<String> iptablesLoss(String op, String chain, String dirFlag, String address, boolean vrrpOnly, int basisPoints) {
        List<String> w = new ArrayList<>(List.of("iptables", op, chain, dirFlag, address));
        if (vrrpOnly) w.addAll(List.of("-p", "112"));
        w.addAll(List.of("-m", "statistic", "--mode", "random", "--probability", probability(basisPoints),
                "-m", "comment", "--comment", "viplab-loss", "-j", "DROP"));
        return w;
    }

    /**
     * Delays what the host sends in {@code band} by {@code us} ± {@code jitterUs}: the prio root first when no band
     * is shaped yet ({@code firstBand}), the band's filters when it is new ({@code newBand}), then its netem
     * (replaced when the band already had one: a second delay on a path replaces the first).
     */
    String delay(Band band, boolean firstBand, boolean newBand, long us, long jitterUs, List<List<String>> filters) {
        String dev = host.iface;
        List<String> c = new ArrayList<>();
        if (firstBand) {
            List<String> root = new ArrayList<>(List.of("tc", "qdisc", "replace", "dev", dev, "root", "handle", "1:", "prio", "bands", "5", "priomap"));
            for (int i = 0; i < 16; i++) root.add("0");
            c.add(cmd.priv(root));
        }
        List<String> netem = new ArrayList<>(List.of("tc", "qdisc", "replace", "dev", dev, "parent", band.classId(), "handle", band.handle(),
                "netem", "delay", us + "us"));
        if (jitterUs > 0) netem.add(jitterUs + "us");
        c.add(cmd.priv(netem));
        if (newBand) {
            for (List<String> match : filters) {
                List<String> f = new ArrayList<>(List.of("tc", "filter", "add", "dev", dev, "parent", "1:", "protocol", "ip",
                        "prio", Integer.toString(band.number), "u32"));
                f.addAll(match);
                f.addAll(List.of("flowid", band.classId()));
                c.add(cmd.priv(f));
            }
        }
        return Shell.and(c.toArray(String[]::new));
    }

    /** Removes a band's filters and netem; with {@code lastBand} the prio root too (the kernel's default returns). */
    String undelay(Band band, boolean lastBand) {
        String dev = host.iface;
        if (lastBand) return cmd.priv("tc", "qdisc", "del", "dev", dev, "root");
        return Shell.sequence(cmd.priv("tc", "filter", "del", "dev", dev, "parent", "1:", "prio", Integer.toString(band.number)),
                cmd.priv("tc", "qdisc", "del", "dev", dev, "parent", band.classId(), "handle", band.handle()));
    }

    /** u32 matches: packets to {@code address}. */
    static List<String> toAddress(String address) {
        requireIp(address);
        return List.of("match", "ip", "dst", address + "/32");
    }

    /** u32 matches: VRRP (IP protocol 112), sent to its multicast group. */
    static List<String> vrrp() { return List.of("match", "ip", "protocol", "112", "0xff"); }

    /** u32 matches: TCP from mysqld's port (what mysqld answers). */
    static List<String> fromMysqld() {
        return List.of("match", "ip", "protocol", "6", "0xff", "match", "ip", "sport", Integer.toString(MYSQLD_PORT), "0xffff");
    }

    private static void requireIp(String address) {
        if (!RemoteValues.isIpLiteral(address)) throw LabText.refused("value.notIp", address);
    }
}
