package org.viplab.replay;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import org.viplab.observe.Stamp;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a text input into stamped lines, its format detected by content: {@code journalctl -o json} (one
 * object a line, microseconds in {@code __REALTIME_TIMESTAMP}), or lines whose stamps {@link Stamp} reads
 * (keepalived's {@code -l -D} with and without the date prefix, journalctl {@code short-iso-precise} and
 * {@code short-precise}, rsyslog's RFC 3339, RFC 3164, {@code ip -ts monitor}, {@code tcpdump -tttt},
 * MariaDB's error log). A file must start with a stamped line; later unstamped lines are continuations
 * (ip monitor's {@code valid_lft}, a crash's stack trace) and are skipped.
 */
public final class TextLines {
    public static final int MAX_LINES = 2_000_000;
    private static final int MAX_LINE_CHARS = 4096;
    private static final Pattern YEAR = Pattern.compile("(?m)^\\[?(\\d{4})-\\d{2}-\\d{2}[T ]\\d{2}:|^\\S+ [A-Z][a-z]{2} +\\d{1,2} \\d{2}:\\d{2}:\\d{2} (\\d{4}): |\"__REALTIME_TIMESTAMP\"");

    private TextLines() { }

    /** True when the text is journald's JSON export. */
    public static boolean isJournalJson(String content) {
        return content.stripLeading().startsWith("{");
    }

    /** A year a file states (its first full date), or null: syslog's RFC 3164 stamps borrow it. */
    public static Integer statedYear(String content) {
        Matcher m = YEAR.matcher(content.length() > 65_536 ? content.substring(0, 65_536) : content);
        while (m.find()) {
            if (m.group(1) != null) return Integer.parseInt(m.group(1));
            if (m.group(2) != null) return Integer.parseInt(m.group(2));
        }
        return null;
    }

    /**
     * @param year the year for stamps without one (RFC 3164)
     */
    public static List<StampedLine> read(String file, String content, ZoneId zone, int year) throws IncidentException {
        return isJournalJson(content) ? journal(file, content) : stamped(file, content, zone, year);
    }

    private static List<StampedLine> stamped(String file, String content, ZoneId zone, int year) throws IncidentException {
        List<StampedLine> out = new ArrayList<>();
        String[] lines = content.split("\r?\n", -1);
        boolean seenStamp = false;
        for (int i = 0; i < lines.length; i++) {
            String raw = cut(lines[i]);
            if (raw.isBlank()) continue;
            if (i >= MAX_LINES) throw IncidentException.at(file, i + 1, "more than " + MAX_LINES + " lines; cut the log to the incident first");
            Stamp s = Stamp.parse(raw.strip(), zone, year);
            if (!s.hasTime()) {
                if (!seenStamp) {
                    throw IncidentException.at(file, i + 1, "no timestamp VIP Lab can read at the start of \"" + shorten(raw)
                            + "\" (expected keepalived -l -D, journalctl -o short-iso-precise, short-precise or json, RFC 3339 or RFC 3164 syslog,"
                            + " ip -ts monitor, tcpdump -tttt or a MariaDB error log)");
                }
                continue; // a continuation of the line before
            }
            seenStamp = true;
            out.add(new StampedLine(file, i + 1, s.epochUs(), s.resolutionUs(), s.program(), s.rest().strip()));
        }
        if (out.isEmpty()) throw IncidentException.at(file, 1, "the file is empty");
        return out;
    }

    private static List<StampedLine> journal(String file, String content) throws IncidentException {
        List<StampedLine> out = new ArrayList<>();
        String[] lines = content.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String raw = lines[i].strip();
            if (raw.isEmpty()) continue;
            if (i >= MAX_LINES) throw IncidentException.at(file, i + 1, "more than " + MAX_LINES + " lines; cut the export to the incident first");
            JsonObject o;
            try {
                JsonElement e = JsonParser.parseString(raw);
                if (!e.isJsonObject()) throw IncidentException.at(file, i + 1, "journal export line is not a JSON object");
                o = e.getAsJsonObject();
            } catch (JsonParseException | IllegalStateException e) {
                throw IncidentException.at(file, i + 1, "not JSON (journalctl -o json writes one object per line): " + e.getMessage());
            }
            long us;
            try {
                us = Long.parseLong(string(o, "__REALTIME_TIMESTAMP"));
            } catch (NumberFormatException | NullPointerException e) {
                throw IncidentException.at(file, i + 1, "__REALTIME_TIMESTAMP missing or not a number of microseconds");
            }
            String message = string(o, "MESSAGE");
            if (message == null) continue; // a binary MESSAGE (an array of bytes) is not a keepalived line
            String program = string(o, "SYSLOG_IDENTIFIER");
            if (program == null) program = string(o, "_COMM");
            out.add(new StampedLine(file, i + 1, us, 1, program, cut(message).strip()));
        }
        if (out.isEmpty()) throw IncidentException.at(file, 1, "the journal export holds no message");
        return out;
    }

    private static String string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
    }

    private static String cut(String s) { return s.length() > MAX_LINE_CHARS ? s.substring(0, MAX_LINE_CHARS) : s; }

    private static String shorten(String s) {
        String t = s.strip();
        return t.length() > 80 ? t.substring(0, 80) + "…" : t;
    }
}
