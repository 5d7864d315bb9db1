package org.viplab.engine.ssh;

import org.viplab.lab.hosts.Inventory;

/**
 * The read-only commands streamed over a host's session for as long as VIP Lab is connected, built in one
 * place so that what the "Connect to hosts" preview lists is exactly what runs.
 */
public enum Watch {
    /** The VIP appearing and disappearing. */
    MONITOR,
    /** keepalived's state changes, from its log file or the journal. */
    LOG,
    /** Every VRRP advert with its priority (only when the host has tcpdump). */
    ADVERTS,
    /** Which processes run, and whether the VIP is there, five times a second. */
    PROCESSES,
    /** haproxy's view of its servers (mode 2, only when the host has socat). */
    HAPROXY_STATS;

    /** The watchers that run in a mode (haproxy's stats only in mode 2). */
    public static java.util.List<Watch> forMode(boolean haproxy) {
        return haproxy ? java.util.List.of(values()) : java.util.List.of(MONITOR, LOG, ADVERTS, PROCESSES);
    }

    /** The command as it runs on {@code inv}, watching for {@code vip}. */
    public String command(Inventory.Host inv, String vip) {
        CommandTemplates cmd = new CommandTemplates(inv);
        return switch (this) {
            case MONITOR -> Shell.command("ip", "-ts", "-o", "monitor", "address");
            case LOG -> Shell.quiet(logFollower(inv));
            case ADVERTS -> Shell.quiet(cmd.priv("tcpdump", "-l", "-nn", "-tttt", "-i", inv.iface, "vrrp"));
            case PROCESSES -> Shell.command(Shell.script("bash", "while :; do " + PS_SCRIPT + "; sleep 0.2; done", inv.iface, vipNeedle(vip)));
            case HAPROXY_STATS -> Shell.command(Shell.script("sh", inv.sudo ? STATS_SCRIPT_SUDO : STATS_SCRIPT, "UNIX-CONNECT:" + inv.haproxyStats));
        };
    }

    /** keepalived's log from now on: the journal, or the file followed across rotations. */
    private static String logFollower(Inventory.Host inv) {
        CommandTemplates cmd = new CommandTemplates(inv);
        return inv.keepalivedLog.equals("journal")
                ? cmd.priv("journalctl", "-f", "-n", "0", "-o", "short-precise", "-u", "keepalived")
                : cmd.priv("tail", "-n", "0", "-F", inv.keepalivedLog);
    }

    /** The last lines of keepalived's log, for the state at connect. */
    static String logTail(Inventory.Host inv) {
        CommandTemplates cmd = new CommandTemplates(inv);
        return inv.keepalivedLog.equals("journal")
                ? cmd.priv("journalctl", "-u", "keepalived", "-n", "500", "--no-pager", "-o", "cat")
                : cmd.priv("tail", "-n", "500", inv.keepalivedLog);
    }

    /** What {@code ip -o addr} prints for the VIP on an interface ({@code grep -F} matches it literally). */
    static String vipNeedle(String vip) { return "inet " + vip + "/"; }

    /** haproxy's servers every 0.5 s, each answer after a "@@ host-nanoseconds" line; "$1" the socat address. */
    private static final String STATS_BODY = "socat stdio \"$1\" 2>/dev/null; sleep 0.5; done";
    private static final String STATS_SCRIPT = "while :; do echo \"@@ $(date +%s%N)\"; echo 'show stat' | " + STATS_BODY;
    private static final String STATS_SCRIPT_SUDO = "while :; do echo \"@@ $(date +%s%N)\"; echo 'show stat' | sudo -n " + STATS_BODY;

    /**
     * One line of what runs: time, the ps states of mysqld, haproxy, keepalived, and whether the VIP is on
     * the interface (a check on ip monitor, which cannot see what happened before it started). "$1" is the
     * interface, "$2" the VIP as {@link #vipNeedle} writes it.
     */
    static final String PS_SCRIPT = "s=$EPOCHREALTIME; m=$(ps -C mysqld,mariadbd -o stat= | tr -d \" \" | tr \"\\n\" ,); "
            + "h=$(ps -C haproxy -o stat= | tr -d \" \" | tr \"\\n\" ,); k=$(ps -C keepalived -o stat= | tr -d \" \" | tr \"\\n\" ,); "
            + "v=$(ip -o addr show dev \"$1\" 2>/dev/null | grep -c -F -- \"$2\"); echo \"$s m=$m h=$h k=$k v=$v\"";

    /** One process watcher line, now. */
    static String psCommand(Inventory.Host inv, String vip) {
        return Shell.command(Shell.script("bash", PS_SCRIPT, inv.iface, vipNeedle(vip)));
    }
}
