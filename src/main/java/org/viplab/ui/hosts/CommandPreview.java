package org.viplab.ui.hosts;

import org.viplab.core.util.Failures;
import org.viplab.core.util.BundleText;
import org.viplab.lab.Verb;
import org.viplab.core.model.ProcessKind;
import org.viplab.lab.hosts.HostsEngineFactory;
import org.viplab.lab.hosts.Inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The exact command each process action would run on each host, as the hosts engine builds it from
 * the inventory, so the user sees every command before connecting. An action the inventory has no command
 * for (custom services) is listed with the reason instead.
 */
record CommandPreview(List<HostCommands> hosts) {
    /** The verbs a process takes, in the order a user thinks of them. */
    static final List<Verb> VERBS = List.of(Verb.START, Verb.STOP, Verb.RESTART, Verb.KILL, Verb.HANG, Verb.RESUME);

    /** One action on one host: {@code command} or, when there is none, {@code missing} (why). */
    record Line(String action, String command, BundleText missing) {
        boolean ok() { return command != null; }
    }

    /** {@code watches}: the read-only commands streamed while connected, as the engine builds them. */
    record HostCommands(String host, String login, List<Line> lines, List<String> watches) {
        long missing() { return lines.stream().filter(l -> !l.ok()).count(); }
    }

    static CommandPreview of(HostsEngineFactory engines, Inventory inv, boolean haproxy) {
        List<HostCommands> out = new ArrayList<>();
        for (Inventory.Host h : inv.hosts) {
            List<Line> lines = new ArrayList<>();
            for (ProcessKind k : HostsModel.processes(haproxy)) {
                for (Verb v : VERBS) {
                    String action = v.id() + " " + k.id();
                    try {
                        lines.add(new Line(action, engines.processCommand(h, v, k), null));
                    } catch (RuntimeException e) {
                        lines.add(new Line(action, null, Failures.text(e)));
                    }
                }
            }
            String login = h.user + "@" + h.address + (h.port == 22 ? "" : ":" + h.port);
            List<String> watches = engines.watchCommands(h, inv.vip, haproxy);
            out.add(new HostCommands(h.name, login, List.copyOf(lines), List.copyOf(watches)));
        }
        return new CommandPreview(List.copyOf(out));
    }

    long missing() { return hosts.stream().mapToLong(HostCommands::missing).sum(); }

    /** The commands of the action on the host named, or null. */
    String command(String host, String action) {
        for (HostCommands h : hosts) {
            if (!h.host().equals(host)) continue;
            for (Line l : h.lines()) if (l.action().equals(action)) return l.command();
        }
        return null;
    }

    /**
     * As shown in the dialog: per host a heading, then one line per action, the command after {@code $} like a
     * shell prompt; a missing command is marked {@code ✗} with the reason.
     */
    String text(String missingWord) { return text(missingWord, null, Locale.ENGLISH); }

    /** With {@code watchHeading}, each host's watchers follow its actions under that heading; reasons in {@code locale}. */
    String text(String missingWord, String watchHeading, Locale locale) {
        StringBuilder b = new StringBuilder();
        int width = 0;
        for (HostCommands h : hosts) for (Line l : h.lines()) width = Math.max(width, l.action().length());
        for (HostCommands h : hosts) {
            if (b.length() > 0) b.append('\n');
            b.append("# ").append(h.host()).append(" \u2014 ").append(h.login()).append('\n');
            for (Line l : h.lines()) {
                b.append(String.format("%-" + width + "s  ", l.action()));
                if (l.ok()) {
                    b.append(h.host()).append("$ ").append(l.command());
                } else {
                    b.append("\u2717 ").append(missingWord).append(": ").append(l.missing().render(locale));
                }
                b.append('\n');
            }
            if (watchHeading != null && !h.watches().isEmpty()) {
                b.append("# ").append(watchHeading).append('\n');
                for (String w : h.watches()) b.append(h.host()).append("$ ").append(w).append('\n');
            }
        }
        return b.toString();
    }
}
