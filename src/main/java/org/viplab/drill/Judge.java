package org.viplab.drill;

import org.viplab.core.model.VrrpState;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Outage;
import org.viplab.core.timeline.Span;
import org.viplab.core.timeline.TimelineAnalysis;
import org.viplab.core.util.Durations;

import java.util.ArrayList;
import java.util.List;

/**
 * Judges a drill's expectations as queries over the timeline. A condition is a set of intervals where it is
 * true; {@code within} asks for any instant of the window in it, {@code for} for the whole window.
 */
public final class Judge {
    /**
     * How late an action may begin on a real host before the expectations after it fail for that alone. An
     * expectation that follows an action is anchored to when the action really began (its ActionApplied
     * event), so lateness up to this is recorded in the verdict, never counted as failover time.
     */
    public static final long LATE_TOLERANCE_US = 2_000_000;

    private final List<LabEvent> events;
    private final TimelineAnalysis analysis;
    private final long endUs;
    private final List<Step.ActionStep> actions;

    public Judge(List<LabEvent> events, long endUs) { this(events, endUs, List.of()); }

    /** @param actions the drill's actions: an expectation after one is anchored to when it really began */
    public Judge(List<LabEvent> events, long endUs, List<Step.ActionStep> actions) {
        this.events = events;
        this.endUs = endUs;
        this.actions = actions;
        this.analysis = new TimelineAnalysis(events, 0, endUs);
    }

    /**
     * How much later than scheduled the action an expectation follows began (0 when on time, when none
     * precedes it, or when it has not begun yet): the latest action anchored at or before the expectation.
     */
    long lateness(Step.ExpectStep e) {
        Step.ActionStep cause = null;
        for (Step.ActionStep a : actions) if (a.anchorUs() <= e.anchorUs() && (cause == null || a.anchorUs() >= cause.anchorUs())) cause = a;
        if (cause == null) return 0;
        for (LabEvent ev : events) {
            if (ev instanceof LabEvent.ActionApplied a && a.timeUs() >= cause.anchorUs() && a.action().equals(cause.action().verb().id())
                    && a.target().equals(cause.action().target().id())) {
                return a.timeUs() - cause.anchorUs();
            }
        }
        return 0;
    }

    public TimelineAnalysis analysis() { return analysis; }

    /** The verdict of a step, or PENDING when the run has not reached its deadline ({@code nowUs}). */
    public Verdict judge(Step step, long nowUs) {
        if (step instanceof Step.ActionStep a) {
            return new Verdict(step, a.anchorUs() <= nowUs ? Verdict.Status.DONE : Verdict.Status.PENDING, "");
        }
        Step.ExpectStep e = (Step.ExpectStep) step;
        long late = e.wholeDrill() ? 0 : lateness(e);
        long from = e.wholeDrill() ? 0 : e.anchorUs() + late;
        long to = e.wholeDrill() ? endUs : e.deadlineUs() + late;
        if (to > nowUs) return new Verdict(step, Verdict.Status.PENDING, "");
        Verdict v = switch (e.kind()) {
            case CLIENT_DOWNTIME_UNDER -> downtime(e, from, to);
            case NO_SPLIT_BRAIN -> noSplitBrain(e, from, to);
            case CLIENT_AVAILABILITY_OVER, CLIENT_FAILURES_UNDER -> probes(e, from, to);
            default -> windowed(e, truth(e), from, to);
        };
        if (late < 1000) return v;
        String note = "the action before it began " + Durations.format(late) + " late, so the window starts at " + t(from);
        if (late > LATE_TOLERANCE_US) {
            return new Verdict(e, Verdict.Status.FAILED, v.detail() + "; " + note + ", beyond the tolerance of "
                    + Durations.format(LATE_TOLERANCE_US));
        }
        return new Verdict(e, v.status(), v.detail() + "; " + note);
    }

    private Verdict windowed(Step.ExpectStep e, List<long[]> truth, long from, long to) {
        boolean throughout = e.forUs() != null;
        boolean pass;
        String detail;
        if (throughout) {
            long firstFalse = firstUncovered(truth, from, to);
            pass = firstFalse < 0;
            detail = pass ? "held from " + t(from) + " to " + t(to) : "not true at " + t(firstFalse) + " (" + now(e, firstFalse) + ")";
        } else {
            long first = firstTrue(truth, from, to);
            pass = first >= 0;
            detail = pass ? (first == from ? "already true at " + t(from) : "true from " + t(first) + ", " + Durations.format(first - from) + " after " + t(from))
                    : "never true between " + t(from) + " and " + t(to) + " (" + now(e, to) + ")" + afterDeadline(truth, to);
        }
        return new Verdict(e, pass ? Verdict.Status.PASSED : Verdict.Status.FAILED, detail);
    }

