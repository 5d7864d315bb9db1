package org.viplab.replay;

import org.viplab.core.model.VrrpState;
import org.viplab.core.timeline.CauseInference;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Retimer;
import org.viplab.core.util.InputFiles;
import org.viplab.observe.NeighMonitorParser;
import org.viplab.replay.capture.CaptureReader;
import org.viplab.replay.capture.FrameDecoder;
import org.viplab.replay.capture.Packet;
import org.viplab.replay.capture.TcpdumpText;
import org.viplab.replay.capture.WireFact;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rebuilds an incident: each host's files read by content, the captures decoded, the capture's addresses
 * named after hosts, each host's clock offset estimated (or given), everything merged in time order, and the
 * causes inferred by {@link CauseInference} (the one cause engine of observed runs).
 */
public final class IncidentBuilder {
    private static final Pattern VIP_IN_TEXT = Pattern.compile(
            "gratuitous ARPs? on \\S+ for (\\d+\\.\\d+\\.\\d+\\.\\d+)|who-has (\\d+\\.\\d+\\.\\d+\\.\\d+) (?:\\(\\S+\\) )?tell \\2\\b");
    private static final Pattern VIP_IN_MONITOR = Pattern.compile("(?m)\\] (?:Deleted )?\\d+: \\S+\\s+inet (\\d+\\.\\d+\\.\\d+\\.\\d+)/32 ");
    /** A MASTER's garp_master_delay repeat comes 5 s after the first burst: still its own. */
    private static final long GARP_ATTRIBUTION_US = 6_000_000;

    private record Input(String host, String name, byte[] bytes) { }

    private record StampedNeigh(long epochUs, NeighMonitorParser.Neigh neigh) { }

    /** The host name client-side sources are listed under. */
    public static final String CLIENT = "client";
    private final List<StampedNeigh> neighs = new ArrayList<>();

    private final ZoneId zone;
    private final Map<String, Long> givenOffsetsUs;
    private final String givenVip;
    private final Map<String, String> givenHostByIp = new LinkedHashMap<>();
    private final Map<String, List<Input>> logs = new LinkedHashMap<>();
    private final List<Input> captures = new ArrayList<>();
    private final List<Input> clients = new ArrayList<>();
    private final List<InputSummary> summaries = new ArrayList<>();

    /**
     * @param zone           the zone of stamps that carry none (keepalived's own, RFC 3164, tcpdump -tttt)
     * @param givenOffsetsUs host → clock offset from {@code --offset}, used instead of the estimate
     * @param vip            the VIP, or null to read it from the evidence (gratuitous ARPs)
     */
    public IncidentBuilder(ZoneId zone, Map<String, Long> givenOffsetsUs, String vip) {
        this.zone = zone;
        this.givenOffsetsUs = Map.copyOf(givenOffsetsUs);
        this.givenVip = vip;
    }

    public IncidentBuilder log(String host, String name, byte[] bytes) {
        logs.computeIfAbsent(host, h -> new ArrayList<>()).add(new Input(host, name, bytes));
        return this;
    }

    /** {@code --address HOST=IP}: the capture's adverts from {@code ip} are {@code host}'s (when the logs do not say). */
    public IncidentBuilder address(String host, String ip) {
        givenHostByIp.put(ip, host);
        return this;
    }

    /**
     * A client-side source: {@code ip -ts monitor neigh} on a client of the VIP, whose ARP entry changes become
     * the run's ARP events (named after the host whose MAC the entry points at, when the capture tells).
     */
    public IncidentBuilder client(String name, byte[] bytes) {
        clients.add(new Input(null, name, bytes));
        return this;
    }

    public IncidentBuilder capture(String name, byte[] bytes) {
        captures.add(new Input(null, name, bytes));
        return this;
    }

    /**
     * What each file gave, in the order read: after {@link #build()}, and also after it failed (the files read
     * before the one that could not be).
     */
    public List<InputSummary> summaries() { return List.copyOf(summaries); }

