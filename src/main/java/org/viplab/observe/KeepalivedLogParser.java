package org.viplab.observe;

import org.viplab.core.timeline.Reason;
import org.viplab.core.model.ProcessKind;
import org.viplab.core.model.ProcessState;
import org.viplab.core.model.VrrpState;
import org.viplab.core.timeline.LabEvent;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns keepalived's log lines into events, for both log formats: 2.x {@code (VI_1) Entering MASTER STATE}
 * and 1.x {@code VRRP_Instance(VI_1) Entering MASTER STATE}, with or without a syslog / journalctl prefix
 * or the lab wrapper's millisecond stamp. One parser per host: it remembers the last state so that each
 * change has a "from". Every line also becomes a {@link LabEvent.LogLine}.
 * <p>With several instances ({@link InstanceLayout#several()}) each instance line goes to the instance named in its
 * parentheses: the client VIP's instance as {@link LabEvent.VrrpStateChanged}, the others as
 * {@link LabEvent.InstanceStateChanged}, as the simulator reports them. keepalived's own start and stop move them all.
 */
public final class KeepalivedLogParser {
    private static final Pattern INSTANCE = Pattern.compile("^(?:VRRP_Instance)?\\(([^)]+)\\) (.*)$");
    private static final Pattern ENTERING = Pattern.compile("^Entering (MASTER|BACKUP|FAULT|INIT) STATE(?: \\((.*)\\))?");
    private static final Pattern PRIORITY = Pattern.compile("^Changing effective priority from (\\d+) to (\\d+)");
    private static final Pattern SENT = Pattern.compile("^sent (\\d+) priority");
    private static final Pattern GARP = Pattern.compile("^Sending/queueing gratuitous ARPs on (\\S+) for (\\S+)");
    private static final Pattern SCRIPT = Pattern.compile(
            "^VRRP_Script\\(([^)]+)\\) (succeeded|failed|timed_out)(?: \\(exited with status (\\d+)\\))?");
    private static final Pattern SCRIPT_RETURN = Pattern.compile("^Script `([^`]+)` now returning (\\d+)");
    /** keepalived's default garp_master_repeat: one "Sending/queueing" line stands for this many ARPs. */
    private static final int GARP_REPEAT = 5;

    private final String host;
    private final ZoneId zone;
    private final boolean advertsFromLog;
    private final int vrid;
    private final long advertIntervalUs;
    private final InstanceLayout layout;
    private VrrpState state = VrrpState.INIT;
    private ProcessState process = ProcessState.RUNNING;
    /** The other instances' states, by name; an instance the layout does not know is added when it first logs. */
    private final Map<String, VrrpState> others = new LinkedHashMap<>();

    /**
     * @param advertsFromLog also emit {@link LabEvent.AdvertSent} for "sent 0 priority" (when no packet
     *                       capture runs on the host; with tcpdump the advert comes from the wire instead)
     */
    public KeepalivedLogParser(String host, ZoneId zone, boolean advertsFromLog, int vrid, long advertIntervalUs) {
        this(host, zone, advertsFromLog, vrid, advertIntervalUs, InstanceLayout.single());
    }

    /** @param layout the host's instances: which one holds the client's VIP ({@code vrid} is that one's) */
    public KeepalivedLogParser(String host, ZoneId zone, boolean advertsFromLog, int vrid, long advertIntervalUs, InstanceLayout layout) {
        this.host = host;
        this.zone = zone;
        this.advertsFromLog = advertsFromLog;
        this.vrid = vrid;
        this.advertIntervalUs = advertIntervalUs;
        this.layout = layout;
        for (InstanceLayout.Other o : layout.others()) others.put(o.name(), VrrpState.INIT);
    }

    /** What the engine saw at connect, so that the first change has the right "from". */
    public void assume(VrrpState vrrp, ProcessState keepalived) {
        this.state = vrrp;
        this.process = keepalived;
    }

    /** The same for an instance other than the client VIP's. */
    public void assume(String instance, VrrpState vrrp) { others.put(instance, vrrp); }

    public VrrpState state() { return state; }

    /** An instance's state as the log last said; the client VIP's instance when {@code instance} is null or its name. */
    public VrrpState state(String instance) {
        if (instance == null || instance.equals(layout.primary())) return state;
        return others.getOrDefault(instance, VrrpState.INIT);
    }

    public List<LabEvent> parse(String line, TimeMap time) {
        List<LabEvent> out = new ArrayList<>();
        if (line == null || line.isBlank()) return out;
        Stamp s = Stamp.parse(line.strip(), zone);
        long t = s.hasTime() ? time.labUs(s.epochUs()) : time.nowLabUs();
        String text = s.rest().strip();
        out.add(new LabEvent.LogLine(t, host, "keepalived", text));
        Matcher m = INSTANCE.matcher(text);
        if (m.matches()) {
            if (!layout.several() || m.group(1).equals(layout.primary())) instanceLine(t, m.group(2), out);
            else otherInstanceLine(t, m.group(1), m.group(2), out);
        } else if (text.equals("Stopping") || text.startsWith("Stopping Keepalived")) {
            // the VRRP instance leaves at once (priority 0 sent, VIPs removed); the process takes a moment longer
            processTo(t, ProcessState.STOPPING, Reason.text(text), out);
            allTo(t, VrrpState.STOPPED, Reason.of(Reason.Code.KEEPALIVED_STOPPING), out);
        } else if (text.startsWith("Stopped Keepalived") || text.equals("Stopped")) {
            processTo(t, ProcessState.STOPPED, Reason.text(text), out);
            allTo(t, VrrpState.STOPPED, Reason.of(Reason.Code.KEEPALIVED_STOPPED), out);
        } else if (text.startsWith("Starting Keepalived")) {
            processTo(t, ProcessState.STARTING, Reason.text(text), out);
            allTo(t, VrrpState.INIT, Reason.of(Reason.Code.KEEPALIVED_STARTING), out);
        } else if (text.equals("Startup complete")) {
            processTo(t, ProcessState.RUNNING, Reason.text(text), out);
        } else {
            Matcher sc = SCRIPT.matcher(text);
            if (sc.find()) {
                boolean ok = sc.group(2).equals("succeeded");
                int status = sc.group(3) != null ? Integer.parseInt(sc.group(3)) : ok ? 0 : 1;
                out.add(new LabEvent.ScriptResult(t, host, sc.group(1), status, !ok, Reason.text(text)));
            } else if ((sc = SCRIPT_RETURN.matcher(text)).find()) {
                int status = Integer.parseInt(sc.group(2));
                out.add(new LabEvent.ScriptResult(t, host, sc.group(1), status, status != 0, Reason.text(text)));
            }
        }
        return out;
    }

    private void instanceLine(long t, String rest, List<LabEvent> out) {
        Matcher m = ENTERING.matcher(rest);
        if (m.find()) {
            stateTo(t, VrrpState.valueOf(m.group(1)), Reason.text(m.group(2) != null ? m.group(2) : rest), out);
            return;
        }
        m = PRIORITY.matcher(rest);
        if (m.find()) {
            out.add(new LabEvent.PriorityChanged(t, host, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Reason.text(rest)));
            return;
        }
        m = SENT.matcher(rest);
        if (m.find()) {
            if (advertsFromLog) out.add(new LabEvent.AdvertSent(t, host, vrid, Integer.parseInt(m.group(1)), 2, advertIntervalUs));
            return;
        }
        m = GARP.matcher(rest);
        if (m.find()) out.add(new LabEvent.GarpSent(t, host, m.group(2), GARP_REPEAT));
    }

    /**
     * A line of an instance other than the client VIP's: its state changes and gratuitous ARPs. Its priority changes
     * are left as log lines (a {@link LabEvent.PriorityChanged} is the client VIP instance's); its adverts come from
     * the log only without tcpdump, and only when the layout knows its VRID.
     */
    private void otherInstanceLine(long t, String instance, String rest, List<LabEvent> out) {
        Matcher m = ENTERING.matcher(rest);
        if (m.find()) {
            otherTo(t, instance, VrrpState.valueOf(m.group(1)), Reason.text(m.group(2) != null ? m.group(2) : rest), out);
            return;
        }
        m = SENT.matcher(rest);
        if (m.find()) {
            InstanceLayout.Other o = layout.other(instance);
            if (advertsFromLog && o != null) out.add(new LabEvent.AdvertSent(t, host, o.vrid(), Integer.parseInt(m.group(1)), 2, advertIntervalUs));
            return;
        }
        m = GARP.matcher(rest);
        if (m.find()) out.add(new LabEvent.GarpSent(t, host, m.group(2), GARP_REPEAT));
    }

    private void otherTo(long t, String instance, VrrpState to, Reason reason, List<LabEvent> out) {
        VrrpState from = others.getOrDefault(instance, VrrpState.INIT);
        others.put(instance, to);
        if (to != from) out.add(new LabEvent.InstanceStateChanged(t, host, instance, from, to, reason));
    }

    /** keepalived itself starting or stopping: every instance follows, the client VIP's first (as the simulator emits). */
    private void allTo(long t, VrrpState to, Reason reason, List<LabEvent> out) {
        stateTo(t, to, reason, out);
        for (String instance : List.copyOf(others.keySet())) otherTo(t, instance, to, reason, out);
    }

    private void stateTo(long t, VrrpState to, Reason reason, List<LabEvent> out) {
        if (to == state) return;
        out.add(new LabEvent.VrrpStateChanged(t, host, state, to, reason));
        state = to;
    }

    private void processTo(long t, ProcessState to, Reason reason, List<LabEvent> out) {
        if (to == process) return;
        out.add(new LabEvent.ProcessChanged(t, host, ProcessKind.KEEPALIVED, process, to, reason));
        process = to;
    }
}
