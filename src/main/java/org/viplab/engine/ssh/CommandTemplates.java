package org.viplab.engine.ssh;

import org.viplab.lab.LabText;
import org.viplab.lab.hosts.RemoteValues;
import org.viplab.lab.hosts.Inventory;
import org.viplab.lab.Action;
import org.viplab.lab.Target;
import org.viplab.lab.Verb;
import org.viplab.core.model.ProcessKind;

import java.util.ArrayList;
import java.util.List;

/**
 * The shell command for an action on one host, from the inventory's service style (sysv, systemd, custom),
 * its per-action overrides, and {@code sudo -n} for a user who is not root. Each command is built from an
 * argument list through {@link Shell}; only the overrides are the user's own shell text.
 */
public final class CommandTemplates {
    /** Cuts a host's own link and heals it later: "$1" the interface, "$2" the seconds. */
    static final String LINK_CUT_SCRIPT = "ip link set \"$1\" down; sleep \"$2\"; ip link set \"$1\" up";

    private final Inventory.Host host;

    public CommandTemplates(Inventory.Host host) { this.host = host; }

    /** Names a process has in {@code ps}: MariaDB 10.5+ may run as mariadbd. */
    static String[] processNames(ProcessKind k) {
        return k == ProcessKind.MYSQLD ? new String[]{"mysqld", "mariadbd"} : new String[]{k.id()};
    }

    /** The names as one pattern for {@code pgrep -x}/{@code pkill -x}, which match it whole ("^(a|b)$"). */
    static String processPattern(ProcessKind k) { return String.join("|", processNames(k)); }

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
            case "systemd" -> priv("systemctl", action, name);
            case "sysv" -> priv("service", name, action);
            default -> {
                String c = host.commands.get(action + " " + k.id());
                if (c == null) throw LabText.unsupported("commands.noCustom", host.name, action + " " + k.id());
                yield c;
            }
        };
    }

    /** Signals every process of that name, like {@code pkill -9 -x keepalived}; ok when one matched. */
    String signal(String sig, ProcessKind k) { return priv("pkill", sig, "-x", processPattern(k)); }

    /** Starts the process unless it runs (used by the restore). */
    public String ensureRunning(ProcessKind k) {
        return Shell.command("pgrep", "-x", processPattern(k)) + " >/dev/null || " + group(process(Verb.START, k));
    }

    /** A command (maybe the user's own text, with its own ';' or '&') as one unit for || and &&. */
    static String group(String command) { return "{ " + command + "\n}"; }

    /**
     * Cutting a host's own link over SSH would leave no way back in, so the cut heals itself after
     * {@code maxSeconds} (the drill's restore also heals it once the host answers again).
     */
    public String link(boolean cut, int maxSeconds) {
        if (!cut) return priv("ip", "link", "set", host.iface, "up");
        List<String> w = new ArrayList<>(List.of("nohup"));
        w.addAll(privWords(Shell.script("sh", LINK_CUT_SCRIPT, host.iface, Integer.toString(maxSeconds))));
        return Shell.command(w) + " >/dev/null 2>&1 &";
    }

    /**
     * Drops traffic from {@code source} (everything, or VRRP only: IP protocol 112) with the firewall tool the
     * host has: {@code firewall} is "iptables" or "nft". {@code source} must be an IP literal.
     */
    public String drop(boolean cut, String firewall, String source, boolean vrrpOnly) {
        if (!RemoteValues.isIpLiteral(source)) throw LabText.refused("value.notIp.onHost", host.name, source);
        if (firewall.equals("iptables")) {
            List<String> w = new ArrayList<>(List.of("iptables", cut ? "-I" : "-D", "INPUT", "-s", source));
            if (vrrpOnly) w.addAll(List.of("-p", "112"));
            w.addAll(List.of("-m", "comment", "--comment", "viplab", "-j", "DROP"));
            return priv(w);
        }
        if (firewall.equals("nft")) {
            // the table's name is made of the address's digits only: nothing of it is shell or nft syntax
            String table = "viplab_" + source.replaceAll("[^0-9A-Za-z]", "_") + (vrrpOnly ? "_vrrp" : "");
            if (!cut) return priv("nft", "delete", "table", "inet", table);
            List<String> rule = new ArrayList<>(List.of("nft", "add", "rule", "inet", table, "input", "ip", "saddr", source));
            if (vrrpOnly) rule.addAll(List.of("ip", "protocol", "vrrp"));
            rule.add("drop");
            return Shell.and(priv("nft", "add", "table", "inet", table),
                    priv("nft", "add chain inet " + table + " input { type filter hook input priority 0 ; }"),
                    priv(rule));
        }
        throw LabText.unsupported("commands.cutNeedsFirewall", host.name);
    }

    /** The command with {@code sudo -n} first for a user who is not root (never prompts: fails instead). */
    public String priv(String... words) { return priv(List.of(words)); }

    public String priv(List<String> words) { return Shell.command(privWords(words)); }

    /** The argument list with {@code sudo -n} first for a user who is not root. */
    List<String> privWords(List<String> words) {
        if (!host.sudo) return words;
        List<String> w = new ArrayList<>(List.of("sudo", "-n"));
        w.addAll(words);
        return w;
    }

    /** The text shown for an action before it runs. */
    public static String describe(Action a) { return a.verb().id() + " " + a.target().id(); }

    static boolean isProcess(Target t) { return t instanceof Target.Process; }
}
