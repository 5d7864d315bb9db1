package org.viplab.replay;

import org.viplab.core.model.ProcessKind;
import org.viplab.core.model.ProcessState;
import org.viplab.core.timeline.Causes;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Span;
import org.viplab.core.timeline.Timeline;
import org.viplab.core.timeline.TimelineAnalysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import java.util.Set;

/**
 * What an incident's evidence proves, said plainly. Each finding needs its proof in the inputs: a black hole
 * is only claimed where the capture covers the seconds after the release (an absence is only evidence where
 * something could have been seen), and a check-script stop only where the stop follows the tracked process's
 * end in the inferred causes.
 */
public final class Findings {
    /** keepalived's garp_master_delay: a new MASTER repeats its ARPs within 5 s; none by then is none. */
    private static final long GARP_WINDOW_US = 5_000_000;

    private Findings() { }

    public static List<Finding> of(Incident incident) {
        List<Finding> out = new ArrayList<>();
        List<LabEvent> events = incident.events();
        TimelineAnalysis a = incident.analysis();
        splitBrains(incident, events, a, out);
        blackHoles(incident, events, a, out);
        checkScriptStops(incident.timeline(), events, out);
        incident.mysqlDaemons().forEach((host, daemon) -> {
            if (daemon.equals("mariadbd")) out.add(new Finding("mariadbd", host, 0, ReplayText.of("finding.mariadbd", host)));
        });
        return out;
    }

    private static void splitBrains(Incident incident, List<LabEvent> events, TimelineAnalysis a, List<Finding> out) {
        for (Span s : a.splitBrains()) {
            String taker = null;
            for (LabEvent e : events) {
                if (e instanceof LabEvent.VipChanged v && v.added() && v.timeUs() == s.startUs()) taker = v.host();
            }
            if (taker == null) continue;
            for (String other : s.holders()) {
                if (other.equals(taker)) continue;
                boolean advertised = incident.wireAdverts().stream().anyMatch(x -> x.host().equals(other) && x.priority() > 0
                        && x.timeUs() > s.startUs() && x.timeUs() < s.endUs());
                out.add(new Finding("split-brain", taker, s.startUs(), ReplayText.of(
                        advertised ? "finding.splitBrain.advertised" : "finding.splitBrain.held", taker, seconds(s.lengthUs()), other)));
            }
        }
    }

    private static void blackHoles(Incident incident, List<LabEvent> events, TimelineAnalysis a, List<Finding> out) {
        if (!incident.hasCapture()) return;
        List<LabEvent.GarpSent> garps = new ArrayList<>(incident.wireGarps());
        for (LabEvent e : events) if (e instanceof LabEvent.GarpSent g) garps.add(g);
        for (LabEvent e : events) {
            if (!(e instanceof LabEvent.VipChanged v) || v.added() || v.timeUs() <= 0) continue;
            long t = v.timeUs();
            if (incident.captureEndUs() < t + GARP_WINDOW_US) continue; // the capture cannot show the absence
            Set<String> after = a.holdersAt(t + 1);
            if (after.isEmpty() || after.contains(v.host())) continue;
            String lastAnnouncer = null;
            long lastAt = Long.MIN_VALUE;
            for (LabEvent.GarpSent g : garps) {
                if (g.timeUs() <= t && g.timeUs() >= lastAt && !g.host().isEmpty()) {
                    lastAt = g.timeUs();
                    lastAnnouncer = g.host();
                }
            }
            // clients point at the host that announced the VIP last (or the holder from the start, if none did)
            if (lastAnnouncer == null && !a.holdersAt(0).contains(v.host())) continue;
            if (lastAnnouncer != null && !lastAnnouncer.equals(v.host())) continue;
            for (String holder : after) {
                boolean announced = garps.stream().anyMatch(g -> g.timeUs() >= t - 1_000_000 && g.timeUs() <= t + GARP_WINDOW_US
                        && (g.host().equals(holder) || g.host().isEmpty()));
                if (!announced) {
                    out.add(new Finding("black-hole", v.host(), t, ReplayText.of("finding.blackHole", v.host(), seconds(t), holder)));
                }
            }
        }
    }

    private static void checkScriptStops(Timeline timeline, List<LabEvent> events, List<Finding> out) {
        Causes causes = timeline.caused().causes();
        for (int i = 0; i < events.size(); i++) {
            if (!(events.get(i) instanceof LabEvent.ProcessChanged p) || p.process() != ProcessKind.KEEPALIVED
                    || p.to() != ProcessState.STOPPING && !(p.to() == ProcessState.STOPPED && p.from() != ProcessState.STOPPING)) continue;
            long cause = causes.causeOf(i);
            if (cause == Causes.NONE || !(events.get((int) cause) instanceof LabEvent.ProcessChanged tracked)
                    || tracked.process() == ProcessKind.KEEPALIVED || !tracked.host().equals(p.host())) continue;
            int from = i;
            boolean restarted = events.subList(from, events.size()).stream().anyMatch(e -> e instanceof LabEvent.ProcessChanged q
                    && q.host().equals(p.host()) && q.process() == ProcessKind.KEEPALIVED
                    && (q.to() == ProcessState.STARTING || q.to() == ProcessState.RUNNING) && q.timeUs() > p.timeUs());
            if (restarted) continue;
            out.add(new Finding("check-script-stop", p.host(), p.timeUs(), ReplayText.of("finding.checkScriptStop", p.host(),
                    seconds(p.timeUs() - tracked.timeUs()), tracked.process().id())));
        }
    }

    /** Seconds with one decimal, as people say them ("17.4"). */
    static String seconds(long us) { return String.format(Locale.ROOT, "%.1f", us / 1e6); }

}
