package org.viplab.replay;

import org.viplab.core.timeline.LabEvent;
import org.viplab.observe.AddressMonitorParser;
import org.viplab.observe.HaproxyLogParser;
import org.viplab.observe.KeepalivedLogParser;
import org.viplab.observe.MariaDbLogParser;
import org.viplab.observe.TimeMap;
import org.viplab.replay.capture.TcpdumpText;
import org.viplab.replay.capture.WireFact;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One host's lines, from all its files, turned into events on the host's own clock (epoch microseconds).
 * Each line goes to the parser of the program that wrote it: the syslog tag when there is one, else its
 * content (keepalived's wording, {@code ip monitor}, haproxy's server messages, the MariaDB error log,
 * tcpdump text). What each file contributed is counted for the sources list.
 */
final class HostLog {
    private static final Pattern KEEPALIVED = Pattern.compile(
            "^(?:VRRP_Instance)?\\([^)]+\\) |^VRRP_Script\\(|^Script `|Keepalived|^Stopping$|^Stopped|^Startup complete|gratuitous ARP");
    private static final Pattern ADDRESS = Pattern.compile("^(Deleted )?\\d+: \\S+\\s+inet6? ");

    /** keepalived's own words about the VIP: "(VI_1) setting VIPs." / "(VI_1) removing VIPs." */
    private static final Pattern VIPS = Pattern.compile("^(?:VRRP_Instance)?\\([^)]+\\) (setting|removing) VIPs\\.?$");
    private static final Pattern STARTING = Pattern.compile("^Starting Keepalived\\b");
    private static final Pattern MASTER = Pattern.compile("^(?:VRRP_Instance)?\\([^)]+\\) Entering MASTER STATE");

    final String host;
    /**
     * The VIP's moves as keepalived's log states them, for a host without {@code ip monitor} lines (which say it
     * from the kernel, and win). A removal at start-up, before the instance was ever MASTER in this log, removes
     * nothing the host held and is left out.
     */
    final List<LabEvent> keepalivedVips = new ArrayList<>();
    private final String vip;
    private boolean sawStart;
    private boolean sawMaster;
    final List<LabEvent> events = new ArrayList<>();
    final List<WireFact> wire = new ArrayList<>();
    /** The processes that wrote a line VIP Lab read (only a running process writes), whether or not it became an event. */
    final java.util.Set<org.viplab.core.model.ProcessKind> wrote = java.util.EnumSet.noneOf(org.viplab.core.model.ProcessKind.class);
    /** Per file: kind of line → how many. */
    final Map<String, Map<String, Integer>> contributed = new LinkedHashMap<>();
    /** The coarsest stamp of this host's keepalived lines (1 s for syslog): the offset's floor of uncertainty. */
    long keepalivedResolutionUs = 1;
    private final KeepalivedLogParser keepalived;
    private final AddressMonitorParser addresses;
    private final HaproxyLogParser haproxy;
    private final MariaDbLogParser mariadb;
    private final AtTime at = new AtTime();

    HostLog(String host, String vip, boolean advertsFromLog) {
        this.host = host;
        this.vip = vip;
        this.keepalived = new KeepalivedLogParser(host, ZoneOffset.UTC, advertsFromLog, 0, 1_000_000);
        this.addresses = new AddressMonitorParser(host, vip == null ? "" : vip, ZoneOffset.UTC);
        this.haproxy = new HaproxyLogParser(host);
        this.mariadb = new MariaDbLogParser(host);
    }

    /** "mariadbd" when this host's MariaDB log names the server so. */
    String mysqlDaemon() { return mariadb.daemon(); }

    void add(StampedLine l) {
        at.t = l.epochUs();
        String text = l.text();
        String kind = kindOf(l);
        int before = events.size();
        switch (kind) {
            case "keepalived" -> {
                wrote.add(org.viplab.core.model.ProcessKind.KEEPALIVED);
                events.addAll(keepalived.parse(text, at));
                vipWords(l.epochUs(), text);
                keepalivedResolutionUs = Math.max(keepalivedResolutionUs, l.resolutionUs());
            }
            case "ip-monitor" -> addresses.parse(text, at).ifPresent(events::add);
            case "haproxy" -> {
                wrote.add(org.viplab.core.model.ProcessKind.HAPROXY);
                events.addAll(haproxy.parse(l.epochUs(), text));
            }
            case "mysqld" -> {
                wrote.add(org.viplab.core.model.ProcessKind.MYSQLD);
                events.addAll(mariadb.parse(l.epochUs(), text));
            }
            case "tcpdump" -> TcpdumpText.parse(l.epochUs(), text).ifPresent(wire::add);
            default -> { }
        }
        // a line read as its program's counts even when it changes nothing (a replica's notes in the error log)
        if (events.size() > before || !kind.equals("other")) {
            contributed.computeIfAbsent(l.file(), f -> new LinkedHashMap<>()).merge(kind, 1, Integer::sum);
        }
    }

    private void vipWords(long epochUs, String text) {
        if (STARTING.matcher(text).find()) {
            sawStart = true;
            sawMaster = false;
        }
        if (MASTER.matcher(text).find()) sawMaster = true;
        java.util.regex.Matcher m = VIPS.matcher(text);
        if (vip == null || !m.find()) return;
        boolean setting = m.group(1).equals("setting");
        if (!setting && sawStart && !sawMaster) return;
        keepalivedVips.add(new LabEvent.VipChanged(epochUs, host, vip, setting, org.viplab.core.timeline.Reason.of(org.viplab.core.timeline.Reason.Code.TEXT, text)));
    }

    /** True when one of this host's files had {@code ip monitor address} lines: the kernel's word on the VIP. */
    boolean monitorsAddresses() { return contributed.values().stream().anyMatch(k -> k.containsKey("ip-monitor")); }

    private static String kindOf(StampedLine l) {
        String p = l.program() == null ? "" : l.program().toLowerCase(Locale.ROOT);
        if (p.startsWith("keepalived")) return "keepalived";
        if (p.startsWith("haproxy")) return "haproxy";
        if (p.startsWith("mariadb") || p.startsWith("mysql")) return "mysqld";
        if (!p.isEmpty() && !p.equals("kernel")) return "other"; // systemd's own words are not the daemon's
        String t = l.text();
        if (ADDRESS.matcher(t).find()) return "ip-monitor";
        if (TcpdumpText.recognises(t)) return "tcpdump";
        if (HaproxyLogParser.recognises(t)) return "haproxy";
        if (MariaDbLogParser.recognises(t)) return "mysqld";
        if (KEEPALIVED.matcher(t).find()) return "keepalived";
        return "other";
    }

    /** The line's own time for the parsers, which read no stamp from text that has none left. */
    private static final class AtTime implements TimeMap {
        long t;

        public long labUs(long hostEpochUs) { return hostEpochUs; }

        public long nowLabUs() { return t; }
    }
}