    public Incident build() throws IncidentException {
        summaries.clear();
        neighs.clear();
        if (logs.isEmpty()) throw new IncidentException("no --log given: an incident needs at least one host's log");
        Map<Input, String> texts = new LinkedHashMap<>();
        Map<String, Integer> captureFacts = new LinkedHashMap<>();
        List<WireFact> wire = new ArrayList<>();
        long[] captureEnd = {Long.MIN_VALUE};
        for (List<Input> l : logs.values()) {
            for (Input in : l) {
                if (CaptureReader.looksLikeCapture(in.bytes)) throw new IncidentException(in.name + ": a packet capture; give it with --capture");
                texts.put(in, decode(in));
            }
        }
        for (Input in : captures) {
            if (CaptureReader.looksLikeCapture(in.bytes)) {
                int before = wire.size();
                List<Packet> packets = CaptureReader.read(in.name, in.bytes);
                for (Packet p : packets) FrameDecoder.decode(p).ifPresent(wire::add);
                captureFacts.put(in.name, wire.size() - before);
                summaries.add(new InputSummary(in.name, null, InputFormat.ofCapture(in.bytes), packets.size(), wire.size() - before,
                        Map.of("capture", wire.size() - before)));
            } else {
                texts.put(in, decode(in));
            }
        }
        List<Input> clientInputs = new ArrayList<>();
        Map<Input, String> clientTexts = new LinkedHashMap<>();
        for (Input in : clients) {
            if (CaptureReader.looksLikeCapture(in.bytes)) throw new IncidentException(in.name + ": a packet capture; give it as a capture");
            clientTexts.put(in, decode(in));
            clientInputs.add(in);
        }
        int year = texts.values().stream().map(TextLines::statedYear).filter(y -> y != null).findFirst().orElse(LocalDate.now(zone).getYear());
        String vip = givenVip != null ? givenVip : vipFrom(texts.values(), wire);
        boolean anyCapture = !captures.isEmpty();
        Map<String, HostLog> hosts = new LinkedHashMap<>();
        for (String h : logs.keySet()) hosts.put(h, new HostLog(h, vip, !anyCapture));
        Map<String, Integer> captureCounts = captureFacts;
        for (Map.Entry<Input, String> e : texts.entrySet()) {
            Input in = e.getKey();
            List<StampedLine> lines = TextLines.read(in.name, e.getValue(), zone, year);
            if (in.host == null) {
                int before = wire.size();
                for (StampedLine l : lines) if (TcpdumpText.recognises(l.text())) TcpdumpText.parse(l.epochUs(), l.text()).ifPresent(wire::add);
                if (wire.size() == before) throw IncidentException.at(in.name, 1, "no VRRP advert or ARP line of tcpdump -tttt text, and not a pcap or pcapng file");
                captureCounts.put(in.name, wire.size() - before);
                summaries.add(new InputSummary(in.name, null, "tcpdump -tttt", lines.size(), wire.size() - before, Map.of("capture", wire.size() - before)));
            } else {
                HostLog h = hosts.get(in.host);
                List<StampedLine> sorted = new ArrayList<>(lines);
                sorted.sort(Comparator.comparingLong(StampedLine::epochUs)); // stable: same-stamp lines keep their order
                for (StampedLine l : sorted) h.add(l);
                Map<String, Integer> kinds = h.contributed.getOrDefault(in.name, Map.of());
                summaries.add(new InputSummary(in.name, in.host, InputFormat.ofText(e.getValue()), lines.size(),
                        kinds.values().stream().mapToInt(Integer::intValue).sum(), kinds));
                if (kinds.isEmpty()) {
                    throw IncidentException.at(in.name, lines.get(0).line(), "no line of keepalived, haproxy, MariaDB, ip -ts monitor or tcpdump that VIP Lab reads");
                }
            }
        }
        for (Map.Entry<Input, String> e : clientTexts.entrySet()) {
            Input in = e.getKey();
            List<StampedLine> lines = TextLines.read(in.name, e.getValue(), zone, year);
            int before = neighs.size();
            for (StampedLine l : lines) NeighMonitorParser.parse(l.text()).ifPresent(n -> neighs.add(new StampedNeigh(l.epochUs(), n)));
            int used = neighs.size() - before;
            summaries.add(new InputSummary(in.name, CLIENT, InputFormat.ofText(e.getValue()), lines.size(), used, Map.of("ip-neigh", used)));
            if (used == 0) throw IncidentException.at(in.name, lines.get(0).line(), "no line of ip -ts monitor neigh (a client's ARP entries) that VIP Lab reads");
        }
        for (HostLog h : hosts.values()) wire.addAll(h.wire);
        wire.sort(Comparator.comparingLong(WireFact::epochUs));
        if (anyCapture && !wire.isEmpty()) captureEnd[0] = wire.get(wire.size() - 1).epochUs();
        return assemble(new ArrayList<>(hosts.values()), wire, vip, captureEnd[0], captureCounts);
    }

