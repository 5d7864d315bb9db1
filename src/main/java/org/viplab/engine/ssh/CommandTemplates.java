package org.viplab.engine.ssh;

import org.viplab.lab.hosts.Inventory;
import org.viplab.lab.Action;
import org.viplab.lab.Target;
import org.viplab.lab.Verb;
import org.viplab.core.model.ProcessKind;

/**
 * The shell command for an action on one host, from the inventory's service style (sysv, systemd, custom),
 * its per-action overrides, and {@code sudo -n} for a user who is not root. Every argument is quoted.
 */
public final class CommandTemplates {
    private final Inventory.Host host;

    public CommandTemplates(Inventory.Host host) { this.host = host; }

    /** Names a process has in {@code ps}: MariaDB 10.5+ may run as mariadbd. */
    static String[] processNames(ProcessKind k) {
        return k == ProcessKind.MYSQLD ? new String[]{"mysqld", "mariadbd"} : new String[]{k.id()};
    }

    /** The command for a process action; throws UnsupportedOperationException when the inventory has none. */
    public String process(Verb verb, ProcessKind k) {
        String override = host.commands.get(verb.id() + " " + k.id());
        if (override != null) return override; // the user's own command, as written
        return switch (verb) {
            case START, STOP, RESTART -> service(verb.id(), k);
            case KILL -> signal("-9", k);
            case HANG -> signal("-STOP", k);
            case RESUME -> signal("-CONT", k);
            default -> throw new IllegalArgumentException(verb.id() + " does not apply to a process");
        };
    }

    /** {@code service mysql stop}, {@code systemctl stop mariadb}, or the custom command. */
    public String service(String action, ProcessKind k) {
        String name = host.serviceName(k);
        return switch (host.services) {
            case "systemd" -> priv(Shell.command("systemctl", action, name));
            case "sysv" -> priv(Shell.command("service", name, action));
            default -> {
                String c = host.commands.get(action + " " + k.id());
                if (c == null) throw new UnsupportedOperationException(host.name + ": no command for '" + action + " " + k.id() + "' in the inventory (services: custom)");
                yield c;
            }
        };
    }

    /** Signals every process of that name, like {@code pkill -9 -x keepalived}; ok when one matched. */
    String signal(String sig, ProcessKind k) {
        StringBuilder b = new StringBuilder("{ r=1; ");
        for (String n : processNames(k)) b.append(priv(Shell.command("pkill", sig, "-x", n))).append(" && r=0; ");
        return b.append("exit $r; }").toString();
    }

    /** Starts the process unless it runs (used by the restore). */
    public String ensureRunning(ProcessKind k) {
        StringBuilder test = new StringBuilder();
        for (String n : processNames(k)) test.append(test.length() == 0 ? "" : " || ").append(Shell.command("pgrep", "-x", n));
        return "{ " + test + "; } >/dev/null || " + process(Verb.START, k);
    }

    /**
     * Cutting a host's own link over SSH would leave no way back in, so the cut heals itself after
     * {@code maxSeconds} (the drill's restore also heals it once the host answers again).
     */
    public String link(boolean cut, int maxSeconds) {
        String dev = Shell.quote(host.iface);
        if (!cut) return priv("ip link set " + dev + " up");
        String inner = "ip link set " + dev + " down; sleep " + maxSeconds + "; ip link set " + dev + " up";
        return "nohup " + priv("sh -c " + Shell.quote(inner)) + " >/dev/null 2>&1 &";
    }

    /**
     * Drops traffic from {@code source} (everything, or VRRP only: IP protocol 112) with the firewall tool the
     * host has: {@code firewall} is "iptables" or "nft".
     */
    public String drop(boolean cut, String firewall, String source, boolean vrrpOnly) {
        String src = Shell.quote(source);
        if (firewall.equals("iptables")) {
            String rule = "INPUT -s " + src + (vrrpOnly ? " -p 112" : "") + " -m comment --comment viplab -j DROP";
            return cut ? priv("iptables -I " + rule) : priv("iptables -D " + rule);
        }
        if (firewall.equals("nft")) {
            String table = "viplab_" + source.replaceAll("[^0-9A-Za-z]", "_") + (vrrpOnly ? "_vrrp" : "");
            if (!cut) return priv("nft delete table inet " + table);
            return priv("nft add table inet " + table) + " && " + priv("nft " + Shell.quote("add chain inet " + table
                    + " input { type filter hook input priority 0 ; }")) + " && "
                    + priv("nft add rule inet " + table + " input ip saddr " + src + (vrrpOnly ? " ip protocol vrrp" : "") + " drop");
        }
        throw new UnsupportedOperationException(host.name + ": cutting traffic needs iptables or nft on the host; it has neither");
    }

    /** Prefixes {@code sudo -n} for a user who is not root (never prompts: fails instead). */
    public String priv(String command) { return host.sudo ? "sudo -n " + command : command; }

    /** The text shown for an action before it runs. */
    public static String describe(Action a) { return a.verb().id() + " " + a.target().id(); }

    static boolean isProcess(Target t) { return t instanceof Target.Process; }
}
