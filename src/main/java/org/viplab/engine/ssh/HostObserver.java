package org.viplab.engine.ssh;

import org.viplab.core.text.EventFormatter;
import org.viplab.core.timeline.Reason;
import org.viplab.lab.hosts.RemoteValues;
import org.viplab.lab.hosts.Inventory;
import org.viplab.core.model.ProcessKind;
import org.viplab.core.model.ProcessState;
import org.viplab.core.model.VrrpState;
import org.viplab.observe.AddressMonitorParser;
import org.viplab.observe.HaproxyStatParser;
import org.viplab.observe.InstanceLayout;
import org.viplab.observe.InstanceVipParser;
import org.viplab.observe.KeepalivedLogParser;
import org.viplab.observe.TimeMap;
import org.viplab.observe.VrrpDumpParser;
import org.viplab.core.timeline.LabEvent;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything VIP Lab watches on one real host, over one SSH session: the VIP ({@code ip monitor}), VRRP
 * adverts on the wire ({@code tcpdump}), keepalived's log, a 5 Hz process watcher, and haproxy's
 * {@code show stat}. All of it streams; nothing is polled over new connections. Events go to the lab's sink.
 */
final class HostObserver {
    private static final Pattern PS_LINE = Pattern.compile("^(\\d+)\\.(\\d+) m=(\\S*) h=(\\S*) k=(\\S*)(?: v=(\\d+))?$");

    final Inventory.Host inv;
    final SshHost ssh;
    final CommandTemplates cmd;
    private final String vip;
    private final Map<String, String> hostByAddress;
    private final boolean watchHaproxy;
    private final Consumer<LabEvent> sink;
    private final TimeMapSource times;
    private final List<SshHost.Stream> streams = new CopyOnWriteArrayList<>();
    /** The host's VRRP instances (the inventory's preset says which): with several, each log line goes to its own. */
    private final InstanceLayout layout;

    volatile boolean reachable;
    volatile long clockOffsetUs;
    volatile long rttUs;
    volatile ZoneId zone = ZoneOffset.UTC;
    volatile boolean hasTcpdump;
    volatile boolean hasSocat;
    volatile String firewall;
    volatile String clientAddress;
    /** What the timing faults need, as found at connect: tc, netem and prio qdiscs, the cgroup2 mount, the kernel. */
    volatile boolean hasTc;
    volatile boolean hasNetem;
    volatile String cgroup2;
    volatile String kernel;
    final FaultCommands faults;
    private KeepalivedLogParser klog;
    private InstanceVipParser instanceVips;

    /**
     * Prints "netem" when the kernel has the netem and prio qdiscs (loaded, loadable or built in: a module is
     * loaded by tc itself, as root), the cgroup2 mount as "cgroup2=PATH", and the kernel as "kernel=RELEASE".
     */
    static final String FAULT_TOOLS = "has() { [ -d /sys/module/$1 ] || modprobe -n -q $1 2>/dev/null"
            + " || { zcat /proc/config.gz 2>/dev/null || cat /boot/config-$(uname -r) 2>/dev/null; } | grep -q \"^CONFIG_$2=[ym]\"; }; "
            + "has sch_netem NET_SCH_NETEM && has sch_prio NET_SCH_PRIO && echo netem; "
            + "awk '$3==\"cgroup2\"{print \"cgroup2=\" $2; exit}' /proc/self/mounts; echo \"kernel=$(uname -r)\"";

    /** The lab's time line and this host's clock offset, as a parser needs them. */
    interface TimeMapSource {
        TimeMap forOffset(long hostOffsetUs);
    }

    HostObserver(Inventory.Host inv, SshHost ssh, String vip, Map<String, String> hostByAddress, boolean watchHaproxy,
                 InstanceLayout layout, TimeMapSource times, Consumer<LabEvent> sink) {
        this.inv = inv;
        this.layout = layout;
        this.ssh = ssh;
        this.cmd = new CommandTemplates(inv);
        this.faults = new FaultCommands(inv, cmd);
        this.vip = vip;
        this.hostByAddress = hostByAddress;
        this.watchHaproxy = watchHaproxy;
        this.times = times;
        this.sink = sink;
    }

