package org.viplab.core.timeline;

import java.util.Map;
import java.util.TreeMap;

/**
 * A recorder that keeps figures instead of events: counts per kind, VIP moves and client outages, so a
 * day-long run needs constant memory.
 */
public final class SummaryRecorder implements EventSink {
    private final Map<String, long[]> perKind = new TreeMap<>();
    private long total;
    private long vipChanges;
    private long failedProbes;
    private long probes;
    private long outageStart = -1;
    private long longestOutageUs;

    @Override
    public void accept(LabEvent e) {
        total++;
        perKind.computeIfAbsent(e.kind(), k -> new long[1])[0]++;
        if (e instanceof LabEvent.ClientProbe p) {
            probes++;
            if (!p.ok()) {
                failedProbes++;
                if (outageStart < 0) outageStart = p.timeUs();
            } else if (outageStart >= 0) {
                longestOutageUs = Math.max(longestOutageUs, p.timeUs() - outageStart);
                outageStart = -1;
            }
        } else if (e instanceof LabEvent.VipChanged) {
            vipChanges++;
        }
    }

    public long total() { return total; }

    public long count(String kind) {
        long[] c = perKind.get(kind);
        return c == null ? 0 : c[0];
    }

    public long vipChanges() { return vipChanges; }

    public long probes() { return probes; }

    public long failedProbes() { return failedProbes; }

    public long longestOutageUs() { return longestOutageUs; }
}
