package org.viplab.core.text;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.viplab.core.timeline.LabEvent;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The one CSV of events, for the app's event-list export and the reports' events.csv: RFC 4180 (Apache Commons
 * CSV does the quoting), streamed row by row so a 24 h timeline never becomes one string. Cells are text from
 * the event (a script name, a log line) that a spreadsheet would otherwise run as a formula, so they are
 * neutralised as OWASP's "CSV Injection" page says; numbers stay numbers.
 */
public final class EventCsv {
    /** The columns: lab time in seconds and in microseconds, host, what produced it, machine kind, details. */
    public static final String[] HEADER = {"time_s", "t_us", "host", "source", "kind", "details"};

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader(HEADER).get();
    private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+(\\.\\d+)?");

    private EventCsv() { }

    /** Writes {@code events} as UTF-8, with a byte-order mark when asked (spreadsheets then read Chinese right). */
    public static void write(Iterable<? extends LabEvent> events, EventFormatter text, OutputStream out, boolean bom) throws IOException {
        if (bom) out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        write(events, text, w);
        w.flush();
    }

    /** Writes {@code events} to {@code w} (header first); flushes, never closes. */
    public static void write(Iterable<? extends LabEvent> events, EventFormatter text, Appendable w) throws IOException {
        CSVPrinter p = new CSVPrinter(w, FORMAT);
        for (LabEvent e : events) {
            p.printRecord(TimeText.seconds(e.timeUs()), Long.toString(e.timeUs()), cell(e.host()), cell(text.source(e)),
                    cell(e.kind()), cell(text.details(e)));
        }
        p.flush();
    }

    /**
     * Any other table in the same dialect (the sweep's one row per run): header first, each cell neutralised
     * as {@link #cell} says (numbers stay numbers); flushes, never closes.
     */
    public static void writeTable(java.util.List<String> header, Iterable<? extends java.util.List<String>> rows, Appendable w) throws IOException {
        CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180);
        p.printRecord(header.stream().map(EventCsv::cell).toList());
        for (java.util.List<String> row : rows) p.printRecord(row.stream().map(EventCsv::cell).toList());
        p.flush();
    }

    /**
     * A cell a spreadsheet shows as text: one that starts with {@code = + - @}, a tab or a carriage return is
     * prefixed with a single quote (OWASP), unless it is a plain number such as "-0.182".
     */
    public static String cell(String s) {
        if (s == null || s.isEmpty()) return "";
        char c = s.charAt(0);
        boolean risky = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
        return risky && !NUMBER.matcher(s).matches() ? "'" + s : s;
    }
}