    private Incident assemble(List<HostLog> hosts, List<WireFact> wire, String vip, long captureEnd, Map<String, Integer> captureCounts)
            throws IncidentException {
        List<WireFact.Advert> adverts = wire.stream().filter(w -> w instanceof WireFact.Advert).map(w -> (WireFact.Advert) w).toList();
        Map<String, String> hostByIp = HostAddresses.resolve(hosts, adverts, givenHostByIp);
        Map<String, String> hostByMac = new HashMap<>();
        for (WireFact.Advert a : adverts) if (!a.sourceMac().isEmpty() && hostByIp.containsKey(a.sourceIp())) hostByMac.put(a.sourceMac(), hostByIp.get(a.sourceIp()));
        Map<String, ClockOffset> offsets = new LinkedHashMap<>();
        for (HostLog h : hosts) {
            Long given = givenOffsetsUs.get(h.host);
            offsets.put(h.host, given != null ? new ClockOffset(h.host, given, 0, 0, true, true) : ClockOffsets.estimate(h, adverts, hostByIp));
        }
        for (String h : givenOffsetsUs.keySet()) {
            if (!offsets.containsKey(h) && !(h.equals(CLIENT) && !neighs.isEmpty())) {
                throw new IncidentException("--offset names " + h + ", which no --log gives" + (h.equals(CLIENT) ? " (nor --client)" : ""));
            }
        }

        List<LabEvent> all = new ArrayList<>();
        Map<String, Boolean> keepalivedLogged = new HashMap<>();
        for (HostLog h : hosts) {
            ClockOffset o = offsets.get(h.host);
            long shift = o.applied() ? o.offsetUs() : 0;
            List<LabEvent> own = new ArrayList<>(h.events);
            if (!h.monitorsAddresses()) own.addAll(h.keepalivedVips); // keepalived's words on the VIP, when the kernel's are missing
            for (LabEvent e : own) {
                all.add(Retimer.withTime(e, e.timeUs() - shift));
                if (e instanceof LabEvent.LogLine l && l.source().equals("keepalived")) keepalivedLogged.put(h.host, true);
            }
        }
        List<LabEvent.AdvertSent> wireAdverts = new ArrayList<>();
        for (WireFact.Advert a : adverts) {
            LabEvent.AdvertSent s = new LabEvent.AdvertSent(a.epochUs(), hostByIp.getOrDefault(a.sourceIp(), a.sourceIp()), a.vrid(), a.priority(), a.version(), a.intervalUs());
            wireAdverts.add(s);
            all.add(s);
        }
        all.sort(Comparator.comparingLong(LabEvent::timeUs));
        List<LabEvent.GarpSent> wireGarps = attributeGarps(wire, vip, hostByMac, all);
        // the client's ARP entry for the VIP, on the client's clock corrected as the hosts' are
        if (!neighs.isEmpty()) {
            Long given = givenOffsetsUs.get(CLIENT);
            long resolution = hosts.stream().mapToLong(h -> h.keepalivedResolutionUs).max().orElse(1);
            ClockOffset c = given != null ? new ClockOffset(CLIENT, given, 0, 0, true, true)
                    : ClockOffsets.client(CLIENT, clientMoves(vip, hostByMac), wireGarps,
                    all.stream().filter(e -> e instanceof LabEvent.VipChanged v && v.added()).toList(), resolution);
            offsets.put(CLIENT, c);
            long shift = c.applied() ? c.offsetUs() : 0;
            for (StampedNeigh n : neighs) {
                if (vip != null && !vip.equals(n.neigh().ip())) continue;
                String at = n.neigh().mac().isEmpty() ? "" : hostByMac.getOrDefault(n.neigh().mac(), n.neigh().mac());
                all.add(new LabEvent.ArpChanged(n.epochUs() - shift, n.neigh().ip(), at, n.neigh().state()));
            }
        }
        for (LabEvent.GarpSent g : wireGarps) if (!g.host().isEmpty() && !keepalivedLogged.containsKey(g.host())) all.add(g);
        all.sort(Comparator.comparingLong(LabEvent::timeUs));
        if (all.isEmpty()) throw new IncidentException("the inputs hold no event VIP Lab reads (no VIP, VRRP or process change)");

        long start = Math.floorDiv(all.get(0).timeUs(), 1000) * 1000;
        // hosts are those with logs, then the capture's other advertisers (by name when given, else by address)
        List<String> names = new ArrayList<>(hosts.stream().map(h -> h.host).toList());
        for (LabEvent.AdvertSent a : wireAdverts) if (!names.contains(a.host())) names.add(a.host());
        java.util.Collections.sort(names);
        List<LabEvent> onClock = new ArrayList<>();
        Map<String, java.util.Set<org.viplab.core.model.ProcessKind>> wrote = new HashMap<>();
        for (HostLog h : hosts) wrote.put(h.host, h.wrote);
        List<LabEvent> atStart = new ArrayList<>(ProcessesAtStart.of(all, wrote, names, start));
        atStart.addAll(InitialState.atStart(all, names, vip, start));
        for (LabEvent e : atStart) {
            onClock.add(Retimer.withTime(e, e.timeUs() - start));
        }
        long end = onClock.get(onClock.size() - 1).timeUs();
        Map<String, Map<String, Integer>> contributed = new LinkedHashMap<>();
        Map<String, String> daemons = new LinkedHashMap<>();
        for (HostLog h : hosts) {
            contributed.putAll(h.contributed);
            if (h.mysqlDaemon() != null) daemons.put(h.host, h.mysqlDaemon());
        }
        captureCounts.forEach((f, n) -> contributed.put(f, Map.of("capture", n)));
        List<LabEvent.GarpSent> garpsOnClock = wireGarps.stream().map(g -> (LabEvent.GarpSent) Retimer.withTime(g, g.timeUs() - start)).toList();
        List<LabEvent.AdvertSent> advertsOnClock = wireAdverts.stream().map(a -> (LabEvent.AdvertSent) Retimer.withTime(a, a.timeUs() - start)).toList();
        return new Incident(CauseInference.inferred(onClock), start, end, List.copyOf(names), vip, offsets,
                contributed, daemons, garpsOnClock, captureEnd == Long.MIN_VALUE ? -1 : captureEnd - start, advertsOnClock);
    }

