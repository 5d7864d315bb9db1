package org.viplab.replay;

import org.viplab.core.model.VrrpState;
import org.viplab.core.timeline.LabEvent;
import org.viplab.replay.capture.WireFact;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which host sent the adverts of each address in the capture. The logs say it two ways: a host names its
 * peer's address ("Master received advert from 10.9.8.201 with higher priority 100"), and a host's MASTER
 * transition lines up with an address's first advert after a silence. With two hosts, one address known
 * names the other.
 */
final class HostAddresses {
    private static final Pattern PEER = Pattern.compile("advert(?:isement)? from (\\d+\\.\\d+\\.\\d+\\.\\d+)");
    private static final long ALIGN_US = 1_000_000;

    private HostAddresses() { }

    /** @param given address → host from {@code --address}, taken as stated */
    static Map<String, String> resolve(List<HostLog> hosts, List<WireFact.Advert> adverts, Map<String, String> given) {
        Set<String> ips = new LinkedHashSet<>();
        for (WireFact.Advert a : adverts) ips.add(a.sourceIp());
        Map<String, String> byIp = new HashMap<>(given);
        Map<String, Set<String>> notOf = new HashMap<>();
        for (HostLog h : hosts) {
            for (LabEvent e : h.events) {
                if (!(e instanceof LabEvent.LogLine l)) continue;
                Matcher m = PEER.matcher(l.text());
                if (m.find()) notOf.computeIfAbsent(m.group(1), x -> new LinkedHashSet<>()).add(h.host);
            }
        }
        for (int round = 0; round < 2; round++) {
            for (String ip : ips) {
                if (byIp.containsKey(ip)) continue;
                String h = byExclusion(ip, hosts, notOf, byIp);
                if (h == null) h = byTakeover(ip, hosts, adverts, byIp);
                if (h != null) byIp.put(ip, h);
            }
            // one address and one host left: they belong together
            List<String> leftIps = ips.stream().filter(ip -> !byIp.containsKey(ip)).toList();
            List<String> leftHosts = hosts.stream().map(h -> h.host).filter(h -> !byIp.containsValue(h)).toList();
            if (leftIps.size() == 1 && leftHosts.size() == 1 && !byIp.isEmpty()) byIp.put(leftIps.get(0), leftHosts.get(0));
        }
        return byIp;
    }

    private static String byExclusion(String ip, List<HostLog> hosts, Map<String, Set<String>> notOf, Map<String, String> byIp) {
        Set<String> not = notOf.get(ip);
        if (not == null) return null;
        List<String> rest = hosts.stream().map(h -> h.host).filter(h -> !not.contains(h) && !byIp.containsValue(h)).toList();
        return rest.size() == 1 ? rest.get(0) : null;
    }

    private static String byTakeover(String ip, List<HostLog> hosts, List<WireFact.Advert> adverts, Map<String, String> byIp) {
        List<WireFact.Advert> own = adverts.stream().filter(a -> a.sourceIp().equals(ip)).toList();
        long captureStart = adverts.isEmpty() ? 0 : adverts.get(0).epochUs();
        String match = null;
        for (HostLog h : hosts) {
            if (byIp.containsValue(h.host)) continue;
            for (LabEvent e : h.events) {
                if (!(e instanceof LabEvent.VrrpStateChanged v) || v.to() != VrrpState.MASTER) continue;
                for (int i = 0; i < own.size(); i++) {
                    WireFact.Advert a = own.get(i);
                    long interval = Math.max(a.intervalUs(), 1_000_000);
                    // a first advert counts only when the capture ran long enough before it to show the silence
                    boolean afterSilence = i == 0 ? a.epochUs() - captureStart > interval * 3 / 2
                            : a.epochUs() - own.get(i - 1).epochUs() > interval * 3 / 2;
                    if (afterSilence && Math.abs(a.epochUs() - v.timeUs()) <= ALIGN_US) {
                        if (match != null && !match.equals(h.host)) return null; // two hosts fit: say nothing
                        match = h.host;
                    }
                }
            }
        }
        return match;
    }
}