    String name() { return inv.name; }

    TimeMap time() { return times.forOffset(clockOffsetUs); }

    /** Connects, measures the clock, finds the tools, and starts every stream. */
    void connect(int timeoutMs) throws RemoteException {
        stopStreams();
        ssh.connect(timeoutMs);
        measureClock();
        SshHost.Result tools = ssh.exec("for c in tcpdump iptables nft socat timeout tc; do command -v $c >/dev/null 2>&1 && echo $c; done; "
                + "echo \"client=${SSH_CLIENT%% *}\"; date +%z; " + FAULT_TOOLS, 10_000);
        List<String> lines = tools.out().lines().toList();
        hasTcpdump = lines.contains("tcpdump");
        hasSocat = lines.contains("socat");
        ssh.killOnTimeout(lines.contains("timeout"));
        firewall = lines.contains("iptables") ? "iptables" : lines.contains("nft") ? "nft" : null;
        hasTc = lines.contains("tc");
        hasNetem = lines.contains("netem");
        cgroup2 = null;
        kernel = null;
        for (String l : lines) {
            if (l.startsWith("cgroup2=/")) cgroup2 = l.substring(8);
            if (l.startsWith("kernel=")) kernel = l.substring(7);
            // the host says where we connect from; it becomes a firewall rule's source, so only an IP literal will do
            if (l.startsWith("client=")) clientAddress = RemoteValues.isIpLiteral(l.substring(7)) ? l.substring(7) : null;
            if (l.matches("[+-]\\d{4}")) zone = ZoneOffset.of(l);
        }
        klog = new KeepalivedLogParser(inv.name, zone, !hasTcpdump, 51, 1_000_000, layout);
        instanceVips = new InstanceVipParser(inv.name, zone, layout);
        reachable = true;
    }

    /** Host clock minus local clock at the round trip's midpoint; the best of ten tries on one channel. */
    private void measureClock() throws RemoteException {
        long[] r = ssh.clockOffsetUs(10, 5000);
        clockOffsetUs = r[0];
        rttUs = r[1];
    }