    /** A missed deadline says when the condition did become true (a reader asks "how late?"), or that it never did. */
    private String afterDeadline(List<long[]> truth, long deadline) {
        if (deadline >= endUs) return "";
        long later = firstTrue(truth, deadline, endUs);
        return later < 0 ? "; not true by the end of the run" : "; first true at " + t(later) + ", " + Durations.format(later - deadline) + " after the deadline";
    }

    /** What the condition was looking at, at time t: who holds the VIP, or the host's state. */
    private String now(Step.ExpectStep e, long t) {
        if (e.instance() != null) return instanceNow(e, t);
        if (e.kind() == Expectation.STATE) return e.host() + " was " + analysis.vrrpStateAt(e.host(), t);
        if (e.kind() == Expectation.WRITABLE || e.kind() == Expectation.NOT_WRITABLE || e.kind() == Expectation.ROWS_BEHIND) {
            return "at t=" + Durations.format(t);
        }
        if (e.kind() == Expectation.CLIENT_DOWN || e.kind() == Expectation.CLIENT_UP) {
            boolean down = analysis.outages().stream().anyMatch(o -> o.startUs() <= t && (o.open() || o.endUs() > t));
            return down ? "clients failing" : "clients served";
        }
        var h = analysis.holdersAt(Math.min(t, endUs - 1));
        return h.isEmpty() ? "VIP on no host" : "VIP on " + String.join(" and ", h);
    }

    /** Another instance than the client VIP's, at time t: its state on the host, or the hosts holding its VIPs. */
    private String instanceNow(Step.ExpectStep e, long t) {
        VrrpState state = null;
        java.util.Set<String> holders = new java.util.TreeSet<>();
        for (LabEvent ev : events) {
            if (ev.timeUs() > t) break;
            if (ev instanceof LabEvent.InstanceStateChanged c && c.instance().equals(e.instance()) && c.host().equals(e.host())) state = c.to();
            if (ev instanceof LabEvent.InstanceVipChanged v && v.instance().equals(e.instance())) {
                if (v.added()) holders.add(v.host());
                else holders.remove(v.host());
            }
        }
        if (e.kind() == Expectation.STATE) return e.instance() + " on " + e.host() + " was " + state;
        return holders.isEmpty() ? e.instance() + "'s VIP on no host" : e.instance() + "'s VIP on " + String.join(" and ", holders);
    }

    private Verdict noSplitBrain(Step.ExpectStep e, long from, long to) {
        for (Span s : analysis.splitBrains()) {
            if (s.startUs() < to && s.endUs() > from) {
                return new Verdict(e, Verdict.Status.FAILED, "split brain from " + t(s.startUs()) + " for " + Durations.format(s.lengthUs()));
            }
        }
        if (!e.wholeDrill()) {
            // Only the window was judged: a split brain elsewhere in the run must not be denied by the wording.
            String window = "no split brain in the " + Durations.format(to - from) + " window from " + t(from) + " to " + t(to);
            long elsewhere = analysis.splitBrainUs();
            return new Verdict(e, Verdict.Status.PASSED, elsewhere == 0 ? window
                    : window + "; " + Durations.format(elsewhere) + " of split brain elsewhere in the run");
        }
        long handovers = analysis.overlaps().stream().filter(s -> s.startUs() < to && s.endUs() > from).count();
        return new Verdict(e, Verdict.Status.PASSED, handovers == 0 ? "the VIP was never on both hosts"
                : "no split brain (" + handovers + " handover overlap" + (handovers > 1 ? "s" : "") + " under 100 ms)");
    }

    /** client-availability-over (threshold in ppm) and client-failures-under, over the probes in [from, to]. */
    private Verdict probes(Step.ExpectStep e, long from, long to) {
        ClientFigures c = ClientFigures.of(events, from, to);
        if (c.probes() == 0) {
            // no probe is no evidence of availability, but it is zero failures
            boolean pass = e.kind() == Expectation.CLIENT_FAILURES_UNDER;
            return new Verdict(e, pass ? Verdict.Status.PASSED : Verdict.Status.FAILED, "no probe ran between " + t(from) + " and " + t(to));
        }
        boolean pass = e.kind() == Expectation.CLIENT_AVAILABILITY_OVER
                ? (long) (c.probes() - c.failed()) * 1_000_000L >= e.maxUs() * c.probes() // exact: no floating point at the edge
                : c.failed() < e.maxUs();
        String detail = "availability " + c.availabilityText() + ", " + c.failed() + " of " + c.probes() + " probes failed";
        return new Verdict(e, pass ? Verdict.Status.PASSED : Verdict.Status.FAILED, detail);
    }

    private Verdict downtime(Step.ExpectStep e, long from, long to) {
        long worst = 0;
        long worstAt = -1;
        for (Outage o : analysis.outages()) {
            if (o.startUs() <= to && o.endUs() >= from && o.lengthUs() > worst) {
                worst = o.lengthUs();
                worstAt = o.startUs();
            }
        }
        boolean pass = worst < e.maxUs();
        String detail = worst == 0 ? "no failed probe" : "longest outage " + Durations.format(worst) + " from " + t(worstAt);
        return new Verdict(e, pass ? Verdict.Status.PASSED : Verdict.Status.FAILED, detail);
    }

