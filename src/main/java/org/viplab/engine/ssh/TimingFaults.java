package org.viplab.engine.ssh;

import org.viplab.lab.LabText;
import org.viplab.core.model.ProcessKind;
import org.viplab.lab.Action;
import org.viplab.lab.Target;
import org.viplab.lab.Verb;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The timing faults on real hosts: what each host must have for them ({@link #unsupported}), their commands
 * ({@link #plan}), and a ledger of the faults in place, each with its undo, so that heal, resume and the
 * restore take off exactly what was put on (a qdisc or a frozen cgroup left behind would stay on a real machine).
 */
final class TimingFaults {
    /** Linux 5.2 brought cgroup v2's freezer ({@code cgroup.freeze}). */
    private static final int[] FREEZER_SINCE = {5, 2};

    /** One fault in place: the host's part of it, undone by {@code undo} or, for a tc band, by removing the band. */
    record Part(HostObserver host, String undo, FaultCommands.Band band) { }

    private final Fleet fleet;
    /** "loss db1-db2/vrrp" to its parts, in the order applied. */
    private final Map<String, List<Part>> ledger = new LinkedHashMap<>();
    /** Per host, the tc bands shaped now (the prio root goes when the last one does). */
    private final Map<String, Set<FaultCommands.Band>> bands = new LinkedHashMap<>();

    TimingFaults(Fleet fleet) { this.fleet = fleet; }

    /** The ledger's key of an action's fault: slow and stall by what they touch, delay and loss by path. */
    static String key(Verb verb, Target target) { return verb.id() + " " + target.id(); }

    /**
     * Why these hosts cannot run {@code action} ("delay db1-db2 is not supported on these hosts: ..."), or null.
     * Asked once connected, before a drill's t = 0, so a drill never stops half-way for want of a tool.
     */
    LabText unsupported(Action action) {
        Verb v = action.verb();
        if (!v.timingFault() && !(v == Verb.RESUME && action.target() instanceof Target.Host)) return null;
        for (HostObserver h : hosts(action.target())) {
            LabText why = switch (v) {
                case STALL, RESUME -> freezer(h);
                case DELAY, SLOW -> netem(h);
                case LOSS -> h.firewall == null ? LabText.of("lacks.firewall", h.name()) : null;
                default -> null;
            };
            if (why == null && action.target() instanceof Target.ClientPath && (h.clientAddress == null || h.clientAddress.isBlank())) {
                why = LabText.of("lacks.clientAddress", h.name());
            }
            if (why != null) {
                return LabText.of("action.unsupported", CommandTemplates.describe(action), needs(v), why);
            }
        }
        return null;
    }

    private static LabText needs(Verb v) {
        return switch (v) {
            case STALL, RESUME -> LabText.of("needs.stall");
            case DELAY -> LabText.of("needs.delay");
            case SLOW -> LabText.of("needs.slow", FaultCommands.MYSQLD_PORT);
            default -> LabText.of("needs.loss");
        };
    }

    private static LabText freezer(HostObserver h) {
        if ("systemd".equals(h.inv.services)) return null; // systemctl freeze: systemd 246+ says so itself if it cannot
        if (h.cgroup2 == null) return LabText.of("lacks.cgroup2", h.name());
        if (!atLeast(h.kernel, FREEZER_SINCE)) return LabText.of("lacks.kernel", h.name(), h.kernel);
        return null;
    }

    private static LabText netem(HostObserver h) {
        if (!h.hasTc) return LabText.of("lacks.tc", h.name());
        if (!h.hasNetem) {
            return LabText.of("lacks.netem", h.name());
        }
        return null;
    }

    /** Whether a kernel release such as "6.1.0-18-amd64" is at least {@code since}. */
    static boolean atLeast(String release, int[] since) {
        if (release == null) return false;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\d+)\\.(\\d+)").matcher(release);
        if (!m.find()) return false;
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        return major > since[0] || (major == since[0] && minor >= since[1]);
    }

    private List<HostObserver> hosts(Target t) {
        if (t instanceof Target.PeerPath p) return List.of(fleet.host(p.a()), fleet.host(p.b()));
        if (t instanceof Target.ClientPath c) return List.of(fleet.host(c.host()));
        if (t instanceof Target.Host h) return List.of(fleet.host(h.host()));
        if (t instanceof Target.Process p) return List.of(fleet.host(p.host()));
        return List.of();
    }

    /** The steps of a timing fault, or of resuming a stalled host; a previous fault of the same key is replaced. */
    synchronized List<Actions.RemoteStep> plan(Action action) {
        LabText refused = unsupported(action);
        if (refused != null) throw LabText.unsupported(refused);
        Target t = action.target();
        Action.Amount a = action.amount();
        List<Actions.RemoteStep> steps = new ArrayList<>();
        switch (action.verb()) {
            case STALL -> {
                HostObserver h = fleet.host(((Target.Host) t).host());
                steps.add(new Actions.RemoteStep(h, h.faults.stall(a.us())));
            }
            case RESUME -> {
                HostObserver h = fleet.host(((Target.Host) t).host());
                steps.add(new Actions.RemoteStep(h, h.faults.thaw()));
            }
            case LOSS -> {
                String prior = key(Verb.LOSS, t);
                for (HostObserver h : hosts(t)) {
                    Loss l = loss(h, t);
                    String put = h.faults.loss(h.firewall, l.address, l.vrrpOnly, l.both, a.lossBasisPoints());
                    String before = undoOf(prior, h);
                    steps.add(new Actions.RemoteStep(h, before == null ? put : Shell.sequence(before, put)));
                }
            }
            case DELAY, SLOW -> {
                for (HostObserver h : hosts(t)) {
                    FaultCommands.Band band = band(t);
                    Set<FaultCommands.Band> in = bands.getOrDefault(h.name(), Set.of());
                    steps.add(new Actions.RemoteStep(h, h.faults.delay(band, in.isEmpty(), !in.contains(band), a.us(), a.jitterUs(), filters(h, t))));
                }
            }
            default -> throw new IllegalArgumentException(action.verb().id() + " is not a timing fault");
        }
        return steps;
    }

    /** Where a loss applies on host {@code h}: packets from the peer (or the client, both ways). */
    private record Loss(String address, boolean vrrpOnly, boolean both) { }

    private Loss loss(HostObserver h, Target t) {
        if (t instanceof Target.PeerPath p) {
            HostObserver other = fleet.host(h.name().equals(p.a()) ? p.b() : p.a());
            return new Loss(other.inv.address, p.vrrpOnly(), false);
        }
        return new Loss(h.clientAddress, false, true);
    }

    private static FaultCommands.Band band(Target t) {
        if (t instanceof Target.PeerPath p) return p.vrrpOnly() ? FaultCommands.Band.PEERS_VRRP : FaultCommands.Band.PEERS;
        if (t instanceof Target.ClientPath) return FaultCommands.Band.CLIENTS;
        return FaultCommands.Band.MYSQLD;
    }

    private List<List<String>> filters(HostObserver h, Target t) {
        if (t instanceof Target.PeerPath p) {
            if (p.vrrpOnly()) return List.of(FaultCommands.vrrp());
            HostObserver other = fleet.host(h.name().equals(p.a()) ? p.b() : p.a());
            return List.of(FaultCommands.toAddress(other.inv.address), FaultCommands.vrrp());
        }
        if (t instanceof Target.ClientPath) return List.of(FaultCommands.toAddress(h.clientAddress));
        return List.of(FaultCommands.fromMysqld());
    }

    /** Records a fault that was applied, with its undo; returns the undo, host by host, for the record. */
    synchronized List<String> applied(Action action) {
        Target t = action.target();
        Action.Amount a = action.amount();
        List<Part> parts = new ArrayList<>();
        switch (action.verb()) {
            case STALL -> {
                HostObserver h = fleet.host(((Target.Host) t).host());
                parts.add(new Part(h, h.faults.thaw(), null));
            }
            case RESUME -> {
                ledger.remove(key(Verb.STALL, t));
                return List.of();
            }
            case LOSS -> {
                for (HostObserver h : hosts(t)) {
                    Loss l = loss(h, t);
                    parts.add(new Part(h, h.faults.unloss(h.firewall, l.address, l.vrrpOnly, l.both, a.lossBasisPoints()), null));
                }
            }
            case DELAY, SLOW -> {
                for (HostObserver h : hosts(t)) {
                    bands.computeIfAbsent(h.name(), k -> EnumSet.noneOf(FaultCommands.Band.class)).add(band(t));
                    parts.add(new Part(h, null, band(t)));
                }
            }
            default -> {
                return List.of();
            }
        }
        ledger.put(key(action.verb(), t), parts);
        return describe(parts);
    }

    private List<String> describe(List<Part> parts) {
        List<String> out = new ArrayList<>();
        for (Part p : parts) {
            String undo = p.undo != null ? p.undo : p.host.faults.undelay(p.band, false);
            out.add(p.host.name() + "$ " + undo);
        }
        return out;
    }

    /** The recorded undo of {@code key} on host {@code h}, or null (a tc band's undo is computed when it runs). */
    private String undoOf(String key, HostObserver h) {
        List<Part> parts = ledger.get(key);
        if (parts == null) return null;
        for (Part p : parts) if (p.host == h && p.undo != null) return p.undo;
        return null;
    }

    /** Whether anything is recorded for these keys. */
    synchronized boolean has(List<String> keys) {
        for (String k : keys) if (ledger.containsKey(k)) return true;
        return false;
    }

    /**
     * The steps that undo the faults of {@code keys}, one per host (commands in sequence), without forgetting
     * them: {@link #undone} does once they ran.
     */
    synchronized List<Actions.RemoteStep> undo(List<String> keys) {
        Map<HostObserver, List<String>> perHost = new LinkedHashMap<>();
        Map<HostObserver, Set<FaultCommands.Band>> removing = new LinkedHashMap<>();
        for (String k : keys) {
            List<Part> parts = ledger.get(k);
            if (parts == null) continue;
            for (Part p : parts) {
                if (p.undo != null) perHost.computeIfAbsent(p.host, x -> new ArrayList<>()).add(p.undo);
                else removing.computeIfAbsent(p.host, x -> EnumSet.noneOf(FaultCommands.Band.class)).add(p.band);
            }
        }
        for (Map.Entry<HostObserver, Set<FaultCommands.Band>> e : removing.entrySet()) {
            HostObserver h = e.getKey();
            Set<FaultCommands.Band> left = EnumSet.noneOf(FaultCommands.Band.class);
            left.addAll(bands.getOrDefault(h.name(), Set.of()));
            left.removeAll(e.getValue());
            List<String> c = perHost.computeIfAbsent(h, x -> new ArrayList<>());
            if (left.isEmpty()) {
                c.add(h.faults.undelay(null, true));
            } else {
                for (FaultCommands.Band b : e.getValue()) c.add(h.faults.undelay(b, false));
            }
        }
        List<Actions.RemoteStep> steps = new ArrayList<>();
        perHost.forEach((h, c) -> steps.add(new Actions.RemoteStep(h, Shell.sequence(c.toArray(String[]::new)))));
        return steps;
    }

    /** Forgets the faults of {@code keys} once their undo ran. */
    synchronized void undone(List<String> keys) {
        for (String k : keys) {
            List<Part> parts = ledger.remove(k);
            if (parts == null) continue;
            for (Part p : parts) if (p.band != null) {
                Set<FaultCommands.Band> s = bands.get(p.host.name());
                if (s != null) s.remove(p.band);
            }
        }
    }

    /** Every key in the ledger, oldest first (the restore undoes them all). */
    synchronized List<String> keys() { return List.copyOf(ledger.keySet()); }

    /** The keys heal undoes on a path: its delay and loss. */
    static List<String> healKeys(Target path) { return List.of(key(Verb.DELAY, path), key(Verb.LOSS, path)); }

    /** The key resume undoes on a process: a slow mysqld; on a host: its stall. */
    static List<String> resumeKeys(Target t) {
        if (t instanceof Target.Process p) return p.process() == ProcessKind.MYSQLD ? List.of(key(Verb.SLOW, t)) : List.of();
        return List.of(key(Verb.STALL, t));
    }
}