    /** What the host is doing now: VIP, VRRP state (keepalived's last word in its log), processes. */
    List<LabEvent> snapshot(long atUs) throws RemoteException {
        String vipCount = Shell.pipe(Shell.command("ip", "-o", "addr", "show", "dev", inv.iface),
                Shell.command("grep", "-c", "-F", "--", Watch.vipNeedle(vip)));
        String lastState = Shell.pipe(Shell.quiet(Watch.logTail(inv)),
                Shell.command("grep", "-E", STATE_LINES),
                Shell.command("tail", "-n", "1"));
        String c = Shell.sequence(vipCount, Watch.psCommand(inv, vip), lastState);
        SshHost.Result r = ssh.exec(c, 10_000);
        List<String> out = r.out().lines().toList();
        List<LabEvent> ev = new ArrayList<>();
        boolean holds = !out.isEmpty() && !out.get(0).strip().equals("0");
        ev.add(new LabEvent.VipChanged(atUs, inv.name, vip, holds, Reason.of(Reason.Code.AT_CONNECT)));
        Map<ProcessKind, ProcessState> procs = out.size() > 1 ? parsePs(out.get(1)) : Map.of();
        for (Map.Entry<ProcessKind, ProcessState> p : procs.entrySet()) {
            ev.add(new LabEvent.ProcessChanged(atUs, inv.name, p.getKey(), p.getValue(), p.getValue(), Reason.of(Reason.Code.AT_CONNECT)));
        }
        VrrpState vrrp = VrrpState.INIT;
        if (procs.get(ProcessKind.KEEPALIVED) == ProcessState.STOPPED) {
            vrrp = VrrpState.STOPPED;
        } else if (out.size() > 2) {
            Matcher m = Pattern.compile("Entering (MASTER|BACKUP|FAULT) STATE").matcher(out.get(2));
            if (m.find()) vrrp = VrrpState.valueOf(m.group(1));
        }
        List<LabEvent> instances = new ArrayList<>();
        if (layout.several()) {
            // the last state line above may be another instance's: each instance's own last line tells
            boolean gone = procs.get(ProcessKind.KEEPALIVED) == ProcessState.STOPPED;
            SshHost.Result more = ssh.exec(instancesSnapshot(), 10_000);
            List<String> lines = more.out().lines().toList();
            int mark = lines.indexOf(SECTION);
            List<String> addrs = mark < 0 ? List.of() : lines.subList(0, mark);
            List<String> log = mark < 0 ? List.of() : lines.subList(mark + 1, lines.size());
            if (!gone) vrrp = lastState(log, layout.primary());
            for (InstanceLayout.Other o : layout.others()) {
                VrrpState s = gone ? VrrpState.STOPPED : lastState(log, o.name());
                boolean held = o.vips().stream().anyMatch(a -> addrs.stream().anyMatch(l -> l.contains(Watch.vipNeedle(a))));
                instances.add(new LabEvent.InstanceStateChanged(atUs, inv.name, o.name(), VrrpState.INIT, s, Reason.of(Reason.Code.AT_CONNECT)));
                instances.add(new LabEvent.InstanceVipChanged(atUs, inv.name, o.name(), o.vipText(), held, Reason.of(Reason.Code.AT_CONNECT)));
                klog.assume(o.name(), s);
                instanceVips.assume(o.name(), held);
            }
        }
        ev.add(new LabEvent.VrrpStateChanged(atUs, inv.name, VrrpState.INIT, vrrp, Reason.of(Reason.Code.AT_CONNECT)));
        ev.addAll(instances);
        klog.assume(vrrp, procs.getOrDefault(ProcessKind.KEEPALIVED, ProcessState.RUNNING));
        return ev;
    }

    /** Between the addresses and the log lines in {@link #instancesSnapshot()}'s output. */
    static final String SECTION = "@@";

    /** The interface's addresses, then every state line of the log's tail (each instance's last one is found here). */
    private String instancesSnapshot() {
        return Shell.sequence(Shell.command("ip", "-o", "addr", "show", "dev", inv.iface), Shell.command("echo", SECTION),
                Shell.pipe(Shell.quiet(Watch.logTail(inv)), Shell.command("grep", "-E", STATE_LINES)));
    }

    /**
     * An instance's state as its last line in the log says: its own "Entering X STATE", or INIT when keepalived started
     * or stopped after it (the single-instance snapshot reads its one line the same way).
     */
    static VrrpState lastState(List<String> log, String instance) {
        Pattern own = Pattern.compile("\\(" + Pattern.quote(instance) + "\\) Entering (MASTER|BACKUP|FAULT) STATE");
        VrrpState s = VrrpState.INIT;
        for (String l : log) {
            Matcher m = own.matcher(l);
            if (m.find()) s = VrrpState.valueOf(m.group(1));
            else if (l.contains("Stopping") || l.contains("Stopped Keepalived") || l.contains("Starting Keepalived")) s = VrrpState.INIT;
        }
        return s;
    }

    /** keepalived's log lines that say an instance's state: its changes, and keepalived starting or stopping. */
    private static final String STATE_LINES = "Entering [A-Z]+ STATE|Stopping|Stopped Keepalived|Starting Keepalived";

    /** The VIP count from a process watcher line, or -1. */
    static int psVip(String line) {
        Matcher x = PS_LINE.matcher(line.strip());
        return x.matches() && x.group(6) != null ? Integer.parseInt(x.group(6)) : -1;
    }

