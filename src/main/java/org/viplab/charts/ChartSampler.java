package org.viplab.charts;

import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Outage;
import org.viplab.core.timeline.Span;
import org.viplab.core.timeline.TimelineAnalysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Fills the charts' datasets for one window and pixel width, keeping per pixel column only what can be seen (see
 * {@link StepDownsampler}; marks keep one per column and lane, the lowest and highest advert per column and host,
 * so every priority-0 advert and every failed probe still shows), and says which intervals to shade. That bounds
 * the points drawn by the width, not by the timeline. How anything looks is {@link ChartStyle}'s.
 */
final class ChartSampler {
    /** More shaded intervals than this in view and neighbours closer than a few pixels are merged, unlabelled. */
    static final int MAX_LABELLED_MARKERS = 40;

    /** What one window shows besides the datasets: the intervals to shade and the highest advertised priority. */
    record Window(Bands gaps, Bands splits, Bands outages, int maxPriority, List<Bands> instanceGaps, List<Bands> instanceSplits) { }

    /** Shaded intervals [startUs, endUs] as drawn, and whether each may carry a label (few, none merged). */
    record Bands(List<long[]> intervals, boolean labelled) { }

    private final ChartData data;
    private final List<String> hosts;
    final BufferDataset vipBars;
    final BufferDataset vipHolder;
    final BufferDataset advertMarks;
    final BufferDataset effective;
    final BufferDataset probeMarks;
    /** Per further instance (VI_READ), in {@link ChartData#moreInstances} order: its bars and holder line. */
    final List<BufferDataset> instanceBars = new ArrayList<>();
    final List<BufferDataset> instanceHolders = new ArrayList<>();

    /** The series keys are the legend's labels, from {@code text}. */
    ChartSampler(ChartData data, ChartText text) {
        this.data = data;
        this.hosts = List.copyOf(data.hosts());
        List<String> barKeys = new ArrayList<>(hosts);
        barKeys.add(text.get("chart.vip.both")); // the last lane: the VIP on two holders at once
        vipBars = new BufferDataset(barKeys);
        vipHolder = new BufferDataset(List.of(text.get("chart.vip.holder")));
        for (String instance : data.moreInstances()) {
            instanceBars.add(new BufferDataset(barKeys));
            instanceHolders.add(new BufferDataset(List.of(text.get("chart.vip.holder"))));
        }
        List<String> advertKeys = new ArrayList<>();
        for (String h : hosts) advertKeys.add(text.format("chart.adverts.advert", h));
        advertKeys.add(text.get("chart.adverts.zero"));
        advertMarks = new BufferDataset(advertKeys);
        List<String> effKeys = new ArrayList<>();
        for (String h : hosts) effKeys.add(text.format("chart.adverts.effective", h));
        effective = new BufferDataset(effKeys);
        List<String> probeKeys = new ArrayList<>(List.of(text.get("chart.client.timeout"), text.get("chart.client.refused")));
        for (String h : hosts) probeKeys.add(text.format("chart.client.ok", h));
        probeMarks = new BufferDataset(probeKeys);
    }

    /**
     * Rebuilds every dataset from {@code fromUs} to {@code dataTo} (the window's end, or where a live run has got
     * to) in pixel columns {@code bucketUs} wide. The charts hear of it only at {@link #changed()}.
     */
    Window fill(long fromUs, long dataTo, double bucketUs) {
        List<List<long[]>> vip = fillVip(data.vipEvents(), vipHolder, vipBars, fromUs, dataTo, bucketUs);
        List<Bands> instanceGaps = new ArrayList<>();
        List<Bands> instanceSplits = new ArrayList<>();
        List<String> instances = data.moreInstances();
        for (int i = 0; i < instances.size(); i++) {
            List<List<long[]>> iv = fillVip(data.instanceVipEvents(instances.get(i)), instanceHolders.get(i), instanceBars.get(i),
                    fromUs, dataTo, bucketUs);
            instanceGaps.add(bands(iv.get(0), bucketUs));
            instanceSplits.add(bands(iv.get(1), bucketUs));
        }
        int maxPriority = fillAdverts(fromUs, dataTo, bucketUs);
        List<long[]> outages = fillProbes(fromUs, dataTo, bucketUs);
        return new Window(bands(vip.get(0), bucketUs), bands(vip.get(1), bucketUs), bands(outages, bucketUs), maxPriority,
                instanceGaps, instanceSplits);
    }

    /** Tells the charts that every dataset changed. */
    void changed() {
        vipBars.changed();
        vipHolder.changed();
        advertMarks.changed();
        effective.changed();
        probeMarks.changed();
        for (BufferDataset d : instanceBars) d.changed();
        for (BufferDataset d : instanceHolders) d.changed();
    }

    /** Points in the datasets now: bounded by the width, whatever the timeline's length. */
    int pointCount() {
        int n = vipBars.points() + vipHolder.points() + advertMarks.points() + effective.points() + probeMarks.points();
        for (BufferDataset d : instanceBars) n += d.points();
        for (BufferDataset d : instanceHolders) n += d.points();
        return n;
    }