    /** Intervals [start, end) where the step's condition holds. */
    private List<long[]> truth(Step.ExpectStep e) {
        List<long[]> out = new ArrayList<>();
        switch (e.kind()) {
            case VIP_ON -> {
                if (e.instance() != null) {
                    stateIntervals(out, ev -> ev instanceof LabEvent.InstanceVipChanged v && v.host().equals(e.host())
                            && v.instance().equals(e.instance()) ? Boolean.valueOf(v.added()) : null);
                } else {
                    for (Span s : analysis.spans()) if (s.holders().contains(e.host())) out.add(new long[]{s.startUs(), s.endUs()});
                }
            }
            case VIP_NOWHERE -> {
                for (Span s : analysis.spans()) if (s.nowhere()) out.add(new long[]{s.startUs(), s.endUs()});
            }
            case SPLIT_BRAIN -> {
                for (Span s : analysis.splitBrains()) out.add(new long[]{s.startUs(), s.endUs()});
            }
            case STATE -> {
                if (e.instance() != null) {
                    stateIntervals(out, ev -> ev instanceof LabEvent.InstanceStateChanged c && c.host().equals(e.host())
                            && c.instance().equals(e.instance()) ? Boolean.valueOf(c.to() == e.state()) : null);
                    break;
                }
                VrrpState cur = analysis.vrrpStateAt(e.host(), 0);
                long since = 0;
                for (LabEvent ev : events) {
                    if (ev.timeUs() <= 0 || ev.timeUs() > endUs) continue;
                    if (ev instanceof LabEvent.VrrpStateChanged c && c.host().equals(e.host())) {
                        if (cur == e.state() && c.timeUs() > since) out.add(new long[]{since, c.timeUs()});
                        cur = c.to();
                        since = c.timeUs();
                    }
                }
                if (cur == e.state()) out.add(new long[]{since, endUs + 1});
            }
            case WRITABLE, NOT_WRITABLE -> {
                boolean want = e.kind() == Expectation.WRITABLE;
                stateIntervals(out, ev -> ev instanceof LabEvent.ClusterStatus c && c.host().equals(e.host())
                        ? Boolean.valueOf(c.writable() == want) : null);
            }
            case ROWS_BEHIND -> {
                long min = e.maxUs() == null ? 1 : e.maxUs();
                stateIntervals(out, ev -> ev instanceof LabEvent.ReplicationChanged r && r.host().equals(e.host())
                        ? Boolean.valueOf(r.behind() >= min) : null);
            }
            case CLIENT_DOWN -> {
                for (Outage o : analysis.outages()) out.add(new long[]{o.startUs(), o.open() ? endUs + 1 : o.endUs()});
            }
            case CLIENT_UP -> {
                long from = 0;
                for (Outage o : analysis.outages()) {
                    if (o.startUs() > from) out.add(new long[]{from, o.startUs()});
                    from = o.open() ? endUs + 1 : o.endUs();
                }
                if (from <= endUs) out.add(new long[]{from, endUs + 1});
            }
            default -> { }
        }
        return out;
    }

    /**
     * Intervals where a condition read off events holds: {@code reading} says true/false for the events that
     * set it and null for the others; the last reading before t = 0 gives the starting value.
     */
    private void stateIntervals(List<long[]> out, java.util.function.Function<LabEvent, Boolean> reading) {
        boolean cur = false;
        long since = 0;
        for (LabEvent ev : events) {
            if (ev.timeUs() > endUs) break;
            Boolean r = reading.apply(ev);
            if (r == null) continue;
            if (ev.timeUs() <= 0) {
                cur = r;
                continue;
            }
            if (r != cur) {
                if (cur) out.add(new long[]{since, ev.timeUs()});
                cur = r;
                since = ev.timeUs();
            }
        }
        if (cur) out.add(new long[]{since, endUs + 1});
    }

    /** The first instant in [from, to] inside the truth set, or -1. */
    private static long firstTrue(List<long[]> truth, long from, long to) {
        long best = -1;
        for (long[] iv : truth) {
            if (iv[1] <= from || iv[0] > to) continue;
            long t = Math.max(iv[0], from);
            if (best < 0 || t < best) best = t;
        }
        return best;
    }

    /** The first instant in [from, to) not inside the truth set, or -1 when it is covered. */
    private static long firstUncovered(List<long[]> truth, long from, long to) {
        long cursor = from;
        boolean moved = true;
        while (cursor < to && moved) {
            moved = false;
            for (long[] iv : truth) {
                if (iv[0] <= cursor && iv[1] > cursor) {
                    cursor = iv[1];
                    moved = true;
                }
            }
        }
        return cursor < to ? cursor : -1;
    }

    private static String t(long us) { return "t=" + Durations.format(us); }
}
