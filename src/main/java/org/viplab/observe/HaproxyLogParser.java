package org.viplab.observe;

import org.viplab.core.timeline.LabEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads haproxy's log messages (its syslog lines or its own stderr, the stamp already taken off): a backend
 * server going {@code UP} or {@code DOWN} with the check's reason becomes a {@link LabEvent.ServerCheck}, and
 * {@code backend X has no server available!} is kept as a log line (clients are refused from then on).
 */
public final class HaproxyLogParser {
    private static final Pattern SERVER = Pattern.compile(
            "Server ([\\w.:-]+)/([\\w.:-]+) is (UP|DOWN|going DOWN for maintenance|UP \\(leaving forced maintenance\\))(?:, reason: ([^,]+))?");
    private static final Pattern NO_SERVER = Pattern.compile("(?:backend|proxy) ([\\w.:-]+) has no server available");

    private final String host;

    public HaproxyLogParser(String host) { this.host = host; }

    /** True when {@code text} is one of haproxy's messages this parser turns into an event. */
    public static boolean recognises(String text) {
        return SERVER.matcher(text).find() || NO_SERVER.matcher(text).find();
    }

    /** @return true for "no server available" */
    public static boolean noServer(String text) { return NO_SERVER.matcher(text).find(); }

    public List<LabEvent> parse(long timeUs, String text) {
        List<LabEvent> out = new ArrayList<>();
        Matcher m = SERVER.matcher(text);
        if (m.find()) {
            boolean up = m.group(3).startsWith("UP");
            String reason = m.group(4) == null ? "" : m.group(4).strip();
            out.add(new LabEvent.LogLine(timeUs, host, "haproxy", text));
            out.add(new LabEvent.ServerCheck(timeUs, host, m.group(2), up ? "UP" : "DOWN", reason, up));
        } else if (NO_SERVER.matcher(text).find()) {
            out.add(new LabEvent.LogLine(timeUs, host, "haproxy", text));
        }
        return out;
    }
}