    // ---- VIP location ----------------------------------------------------------------------------

    /**
     * One VIP plot's datasets (the client VIP's, or a further instance's) from that instance's VIP changes; returns
     * the no-VIP gaps and the split brains to shade, in that order.
     */
    private List<List<long[]>> fillVip(List<LabEvent> events, BufferDataset vipHolder, BufferDataset vipBars, long fromUs, long toUs,
                                       double bucketUs) {
        vipBars.clearAll();
        vipHolder.clearAll();
        TimelineAnalysis a = new TimelineAnalysis(events, fromUs, toUs);
        // per host bars: [start, end] at the host's lane, broken (NaN) only by gaps wider than a pixel column
        // one bar per host, then one in the "both" lane while more than one host holds the VIP
        long[] barStart = new long[hosts.size() + 1];
        long[] barEnd = new long[hosts.size() + 1];
        java.util.Arrays.fill(barStart, -1);
        StepDownsampler holder = new StepDownsampler(vipHolder.buffer(0), fromUs, toUs, (int) Math.ceil((toUs - fromUs) / bucketUs));
        boolean first = true;
        for (Span s : a.spans()) {
            double lane = holderLane(s);
            if (first) {
                holder.start(lane);
                first = false;
            } else {
                holder.change(s.startUs(), lane);
            }
            for (int h = 0; h <= hosts.size(); h++) {
                boolean holds = h < hosts.size() ? s.holders().contains(hosts.get(h)) : s.holders().size() > 1;
                if (holds) {
                    if (barStart[h] >= 0 && s.startUs() - barEnd[h] < bucketUs) {
                        barEnd[h] = s.endUs(); // continue across an invisible gap
                    } else {
                        closeBar(vipBars, h, barStart[h], barEnd[h]);
                        barStart[h] = s.startUs();
                        barEnd[h] = s.endUs();
                    }
                }
            }
        }
        for (int h = 0; h <= hosts.size(); h++) closeBar(vipBars, h, barStart[h], barEnd[h]);
        if (first) holder.start(0);
        holder.end(toUs);
        List<long[]> gaps = new ArrayList<>();
        for (Span s : a.nowhere()) gaps.add(new long[]{s.startUs(), s.endUs()});
        List<long[]> splits = new ArrayList<>();
        for (Span s : a.splitBrains()) splits.add(new long[]{s.startUs(), s.endUs()});
        return List.of(gaps, splits);
    }

    private static void closeBar(BufferDataset vipBars, int h, long start, long end) {
        if (start < 0) return;
        SeriesBuffer b = vipBars.buffer(h);
        double lane = h + 1;
        b.add(start / 1e6, lane);
        b.add(end / 1e6, lane);
        b.add(end / 1e6, Double.NaN);
    }

