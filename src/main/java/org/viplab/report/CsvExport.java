package org.viplab.report;

import org.viplab.core.timeline.LabEvent;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** events.csv: every event, one a row, streamed (a 24 h timeline never becomes one string). RFC 4180 quoting. */
public final class CsvExport {
    public static final String HEADER = "time_s,t_us,host,kind,details";

    private CsvExport() { }

    public static void write(List<LabEvent> events, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        w.write(HEADER);
        w.write("\r\n");
        for (LabEvent e : events) {
            w.write(EventText.time(e.timeUs()));
            w.write(',');
            w.write(Long.toString(e.timeUs()));
            w.write(',');
            w.write(field(e.host()));
            w.write(',');
            w.write(field(e.kind()));
            w.write(',');
            w.write(field(EventText.details(e)));
            w.write("\r\n");
        }
        w.flush();
    }

    static String field(String s) {
        if (s == null) return "";
        boolean quote = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
        return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
