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
            case MONITOR -> "ip -ts -o monitor address";
            case LOG -> (inv.keepalivedLog.equals("journal")
                    ? cmd.priv("journalctl -f -n 0 -o short-precise -u keepalived")
                    : cmd.priv("tail -n 0 -F " + Shell.quote(inv.keepalivedLog))) + " 2>/dev/null";
            case ADVERTS -> cmd.priv("tcpdump -l -nn -tttt -i " + Shell.quote(inv.iface) + " vrrp") + " 2>/dev/null";
            case PROCESSES -> "while :; do " + psCommand(inv, vip) + "; sleep 0.2; done";
            case HAPROXY_STATS -> "while :; do echo \"@@ $(date +%s%N)\"; echo 'show stat' | "
                    + cmd.priv("socat stdio " + Shell.quote("UNIX-CONNECT:" + inv.haproxyStats)) + " 2>/dev/null; sleep 0.5; done";
        };
    }

    /**
     * One line of what runs: time, the ps states of mysqld, haproxy, keepalived, and whether the VIP is on
     * the interface (a check on ip monitor, which cannot see what happened before it started).
     */
    static String psCommand(Inventory.Host inv, String vip) {
        String vipCheck = "ip -o addr show dev " + inv.iface + " 2>/dev/null | grep -c \"inet " + vip + "/\"";
        return "bash -c " + Shell.quote("s=$EPOCHREALTIME; m=$(ps -C mysqld,mariadbd -o stat= | tr -d \" \" | tr \"\\n\" ,); "
                + "h=$(ps -C haproxy -o stat= | tr -d \" \" | tr \"\\n\" ,); k=$(ps -C keepalived -o stat= | tr -d \" \" | tr \"\\n\" ,); "
                + "v=$(" + vipCheck + "); echo \"$s m=$m h=$h k=$k v=$v\"");
    }
}