    /** The lane of the sole holder; 0 for none; the "both" lane above the hosts for several holders (split brain). */
    private double holderLane(Span s) {
        if (s.holders().isEmpty()) return 0;
        if (s.holders().size() > 1) return bothLane();
        double sum = 0;
        int n = 0;
        for (String h : s.holders()) {
            int i = hosts.indexOf(h);
            if (i >= 0) {
                sum += i + 1;
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    /** The lane above the hosts' where a split brain is drawn: "both". */
    double bothLane() { return hosts.size() + 1; }

    // ---- VRRP adverts ----------------------------------------------------------------------------

    /** The adverts chart's datasets; returns the highest priority seen (the chart's range is styling's). */
    private int fillAdverts(long fromUs, long toUs, double bucketUs) {
        advertMarks.clearAll();
        effective.clearAll();
        int nh = hosts.size();
        SeriesBuffer zero = advertMarks.buffer(nh);
        long zeroBucket = Long.MIN_VALUE;
        long[] bucket = new long[nh];
        java.util.Arrays.fill(bucket, Long.MIN_VALUE);
        int[] min = new int[nh];
        int[] max = new int[nh];
        long[] minT = new long[nh];
        long[] maxT = new long[nh];
        Column<LabEvent.AdvertSent> col = data.adverts;
        int maxPriority = 0;
        for (int i = col.lowerBound(fromUs), n = col.size(); i < n; i++) {
            long t = col.time(i);
            if (t > toUs) break;
            int code = col.code(i);
            int priority = code & 0xff;
            int h = code >> 8;
            long b = (long) ((t - fromUs) / bucketUs);
            if (priority == 0) {
                if (b != zeroBucket) {
                    zero.add(t / 1e6, 0);
                    zeroBucket = b;
                }
                continue;
            }
            if (h >= nh) continue;
            maxPriority = Math.max(maxPriority, priority);
            if (b != bucket[h]) {
                flushAdverts(h, bucket[h], min, max, minT, maxT);
                bucket[h] = b;
                min[h] = max[h] = priority;
                minT[h] = maxT[h] = t;
            } else {
                if (priority < min[h]) {
                    min[h] = priority;
                    minT[h] = t;
                }
                if (priority > max[h]) {
                    max[h] = priority;
                    maxT[h] = t;
                }
            }
        }
        for (int h = 0; h < nh; h++) flushAdverts(h, bucket[h], min, max, minT, maxT);

        int width = (int) Math.ceil((toUs - fromUs) / bucketUs);
        Column<LabEvent.PriorityChanged> pc = data.priorities;
        Column<LabEvent.VrrpStateChanged> sc = data.states;
        int firstInWindow = pc.lowerBound(fromUs);
        int firstStateInWindow = sc.lowerBound(fromUs);
        for (int h = 0; h < nh; h++) {
            String host = hosts.get(h);
            int value = data.basePriority(host);
            for (int i = firstInWindow - 1; i >= 0; i--) {
                if (pc.get(i).host().equals(host)) {
                    value = pc.get(i).to();
                    break;
                }
            }
            boolean silent = false; // keepalived STOPPED or in FAULT: it has no effective priority to draw
            for (int i = firstStateInWindow - 1; i >= 0; i--) {
                if (sc.get(i).host().equals(host)) {
                    silent = silent(sc.get(i).to());
                    break;
                }
            }
            maxPriority = Math.max(maxPriority, value);
            StepDownsampler line = new StepDownsampler(effective.buffer(h), fromUs, toUs, width);
            line.start(silent ? Double.NaN : value);
            // merge the host's priority and state changes in time order
            int i = firstInWindow;
            int j = firstStateInWindow;
            while (true) {
                while (i < pc.size() && !pc.get(i).host().equals(host)) i++;
                while (j < sc.size() && !sc.get(j).host().equals(host)) j++;
                long ti = i < pc.size() ? pc.time(i) : Long.MAX_VALUE;
                long tj = j < sc.size() ? sc.time(j) : Long.MAX_VALUE;
                long t = Math.min(ti, tj);
                if (t > toUs) break;
                if (ti <= tj) {
                    value = pc.get(i++).to();
                    maxPriority = Math.max(maxPriority, value);
                } else {
                    silent = silent(sc.get(j++).to());
                }
                line.change(t, silent ? Double.NaN : value);
            }
            line.end(toUs);
        }
        return maxPriority;
    }

    private static boolean silent(org.viplab.core.model.VrrpState s) {
        return s == org.viplab.core.model.VrrpState.STOPPED || s == org.viplab.core.model.VrrpState.FAULT;
    }

    private void flushAdverts(int h, long bucket, int[] min, int[] max, long[] minT, long[] maxT) {
        if (bucket == Long.MIN_VALUE) return;
        SeriesBuffer b = advertMarks.buffer(h);
        if (minT[h] <= maxT[h]) {
            b.add(minT[h] / 1e6, min[h]);
            if (max[h] != min[h]) b.add(maxT[h] / 1e6, max[h]);
        } else {
            b.add(maxT[h] / 1e6, max[h]);
            b.add(minT[h] / 1e6, min[h]);
        }
    }

    // ---- client availability ---------------------------------------------------------------------

    /** The client chart's datasets; returns the outages to shade. */
    private List<long[]> fillProbes(long fromUs, long toUs, double bucketUs) {
        probeMarks.clearAll();
        // per lane, the first probe in each pixel column: found by search in the lane's own index, not by reading
        // every probe of the window (the whole day has 864,000)
        int lanes = 2 + hosts.size();
        for (int lane = 0; lane < lanes; lane++) {
            int code = switch (lane) {
                case 0 -> ChartData.TIMEOUT;
                case 1 -> ChartData.REFUSED;
                default -> lane - 2;
            };
            data.probes.firstPerBucket(code, fromUs, toUs, bucketUs, probeMarks.buffer(lane), lane);
        }
        List<long[]> outs = new ArrayList<>();
        for (Outage o : data.outages(toUs)) {
            if (o.endUs() < fromUs || o.startUs() > toUs) continue;
            outs.add(new long[]{o.startUs(), o.endUs()});
        }
        return outs;
    }

    // ---- shaded intervals ------------------------------------------------------------------------

    /**
     * The intervals as shaded: each alone when few are in view. When many are, neighbours closer than three pixel
     * columns merge into one unlabelled band: the shading then says "flapping here".
     */
    static Bands bands(List<long[]> intervals, double bucketUs) {
        List<long[]> shown = intervals;
        boolean merged = false;
        if (intervals.size() > MAX_LABELLED_MARKERS) {
            shown = new ArrayList<>();
            for (long[] iv : intervals) {
                long[] last = shown.isEmpty() ? null : shown.get(shown.size() - 1);
                if (last != null && iv[0] - last[1] < 3 * bucketUs) {
                    last[1] = Math.max(last[1], iv[1]);
                    merged = true;
                } else {
                    shown.add(new long[]{iv[0], iv[1]});
                }
            }
        }
        return new Bands(shown, !merged && shown.size() <= MAX_LABELLED_MARKERS);
    }
}
