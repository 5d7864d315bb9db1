package org.viplab.ui.live;

import org.viplab.core.model.CheckScriptSpec;
import org.viplab.core.model.KeepalivedSpec;
import org.viplab.core.model.ProcessKind;
import org.viplab.core.model.ProcessState;
import org.viplab.core.model.VrrpState;
import org.viplab.core.timeline.LabEvent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a node card says about keepalived on one host, folded from the timeline's events (plus the configured
 * base priority, weights, fall, rise and intervals): each check script's last result, how far it is towards
 * {@code fall} or {@code rise}, when it runs next; the effective priority and how it is made up; the last advert
 * sent. Plain Java, so it is tested without a window and draws a recorded run like a live one.
 */
public final class NodeFacts {
    /** One term of the priority sum: a script's weight, counted because the script failed (or passes, weight > 0). */
    public record Term(String script, int weight) { }

    /** What is known of one check script: its last result (null before the first run) and its counters. */
    public record Script(String name, CheckScriptSpec spec, LabEvent.ScriptResult last, int failures, int successes, boolean failed,
                         long nextRunUs) {
        /** Consecutive failures counted towards {@code fall} while passing, successes towards {@code rise} while failed. */
        public int count() { return failed ? successes : failures; }

        /** The threshold the count moves towards ({@code rise} when failed, {@code fall} when not); 0 when not configured. */
        public int threshold() { return spec == null ? 0 : failed ? spec.rise : spec.fall; }
    }

    /** Another VRRP instance of this keepalived than the client VIP's: its state and whether this host holds its VIPs. */
    public record Instance(String name, VrrpState state, boolean holdsVips, List<String> vips) { }

    /** The effective priority and its arithmetic: {@code base + terms = result}; {@code faultBy} names a failed weight-0 script. */
    public record Priority(int base, List<Term> terms, int result, String faultBy) { }

    private final KeepalivedSpec spec;
    private final Map<String, Script> scripts = new LinkedHashMap<>();
    private VrrpState vrrp = VrrpState.STOPPED;
    /** Null until the timeline says (a real host's watcher may not). */
    private ProcessState keepalived;
    private Integer reportedPriority;
    private LabEvent.AdvertSent lastAdvert;
    private final Map<String, Instance> instances = new LinkedHashMap<>();

    public NodeFacts(KeepalivedSpec spec) {
        this.spec = spec;
        reset();
    }

    /** Back to what is known before the first event: configured scripts, never run. */
    public void reset() {
        scripts.clear();
        for (CheckScriptSpec s : spec.scripts) scripts.put(s.name, new Script(s.name, s, null, 0, 0, s.initFail, -1));
        vrrp = VrrpState.STOPPED;
        keepalived = null;
        reportedPriority = null;
        lastAdvert = null;
        instances.clear();
        if (spec.moreInstances != null) {
            for (KeepalivedSpec i : spec.moreInstances) {
                if (i != null && i.instance != null) instances.put(i.instance, new Instance(i.instance, VrrpState.STOPPED, false, List.copyOf(i.vips)));
            }
        }
    }

    /** Takes in one event of this host; true when anything the card shows changed. */
    public boolean apply(LabEvent e) {
        if (e instanceof LabEvent.ScriptResult r) {
            scripts.put(r.script(), next(scripts.get(r.script()), r));
        } else if (e instanceof LabEvent.PriorityChanged p) {
            reportedPriority = p.to();
        } else if (e instanceof LabEvent.AdvertSent a) {
            if (a.vrid() != spec.virtualRouterId) return false; // another instance's advert: not the card's priority line
            lastAdvert = a;
        } else if (e instanceof LabEvent.InstanceStateChanged i) {
            Instance was = instances.get(i.instance());
            instances.put(i.instance(), new Instance(i.instance(), i.to(), was != null && was.holdsVips(), was == null ? List.of() : was.vips()));
        } else if (e instanceof LabEvent.InstanceVipChanged v) {
            Instance was = instances.get(v.instance());
            instances.put(v.instance(), new Instance(v.instance(), was == null ? VrrpState.STOPPED : was.state(), v.added(),
                    List.of(v.vips().split(","))));
        } else if (e instanceof LabEvent.VrrpStateChanged v) {
            vrrp = v.to();
        } else if (e instanceof LabEvent.ProcessChanged p && p.process() == ProcessKind.KEEPALIVED) {
            keepalived = p.to();
        } else {
            return false;
        }
        return true;
    }

    /**
     * keepalived's counting (vrrp_track.c): a success clears the failures and, while failed, counts towards
     * {@code rise}; a failure (non-zero exit, or killed at its timeout) clears the successes and, while passing,
     * counts towards {@code fall}. The result's own {@code failed} is the truth; the counters only explain it.
     */
    private static Script next(Script before, LabEvent.ScriptResult r) {
        CheckScriptSpec spec = before == null ? null : before.spec();
        int failures = before == null ? 0 : before.failures();
        int successes = before == null ? 0 : before.successes();
        boolean wasFailed = before != null && before.failed();
        if (r.exitStatus() == 0) {
            failures = 0;
            successes = wasFailed && r.failed() ? successes + 1 : 0;
        } else {
            successes = 0;
            failures = !wasFailed && !r.failed() ? failures + 1 : 0;
        }
        long next = -1;
        if (spec != null) {
            // the result lands when the run ends: a run killed at its timeout started that much earlier
            long ranFor = r.exitStatus() == -1 ? Math.round(spec.effectiveTimeoutSec() * 1_000_000) : 0;
            next = r.timeUs() - ranFor + Math.round(spec.intervalSec * 1_000_000);
        }
        return new Script(r.script(), spec, r, failures, successes, r.failed(), next);
    }

    public List<Script> scripts() { return List.copyOf(scripts.values()); }

    /** The configured base priority, the weights that count now, and the effective priority (the timeline's when it told one). */
    public Priority priority() {
        List<Term> terms = new ArrayList<>();
        String faultBy = null;
        int sum = spec.priority;
        for (Script s : scripts.values()) {
            int w = s.spec() == null ? 0 : s.spec().weight;
            if (w == 0 && s.failed() && s.spec() != null) faultBy = s.name();
            // keepalived never changes priority 255 (the address owner)
            if (spec.priority == 255) continue;
            if (w < 0 && s.failed() || w > 0 && !s.failed()) {
                terms.add(new Term(s.name(), w));
                sum += w;
            }
        }
        int computed = spec.priority == 255 ? 255 : Math.max(1, Math.min(254, sum));
        return new Priority(spec.priority, List.copyOf(terms), reportedPriority != null ? reportedPriority : computed, faultBy);
    }

    public VrrpState vrrp() { return vrrp; }

    /** keepalived's process state, or null (or UNKNOWN, in an incident) when no event told it: its scripts run only while it runs. */
    public ProcessState keepalived() { return keepalived; }

    /** Whether keepalived runs (and so its scripts do): its process says so, or, untold, its VRRP state is not STOPPED. */
    public boolean keepalivedRuns() {
        return keepalived != null && keepalived != ProcessState.UNKNOWN ? keepalived == ProcessState.RUNNING : vrrp != VrrpState.STOPPED;
    }

    /** The other VRRP instances of this keepalived, in configuration order. */
    public List<Instance> instances() { return List.copyOf(instances.values()); }

    /** The last advert this host sent for the client VIP's instance, or null. */
    public LabEvent.AdvertSent lastAdvert() { return lastAdvert; }
}
