package org.viplab.core.timeline;

import org.viplab.core.model.VrrpState;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Questions the rest of VIP Lab asks of a timeline, answered over a window [fromUs, toUs]. Events before
 * the window still count for the state at its start (a drill's warm-up puts the VIP on the master before t = 0).
 */
public final class TimelineAnalysis {
    /** The VIP on both hosts for longer than this is split brain; shorter is a handover overlap. */
    public static final long SPLIT_BRAIN_THRESHOLD_US = 100_000;
    /** An action more than this long before a failover is not taken as its cause. */
    private static final long CAUSE_HORIZON_US = 120_000_000;

    private final List<LabEvent> events;
    private final long fromUs;
    private final long toUs;
    private final List<Span> spans;
    private final List<Outage> outages;

    public TimelineAnalysis(List<LabEvent> events, long fromUs, long toUs) {
        this.events = events;
        this.fromUs = fromUs;
        this.toUs = toUs;
        this.spans = buildSpans();
        this.outages = buildOutages();
    }

    public long fromUs() { return fromUs; }

    public long toUs() { return toUs; }

    /** The holder intervals covering the whole window, in order. */
    public List<Span> spans() { return spans; }

    public Set<String> holdersAt(long t) {
        for (Span s : spans) if (t >= s.startUs() && t < s.endUs()) return s.holders();
        return spans.isEmpty() ? Set.of() : spans.get(spans.size() - 1).holders();
    }

    public List<Span> nowhere() { return spans.stream().filter(Span::nowhere).toList(); }

    /** Every interval with the VIP on more than one host, split brain or handover. */
    public List<Span> overlaps() { return spans.stream().filter(Span::both).toList(); }

    public List<Span> splitBrains() {
        return overlaps().stream().filter(s -> s.lengthUs() > SPLIT_BRAIN_THRESHOLD_US).toList();
    }

    public long longestGapUs() { return nowhere().stream().mapToLong(Span::lengthUs).max().orElse(0); }

    public long splitBrainUs() { return splitBrains().stream().mapToLong(Span::lengthUs).sum(); }

    public List<Outage> outages() { return outages; }

    public long longestOutageUs() { return outages.stream().mapToLong(Outage::lengthUs).max().orElse(0); }

    public int probes() {
        int n = 0;
        for (LabEvent e : events) if (e instanceof LabEvent.ClientProbe p && in(p.timeUs())) n++;
        return n;
    }

    public int failedProbes() {
        int n = 0;
        for (LabEvent e : events) if (e instanceof LabEvent.ClientProbe p && in(p.timeUs()) && !p.ok()) n++;
        return n;
    }

    /** keepalived's VRRP state of a host at time t (its last change at or before t). */
    public VrrpState vrrpStateAt(String host, long t) {
        VrrpState s = VrrpState.INIT;
        for (LabEvent e : events) {
            if (e.timeUs() > t) break;
            if (e instanceof LabEvent.VrrpStateChanged c && c.host().equals(host)) s = c.to();
        }
        return s;
    }

    /** Every move of the VIP from one sole holder to another, with its cause and cost. */
    public List<Failover> failovers() {
        List<Failover> out = new ArrayList<>();
        String sole = null;
        long lostAt = -1;
        long gap = 0;
        long overlap = 0;
        for (Span s : spans) {
            Set<String> h = s.holders();
            if (h.size() == 1) {
                String now = h.iterator().next();
                if (sole != null && !now.equals(sole)) {
                    if (lostAt < 0) lostAt = s.startUs(); // a handover in one instant
                    LabEvent.ActionApplied cause = causeBefore(lostAt);
                    long causeUs = cause == null ? -1 : cause.timeUs();
                    long downtime = downtimeAround(causeUs >= 0 ? causeUs : lostAt, s.startUs());
                    out.add(new Failover(sole, now, cause == null ? "unknown" : cause.action() + " " + cause.target(),
                            causeUs, lostAt, s.startUs(), gap, overlap, downtime));
                }
                sole = now;
                lostAt = -1;
                gap = 0;
                overlap = 0;
            } else {
                if (lostAt < 0 && sole != null) lostAt = s.startUs();
                if (h.isEmpty()) gap += s.lengthUs(); else overlap += s.lengthUs();
            }
        }
        return out;
    }

    private LabEvent.ActionApplied causeBefore(long t) {
        LabEvent.ActionApplied best = null;
        for (LabEvent e : events) {
            if (e.timeUs() > t) break;
            if (e instanceof LabEvent.ActionApplied a && a.by() != Actor.RESTORE && t - a.timeUs() <= CAUSE_HORIZON_US) best = a;
        }
        return best;
    }

    /** The length of client outage overlapping [a, b + 5 s]: what clients paid for this failover. */
    private long downtimeAround(long a, long b) {
        long total = 0;
        for (Outage o : outages) {
            if (o.endUs() >= a && o.startUs() <= b + 5_000_000) total += o.lengthUs();
        }
        return total;
    }

    private boolean in(long t) { return t >= fromUs && t <= toUs; }

    private List<Span> buildSpans() {
        Map<String, Boolean> has = new HashMap<>();
        Set<String> hosts = new TreeSet<>();
        List<long[]> changeTimes = new ArrayList<>();
        List<Set<String>> changeSets = new ArrayList<>();
        for (LabEvent e : events) {
            if (!(e instanceof LabEvent.VipChanged v)) continue;
            if (v.timeUs() > toUs) break;
            hosts.add(v.host());
            Boolean prev = has.put(v.host(), v.added());
            if (prev != null && prev == v.added()) continue;
            changeTimes.add(new long[]{v.timeUs()});
            changeSets.add(holders(has));
        }
        List<Span> out = new ArrayList<>();
        Set<String> current = Set.of();
        long start = fromUs;
        for (int i = 0; i < changeTimes.size(); i++) {
            long t = changeTimes.get(i)[0];
            Set<String> next = changeSets.get(i);
            if (t <= fromUs) {
                current = next;
                continue;
            }
            if (next.equals(current)) continue;
            if (t > start) out.add(new Span(start, t, current));
            current = next;
            start = Math.max(start, t);
        }
        if (toUs > start) out.add(new Span(start, toUs, current));
        return Collections.unmodifiableList(merge(out));
    }

    /** Zero-length changes at one instant (remove then add) leave adjacent spans with equal holders. */
    private static List<Span> merge(List<Span> in) {
        List<Span> out = new ArrayList<>();
        for (Span s : in) {
            if (!out.isEmpty() && out.get(out.size() - 1).holders().equals(s.holders())) {
                Span last = out.remove(out.size() - 1);
                out.add(new Span(last.startUs(), s.endUs(), s.holders()));
            } else {
                out.add(s);
            }
        }
        return out;
    }

    private static Set<String> holders(Map<String, Boolean> has) {
        Set<String> s = new LinkedHashSet<>();
        has.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).sorted().forEach(s::add);
        return Collections.unmodifiableSet(s);
    }

    private List<Outage> buildOutages() {
        List<Outage> out = new ArrayList<>();
        long start = -1;
        int failed = 0;
        for (LabEvent e : events) {
            if (!(e instanceof LabEvent.ClientProbe p) || p.timeUs() > toUs) continue;
            if (p.timeUs() < fromUs) {
                // an outage already going on when the window opens starts at the window's start
                start = p.ok() ? -1 : fromUs;
                failed = 0;
                continue;
            }
            if (!p.ok()) {
                if (start < 0) start = p.timeUs();
                failed++;
            } else if (start >= 0) {
                if (p.timeUs() > start) out.add(new Outage(start, p.timeUs(), failed, false));
                start = -1;
                failed = 0;
            }
        }
        if (start >= 0) out.add(new Outage(start, toUs, failed, true));
        return Collections.unmodifiableList(out);
    }
}