    /**
     * The moves of the client's ARP entry for the VIP: each line whose MAC differs from the entry's last, with the
     * host that MAC is (null when no capture names it).
     */
    private List<Map.Entry<Long, String>> clientMoves(String vip, Map<String, String> hostByMac) {
        List<Map.Entry<Long, String>> moves = new ArrayList<>();
        String last = null;
        for (StampedNeigh n : neighs) {
            String mac = n.neigh().mac();
            if (vip != null && !vip.equals(n.neigh().ip()) || mac.isEmpty() || n.neigh().state().equals("DELETED")) continue;
            if (!mac.equals(last)) moves.add(new java.util.AbstractMap.SimpleImmutableEntry<>(n.epochUs(), hostByMac.get(mac)));
            last = mac;
        }
        return moves;
    }

    /**
     * Gratuitous ARPs for the VIP on the wire, each named after its sender: by MAC when the capture has it,
     * else the host that became MASTER last (within a garp_master_delay) before it; "" when none fits.
     */
    private static List<LabEvent.GarpSent> attributeGarps(List<WireFact> wire, String vip, Map<String, String> hostByMac, List<LabEvent> sorted) {
        List<LabEvent.GarpSent> out = new ArrayList<>();
        for (WireFact w : wire) {
            if (!(w instanceof WireFact.Arp a) || !a.gratuitous() || vip != null && !vip.equals(a.senderIp())) continue;
            String host = hostByMac.get(a.senderMac());
            if (host == null) {
                long best = Long.MIN_VALUE;
                for (LabEvent e : sorted) {
                    if (e.timeUs() > a.epochUs() + ClockOffsets.LOG_LATENCY_US) break;
                    if (e instanceof LabEvent.VrrpStateChanged v && v.to() == VrrpState.MASTER && v.timeUs() >= a.epochUs() - GARP_ATTRIBUTION_US
                            && v.timeUs() >= best) {
                        best = v.timeUs();
                        host = v.host();
                    }
                }
            }
            // a burst is one event: keepalived sends garp_master_repeat ARPs within a millisecond
            LabEvent.GarpSent last = out.isEmpty() ? null : out.get(out.size() - 1);
            String h = host == null ? "" : host;
            if (last != null && last.host().equals(h) && a.epochUs() - last.timeUs() < 100_000) {
                out.set(out.size() - 1, new LabEvent.GarpSent(last.timeUs(), h, last.vip(), last.count() + 1));
            } else {
                out.add(new LabEvent.GarpSent(a.epochUs(), h, a.senderIp(), 1));
            }
        }
        return out;
    }

    private static String vipFrom(Iterable<String> texts, List<WireFact> wire) {
        for (WireFact w : wire) if (w instanceof WireFact.Arp a && a.gratuitous()) return a.senderIp();
        for (String t : texts) {
            Matcher m = VIP_IN_TEXT.matcher(t);
            if (m.find()) return m.group(1) != null ? m.group(1) : m.group(2);
        }
        // last: a host address (/32) that ip monitor saw come and go, as keepalived adds a VIP
        for (String t : texts) {
            Matcher m = VIP_IN_MONITOR.matcher(t);
            if (m.find()) return m.group(1);
        }
        return null;
    }

    private static String decode(Input in) throws IncidentException {
        try {
            return InputFiles.decode(in.name, in.bytes);
        } catch (InputFiles.InputFileException e) {
            throw new IncidentException(e.getMessage());
        }
    }
}
