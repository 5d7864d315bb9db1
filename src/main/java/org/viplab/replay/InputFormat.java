package org.viplab.replay;

import org.viplab.replay.capture.CaptureReader;

import java.util.regex.Pattern;

/**
 * Names the format of an incident input from its content, as the sources list shows it. The parsers find the
 * format line by line ({@link TextLines}, {@link org.viplab.observe.Stamp}); this only says, from the first
 * stamped line, which form the file is in.
 */
public final class InputFormat {
    public static final String PCAP = "pcap";
    public static final String PCAPNG = "pcapng";
    public static final String JOURNAL_JSON = "journalctl -o json";
    private static final Pattern IP_MONITOR = Pattern.compile("^\\[\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d+\\]");
    private static final Pattern RFC3339 = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:?\\d{2}) ");
    private static final Pattern LOCAL_ISO = Pattern.compile("^\\d{4}-\\d{2}-\\d{2} [ \\d]\\d:\\d{2}:\\d{2}");
    private static final Pattern CTIME = Pattern.compile("^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{2} +\\d{1,2} \\d{2}:\\d{2}:\\d{2} \\d{4}: ");
    private static final Pattern SYSLOG_PRECISE = Pattern.compile("^[A-Z][a-z]{2} +\\d{1,2} \\d{2}:\\d{2}:\\d{2}\\.\\d+ ");
    private static final Pattern SYSLOG = Pattern.compile("^[A-Z][a-z]{2} +\\d{1,2} \\d{2}:\\d{2}:\\d{2} ");

    private InputFormat() { }

    /** "pcap" or "pcapng" for a capture's bytes, else null. */
    public static String ofCapture(byte[] bytes) {
        if (!CaptureReader.looksLikeCapture(bytes)) return null;
        return (bytes[0] & 0xFF) == 0x0A && (bytes[1] & 0xFF) == 0x0D ? PCAPNG : PCAP;
    }

    /** The form of a text input, from its first line that has a stamp VIP Lab reads. */
    public static String ofText(String content) {
        if (TextLines.isJournalJson(content)) return JOURNAL_JSON;
        for (String line : content.split("\r?\n", 200)) {
            String l = line.strip();
            if (l.isEmpty()) continue;
            if (IP_MONITOR.matcher(l).find()) return "ip -ts monitor";
            if (RFC3339.matcher(l).find()) return "RFC 3339 (rsyslog, journalctl -o short-iso-precise)";
            if (LOCAL_ISO.matcher(l).find()) {
                String rest = l.replaceFirst("^\\d{4}-\\d{2}-\\d{2} [ \\d]\\d:\\d{2}:\\d{2}(\\.\\d+)?\\s+", "");
                if (CTIME.matcher(rest).find()) return "keepalived -l -D behind a local stamp";
                if (rest.matches("^\\d+ \\[\\w+\\].*")) return "MariaDB error log";
                return "local time stamp (tcpdump -tttt, a log wrapper)";
            }
            if (CTIME.matcher(l).find()) return "keepalived -l -D";
            if (SYSLOG_PRECISE.matcher(l).find()) return "journalctl -o short-precise";
            if (SYSLOG.matcher(l).find()) return "RFC 3164 syslog";
            return "unknown";
        }
        return "empty";
    }
}