    static Map<ProcessKind, ProcessState> parsePs(String line) {
        Map<ProcessKind, ProcessState> m = new EnumMap<>(ProcessKind.class);
        Matcher x = PS_LINE.matcher(line.strip());
        if (!x.matches()) return m;
        m.put(ProcessKind.MYSQLD, state(x.group(3)));
        m.put(ProcessKind.HAPROXY, state(x.group(4)));
        m.put(ProcessKind.KEEPALIVED, state(x.group(5)));
        return m;
    }

    /** "Sl," running; "Tl," stopped by a signal (hung); "" or only zombies: gone. */
    static ProcessState state(String stats) {
        boolean any = false;
        boolean allStopped = true;
        for (String s : stats.split(",")) {
            if (s.isEmpty() || s.startsWith("Z")) continue;
            any = true;
            if (!s.startsWith("T")) allStopped = false;
        }
        if (!any) return ProcessState.STOPPED;
        return allStopped ? ProcessState.HUNG : ProcessState.RUNNING;
    }

    static long psEpochUs(String line) {
        Matcher x = PS_LINE.matcher(line.strip());
        if (!x.matches()) return Long.MIN_VALUE;
        return Long.parseLong(x.group(1)) * 1_000_000 + Long.parseLong((x.group(2) + "000000").substring(0, 6));
    }

    void startStreams(Consumer<String> psLine) throws RemoteException {
        AddressMonitorParser mon = new AddressMonitorParser(inv.name, vip, zone);
        start(Watch.MONITOR.command(inv, vip), l -> {
            mon.parse(l, time()).ifPresent(sink);
            if (layout.several()) instanceVips.parse(l, time()).ifPresent(sink);
        });
        start(Watch.LOG.command(inv, vip), l -> klog.parse(l, time()).forEach(sink));
        if (hasTcpdump) {
            VrrpDumpParser dump = new VrrpDumpParser(hostByAddress, zone);
            // each host reports the adverts it sent itself; the other host's are its own stream's business
            start(Watch.ADVERTS.command(inv, vip), l -> dump.parse(l, time()).filter(a -> a.host().equals(inv.name)).ifPresent(sink));
        }
        start(Watch.PROCESSES.command(inv, vip), psLine);
        if (watchHaproxy && hasSocat) {
            HaproxyStatParser stat = new HaproxyStatParser(inv.name);
            StringBuilder chunk = new StringBuilder();
            long[] at = {Long.MIN_VALUE};
            start(Watch.HAPROXY_STATS.command(inv, vip), l -> {
                if (l.startsWith("@@ ")) {
                    if (at[0] != Long.MIN_VALUE && chunk.indexOf("#") >= 0) {
                        try {
                            stat.parse(chunk.toString(), time().labUs(at[0])).forEach(sink);
                        } catch (IllegalArgumentException ignored) {
                            // a half answer while haproxy restarts
                        }
                    }
                    chunk.setLength(0);
                    at[0] = Long.parseLong(l.substring(3).strip()) / 1000;
                } else {
                    chunk.append(l).append('\n');
                }
            });
        }
    }

    private void start(String command, Consumer<String> onLine) throws RemoteException {
        streams.add(ssh.stream(command, line -> {
            try {
                onLine.accept(line);
            } catch (RuntimeException e) {
                sink.accept(EventFormatter.diagnostic(time().nowLabUs(), inv.name, "viplab", Reason.of(Reason.Code.UNREADABLE_LINE, command, line)));
            }
        }, () -> {
            // the session is gone (the watchdog reconnects), or only this observer ended (no permission,
            // tool missing): then say so once and carry on with the others
            if (ssh.connected() && reachable) {
                sink.accept(EventFormatter.diagnostic(time().nowLabUs(), inv.name, "viplab", Reason.of(Reason.Code.OBSERVER_ENDED, command)));
            }
        }));
    }

    void stopStreams() {
        for (SshHost.Stream s : streams) s.close();
        streams.clear();
    }

    void close() {
        stopStreams();
        ssh.close();
        reachable = false;
    }
}
