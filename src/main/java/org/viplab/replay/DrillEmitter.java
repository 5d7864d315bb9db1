package org.viplab.replay;

import com.google.gson.GsonBuilder;
import org.viplab.core.model.ProcessState;
import org.viplab.core.timeline.Causes;
import org.viplab.core.timeline.Failover;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Timeline;
import org.viplab.core.timeline.TimelineAnalysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An incident as a drill (samples/drills/README.md): the faults the evidence shows at their times (a process
 * leaving the running state with no inferred cause: a stop, or a kill when the log shows a crash), and what
 * happened as expectations (the VIP on each failover's new holder within the time it took, rounded up, plus a
 * second; split brain or none). Run on the simulator it asks "would the model have done the same?".
 */
public final class DrillEmitter {
    private DrillEmitter() { }

    public static String drill(Incident incident) {
        Timeline.Caused c = incident.timeline().caused();
        List<LabEvent> events = c.events();
        List<Map<String, Object>> steps = new ArrayList<>();
        long firstFault = -1;
        for (int i = 0; i < events.size(); i++) {
            if (!(events.get(i) instanceof LabEvent.ProcessChanged p) || c.causes().causeOf(i) != Causes.NONE) continue;
            if (!running(p.from()) || running(p.to()) || p.timeUs() <= 0) continue;
            boolean crash = p.reason().toString().matches("(?s).*(got signal|got exception|Assertion failure).*");
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("at", seconds(p.timeUs()));
            s.put("action", crash ? "kill" : "stop");
            s.put("target", p.host() + "/" + p.process().id());
            steps.add(s);
            if (firstFault < 0) firstFault = p.timeUs();
        }
        TimelineAnalysis a = incident.analysis();
        long from = Math.max(firstFault, 0);
        for (Failover f : a.failovers()) {
            if (f.endUs() < from) continue;
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("expect", "vip-on");
            s.put("host", f.to());
            s.put("within", (long) Math.ceil((f.endUs() - from) / 1e6) + 1 + "s");
            steps.add(s);
            break; // later moves depend on what a person did next, which the logs seldom show
        }
        steps.add(Map.of("expect", a.splitBrains().isEmpty() ? "no-split-brain" : "split-brain"));
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("name", ReplayText.of("drill.name").render(Locale.ENGLISH));
        root.put("description", ReplayText.of("drill.description", seconds(incident.endUs())).render(Locale.ENGLISH));
        root.put("preset", incident.haproxyMode() ? "mode2" : "mode1");
        root.put("duration", (long) Math.ceil(incident.endUs() / 1e6) + "s");
        root.put("steps", steps);
        Map<String, Object> zh = new LinkedHashMap<>();
        zh.put("name", ReplayText.of("drill.name").render(Locale.SIMPLIFIED_CHINESE));
        zh.put("description", ReplayText.of("drill.description", seconds(incident.endUs())).render(Locale.SIMPLIFIED_CHINESE));
        root.put("zh-CN", zh);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root) + "\n";
    }

    private static String seconds(long us) { return String.format(Locale.ROOT, "%.3fs", us / 1e6).replaceAll("\\.?0+s$", "s"); }

    private static boolean running(ProcessState s) { return s == ProcessState.RUNNING || s == ProcessState.STARTING; }
}
