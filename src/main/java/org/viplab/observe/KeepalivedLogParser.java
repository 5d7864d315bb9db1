package org.viplab.observe;

import org.viplab.core.timeline.Reason;
import org.viplab.core.model.ProcessKind;
import org.viplab.core.model.ProcessState;
import org.viplab.core.model.VrrpState;
import org.viplab.core.timeline.LabEvent;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns keepalived's log lines into events, for both log formats: 2.x {@code (VI_1) Entering MASTER STATE}
 * and 1.x {@code VRRP_Instance(VI_1) Entering MASTER STATE}, with or without a syslog / journalctl prefix
 * or the lab wrapper's millisecond stamp. One parser per host: it remembers the last state so that each
 * change has a "from". Every line also becomes a {@link LabEvent.LogLine}.
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
    private VrrpState state = VrrpState.INIT;
    private ProcessState process = ProcessState.RUNNING;

    /**
     * @param advertsFromLog also emit {@link LabEvent.AdvertSent} for "sent 0 priority" (when no packet
     *                       capture runs on the host; with tcpdump the advert comes from the wire instead)
     */
    public KeepalivedLogParser(String host, ZoneId zone, boolean advertsFromLog, int vrid, long advertIntervalUs) {
        this.host = host;
        this.zone = zone;
        this.advertsFromLog = advertsFromLog;
        this.vrid = vrid;
        this.advertIntervalUs = advertIntervalUs;
    }

    /** What the engine saw at connect, so that the first change has the right "from". */
    public void assume(VrrpState vrrp, ProcessState keepalived) {
        this.state = vrrp;
        this.process = keepalived;
    }

    public VrrpState state() { return state; }

    public List<LabEvent> parse(String line, TimeMap time) {
        List<LabEvent> out = new ArrayList<>();
        if (line == null || line.isBlank()) return out;
        Stamp s = Stamp.parse(line.strip(), zone);
        long t = s.hasTime() ? time.labUs(s.epochUs()) : time.nowLabUs();
        String text = s.rest().strip();
        out.add(new LabEvent.LogLine(t, host, "keepalived", text));
        Matcher m = INSTANCE.matcher(text);
        if (m.matches()) {
            instanceLine(t, m.group(2), out);
        } else if (text.equals("Stopping") || text.startsWith("Stopping Keepalived")) {
            // the VRRP instance leaves at once (priority 0 sent, VIPs removed); the process takes a moment longer
            processTo(t, ProcessState.STOPPING, Reason.text(text), out);
            stateTo(t, VrrpState.STOPPED, Reason.of(Reason.Code.KEEPALIVED_STOPPING), out);
        } else if (text.startsWith("Stopped Keepalived") || text.equals("Stopped")) {
            processTo(t, ProcessState.STOPPED, Reason.text(text), out);
            stateTo(t, VrrpState.STOPPED, Reason.of(Reason.Code.KEEPALIVED_STOPPED), out);
        } else if (text.startsWith("Starting Keepalived")) {
            processTo(t, ProcessState.STARTING, Reason.text(text), out);
            stateTo(t, VrrpState.INIT, Reason.of(Reason.Code.KEEPALIVED_STARTING), out);
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
