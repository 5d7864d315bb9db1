package org.viplab.replay;

import org.viplab.core.model.VrrpState;
import org.viplab.core.timeline.LabEvent;
import org.viplab.replay.capture.WireFact;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Estimates a host's clock offset against the capture, and a client's against the hosts ({@link #client}). The capture is the reference: it saw both hosts'
 * packets on one clock. Each act keepalived logs and puts on the wire gives a pair (log time − wire time);
 * the smallest is the estimate, since a log line only ever lags its packet. It corrects the host's times only
 * when at least two pairs agree on an offset larger than its uncertainty.
 */
final class ClockOffsets {
    /** How far apart a log line and its packet may be and still be the same act. */
    private static final long PAIR_WINDOW_US = 2_000_000;
    /**
     * keepalived writes its line about a packet up to ~15 ms after sending it (S3 of the real-lab recordings:
     * "sent 0 priority" logged 14 ms after the advert was on the wire), and a log wrapper adds its own delay.
     */
    static final long LOG_LATENCY_US = 20_000;

    private ClockOffsets() { }

    static ClockOffset estimate(HostLog h, List<WireFact.Advert> adverts, Map<String, String> hostByIp) {
        List<WireFact.Advert> own = adverts.stream().filter(a -> h.host.equals(hostByIp.get(a.sourceIp()))).toList();
        if (own.isEmpty()) return ClockOffset.unknown(h.host);
        List<Long> pairs = new ArrayList<>();
        for (LabEvent e : h.events) {
            if (e instanceof LabEvent.LogLine l && l.source().equals("keepalived") && l.text().contains("sent 0 priority")) {
                nearest(own, l.timeUs(), a -> a.priority() == 0, null).ifPresent(a -> pairs.add(l.timeUs() - a.epochUs()));
            } else if (e instanceof LabEvent.VrrpStateChanged v && v.to() == VrrpState.MASTER) {
                nearest(own, v.timeUs(), a -> a.priority() > 0, own).ifPresent(a -> pairs.add(v.timeUs() - a.epochUs()));
            }
        }
        return fromPairs(h.host, pairs, h.keepalivedResolutionUs);
    }

    /**
     * The offset that pairs of (this clock's time − the reference's time) of one act each show: each side of a
     * pair only ever lags the act, this one by more, so the promptest pair is the closest to the true offset.
     *
     * @param resolutionUs the coarsest stamp among the pairs: the bound's floor
     */
    static ClockOffset fromPairs(String who, List<Long> pairs, long resolutionUs) {
        if (pairs.isEmpty()) return ClockOffset.unknown(who);
        List<Long> sorted = new ArrayList<>(pairs);
        Collections.sort(sorted);
        long best = sorted.get(0);
        long spread = sorted.get(sorted.size() - 1) - best;
        long uncertainty = Math.max(resolutionUs, spread) + LOG_LATENCY_US;
        // one pair cannot tell a clock offset from the log's delay (the lab's wrapper lagged 67 ms on a loaded
        // machine in the 2026-12-06 recording, on one clock); two or more that agree can
        return new ClockOffset(who, best, uncertainty, sorted.size(), false, sorted.size() >= 2 && Math.abs(best) > uncertainty);
    }

    /**
     * A client's clock against the hosts': its ARP entry for the VIP moves to a new MAC when the new holder's
     * gratuitous ARP arrives, so each move pairs with the nearest arrival of the VIP on that host (its GARP on the
     * wire, else the VIP added in its log, on the merged clock). With no capture to name the MAC, any host's arrival.
     *
     * @param moves        the client's moves of its entry: (client time, host it now points at, or null when unknown)
     * @param garps        the gratuitous ARPs on the wire (capture clock): what the client hears, so preferred
     * @param vipAdds      the VIP added on a host, from its logs (merged clock)
     * @param resolutionUs the coarsest stamp of the hosts' logs
     */
    static ClockOffset client(String who, List<Map.Entry<Long, String>> moves, List<? extends LabEvent> garps,
                              List<? extends LabEvent> vipAdds, long resolutionUs) {
        List<Long> pairs = new ArrayList<>();
        for (Map.Entry<Long, String> m : moves) {
            LabEvent best = nearestArrival(m, garps);
            if (best == null) best = nearestArrival(m, vipAdds);
            if (best != null) pairs.add(m.getKey() - best.timeUs());
        }
        return fromPairs(who, pairs, resolutionUs);
    }

    private static LabEvent nearestArrival(Map.Entry<Long, String> move, List<? extends LabEvent> arrivals) {
        LabEvent best = null;
        for (LabEvent a : arrivals) {
            if (move.getValue() != null && !move.getValue().equals(a.host()) || Math.abs(move.getKey() - a.timeUs()) > PAIR_WINDOW_US) continue;
            if (best == null || Math.abs(move.getKey() - a.timeUs()) < Math.abs(move.getKey() - best.timeUs())) best = a;
        }
        return best;
    }

    /**
     * The wire advert nearest {@code t} that {@code ok}s; with {@code firstAfterSilence}, only an advert that
     * follows a silence of its sender (a new MASTER's first), as keepalived sends one on taking over.
     */
    private static java.util.Optional<WireFact.Advert> nearest(List<WireFact.Advert> own, long t,
                                                                java.util.function.Predicate<WireFact.Advert> ok,
                                                                List<WireFact.Advert> firstAfterSilence) {
        WireFact.Advert best = null;
        for (int i = 0; i < own.size(); i++) {
            WireFact.Advert a = own.get(i);
            if (!ok.test(a) || Math.abs(a.epochUs() - t) > PAIR_WINDOW_US) continue;
            if (firstAfterSilence != null && i > 0) {
                WireFact.Advert prev = own.get(i - 1);
                long interval = Math.max(a.intervalUs(), 1_000_000);
                if (a.epochUs() - prev.epochUs() < interval * 3 / 2 && prev.priority() > 0) continue;
            }
            if (best == null || Math.abs(a.epochUs() - t) < Math.abs(best.epochUs() - t)) best = a;
        }
        return java.util.Optional.ofNullable(best);
    }
}
