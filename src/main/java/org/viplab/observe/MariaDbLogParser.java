package org.viplab.observe;

import org.viplab.core.model.ProcessKind;
import org.viplab.core.model.ProcessState;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Reason;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the MariaDB / MySQL error log (the stamp already taken off): shutdown begun and complete, the server
 * starting and ready for connections, a crash (a signal), crash recovery and Galera state changes. Each
 * becomes mysqld's {@link LabEvent.ProcessChanged} or a kept log line. It also notes which name the server runs
 * under: MariaDB 10.5+ runs as {@code mariadbd}, which {@code ps -C mysqld} does not list.
 */
public final class MariaDbLogParser {
    /** The severity tag every error-log line carries: "[Note]", "[ERROR]", MySQL 8's "[System] [MY-010910]". */
    private static final Pattern SEVERITY = Pattern.compile("\\[(Note|Warning|ERROR|System|Info)\\]");
    private static final Pattern DAEMON = Pattern.compile("\\b(mariadbd|mysqld)\\b");
    private static final Pattern SHUTDOWN = Pattern.compile("Normal shutdown|Shutdown initiated|Received SHUTDOWN|shutdown \\(initiated by");
    private static final Pattern COMPLETE = Pattern.compile("Shutdown complete");
    private static final Pattern STARTING = Pattern.compile("Starting MariaDB|starting as process|Starting MySQL|mysqld .* starting as process");
    private static final Pattern READY = Pattern.compile("ready for connections");
    private static final Pattern CRASH = Pattern.compile("got signal \\d+|got exception|Assertion failure");
    private static final Pattern NOTEWORTHY = Pattern.compile("crash recovery|WSREP: .*(?:->|Shifting|state)");

    private final String host;
    private ProcessState state = ProcessState.RUNNING;
    private String daemon;

    public MariaDbLogParser(String host) { this.host = host; }

    /** True when {@code text} looks like an error-log line (a severity tag and a server message). */
    public static boolean recognises(String text) { return SEVERITY.matcher(text).find(); }

    /** "mariadbd" or "mysqld" as the log names the server, or null before a line named it. */
    public String daemon() { return daemon; }

    public List<LabEvent> parse(long t, String text) {
        List<LabEvent> out = new ArrayList<>();
        Matcher d = DAEMON.matcher(text);
        if (d.find() && (daemon == null || d.group(1).equals("mariadbd"))) daemon = d.group(1);
        ProcessState to = null;
        if (CRASH.matcher(text).find()) to = ProcessState.STOPPED;
        else if (COMPLETE.matcher(text).find()) to = ProcessState.STOPPED;
        else if (SHUTDOWN.matcher(text).find()) to = ProcessState.STOPPING;
        else if (READY.matcher(text).find()) to = ProcessState.RUNNING;
        else if (STARTING.matcher(text).find()) to = ProcessState.STARTING;
        if (to == null && !NOTEWORTHY.matcher(text).find()) return out;
        out.add(new LabEvent.LogLine(t, host, "mysqld", text));
        if (to != null && to != state) {
            out.add(new LabEvent.ProcessChanged(t, host, ProcessKind.MYSQLD, state, to, Reason.text(text)));
            state = to;
        }
        return out;
    }
}
